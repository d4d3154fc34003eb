// Time and peak memory of importing a 5,000-row plan table (one row per kontrollmoment, the way
// municipalities write their plans: process, risk, sannolikhet, konsekvens, control, method,
// frequency, responsible, status, dates and a comment per period) into a new plan, on embedded
// PGlite in memory: the preview (reading the workbook, recognising its headings, resolving every
// value and comparing with the plan) and the confirmation (writing every row and its audit event
// in one transaction). Each run starts from a fresh database; the median of three runs is
// printed, with the peak resident memory above the process's memory before the phase.
// Run with `npm run bench:import`.
import ExcelJS from 'exceljs';
import { uuidv7 } from 'uuidv7';
import { fixedClock } from '../src/domain/clock.ts';
import { DEFAULT_STATUSES } from '../src/domain/status.ts';
import { operatorWriteAccess } from '../src/server/access/access.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { orgUnits } from '../src/server/db/schema/org-units.ts';
import { statuses } from '../src/server/db/schema/statuses.ts';
import { tenants } from '../src/server/db/schema/tenants.ts';
import { users } from '../src/server/db/schema/users.ts';
import { commitImport, prepareImport } from '../src/server/features/plan-import/prepare-import.ts';

const ROWS = 5_000;
const CONTROLS_PER_RISK = 4;
const PEOPLE = 300;
const RUNS = 3;
const YEAR = 2026;

const name = (n: number) => `Person ${String(n).padStart(3, '0')} Andersson`;

/** The workbook a municipality could have: a title row, then a row per control, risks merged over their controls. */
async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Internkontrollplan');
  sheet.addRow([`Internkontrollplan ${YEAR} – Storstads kommun`]);
  sheet.addRow([
    'Process / rutin / system',
    'Risk',
    'Riskbeskrivning',
    'Sannolikhet',
    'Konsekvens',
    'Riskvärde',
    'Kontrollmoment',
    'Kontrollmetod',
    'Frekvens',
    'Kontrollansvarig',
    'Status',
    'Startdatum',
    'Slutdatum',
    'Period',
    'Kommentar',
  ]);
  const labels = DEFAULT_STATUSES.map((status) => status.labelSv);
  for (let row = 0; row < ROWS; row++) {
    const risk = Math.floor(row / CONTROLS_PER_RISK);
    const likelihood = (risk % 4) + 1;
    const consequence = ((risk * 7) % 4) + 1;
    sheet.addRow([
      ['Ekonomi', 'Personal', 'Upphandling', 'IT och informationssäkerhet', 'Myndighetsutövning'][risk % 5],
      `Risk ${risk + 1}: brister i rutinen för område ${risk % 37}`,
      `Orsak: rutinen är inte känd av alla.\nKonsekvens: felaktiga beslut och ekonomisk skada (${risk}).`,
      likelihood,
      consequence,
      likelihood * consequence,
      `Kontroll ${row + 1} av rutin ${risk + 1}`,
      ['Stickprov', 'Avstämning', 'Genomgång', 'Analys'][row % 4],
      ['Varje månad', 'Varje kvartal', 'Halvår', 'En gång per år'][row % 4],
      `${name(row % PEOPLE)}, ${name((row + 1) % PEOPLE)}`,
      labels[row % labels.length],
      `${YEAR}-01-${String((row % 28) + 1).padStart(2, '0')}`,
      `${(row % 28) + 1}/12 ${YEAR}`,
      `Kvartal ${(row % 4) + 1} ${YEAR}`,
      `Kontrollen visar att rutinen följs i ${row % 100} procent av de granskade ärendena.`,
    ]);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function freshDatabase() {
  const database = await openDatabase({ dataDir: null });
  await database.migrate();
  const { db } = database;
  const tenantId = uuidv7();
  await db.insert(tenants).values({ id: tenantId, slug: 'storstad', name: 'Storstads kommun' });
  const unitId = uuidv7();
  await db.insert(orgUnits).values({ tenantId, id: unitId, kind: 'kommun', name: 'Storstads kommun' });
  await db
    .insert(statuses)
    .values(DEFAULT_STATUSES.map((status, index) => ({ tenantId, id: uuidv7(), ...status, sortOrder: index })));
  // Two thirds of the people are known; the rest are proposed as new persons.
  await db
    .insert(users)
    .values(
      Array.from({ length: Math.floor((PEOPLE * 2) / 3) }, (_, n) => ({ tenantId, id: uuidv7(), name: name(n) })),
    );
  return { database, tenantId, unitId };
}

/** Runs `task`, sampling resident memory; answers its time (ms) and peak memory above the start (MB). */
async function measure<T>(task: () => Promise<T>): Promise<{ value: T; ms: number; mb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const value = await task();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, ms, mb: (peak - base) / 1024 / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const bytes = await workbook();
console.log(`Workbook: ${ROWS} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB (PGlite in memory, ${RUNS} runs)`);
const previews: { ms: number; mb: number }[] = [];
const commits: { ms: number; mb: number }[] = [];
let written = '';
for (let run = 0; run < RUNS; run++) {
  const { database, tenantId, unitId } = await freshDatabase();
  const access = await operatorWriteAccess(
    database.db,
    tenantId,
    fixedClock(`${YEAR}-06-15T10:00:00Z`),
    'bench:import',
  );
  const preview = await measure(() =>
    prepareImport(database.db, access, { bytes, format: 'xlsx', target: { unitId, year: YEAR } }),
  );
  const errors = preview.value.planned.rows.filter((row) => row.outcome === 'error').length;
  if (errors > 0 || preview.value.planned.errors.length > 0)
    throw new Error(`the bench workbook has ${errors} rows with errors`);
  const commit = await measure(() =>
    database.db.transaction((tx) => commitImport(tx, access, preview.value, { validRowsOnly: false })),
  );
  previews.push(preview);
  commits.push(commit);
  const created = commit.value.created;
  written = `${created.risks} risks, ${created.controls} controls, ${created.followUps} follow-ups, ${commit.value.people} new people`;
  console.log(
    `  run ${run + 1}: preview ${Math.round(preview.ms)} ms (+${Math.round(preview.mb)} MB), commit ${Math.round(commit.ms)} ms (+${Math.round(commit.mb)} MB)`,
  );
  await database.close();
}
console.log(`Written per run: ${written}`);
console.log(
  `Preview: median ${Math.round(median(previews.map((each) => each.ms)))} ms, peak +${Math.round(Math.max(...previews.map((each) => each.mb)))} MB (target ≤ 5000 ms)`,
);
console.log(
  `Commit:  median ${Math.round(median(commits.map((each) => each.ms)))} ms, peak +${Math.round(Math.max(...commits.map((each) => each.mb)))} MB (target ≤ 10000 ms)`,
);
