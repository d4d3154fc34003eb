import JSZip from 'jszip';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, ok, type Harness, type Client } from '../../../../test/support/harness.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { controls } from '../../db/schema/controls.ts';
import { plans } from '../../db/schema/plans.ts';
import { risks } from '../../db/schema/risks.ts';
import { loadAccess } from '../../access/access.ts';
import { settled, startPlanImport } from './import-jobs.ts';

/** A file as the browser sends it: its name and its bytes in base64. */
function file(fileName: string, bytes: Uint8Array | string) {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return { fileName, content: buffer.toString('base64') };
}

/** Windows-1252 bytes, as Swedish Excel saves "CSV (semikolonavgränsad)". */
function windows1252(text: string) {
  return Uint8Array.from([...text].map((character) => character.charCodeAt(0)));
}

const PLAN_TABLE = windows1252(
  'Internkontrollplan 2026\r\n' +
    'Process;Risk;Sannolikhet;Konsekvens;Riskvärde;Kontrollmoment;Kontrollmetod;Frekvens;Ansvarig;Slutdatum\r\n' +
    'Ekonomi;Felaktiga utbetalningar;3;3;9;Stickprov på utbetalningar;Stickprov;Varje kvartal;Person responsible;2026-12-31\r\n' +
    'Ekonomi;Felaktiga utbetalningar;3;3;9;Avstämning av leverantörsregister;Avstämning;En gång per år;Person responsible;31/12 2026\r\n' +
    'Personal;Bristande introduktion;2;2;4;Genomgång av introduktionsplaner;Genomgång;Halvår;Eva Ny;15 juni 2026\r\n',
);

async function untilSettled(client: Client, id: string) {
  await settled(id);
  return ok(client.get(`/imports/${id}`));
}

describe('importing a plan from a file over the API', () => {
  let h: Harness;
  let planId: string;

  beforeAll(async () => {
    h = await createHarness();
    const plan = await ok(
      (await h.as('coordinator')).post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        startYear: 2026,
        title: 'Internkontrollplan 2026',
      }),
    );
    planId = plan.id as string;
  });
  afterAll(() => h.close());

  test('upload, preview row by row, confirm: written in one go with audit events; the same file again changes nothing', async () => {
    const client = await h.as('coordinator');
    const reply = await client.post('/imports', { ...file('plan.csv', PLAN_TABLE), planId });
    expect(reply.status, JSON.stringify(reply.body)).toBe(202);
    expect(reply.body).toMatchObject({
      state: 'reading',
      format: 'csv',
      plan: { id: planId },
      kind: 'internal_control',
    });
    const ready = await untilSettled(client, reply.body.id);
    expect(ready).toMatchObject({
      state: 'ready',
      summary: { create: 5, change: 0, unchanged: 0, archive: 0, conflict: 0, error: 0, people: 1 },
      newPeople: ['Eva Ny'],
      errors: [],
    });
    expect(ready.mapping.columns.map((column: { field: string | null }) => column.field)).toEqual([
      'process',
      'risk',
      'likelihood',
      'consequence',
      'riskValue',
      'control',
      'method',
      'frequency',
      'responsible',
      'endDate',
    ]);
    const rows = await ok(client.get(`/imports/${reply.body.id}/rows`));
    expect(rows.total).toBe(5);
    expect(rows.rows.map((row: { entity: string; outcome: string }) => `${row.entity}:${row.outcome}`)).toEqual([
      'risk:create',
      'control:create',
      'control:create',
      'risk:create',
      'control:create',
    ]);
    const endDate = rows.rows[2].changes.find((change: { field: string }) => change.field === 'endDate');
    expect(endDate).toEqual({ field: 'endDate', label: 'Slutdatum', from: null, to: '2026-12-31' });

    // Nothing is written by the preview.
    expect(await h.db.select().from(risks).where(eq(risks.planId, planId))).toEqual([]);

    const confirm = await client.post(`/imports/${reply.body.id}/confirm`, { fingerprint: ready.fingerprint });
    expect(confirm.status, JSON.stringify(confirm.body)).toBe(202);
    const done = await untilSettled(client, reply.body.id);
    expect(done).toMatchObject({
      state: 'done',
      result: { planId, created: { risks: 2, controls: 3 }, people: 1 },
    });
    const written = await h.db
      .select({ title: controls.title, endDate: controls.endDate })
      .from(controls)
      .where(eq(controls.planId, planId));
    expect(written.map((row) => row.endDate)).toEqual(['2026-12-31', '2026-12-31', '2026-06-15']);
    const events = await h.db
      .select({ entityType: auditEvents.entityType, operation: auditEvents.operation })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityType, 'control')));
    expect(events).toHaveLength(3);

    const again = await client.post('/imports', { ...file('plan.csv', PLAN_TABLE), planId });
    const second = await untilSettled(client, again.body.id);
    expect(second.summary).toMatchObject({ create: 0, change: 0, unchanged: 5, people: 0 });
  });

  test('a row with an error stops the import unless only the valid rows are asked for', async () => {
    const client = await h.as('coordinator');
    const csv =
      'Risk;Sannolikhet;Konsekvens;Kontrollmoment;Slutdatum\nRisk med fel;7;2;Kontroll A;snart\nGod risk;1;1;Kontroll B;2026-05-01\n';
    const reply = await client.post('/imports', { ...file('fel.csv', csv), planId });
    const ready = await untilSettled(client, reply.body.id);
    expect(ready.summary).toMatchObject({ create: 2, error: 2 });
    const errors = await ok(client.get(`/imports/${reply.body.id}/rows?outcome=error`));
    expect(errors.rows.flatMap((row: { errors: { column: string; row: number }[] }) => row.errors)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: 'B' }),
        expect.objectContaining({ row: 2, column: 'E' }),
      ]),
    );
    await ok(client.post(`/imports/${reply.body.id}/confirm`, { fingerprint: ready.fingerprint }));
    const refused = await untilSettled(client, reply.body.id);
    expect(refused.state).toBe('ready');
    expect(refused.problem).toContain('2 rader har fel');
    expect(
      (
        await h.db
          .select()
          .from(risks)
          .where(and(eq(risks.planId, planId), eq(risks.title, 'God risk')))
      ).length,
    ).toBe(0);

    await ok(
      client.post(`/imports/${reply.body.id}/confirm`, { fingerprint: refused.fingerprint, validRowsOnly: true }),
    );
    const done = await untilSettled(client, reply.body.id);
    expect(done).toMatchObject({ state: 'done', result: { created: { risks: 1, controls: 1 } } });
  });

  test('a confirmation of an outdated preview is refused with 409', async () => {
    const client = await h.as('coordinator');
    const reply = await client.post('/imports', {
      ...file('plan.csv', 'Risk;Kontrollmoment\nNy risk;Ny kontroll\n'),
      planId,
    });
    await untilSettled(client, reply.body.id);
    const stale = await client.post(`/imports/${reply.body.id}/confirm`, { fingerprint: 'inte-den' });
    expect(stale.status).toBe(409);
  });

  test('a new plan of a unit and year is created from the file; several header names are mapped by the person and saved', async () => {
    const client = await h.as('coordinator');
    const csv = 'Vad kan hända;Hur vi kontrollerar;Övrigt\nSent fakturerat;Månadsvis genomgång;x\n';
    const reply = await client.post('/imports', { ...file('egen.csv', csv), unitId: h.tenant.unitA1, year: 2027 });
    const first = await untilSettled(client, reply.body.id);
    expect(first.state).toBe('mapping');
    expect(first.plan).toBeNull();
    const mapped = await client.request('PUT', `/imports/${reply.body.id}/mapping`, {
      columns: [
        { column: 1, field: 'risk' },
        { column: 2, field: 'control' },
        { column: 3, field: null },
      ],
      saveAs: 'Vår egen mall',
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(202);
    const ready = await untilSettled(client, reply.body.id);
    expect(ready).toMatchObject({ state: 'ready', summary: { create: 2 } });
    await ok(client.post(`/imports/${reply.body.id}/confirm`, { fingerprint: ready.fingerprint }));
    const done = await untilSettled(client, reply.body.id);
    expect(done.state).toBe('done');
    const [plan] = await h.db
      .select()
      .from(plans)
      .where(and(eq(plans.unitId, h.tenant.unitA1), isNull(plans.archivedAt)));
    expect(plan).toMatchObject({ kind: 'internal_control', startYear: 2027, endYear: 2027, state: 'draft' });

    const saved = await ok(client.get('/import-mappings'));
    expect(saved.mappings).toHaveLength(1);
    expect(saved.mappings[0]).toMatchObject({
      name: 'Vår egen mall',
      columns: { vadkanhanda: 'risk', hurvikontrollerar: 'control', ovrigt: null },
    });
    // The saved mapping reads the next file of the same layout without the mapping step.
    const next = await client.post('/imports', {
      ...file('egen-2.csv', 'Vad kan hända;Hur vi kontrollerar\nFel i lönerna;Stickprov\n'),
      unitId: h.tenant.unitA1,
      year: 2027,
      mappingId: saved.mappings[0].id,
    });
    const nextReady = await untilSettled(client, next.body.id);
    expect(nextReady).toMatchObject({ state: 'ready', plan: { id: plan!.id }, summary: { create: 2 } });
  });

  test('bad files are refused with a message naming the file field, and nothing is kept', async () => {
    const client = await h.as('coordinator');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const encrypted = await client.post('/imports', { ...file('lösen.xlsx', ole), planId });
    expect(encrypted.status).toBe(400);
    expect(encrypted.body.errors[0]).toMatchObject({ path: 'content' });
    expect(encrypted.body.errors[0].message).toContain('lösenordsskyddad');

    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/vbaProject.bin', 'makro');
    const macros = await client.post('/imports', {
      ...file('makro.xlsm', await zip.generateAsync({ type: 'uint8array' })),
      planId,
    });
    expect(macros.status).toBe(400);
    expect(macros.body.errors[0].message).toContain('makron');

    const corrupt = await client.post('/imports', {
      ...file('trasig.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
      planId,
    });
    expect(corrupt.status).toBe(400);
    expect(corrupt.body.errors[0].message).toContain('skadad');

    const noTarget = await client.post('/imports', file('plan.csv', 'Risk\nA\n'));
    expect(noTarget.status).toBe(400);
    expect(noTarget.body.errors[0].path).toBe('planId');
    const imports = await ok(client.get('/imports'));
    expect(imports.imports.map((each: { fileName: string }) => each.fileName)).not.toContain('lösen.xlsx');
  });

  test('only managers of the plan’s unit import; other people and tenants do not see the import', async () => {
    const coordinator = await h.as('coordinator');
    for (const who of ['reader', 'responsible', 'auditor']) {
      const reply = await (await h.as(who)).post('/imports', { ...file('plan.csv', PLAN_TABLE), planId });
      expect(reply.status, who).toBe(403);
    }
    const other = await (await h.as('otherAdmin')).post('/imports', { ...file('plan.csv', PLAN_TABLE), planId });
    expect(other.status).toBe(404);
    const mine = await coordinator.post('/imports', { ...file('plan.csv', PLAN_TABLE), planId });
    await settled(mine.body.id);
    expect((await (await h.as('reader')).get(`/imports/${mine.body.id}`)).status).toBe(404);
    expect((await (await h.as('otherAdmin')).get(`/imports/${mine.body.id}`)).status).toBe(404);
    expect((await (await h.as('administrator')).get(`/imports/${mine.body.id}`)).status).toBe(200);
  });

  test('a file over the configured size is refused before anything is kept', async () => {
    const access = await loadAccess(
      h.db,
      { tenantId: h.tenant.tenantId, userId: h.userIds.coordinator!, via: 'session', mayWrite: true },
      h.clock,
    );
    await expect(
      startPlanImport(h.db, access, { ...file('stor.csv', PLAN_TABLE), planId }, { maxBytes: 100 }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'content', message: { sv: expect.stringContaining('Filen är för stor') as unknown } }],
    });
  });
});
