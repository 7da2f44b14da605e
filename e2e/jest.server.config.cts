/* The built server as a black box: start-up, signals, the command line, faults of the SQLite file, its log, and
   several processes on one PostgreSQL database. */
module.exports = {
  displayName: 'server',
  testEnvironment: 'node',
  rootDir: '.',
  // On PostgreSQL only its own files run (several processes on one database); the rest are about the SQLite file.
  testMatch:
    process.env.MADOGUCHI_TEST_ENGINE === 'postgres'
      ? ['<rootDir>/server/**/*.postgres.spec.ts']
      : ['<rootDir>/server/**/*.spec.ts'],
  testPathIgnorePatterns: process.env.MADOGUCHI_TEST_ENGINE === 'postgres' ? [] : ['\\.postgres\\.spec\\.ts$'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: { '^@madoguchi/contracts$': '<rootDir>/../libs/contracts/src/index.ts' },
  testTimeout: 60_000,
};
