/* API black-box tests: the built server, a real SQLite file, HTTP. */
module.exports = {
  displayName: 'e2e-api',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/api/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@madoguchi/contracts$': '<rootDir>/../libs/contracts/src/index.ts' },
  testTimeout: 60_000,
};
