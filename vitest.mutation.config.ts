import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (stryker.config.mjs): the unit and server tests on
// embedded PGlite only (the `pglite` project's server, domain and web-lib tests), never the
// browser journeys and never PostgreSQL. Stryker runs them in one worker of its own per sandbox.
//
// MUTATION_TEST_FILES (comma-separated globs) narrows them, e.g. to a module's own unit tests:
// MUTATION_TEST_FILES='src/domain/**/*.test.ts'. Prefer this to Stryker's --testFiles, which in
// 9.6 activates static mutants too late and reports them as survived (stryker-js issue 6144).
const defaultTests = ['src/server/**/*.test.ts', 'src/domain/**/*.test.ts', 'src/web/lib/**/*.test.ts'];
// Commas inside braces belong to the glob ('src/x/{a,b}.test.ts'), so only the others separate globs.
const chosenTests = process.env.MUTATION_TEST_FILES?.split(/,(?![^{]*\})/).filter((glob) => glob !== '');

export default defineConfig({
  test: {
    name: 'mutation',
    include: chosenTests && chosenTests.length > 0 ? chosenTests : defaultTests,
    env: { DATABASE_URL: '' },
    // Each test file loads a copy of a database migrated once per run (as in vitest.config.ts):
    // a mutant's tests then spend their time on the test, not on migrating.
    globalSetup: ['test/support/database-templates.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
