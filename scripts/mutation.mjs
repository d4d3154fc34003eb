#!/usr/bin/env node
// Runs Stryker (stryker.config.mjs) incrementally and keeps the committed results in
// test/mutation/incremental.json complete, whatever part of the code a run mutates.
//
//   npm run test:mutation                                   every configured module
//   npm run test:mutation -- --mutate 'src/domain/*.ts'     one module (within the configured set)
//   npm run test:mutation -- --changed origin/main          only the configured files changed since a revision
//   npm run test:mutation -- --stale                        only the configured files whose text differs from
//                                                            the one their recorded results were measured on (CI)
//
//   npm run test:mutation -- --mutate src/x.ts:10-40           a range of lines of a file
//   npm run test:mutation -- --changed origin/main --list   only print the files a run would mutate
//   npm run test:mutation -- --budget-minutes 15 …          stop Stryker after 15 minutes (exit code 3)
//   npm run test:mutation -- --scores                        the recorded score of each module and file, and
//                                                            every mutant that survived or was not covered
//
// Other arguments go to Stryker as they are (e.g. --testFiles, --force, --concurrency).
//
// Stryker writes its incremental file with the results of the files it mutated in that run only.
// This script therefore lets Stryker read and write a working copy under reports/ and then merges
// the run's files and tests back into the committed file, so that running one module never drops
// the recorded results of the others.
import { execFileSync, spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import config from '../stryker.config.mjs';

const root = path.resolve(import.meta.dirname, '..');
const committedFile = path.join(root, config.incrementalFile);
const workingFile = path.join(root, 'reports', 'mutation', 'incremental-run.json');
// Read by stryker.config.mjs through MUTATION_TSCONFIG; outside reports/, which Stryker does not copy.
const checkerConfigFile = 'tsconfig.mutation-run.json';

/**
 * The modules of stryker.config.mjs, in the order the configuration lists them: a file belongs to
 * the first module whose folder or file it is in.
 */
const MODULES = [
  ['domain rules', ['src/domain/']],
  ['access and roles', ['src/server/access/']],
  ['authentication and sessions', ['src/server/auth/']],
  ['audit', ['src/server/audit/']],
  ['HTTP contract', ['src/server/http/', 'src/server/errors.ts']],
  ['plan items', ['src/server/plan-items/']],
  ['jobs and outbox', ['src/server/jobs/', 'src/server/mail/outbox.ts']],
  ['plan model', ['src/server/plan-model/']],
  ['report builders', ['src/server/reports/']],
];

const { selection, changedSince, stale, budgetMinutes, rest } = parseArguments(process.argv.slice(2));

const configured = filesMatching(config.mutate);

if (rest.includes('--scores')) {
  printScores(existsSync(committedFile) ? JSON.parse(readFileSync(committedFile, 'utf8')) : { files: {} }, configured);
  process.exit(0);
}
let mutate;
if (stale) {
  // The record keeps the text each file had when it was measured: whatever commit recorded
  // results last, a file changed since its own measurement is found here.
  const recorded = existsSync(committedFile) ? JSON.parse(readFileSync(committedFile, 'utf8')).files : {};
  mutate = configured.filter((file) => recorded[file]?.source !== readFileSync(path.join(root, file), 'utf8'));
  console.log(`Configured files not measured as they are now: ${mutate.length === 0 ? 'none' : mutate.join(', ')}`);
  if (mutate.length === 0) process.exit(0);
} else if (changedSince !== undefined) {
  const changed = new Set([
    ...git(['diff', '--name-only', '--diff-filter=d', changedSince, '--']),
    ...git(['ls-files', '--others', '--exclude-standard']),
  ]);
  mutate = configured.filter((file) => changed.has(file));
  console.log(`Configured files changed since ${changedSince}: ${mutate.length === 0 ? 'none' : mutate.join(', ')}`);
  if (mutate.length === 0) process.exit(0);
} else if (selection.length > 0) {
  // A file may name a range of lines as Stryker allows: src/x.ts:10-40.
  const ranges = new Map(
    selection.flatMap((entry) =>
      /:\d+(?::\d+)?-\d+(?::\d+)?$/.test(entry)
        ? [[entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':'))]]
        : [],
    ),
  );
  const chosen = new Set(filesMatching(selection.map((entry) => entry.replace(/:\d+(?::\d+)?-\d+(?::\d+)?$/, ''))));
  mutate = configured.filter((file) => chosen.has(file)).map((file) => file + (ranges.get(file) ?? ''));
  if (mutate.length === 0) {
    console.error(`No file of the configured mutation set matches ${selection.join(', ')}.`);
    process.exit(1);
  }
}

if (rest.includes('--list')) {
  console.log((mutate ?? configured).join('\n'));
  process.exit(0);
}

mkdirSync(path.dirname(workingFile), { recursive: true });
writeCheckerConfig((mutate ?? configured).map((entry) => entry.replace(/:\d+(?::\d+)?-\d+(?::\d+)?$/, '')));
if (existsSync(committedFile)) copyFileSync(committedFile, workingFile);
else rmSync(workingFile, { force: true });
const strykerArguments = [
  'run',
  '--incrementalFile',
  path.relative(root, workingFile),
  ...(mutate ? ['--mutate', mutate.join(',')] : []),
  // Within a budget, the budget decides when a run is stopped: Stryker's own limit on its first
  // test run (5 min by default) would otherwise end a run over many changed files as an error
  // before the budget could name it as not measured.
  ...(budgetMinutes !== undefined && !rest.includes('--dryRunTimeoutMinutes')
    ? ['--dryRunTimeoutMinutes', String(Math.ceil(budgetMinutes) + 5)]
    : []),
  ...rest,
];
// Stryker runs in a process group of its own, so that a run over its budget is stopped whole
// (its test runners and checker too), not only the command that started it.
const stryker = spawn('npx', ['stryker', ...strykerArguments], {
  cwd: root,
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, MUTATION_TSCONFIG: checkerConfigFile },
});
let overBudget = false;
const budget =
  budgetMinutes === undefined
    ? undefined
    : setTimeout(() => {
        overBudget = true;
        console.error(
          `\nThe mutation run used its budget of ${budgetMinutes} min and is stopped; not measured: ${(mutate ?? configured).join(', ')}.`,
        );
        console.error(
          'Run it without --budget-minutes on a quiet machine and commit test/mutation/incremental.json (docs/mutation-testing.md).',
        );
        try {
          process.kill(-stryker.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }, budgetMinutes * 60_000);
const run = await new Promise((resolve) => stryker.on('exit', (status) => resolve({ status })));
if (budget) clearTimeout(budget);
if (overBudget) process.exit(3);

// Stryker writes its results even when the score is below the threshold; keep them either way.
if (existsSync(workingFile)) {
  const result = JSON.parse(readFileSync(workingFile, 'utf8'));
  const merged =
    mutate && existsSync(committedFile)
      ? mergeReports(
          JSON.parse(readFileSync(committedFile, 'utf8')),
          result,
          configured,
          mutate.map((entry) => entry.replace(/:\d+(?::\d+)?-\d+(?::\d+)?$/, '')),
        )
      : result;
  mkdirSync(path.dirname(committedFile), { recursive: true });
  writeFileSync(committedFile, `${JSON.stringify(merged, null, 2)}\n`);
}
process.exit(run.status ?? 1);

/**
 * The TypeScript checker's project for this run: the mutated files and what they import, not the
 * whole code base. Compiling every mutant against all ~300 files cost ~3.6 s a mutant on a 2-core
 * machine, more than its tests; against the mutated files' own import graph, about half that. The
 * price: a mutant that compiles in its own file but breaks a caller elsewhere is tested instead of
 * being set aside as a compile error (the tests then usually kill it).
 */
function writeCheckerConfig(files) {
  const config = {
    extends: './tsconfig.mutation.json',
    include: files,
    exclude: [],
  };
  writeFileSync(
    path.join(root, checkerConfigFile),
    `// Written by scripts/mutation.mjs for one run; not committed.\n${JSON.stringify(config, null, 2)}\n`,
  );
}

/** The earlier results with this run's files and tests put in their place (and files no longer configured dropped). */
function mergeReports(earlier, latest, configuredFiles, mutatedFiles) {
  const stillConfigured = new Set(configuredFiles);
  // Stryker's file lists every file of its working copy with the text it has now, also those it
  // did not mutate; only the mutated files' entries are new results. Taking the others too would
  // record their present text with results measured on an older one, and `--stale` would no
  // longer find them.
  const mutated = new Set(mutatedFiles);
  const fresh = Object.fromEntries(Object.entries(latest.files).filter(([file]) => mutated.has(file)));
  const files = Object.fromEntries(
    Object.entries({ ...earlier.files, ...fresh }).filter(([file]) => stillConfigured.has(file)),
  );
  return { ...latest, files, testFiles: { ...earlier.testFiles, ...latest.testFiles } };
}

/**
 * The recorded results (test/mutation/incremental.json) per module and file, with the mutants that
 * survived or that no test reached. Score = (killed + timed out) / (those + survived + not
 * covered), as Stryker counts it; mutants that do not compile and ignored (static) ones are not
 * counted. A configured file without results is shown as not measured.
 */
function printScores(report, files) {
  const counted = (mutants) => {
    const count = (...statuses) => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
    const detected = count('Killed', 'Timeout');
    const undetected = count('Survived', 'NoCoverage');
    return {
      detected,
      undetected,
      score: detected + undetected === 0 ? undefined : (100 * detected) / (detected + undetected),
    };
  };
  const percent = (score) => (score === undefined ? '–' : `${score.toFixed(1)} %`);
  const undetected = [];
  for (const [name, prefixes] of MODULES) {
    const own = files.filter((file) => prefixes.some((prefix) => file.startsWith(prefix)));
    if (own.length === 0) continue;
    const measured = own.filter((file) => report.files[file]);
    const all = counted(measured.flatMap((file) => report.files[file].mutants));
    console.log(
      `\n${name}: ${percent(all.score)} (${all.detected} detected, ${all.undetected} not)${measured.length < own.length ? `, ${own.length - measured.length} of ${own.length} files without results` : ''}`,
    );
    for (const file of own) {
      const mutants = report.files[file]?.mutants;
      if (!mutants) {
        console.log(`  ${file}: no results recorded (not measured, or nothing to mutate)`);
        continue;
      }
      const result = counted(mutants);
      console.log(`  ${file}: ${percent(result.score)} (${result.detected} detected, ${result.undetected} not)`);
      for (const mutant of mutants.filter((entry) => entry.status === 'Survived' || entry.status === 'NoCoverage')) {
        undetected.push(
          `  ${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.status === 'Survived' ? 'survived' : 'not covered'} ${mutant.mutatorName}: ${(mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100)}`,
        );
      }
    }
  }
  console.log(
    undetected.length === 0
      ? '\nNo recorded mutant survived.'
      : `\nSurvived or not covered (${undetected.length}):\n${undetected.join('\n')}`,
  );
}

function parseArguments(argv) {
  const selection = [];
  const rest = [];
  let changedSince;
  let budgetMinutes;
  let stale = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--stale') {
      stale = true;
      continue;
    }
    if (argument === '--mutate' || argument === '-m') selection.push(...argv[(index += 1)].split(','));
    else if (argument.startsWith('--mutate=')) selection.push(...argument.slice('--mutate='.length).split(','));
    else if (argument === '--changed') changedSince = argv[(index += 1)];
    else if (argument === '--budget-minutes') budgetMinutes = Number(argv[(index += 1)]);
    else rest.push(argument);
  }
  if (changedSince === '' || (argv.includes('--changed') && changedSince === undefined)) {
    console.error('--changed needs a git revision, e.g. --changed origin/main');
    process.exit(2);
  }
  if (budgetMinutes !== undefined && !(budgetMinutes > 0)) {
    console.error('--budget-minutes needs a number of minutes above 0, e.g. --budget-minutes 15');
    process.exit(2);
  }
  return { selection, changedSince, stale, budgetMinutes, rest };
}

/** The files (tracked, or new and not ignored) matched by Stryker-style globs, `!` excluding (as Stryker reads `mutate`). */
function filesMatching(patterns) {
  const including = patterns.filter((pattern) => !pattern.startsWith('!'));
  const excluding = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  return [...new Set(git(['ls-files', '--cached', '--others', '--exclude-standard']))]
    .filter(
      (file) =>
        including.some((pattern) => path.matchesGlob(file, pattern)) &&
        !excluding.some((pattern) => path.matchesGlob(file, pattern)),
    )
    .sort();
}

function git(args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '');
}
