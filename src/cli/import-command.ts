import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { systemClock, type Clock } from '../domain/clock.ts';
import type { PlanKind } from '../domain/plan.ts';
import { operatorWriteAccess } from '../server/access/access.ts';
import type { Config } from '../server/config.ts';
import type { DatabaseHandle } from '../server/db/client.ts';
import { importMappings } from '../server/db/schema/plan-imports.ts';
import { AppError, type LocalizedText } from '../server/errors.ts';
import { commitImport, issuePath, prepareImport } from '../server/features/plan-import/prepare-import.ts';
import { detectFormat } from '../server/features/plan-import/read-file.ts';
import { COUNT_KEY, zeroCounts, type ImportCounts } from '../server/features/plan-import/write-import.ts';
import { openMigratedDatabase } from '../server/main.ts';
import { findScopeByNames, ScopeError } from '../server/reports/report-scope.ts';

export const IMPORT_USAGE = `Usage: uppsikt import FILE --tenant SLUG --unit "NAME" --year YYYY
         [--kind internal-control|activity-plan] [--mapping NAME] [--dry-run] [--json]
         [--valid-rows-only] [--lang sv|en]

  Import a plan and its follow-ups from an XLSX workbook (Uppsikt's own export of a plan, or a
  plan table in the organisation's layout), a CSV file or a Word document (DOCX) into the unit's
  plan of the year (created if there is none). Prints what was created; with --dry-run, what
  would be, writing nothing. Everything is written in one transaction, or nothing: a row with an
  error stops the import unless --valid-rows-only is given.

  --kind      the plan kind when the unit has none of the year yet (default: what the file holds)
  --mapping   a column mapping saved in Uppsikt, for a plan table whose headings it does not know
  --json      one object: {"created": {...}, "errors": [{"sheet", "row", "column", "message"}]}`;

const KINDS: Record<string, PlanKind> = { 'internal-control': 'internal_control', 'activity-plan': 'activity' };
/** The audit log names the command as the actor. */
const ACTOR_LABEL = 'cli:import';

interface ImportIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** A terminal shows a progress bar on it. */
  progress?: ((line: string) => void) | undefined;
  clock?: Clock;
  /** The database to import into; by default the configured one, migrated (tests pass their own). */
  database?: () => Promise<DatabaseHandle>;
}

/** `uppsikt import …`; returns the exit code. */
export async function runImportCommand(
  argv: string[],
  config: Config,
  io: ImportIo = {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    progress: process.stderr.isTTY ? (line) => process.stderr.write(line) : undefined,
  },
): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      unit: { type: 'string' },
      year: { type: 'string' },
      kind: { type: 'string' },
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'valid-rows-only': { type: 'boolean', default: false },
      lang: { type: 'string', default: 'sv' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const file = positionals[0];
  const problems: string[] = [];
  if (!file) problems.push('the FILE to import is missing');
  for (const name of ['tenant', 'unit', 'year'] as const) if (!values[name]) problems.push(`--${name} is missing`);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) problems.push('--year must be a year such as 2021');
  if (values.kind !== undefined && !(values.kind in KINDS))
    problems.push('--kind must be internal-control or activity-plan');
  if (values.lang !== 'sv' && values.lang !== 'en') problems.push('--lang must be sv or en');
  if (file && problems.length === 0) {
    try {
      if (statSync(file).size > config.importMaxBytes)
        problems.push(`${file} is larger than ${Math.round(config.importMaxBytes / 1024 / 1024)} MB (IMPORT_MAX_MB)`);
    } catch {
      problems.push(`${file} cannot be read`);
    }
  }
  if (problems.length > 0) {
    io.err(`uppsikt import: ${problems.join('; ')}.\n\n${IMPORT_USAGE}`);
    return 1;
  }
  const locale = values.lang as 'sv' | 'en';
  const text = (message: string | LocalizedText) => (typeof message === 'string' ? message : message[locale]);
  const database = await (io.database ?? (() => openMigratedDatabase(config)))();
  let bar: ProgressBar | undefined;
  try {
    const scope = await findScopeByNames(database.db, values.tenant!, values.unit!);
    const access = await operatorWriteAccess(database.db, scope.tenantId, io.clock ?? systemClock, ACTOR_LABEL);
    const bytes = new Uint8Array(readFileSync(file!));
    const format = await detectFormat(bytes);
    const saved =
      values.mapping === undefined ? null : await savedMappingByName(database.db, scope.tenantId, values.mapping);
    bar = !values.json && io.progress ? new ProgressBar(io.progress, locale) : undefined;
    const prepared = await prepareImport(database.db, access, {
      bytes,
      format,
      target: { unitId: scope.unitId, year: Number(values.year), kind: values.kind ? KINDS[values.kind] : undefined },
      saved,
      progress: bar?.update('read'),
    });
    bar?.finish();
    const planned = prepared.planned;
    const errors = [...planned.errors, ...planned.rows.flatMap((row) => row.errors)].map((issue) => ({
      sheet: issue.sheet,
      row: issue.row,
      column: issue.column,
      message: issue.message[locale],
    }));
    const wouldCreate = zeroCounts();
    for (const create of planned.creates) wouldCreate[COUNT_KEY[create.entity]]++;
    const refused = planned.errors.length > 0 || (errors.length > 0 && !values['valid-rows-only']);
    let created: ImportCounts = wouldCreate;
    if (!values['dry-run']) {
      if (refused) created = zeroCounts();
      else {
        bar = !values.json && io.progress ? new ProgressBar(io.progress, locale) : undefined;
        const written = await database.db.transaction((tx) =>
          commitImport(tx, access, prepared, {
            validRowsOnly: values['valid-rows-only'],
            progress: bar?.update('write'),
          }),
        );
        bar?.finish();
        created = written.created;
      }
    }
    if (values.json) {
      io.out(JSON.stringify({ created, errors }));
    } else {
      const verb = values['dry-run']
        ? locale === 'sv'
          ? 'Skulle skapa'
          : 'Would create'
        : locale === 'sv'
          ? 'Skapade'
          : 'Created';
      io.out(
        `${prepared.target.plan ? prepared.target.plan.title : prepared.planTitle} (${values.unit}, ${values.year})`,
      );
      io.out(`${verb}: ${describeCounts(created, locale)}.`);
      const changed = planned.updates.length;
      const archived = planned.archives.length;
      if (changed + archived > 0)
        io.out(
          locale === 'sv'
            ? `${values['dry-run'] ? 'Skulle ändra' : 'Ändrade'} ${changed} och arkivera ${archived} rader.`
            : `${values['dry-run'] ? 'Would change' : 'Changed'} ${changed} and archive ${archived} rows.`,
        );
      const people = planned.resolver.newPeople.size;
      if (people > 0) io.out(locale === 'sv' ? `Nya personer: ${people}.` : `New people: ${people}.`);
      for (const error of errors) io.err(`${issuePath(error as never)}: ${error.message}`);
      if (refused && !values['dry-run'])
        io.err(
          locale === 'sv'
            ? 'Inget har sparats. Rätta filen, eller kör med --valid-rows-only för att importera raderna utan fel.'
            : 'Nothing was written. Correct the file, or run with --valid-rows-only to import the rows without errors.',
        );
    }
    return errors.length > 0 && (refused || values['dry-run']) ? 1 : 0;
  } catch (error) {
    bar?.finish();
    if (error instanceof ScopeError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof AppError) {
      const details = error.errors.map((field) => `${field.path}: ${text(field.message)}`);
      const detail = error.detail === undefined ? error.code : text(error.detail);
      if (values.json)
        io.out(
          JSON.stringify({
            created: zeroCounts(),
            errors: [detail, ...details].map((message) => ({ sheet: null, row: null, column: null, message })),
          }),
        );
      else io.err(`uppsikt import: ${[...new Set([detail, ...details])].join('; ')}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

function describeCounts(counts: ImportCounts, locale: 'sv' | 'en'): string {
  const words =
    locale === 'sv'
      ? {
          risks: 'risker',
          controls: 'kontrollmoment',
          actions: 'åtgärder',
          activities: 'aktiviteter',
          subActivities: 'delaktiviteter',
          followUps: 'uppföljningar',
        }
      : {
          risks: 'risks',
          controls: 'controls',
          actions: 'actions',
          activities: 'activities',
          subActivities: 'sub-activities',
          followUps: 'follow-ups',
        };
  return (Object.keys(words) as (keyof ImportCounts)[]).map((key) => `${counts[key]} ${words[key]}`).join(', ');
}

async function savedMappingByName(db: Parameters<typeof operatorWriteAccess>[0], tenantId: string, name: string) {
  const [mapping] = await db
    .select()
    .from(importMappings)
    .where(
      and(
        eq(importMappings.tenantId, tenantId),
        sql`lower(${importMappings.name}) = lower(${name})`,
        isNull(importMappings.archivedAt),
      ),
    );
  if (!mapping)
    throw new ScopeError(`No saved column mapping "${name}" in the tenant. Save one in the import's mapping step.`);
  return mapping.columns as Record<string, string | null>;
}

/** A bar on the terminal: percent and rows, redrawn in place. */
class ProgressBar {
  private last = -1;
  constructor(
    private readonly write: (line: string) => void,
    private readonly locale: 'sv' | 'en',
  ) {}

  update(phase: 'read' | 'write') {
    const label =
      phase === 'read' ? (this.locale === 'sv' ? 'Läser' : 'Reading') : this.locale === 'sv' ? 'Skriver' : 'Writing';
    const rows = this.locale === 'sv' ? 'rader' : 'rows';
    return (done: number, total: number) => {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent === this.last) return;
      this.last = percent;
      const filled = Math.round(percent / 5);
      this.write(
        `\r${label} [${'#'.repeat(filled)}${' '.repeat(20 - filled)}] ${percent} % (${done} / ${total} ${rows})`,
      );
    };
  }

  finish() {
    if (this.last >= 0) this.write('\n');
    this.last = -1;
  }
}
