// jest-preset-angular 17: the preset is built by `createCjsPreset` (the `globals.ngJest` form is gone).
const { createCjsPreset } = require('jest-preset-angular/presets');

const angularPreset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

module.exports = {
  ...angularPreset,
  displayName: 'admin',
  // Nx's preset supplies the resolver that maps `@madoguchi/*` paths from tsconfig.base.json.
  preset: '../../jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../coverage/apps/admin',
};
