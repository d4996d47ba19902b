/** Unit tests (`*.test.ts`) need nothing; integration tests (`*.int.test.ts`) need a Neo4j they may wipe, at PAPERGRAPH_TEST_NEO4J_URI. */
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }];

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Without a Neo4j the integration files cannot run; `npm test` (scripts/test.mjs) starts one or says loudly it skipped them.
  testPathIgnorePatterns: process.env.PAPERGRAPH_TEST_NEO4J_URI ? ['/node_modules/'] : ['/node_modules/', '\\.int\\.test\\.ts$'],
  testTimeout: 60_000,
  // Builds web/dist when it is missing (the page tests need it).
  globalSetup: '<rootDir>/test/support/build-web-pages.mjs',
};
