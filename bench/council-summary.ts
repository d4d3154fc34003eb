// Time and peak memory of the council summary (kommunstyrelsens sammanställning) of a large
// municipality: 40 nämnder × 30 risks × 3 controls and 3 actions × 4 follow-ups, on embedded
// PGlite in a temporary folder. The data is generated once; each format is then measured in a
// fresh process (so that one format's memory does not hide the other's): one warm-up, then the
// median of five runs. The Internkontrollrapport is timed the same way for one nämnd (90 controls
// with a result per quarter for three quarters): it reports on one unit's own plan, so a
// municipality root without a plan of its own has none (the council summary is the
// municipality's report). Then the årsarkiv of the whole tenant for the year (every plan as
// PDF/A, an issued report per unit, the data as JSON and CSV, the audit events, METS), written as
// a ZIP to a file, once, in a fresh process. Then the search (GET /api/v1/search's query) over
// the same municipality, p50 and p95 of many searches, for a reader of the whole tenant and for
// a coordinator of one nämnd. Run with `npm run bench:reports`; it prints the figures
// (BENCH_ONLY=search measures the search alone).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once as onceEvent } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { DEFAULT_STATUSES } from '../src/domain/status.ts';
import { Access, operatorAccess } from '../src/server/access/access.ts';
import { searchEverything } from '../src/server/features/search/search-everything.ts';
import { fixedClock } from '../src/domain/clock.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { actions } from '../src/server/db/schema/actions.ts';
import { assignments } from '../src/server/db/schema/assignments.ts';
import { checkpoints } from '../src/server/db/schema/checkpoints.ts';
import { controlResults } from '../src/server/db/schema/control-results.ts';
import { controls } from '../src/server/db/schema/controls.ts';
import { deviations } from '../src/server/db/schema/deviations.ts';
import { followUps } from '../src/server/db/schema/follow-ups.ts';
import { orgUnits } from '../src/server/db/schema/org-units.ts';
import { plans } from '../src/server/db/schema/plans.ts';
import { reportingPeriods } from '../src/server/db/schema/reporting-periods.ts';
import { risks } from '../src/server/db/schema/risks.ts';
import { statuses } from '../src/server/db/schema/statuses.ts';
import { tenants } from '../src/server/db/schema/tenants.ts';
import { users } from '../src/server/db/schema/users.ts';
import { auditEvents } from '../src/server/db/schema/audit-events.ts';
import { issuedReports } from '../src/server/db/schema/issued-reports.ts';
import { resolveArchive, writeArchive } from '../src/server/reports/archive/build-archive.ts';
import { vocabularyEntries } from '../src/server/db/schema/vocabulary-entries.ts';
import { defaultVocabularyRows } from '../src/server/vocabulary/vocabulary-refs.ts';
import { buildReportDocument, renderReport } from '../src/server/reports/generate-report.ts';

const UNITS = 40;
const RISKS = 30;
const ITEMS = 3;
const FOLLOW_UPS = 4;
const RUNS = 5;
const YEAR = 2026;

const sentence = (n: number) =>
  `Kontrollen av rutinen ${n} visar att arbetet följer nämndens riktlinjer, med enstaka brister i dokumentationen som förvaltningen åtgärdar under nästa period.`;

async function insertAll(db: Database, table: Parameters<Database['insert']>[0], rows: Record<string, unknown>[]) {
  for (let start = 0; start < rows.length; start += 1000)
    await db.insert(table).values(rows.slice(start, start + 1000));
}

/** The municipality: a root, 40 nämnder with a plan each, people, statuses and the quarters. */
async function generate(dataDir: string) {
  const database = await openDatabase({ dataDir });
  await database.migrate();
  const { db } = database;
  const tenantId = uuidv7();
  await db.insert(tenants).values({ id: tenantId, slug: 'storstad', name: 'Storstads kommun' });
  const rootId = uuidv7();
  await db.insert(orgUnits).values({ tenantId, id: rootId, kind: 'kommun', name: 'Storstads kommun' });
  const statusIds = DEFAULT_STATUSES.map(() => uuidv7());
  await insertAll(
    db,
    statuses,
    DEFAULT_STATUSES.map((status, index) => ({ tenantId, id: statusIds[index], ...status, sortOrder: index })),
  );
  // The default vocabularies: a deviation has a severity from them.
  const vocabulary = defaultVocabularyRows();
  await insertAll(
    db,
    vocabularyEntries,
    vocabulary.map((row) => ({ ...row, tenantId })),
  );
  const severityId = (key: string) =>
    vocabulary.find((row) => row.kind === 'deviation_severity' && row.key === key)!.id;
  const periodIds = [1, 2, 3, 4].map(() => uuidv7());
  await insertAll(
    db,
    reportingPeriods,
    periodIds.map((id, index) => ({
      tenantId,
      id,
      kind: 'quarter',
      year: YEAR,
      number: index + 1,
      startDate: `${YEAR}-${String(index * 3 + 1).padStart(2, '0')}-01`,
      endDate: `${YEAR}-${String(index * 3 + 3).padStart(2, '0')}-28`,
    })),
  );
  const userIds = Array.from({ length: 120 }, () => uuidv7());
  await insertAll(
    db,
    users,
    userIds.map((id, index) => ({
      tenantId,
      id,
      name: `Handläggare ${index + 1}`,
      ...(index % 30 === 29 ? { deactivatedAt: new Date() } : {}),
    })),
  );

  const rows = {
    units: [],
    plans: [],
    risks: [],
    controls: [],
    actions: [],
    followUps: [],
    assignments: [],
    checkpoints: [],
    deviations: [],
    issuedReports: [],
    auditEvents: [],
    controlResults: [],
  } as Record<string, Record<string, unknown>[]>;
  let n = 0;
  for (let u = 0; u < UNITS; u += 1) {
    const unitId = uuidv7();
    const planId = uuidv7();
    rows.units!.push({
      tenantId,
      id: unitId,
      parentId: rootId,
      kind: u % 8 === 7 ? 'bolag' : 'namnd',
      name: `${u % 8 === 7 ? 'Bolag' : 'Nämnd'} ${u + 1}`,
      sortOrder: u,
    });
    rows.plans!.push({
      tenantId,
      id: planId,
      unitId,
      kind: 'internal_control',
      title: `Internkontrollplan ${YEAR}`,
      startYear: YEAR,
      endYear: YEAR,
      state: 'adopted',
    });
    // A report sent to the nämnd per unit: 300 KB of bytes (a PDF's size; its content is not read).
    const content = randomBytes(300 * 1024);
    rows.issuedReports!.push({
      tenantId,
      id: uuidv7(),
      kind: 'control-follow-up',
      unitId,
      period: String(YEAR),
      format: 'pdf',
      title: 'Kontroll uppföljning',
      fileName: `control-follow-up-namnd-${u + 1}-${YEAR}.pdf`,
      contentType: 'application/pdf',
      byteSize: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      issuedById: userIds[u % userIds.length],
    });
    const audit = (entityType: string, entityId: string, changes: Record<string, [unknown, unknown]>) =>
      rows.auditEvents!.push({
        tenantId,
        id: uuidv7(),
        actorKind: 'user',
        actorUserId: userIds[(n + u) % userIds.length],
        entityType,
        entityId,
        operation: 'create',
        unitId,
        changes,
      });
    audit('plan', planId, { title: [null, `Internkontrollplan ${YEAR}`] });
    for (let r = 0; r < RISKS; r += 1) {
      const riskId = uuidv7();
      audit('risk', riskId, { title: [null, `Risk ${r + 1} i nämnd ${u + 1}`], description: [null, sentence(r)] });
      rows.risks!.push({
        tenantId,
        id: riskId,
        planId,
        title: `Risk ${r + 1} i nämnd ${u + 1}`,
        description: sentence(r),
        likelihood: (r % 4) + 1,
        consequence: ((r + u) % 4) + 1,
        sortOrder: r,
      });
      for (let i = 0; i < ITEMS; i += 1) {
        for (const kind of ['control', 'action'] as const) {
          const id = uuidv7();
          n += 1;
          const item = {
            tenantId,
            id,
            planId,
            riskId,
            title: `${kind === 'control' ? 'Kontrollmoment' : 'Åtgärd'} ${i + 1} för risk ${r + 1}`,
            statusId: statusIds[n % statusIds.length],
            startDate: `${YEAR}-01-01`,
            endDate: `${YEAR}-${String((n % 12) + 1).padStart(2, '0')}-15`,
            sortOrder: i,
          };
          if (kind === 'control')
            rows.controls!.push({ ...item, description: sentence(n), frequency: { kind: 'quarterly' } });
          else
            rows.actions!.push({
              ...item,
              whatToDo: sentence(n),
              measuresTaken: `## Genomfört\n\n${sentence(n + 1)}\n\n- ${sentence(n + 2)}\n- ${sentence(n + 3)}`,
            });
          const ref = kind === 'control' ? { controlId: id } : { actionId: id };
          audit(kind, id, { title: [null, item.title], statusId: [null, item.statusId] });
          rows.assignments!.push(
            { tenantId, id: uuidv7(), ...ref, userId: userIds[n % userIds.length], role: 'responsible' },
            { tenantId, id: uuidv7(), ...ref, userId: userIds[(n + 7) % userIds.length], role: 'reporting' },
          );
          rows.checkpoints!.push(
            { tenantId, id: uuidv7(), ...ref, date: `${YEAR}-06-30` },
            { tenantId, id: uuidv7(), ...ref, date: `${YEAR}-09-30` },
          );
          for (let f = 0; f < FOLLOW_UPS; f += 1) {
            rows.followUps!.push({
              tenantId,
              id: uuidv7(),
              ...ref,
              periodId: periodIds[f],
              reportedOn: `${YEAR}-${String(f * 3 + 3).padStart(2, '0')}-20`,
              body: sentence(n + f),
              authorId: userIds[(n + f) % userIds.length],
            });
          }
          // The control's result in each of the first three quarters: one in twenty not performed.
          if (kind === 'control')
            for (let q = 0; q < 3; q += 1)
              rows.controlResults!.push({
                tenantId,
                id: uuidv7(),
                controlId: id,
                periodId: periodIds[q],
                outcome: (n + q) % 20 === 0 ? 'not_performed' : 'no_remarks',
                performedOn: `${YEAR}-${String(q * 3 + 3).padStart(2, '0')}-15`,
                reason: (n + q) % 20 === 0 ? 'Ansvarig var frånvarande under perioden.' : null,
                comment: sentence(n + q),
              });
          if (kind === 'control' && n % 20 === 1) {
            rows.deviations!.push({
              tenantId,
              id: uuidv7(),
              controlId: id,
              title: `Avvikelse vid kontroll ${n}`,
              description: sentence(n),
              foundOn: `${YEAR}-05-10`,
              severityId: severityId(n % 40 === 1 ? 'significant' : 'minor'),
              state: n % 60 === 1 ? 'closed' : 'open',
            });
          }
        }
      }
    }
  }
  await insertAll(db, orgUnits, rows.units!);
  await insertAll(db, plans, rows.plans!);
  await insertAll(db, risks, rows.risks!);
  await insertAll(db, controls, rows.controls!);
  await insertAll(db, actions, rows.actions!);
  await insertAll(db, followUps, rows.followUps!);
  await insertAll(db, assignments, rows.assignments!);
  await insertAll(db, checkpoints, rows.checkpoints!);
  await insertAll(db, deviations, rows.deviations!);
  for (const row of rows.issuedReports!)
    await db.insert(issuedReports).values(row as typeof issuedReports.$inferInsert);
  await insertAll(db, auditEvents, rows.auditEvents!);
  await insertAll(db, controlResults, rows.controlResults!);
  // As the server's job runner does when it starts and then daily: PGlite has no autovacuum, so
  // without it the planner would plan every query for empty tables.
  await database.refreshStatistics();
  await database.close();
  return {
    tenantId,
    rootId,
    firstUnitId: rows.units![0]!.id as string,
    counts: Object.fromEntries(Object.entries(rows).map(([name, list]) => [name, list.length])),
  };
}

/** In a child process: the time and memory of one format. Prints one JSON line. */
async function measure(
  dataDir: string,
  tenantId: string,
  rootId: string,
  format: 'pdf' | 'docx',
  kind: 'council-summary' | 'internal-control-report' = 'council-summary',
) {
  const database = await openDatabase({ dataDir });
  const rssBefore = process.memoryUsage().rss;
  const request = {
    kind,
    unitId: rootId,
    period: String(YEAR),
    format,
    locale: 'sv' as const,
  };
  const once = async () => {
    const started = performance.now();
    const document = await buildReportDocument(
      database.db,
      operatorAccess(tenantId, fixedClock(`${YEAR}-10-15T12:00:00Z`)),
      request,
    );
    const built = performance.now();
    const report = await renderReport(document, request);
    return {
      total: performance.now() - started,
      build: built - started,
      render: performance.now() - built,
      bytes: report.bytes.length,
    };
  };
  await once();
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await once());
  runs.sort((a, b) => a.total - b.total);
  const median = runs[Math.floor(runs.length / 2)]!;
  await database.close();
  console.log(
    JSON.stringify({
      format,
      ...median,
      rssBeforeMb: rssBefore / 2 ** 20,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/** In a child process: the årsarkiv of the whole tenant, written to a file. Prints one JSON line. */
async function measureArchive(dataDir: string, tenantId: string) {
  const database = await openDatabase({ dataDir });
  const rssBefore = process.memoryUsage().rss;
  const access = operatorAccess(tenantId, fixedClock(`${YEAR}-12-31T12:00:00Z`));
  const file = join(dataDir, 'arsarkiv.zip');
  const started = performance.now();
  const scope = await resolveArchive(database.db, access, { year: String(YEAR), locale: 'sv' });
  const out = createWriteStream(file);
  const summary = await writeArchive(database.db, access, scope, async (chunk) => {
    if (!out.write(chunk)) await onceEvent(out, 'drain');
  });
  out.end();
  await onceEvent(out, 'finish');
  const total = performance.now() - started;
  await database.close();
  console.log(
    JSON.stringify({
      total,
      files: summary.files,
      zipBytes: statSync(file).size,
      rssBeforeMb: rssBefore / 2 ** 20,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/** Searches as people type them: common words of every risk, a rare one, a person, a word typed part-way. */
const SEARCHES = [
  'rutinen',
  'brister i dokumentationen',
  'kontrollmoment 2',
  'nämnd 17',
  'Handläggare 42',
  'riktlinj',
  'avvikelse',
];
const SEARCH_RUNS = 300;

/** In a child process: p50 and p95 of the search for the whole tenant and for one nämnd's coordinator. Prints one JSON line. */
async function measureSearch(dataDir: string, tenantId: string, unitId: string) {
  const database = await openDatabase({ dataDir });
  const clock = fixedClock(`${YEAR}-10-15T12:00:00Z`);
  const coordinator = new Access(
    { tenantId, userId: uuidv7(), via: 'session', mayWrite: true },
    new Map([[unitId, new Set(['coordinator'] as const)]]),
    new Set(),
    clock,
  );
  const figures: Record<string, { p50: number; p95: number; hits: number }> = {};
  for (const [who, access] of [
    ['whole tenant', operatorAccess(tenantId, clock)],
    ['one nämnd', coordinator],
  ] as const) {
    for (const q of SEARCHES) await searchEverything(database.db, access, { q, limit: 10 });
    const latencies: number[] = [];
    let hits = 0;
    for (let run = 0; run < SEARCH_RUNS; run += 1) {
      const q = SEARCHES[run % SEARCHES.length]!;
      const started = performance.now();
      const result = await searchEverything(database.db, access, { q, limit: 10 });
      latencies.push(performance.now() - started);
      hits += result.groups.reduce((sum, group) => sum + group.items.length, 0);
    }
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!;
    figures[who] = { p50: at(0.5), p95: at(0.95), hits: hits / SEARCH_RUNS };
  }
  await database.close();
  console.log(JSON.stringify(figures));
}

function printSearch(folder: string, tenantId: string, unitId: string) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--measure-search', folder, tenantId, unitId],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`measuring the search failed:\n${child.stderr}`);
  const figures = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<
    string,
    { p50: number; p95: number; hits: number }
  >;
  for (const [who, figure] of Object.entries(figures))
    console.log(
      `search (${who}, ${SEARCH_RUNS} searches of ${SEARCHES.length} kinds, embedded PGlite): p50 ${figure.p50.toFixed(1)} ms, p95 ${figure.p95.toFixed(1)} ms, ${figure.hits.toFixed(0)} hits a search on average. Target: p95 at most 50 ms.`,
    );
}

const generatedIds = { tenantId: '', rootId: '' };

async function main() {
  const [mode, dataDir, tenantId, rootId, format, kind] = process.argv.slice(2);
  if (mode === '--measure')
    return measure(
      dataDir!,
      tenantId!,
      rootId!,
      format as 'pdf' | 'docx',
      kind as 'internal-control-report' | undefined,
    );
  if (mode === '--measure-archive') return measureArchive(dataDir!, tenantId!);
  if (mode === '--measure-search') return measureSearch(dataDir!, tenantId!, rootId!);
  const folder = mkdtempSync(join(tmpdir(), 'uppsikt-bench-reports-'));
  try {
    const started = performance.now();
    const generated = await generate(folder);
    Object.assign(generatedIds, generated);
    console.log(
      `Generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${Object.entries(generated.counts)
        .map(([name, count]) => `${count} ${name}`)
        .join(', ')}`,
    );
    printSearch(folder, generated.tenantId, generated.firstUnitId);
    if (process.env.BENCH_ONLY === 'search') return;
    for (const format of ['pdf', 'docx'] as const) {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', import.meta.filename, '--measure', folder, generated.tenantId, generated.rootId, format],
        { encoding: 'utf8' },
      );
      if (child.status !== 0) throw new Error(`measuring ${format} failed:\n${child.stderr}`);
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
        format: string;
        total: number;
        build: number;
        render: number;
        bytes: number;
        rssBeforeMb: number;
        peakRssMb: number;
      };
      console.log(
        `council-summary ${result.format.toUpperCase()}: ${(result.total / 1000).toFixed(2)} s (median of ${RUNS}; reading and building ${Math.round(result.build)} ms, rendering ${Math.round(result.render)} ms), ` +
          `${(result.bytes / 1024).toFixed(0)} KiB; peak memory (RSS) ${result.peakRssMb.toFixed(0)} MB, of which ${result.rssBeforeMb.toFixed(0)} MB before the first report (Node and the embedded database). Target: under 2 s.`,
      );
    }
    // The Internkontrollrapport of one nämnd (its own plan: 30 risks, 90 controls with their results).
    for (const format of ['pdf', 'docx'] as const) {
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          import.meta.filename,
          '--measure',
          folder,
          generated.tenantId,
          generated.firstUnitId,
          format,
          'internal-control-report',
        ],
        { encoding: 'utf8' },
      );
      if (child.status !== 0) throw new Error(`measuring internal-control-report ${format} failed:\n${child.stderr}`);
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
        format: string;
        total: number;
        build: number;
        render: number;
        bytes: number;
        rssBeforeMb: number;
        peakRssMb: number;
      };
      console.log(
        `internal-control-report (Nämnd 1) ${result.format.toUpperCase()}: ${(result.total / 1000).toFixed(2)} s (median of ${RUNS}; reading and building ${Math.round(result.build)} ms, rendering ${Math.round(result.render)} ms), ` +
          `${(result.bytes / 1024).toFixed(0)} KiB; peak memory (RSS) ${result.peakRssMb.toFixed(0)} MB, ${(result.peakRssMb - result.rssBeforeMb).toFixed(0)} MB above the ${result.rssBeforeMb.toFixed(0)} MB before the first report. Target: under 2 s and 400 MB.`,
      );
    }
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--measure-archive', folder, generated.tenantId],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`measuring the årsarkiv failed:\n${child.stderr}`);
    const archive = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      total: number;
      files: number;
      zipBytes: number;
      rssBeforeMb: number;
      peakRssMb: number;
    };
    console.log(
      `årsarkiv of the whole tenant (${UNITS} units, ${YEAR}): ${(archive.total / 1000).toFixed(2)} s (one run), ${archive.files} files, ZIP ${(archive.zipBytes / 2 ** 20).toFixed(1)} MiB; ` +
        `peak memory (RSS) ${archive.peakRssMb.toFixed(0)} MB, ${(archive.peakRssMb - archive.rssBeforeMb).toFixed(0)} MB above the ${archive.rssBeforeMb.toFixed(0)} MB before it. Target: under 10 s and 400 MB above idle.`,
    );
  } finally {
    // BENCH_KEEP=1 keeps the generated database, to profile a run against it.
    if (process.env.BENCH_KEEP)
      console.log(`Data kept in ${folder} (tenant ${generatedIds.tenantId}, root ${generatedIds.rootId}).`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

await main();
