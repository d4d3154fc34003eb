import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (stryker.config.mjs): the unit and server tests on
// embedded PGlite only (the `pglite` project's server, domain and web-lib tests), never the
// browser journeys and never PostgreSQL. Stryker runs them in one worker of its own per sandbox.
export default defineConfig({
  test: {
    name: 'mutation',
    include: ['src/server/**/*.test.ts', 'src/domain/**/*.test.ts', 'src/web/lib/**/*.test.ts'],
    env: { DATABASE_URL: '' },
    // Each test file loads a copy of a database migrated once per run (as in vitest.config.ts):
    // a mutant's tests then spend their time on the test, not on migrating.
    globalSetup: ['test/support/database-templates.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
