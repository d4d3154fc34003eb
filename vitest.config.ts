import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Every test runs on embedded PGlite. When DATABASE_URL names a PostgreSQL server, the tests
// that touch the database run a second time against it (each file in a database of its own).
const postgresUrl = process.env.DATABASE_URL;
const databaseTests = ['src/server/**/*.test.ts'];
// Each file's database is a copy of one migrated once per run (or kept from an earlier run).
const databaseTemplates = ['test/support/database-templates.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default leaves one core idle; the test files wait on databases, servers and the
    // browser often enough that using every core (at least two) pays.
    maxWorkers: Math.max(2, availableParallelism()),
    // A worker runs its files one after another in one module graph instead of importing the
    // whole server again for every file (that import was half of a server test file's time).
    // Nothing in the tests mocks modules or changes globals, and each file builds its own
    // database and app, so the files stay independent; CI runs them in a shuffled order to
    // keep it so.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: databaseTemplates,
          env: { DATABASE_URL: '' },
        },
      },
      // The web app's hooks and components, rendered in happy-dom and queried as a user finds
      // them (Testing Library, by role and accessible name).
      {
        extends: true,
        test: {
          name: 'web',
          include: ['src/web/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['test/web/setup.ts'],
        },
      },
      // Browser journeys: the built app in Debian's Chromium, on the embedded database.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // A journey is dozens of steps in a real browser; its timeout is there to stop a hang,
          // not to time it. On a 2-core CI machine with the database tests running beside it, the
          // longest journeys (the administration's) came within a second of 60 s and then over it.
          testTimeout: 180_000,
          globalSetup: ['e2e/support/build.ts'],
          env: { DATABASE_URL: '' },
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgresql',
                include: databaseTests,
                globalSetup: databaseTemplates,
                env: { DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
