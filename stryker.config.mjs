// Mutation testing (StrykerJS): Stryker changes the code one small bug at a time (a `<` becomes
// `<=`, a condition becomes `true`, a string becomes empty …) and runs the tests that cover it.
// A mutant the tests do not notice ("survived") is a bug the suite would let through. See
// docs/mutation-testing.md for how to run it and the rule for surviving mutants.
//
// The modules below are those where a bug costs trust. The tests and their helpers (in
// test/support/, outside src/) are never mutated.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    // The domain rules: risk value, periods, "today", status, roles.
    'src/domain/*.ts',
    // Access and roles.
    'src/server/access/**/*.ts',
    // Authentication and sessions.
    'src/server/auth/**/*.ts',
    // Audit.
    'src/server/audit/**/*.ts',
    // The HTTP contract: validation, versions, problem+json, standard routes.
    'src/server/http/**/*.ts',
    'src/server/errors.ts',
    // The plan items' shared rules.
    'src/server/plan-items/**/*.ts',
    // The jobs: reminders, the weekly digest, the outbox.
    'src/server/jobs/**/*.ts',
    'src/server/mail/outbox.ts',
    // The plan read model every report, plan version and comparison reads, and its snapshots.
    'src/server/plan-model/**/*.ts',
    // The report builders' content: what a report says. The renderers (render-*.ts, the PDF's
    // word boxes, column widths) draw it; their layout is held by the fidelity and PDF-layout tests.
    'src/server/reports/**/*.ts',
    '!src/server/reports/render-*.ts',
    '!src/server/reports/pdf-word-boxes.ts',
    '!src/server/reports/column-widths.ts',
    // The PDF/UA identification of the archive copy: held by pdf-accessibility.test.ts.
    '!src/server/reports/pdf-ua-identification.ts',
    // Where a PDF is typeset (a worker thread), not what it says, as with the renderers; held by
    // pdf-render-pool.test.ts.
    '!src/server/reports/pdf-render-pool.ts',
    '!src/server/reports/pdf-worker.ts',
    // Not listed on purpose: the server's message catalogues (src/server/messages/). They hold
    // texts, not logic; each text is asserted by the tests of the rule that sends it, and
    // messages.test.ts holds the two languages together.
    // Never the tests (their helpers live in test/support/, outside src/).
    '!**/*.test.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  // scripts/mutation.mjs narrows the checker to the run's files (MUTATION_TSCONFIG); run directly,
  // Stryker compiles every mutant against the whole server.
  tsconfigFile: process.env.MUTATION_TSCONFIG ?? 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Only the mutants whose code or covering tests changed since the last run are tested again.
  // The file is committed, so CI and every clone start from the last recorded results.
  incremental: true,
  // Static mutants (in module-level tables: labels, defaults, enumerations) run only when a file
  // is loaded, so Stryker must re-run every related test file for each of them — with the
  // database-backed server tests, minutes per mutant. They are left out of the runs; the tables
  // are pinned by the modules' own tests (e.g. src/domain/role.test.ts). MUTATION_STATIC=1 takes
  // them in, for a module whose own tests are quick (see docs/mutation-testing.md).
  ignoreStatic: process.env.MUTATION_STATIC !== '1',
  incrementalFile: 'test/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: 80 },
  // Two cores shared with others: one test runner, one checker.
  concurrency: 1,
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
