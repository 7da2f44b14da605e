import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

// The app runs zoneless, so the tests do too.
setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});
