/* The built server as a black box: start-up, signals, the command line, faults of the SQLite file, its log. */
module.exports = {
  displayName: 'server',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/server/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@madoguchi/contracts$': '<rootDir>/../libs/contracts/src/index.ts' },
  testTimeout: 60_000,
};
