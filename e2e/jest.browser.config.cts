/* Browser tests: the built server and UI, driven in Debian's Chromium through playwright-core. */
module.exports = {
  displayName: 'e2e-browser',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/browser/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@madoguchi/contracts$': '<rootDir>/../libs/contracts/src/index.ts' },
  testTimeout: 120_000,
  maxWorkers: 1,
};
