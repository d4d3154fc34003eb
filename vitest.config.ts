import { defineConfig } from 'vitest/config';

// Every test runs on embedded PGlite. When DATABASE_URL names a PostgreSQL server, the tests
// that touch the database run a second time against it (each file in a database of its own).
const postgresUrl = process.env.DATABASE_URL;
const databaseTests = ['src/server/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'pglite', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], env: { DATABASE_URL: '' } },
      },
      // Browser journeys: the built app in Debian's Chromium, on the embedded database.
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], globalSetup: ['e2e/support/build.ts'], env: { DATABASE_URL: '' } } },
      ...(postgresUrl
        ? [{ extends: true as const, test: { name: 'postgresql', include: databaseTests, env: { DATABASE_URL: postgresUrl } } }]
        : []),
    ],
  },
});
