/* The API tier: the app in this Jest process (startApi) over HTTP, on the engine MADOGUCHI_TEST_ENGINE names. */
module.exports = {
  displayName: `api-${process.env.MADOGUCHI_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite'}`,
  testEnvironment: 'node',
  // The repository, so that `--coverage` measures the API's own sources (npm run test:api:coverage).
  rootDir: '..',
  roots: ['<rootDir>/e2e/api', '<rootDir>/e2e/support'],
  testMatch: ['<rootDir>/e2e/api/**/*.spec.ts'],
  // PostgreSQL's own faults and relay run on it alone, as SQLite's file faults do in e2e/server.
  testPathIgnorePatterns: process.env.MADOGUCHI_TEST_ENGINE === 'postgres' ? [] : ['\\.postgres\\.spec\\.ts$'],
  transform: {
    // Transpiled only (isolatedModules): the type-check runs on its own, and checking a whole server per file is slow.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@madoguchi/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@madoguchi/rules$': '<rootDir>/libs/rules/src/index.ts',
    '^@madoguchi/demo-data$': '<rootDir>/tools/demo-data/src/index.ts',
  },
  collectCoverageFrom: ['<rootDir>/apps/api/src/**/*.ts', '!**/*.spec.ts', '!<rootDir>/apps/api/src/main.ts'],
  coverageDirectory: '<rootDir>/coverage/e2e-api',
  coverageReporters: ['text-summary', 'html'],
  testTimeout: 60_000,
};
