import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { REPORT_FORMATS, REPORT_KINDS, type ReportFormat, type ReportKind } from '../domain/contracts/reports.ts';
import { operatorAccess } from '../server/access/access.ts';
import { runningClockFrom, systemClock } from '../domain/clock.ts';
import { AppError } from '../server/errors.ts';
import { generateReport } from '../server/reports/generate-report.ts';
import { findScopeByNames, findTenantBySlug, ScopeError } from '../server/reports/report-scope.ts';
import { resolveArchive, writeArchive } from '../server/reports/archive/build-archive.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { FixtureError } from '../server/demo/read-demo-fixtures.ts';
import { loadDemoData } from '../server/demo/load-demo-data.ts';
import { openMigratedDatabase, startServer } from '../server/main.ts';
import { demoFixturesFolder } from '../server/paths.ts';
import { runImportCommand } from './import-command.ts';
import { runTenantCommand } from './tenant-command.ts';

const USAGE = `Usage: uppsikt <command> [options]

Commands:
  serve [--demo]   Start the server; with --demo, load the demo data into an empty database.
  migrate          Apply the database migrations and exit.
  seed --demo      Load the demo data (tenants already present are left alone) and exit.
  report <kind> --tenant <slug> --unit "<unit name>"
         --period <2020|2020-2021|2020-Q3|2020-T2|2020-H1|2020-D|2020-P1|"<period name>">
         --format <docx|pdf|xlsx|html|md> --out <file> [--lang sv|en] [--archival]
         [--plan <plan id>] [--revision <n>]
                   Write a report to a file. Kinds: ${REPORT_KINDS.join(', ')}.
  archive --tenant <slug> [--unit "<unit name>"] --year <YYYY> --out <file.zip> [--lang sv|en]
                   Write the årsarkiv (annual archive package, E-ARK CSIP as a ZIP) of a unit, or
                   without --unit of every unit of the tenant: the adopted plans with every revision
                   as PDF/A, the issued reports as sent, the plans' data as JSON and CSV, the audit
                   events of that data, and METS.xml.
  import FILE --tenant <slug> --unit "<unit name>" --year <YYYY> [--kind internal-control|activity-plan]
         [--mapping NAME] [--dry-run] [--json]
                   Import a plan and its follow-ups from XLSX, CSV or DOCX (uppsikt import --help).
  tenant create|list|suspend|resume
                   Operators: create an organisation with its first administrator, list,
                   suspend or resume one (uppsikt tenant --help).

Configuration (environment): DATABASE_URL (PostgreSQL; unset = embedded PGlite),
DATA_DIR (embedded database folder, default ./data), PORT (default 3000), HOST (default 127.0.0.1),
PUBLIC_URL (the address people open, for links; default the server's own).`;

async function run(argv: string[]): Promise<number> {
  // The tenant and import commands have options of their own.
  if (argv[0] === 'tenant') return runTenantCommand(argv.slice(1), loadConfig());
  if (argv[0] === 'import') return runImportCommand(argv.slice(1), loadConfig());
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      tenant: { type: 'string' },
      unit: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string', default: 'pdf' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'sv' },
      archival: { type: 'boolean', default: false },
      plan: { type: 'string' },
      revision: { type: 'string' },
      year: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') {
    console.log(USAGE);
    return command === undefined && !values.help ? 1 : 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const clock = config.clockStart ? runningClockFrom(config.clockStart) : systemClock;
      const starting = startServer(config, { demo: values.demo, clock });
      // Listening for the signals from the first moment: a stop asked for while the server is
      // still starting (it has already logged its address or setup code) waits for the start to
      // finish and then stops cleanly, instead of killing the process half-way.
      const shutdown = () => {
        void starting
          .then((server) => server.stop())
          .then(
            () => process.exit(0),
            () => process.exit(1),
          );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await starting;
      return new Promise<number>(() => {});
    }
    case 'migrate': {
      const database = await openMigratedDatabase(config);
      console.log(`Migrations applied (${database.kind}).`);
      await database.close();
      return 0;
    }
    case 'seed': {
      if (!values.demo) {
        console.error('uppsikt seed needs --demo (the only data set there is).');
        return 1;
      }
      const database = await openMigratedDatabase(config);
      try {
        // Takes its turn with servers starting on the same database, which may load the demo too.
        const result = await database.duringStartup(() =>
          loadDemoData(database.db, {
            fixturesFolder: demoFixturesFolder,
            clock: config.clockStart ? runningClockFrom(config.clockStart) : systemClock,
            onProgress: console.log,
          }),
        );
        console.log(
          `Demo data: created ${result.created.join(', ') || 'nothing'}; already present ${result.skipped.join(', ') || 'none'}.`,
        );
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'report':
      return writeReport(positionals[1], values);
    case 'archive':
      return writeArchiveFile(values);
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

/** `uppsikt report`: one report to a file, with the operator's rights over the whole tenant. */
async function writeReport(
  kind: string | undefined,
  options: {
    tenant?: string | undefined;
    unit?: string | undefined;
    period?: string | undefined;
    format?: string | undefined;
    out?: string | undefined;
    lang?: string | undefined;
    archival?: boolean | undefined;
    plan?: string | undefined;
    revision?: string | undefined;
  },
): Promise<number> {
  const problems: string[] = [];
  if (!kind || !(REPORT_KINDS as readonly string[]).includes(kind))
    problems.push(`the kind must be one of ${REPORT_KINDS.join(', ')}`);
  for (const name of ['tenant', 'unit', 'period', 'out'] as const)
    if (!options[name]) problems.push(`--${name} is missing`);
  if (!(REPORT_FORMATS as readonly string[]).includes(options.format ?? ''))
    problems.push(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  if (options.lang !== 'sv' && options.lang !== 'en') problems.push('--lang must be sv or en');
  if (options.revision !== undefined && !/^[1-9]\d*$/.test(options.revision))
    problems.push('--revision must be a whole number from 1');
  if (problems.length > 0) {
    console.error(`uppsikt report: ${problems.join('; ')}.\n\n${USAGE}`);
    return 1;
  }
  const database = await openMigratedDatabase(loadConfig());
  try {
    const scope = await findScopeByNames(database.db, options.tenant!, options.unit!);
    console.log(
      `Generating ${kind} for ${options.unit} (${options.tenant}), ${options.period}, as ${options.format} …`,
    );
    const started = performance.now();
    const report = await generateReport(database.db, operatorAccess(scope.tenantId, systemClock), {
      kind: kind as ReportKind,
      unitId: scope.unitId,
      period: options.period!,
      format: options.format as ReportFormat,
      locale: options.lang as 'sv' | 'en',
      archival: options.archival === true,
      planId: options.plan,
      revision: options.revision === undefined ? undefined : Number(options.revision),
    });
    writeFileSync(options.out!, report.bytes);
    console.log(
      `Wrote "${report.title}" to ${options.out} (${report.bytes.length} bytes, ${Math.round(performance.now() - started)} ms).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ScopeError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof AppError) {
      const details = error.errors.map(
        (field) => `${field.path}: ${typeof field.message === 'string' ? field.message : field.message.en}`,
      );
      const detail =
        error.detail === undefined ? error.code : typeof error.detail === 'string' ? error.detail : error.detail.en;
      console.error(`uppsikt report: ${[detail, ...details].join('; ')}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

/** `uppsikt archive`: the årsarkiv of a unit (or the tenant) and year to a ZIP file, with progress, as the operator. */
async function writeArchiveFile(options: {
  tenant?: string | undefined;
  unit?: string | undefined;
  year?: string | undefined;
  out?: string | undefined;
  lang?: string | undefined;
}): Promise<number> {
  const problems: string[] = [];
  for (const name of ['tenant', 'year', 'out'] as const) if (!options[name]) problems.push(`--${name} is missing`);
  if (options.year && !/^\d{4}$/.test(options.year)) problems.push('--year must be a year of four digits');
  if (options.lang !== 'sv' && options.lang !== 'en') problems.push('--lang must be sv or en');
  if (problems.length > 0) {
    console.error(`uppsikt archive: ${problems.join('; ')}.\n\n${USAGE}`);
    return 1;
  }
  const database = await openMigratedDatabase(loadConfig());
  // Written beside the target and moved into place when complete: a failed run leaves no half a package.
  const partial = `${options.out!}.partial`;
  try {
    const scope =
      options.unit === undefined
        ? { ...(await findTenantBySlug(database.db, options.tenant!)), unitId: undefined }
        : await findScopeByNames(database.db, options.tenant!, options.unit);
    const access = operatorAccess(scope.tenantId, systemClock);
    const plan = await resolveArchive(database.db, access, {
      unitId: scope.unitId,
      year: options.year!,
      locale: options.lang as 'sv' | 'en',
    });
    console.log(
      `Årsarkiv ${plan.year} for ${options.unit ?? `every unit of ${options.tenant}`}: ${plan.units.length} unit(s), ${plan.steps} step(s) …`,
    );
    const started = performance.now();
    const file = createWriteStream(partial);
    const summary = await writeArchive(
      database.db,
      access,
      plan,
      async (chunk) => {
        if (!file.write(chunk)) await once(file, 'drain');
      },
      (progress) => console.log(`[${progress.done}/${progress.total}] ${progress.step}`),
    );
    file.end();
    await once(file, 'finish');
    renameSync(partial, options.out!);
    console.log(
      `Wrote ${plan.fileName} to ${options.out} (${summary.files} files, ${summary.bytes} bytes before compression${summary.notPdfA > 0 ? `, ${summary.notPdfA} issued report(s) kept as issued, not PDF/A` : ''}, ${Math.round(performance.now() - started)} ms).`,
    );
    return 0;
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof ScopeError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof AppError) {
      const details = error.errors.map(
        (field) => `${field.path}: ${typeof field.message === 'string' ? field.message : field.message.en}`,
      );
      const detail =
        error.detail === undefined ? error.code : typeof error.detail === 'string' ? error.detail : error.detail.en;
      console.error(
        `uppsikt archive: ${[detail, ...details.filter((line) => !line.endsWith(`: ${detail}`))].join('; ')}`,
      );
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\nFix the environment variables above and start again.`);
    } else if (error instanceof FixtureError) {
      console.error(`Demo data file ${error.file} is invalid at ${error.field}: ${error.problem}`);
    } else if (error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\n\n${USAGE}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
