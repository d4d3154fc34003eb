import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.ts';
import { FixtureError } from '../server/demo/read-demo-fixtures.ts';
import { loadDemoData } from '../server/demo/load-demo-data.ts';
import { openMigratedDatabase, startServer } from '../server/main.ts';
import { demoFixturesFolder } from '../server/paths.ts';

const USAGE = `Usage: uppsikt <command> [options]

Commands:
  serve [--demo]   Start the server; with --demo, load the demo data into an empty database.
  migrate          Apply the database migrations and exit.
  seed --demo      Load the demo data (tenants already present are left alone) and exit.

Configuration (environment): DATABASE_URL (PostgreSQL; unset = embedded PGlite),
DATA_DIR (embedded database folder, default ./data), PORT (default 3000), HOST (default 127.0.0.1).`;

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { demo: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') {
    console.log(USAGE);
    return command === undefined && !values.help ? 1 : 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const server = await startServer(config, { demo: values.demo });
      const shutdown = () => {
        void server.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
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
        const result = await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, onProgress: console.log });
        console.log(`Demo data: created ${result.created.join(', ') || 'nothing'}; already present ${result.skipped.join(', ') || 'none'}.`);
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
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
