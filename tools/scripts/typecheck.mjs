// Type-checks every project's sources and tests with the compiler alone (the builds check the Angular templates).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const configs = [
  'libs/contracts/tsconfig.lib.json',
  'libs/contracts/tsconfig.spec.json',
  'libs/rules/tsconfig.lib.json',
  'libs/rules/tsconfig.spec.json',
  'tools/demo-data/tsconfig.lib.json',
  'tools/demo-data/tsconfig.spec.json',
  'apps/api/tsconfig.app.json',
  'apps/api/tsconfig.spec.json',
  'apps/admin/tsconfig.app.json',
  'apps/admin/tsconfig.spec.json',
  'e2e/tsconfig.json',
].filter((config) => existsSync(config));

let failed = false;
for (const config of configs) {
  try {
    execFileSync('npx', ['tsc', '--noEmit', '-p', config], { stdio: 'inherit' });
    console.log(`typecheck ok: ${config}`);
  } catch {
    failed = true;
    console.error(`typecheck FAILED: ${config}`);
  }
}
process.exit(failed ? 1 : 0);
