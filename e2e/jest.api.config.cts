/* The API tier: the app in this Jest process (startApi) over HTTP, on the engine MADOGUCHI_TEST_ENGINE names. */
module.exports = {
  displayName: `api-${process.env.MADOGUCHI_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite'}`,
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/api/**/*.spec.ts'],
  // PostgreSQL's own faults and relay run on it alone, as SQLite's file faults do in e2e/server.
  testPathIgnorePatterns: process.env.MADOGUCHI_TEST_ENGINE === 'postgres' ? [] : ['\\.postgres\\.spec\\.ts$'],
  transform: {
    // Transpiled only (isolatedModules): the type-check runs on its own, and checking a whole server per file is slow.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@madoguchi/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
    '^@madoguchi/rules$': '<rootDir>/../libs/rules/src/index.ts',
    '^@madoguchi/demo-data$': '<rootDir>/../tools/demo-data/src/index.ts',
  },
  testTimeout: 60_000,
};
