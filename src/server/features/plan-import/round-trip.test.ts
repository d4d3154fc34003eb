import ExcelJS from 'exceljs';
import { demoPlansOf } from '../../../../test/support/demo-plans.ts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { operatorAccess, operatorWriteAccess, type Access } from '../../access/access.ts';
import { actions } from '../../db/schema/actions.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import { risks } from '../../db/schema/risks.ts';
import { loadDemoData } from '../../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { buildPlanWorkbook } from './export-workbook.ts';
import { commitImport, prepareImport } from './prepare-import.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';

// The Excel round trip of the issue: every demo plan exported and imported unchanged previews as
// all unchanged; ten edited cells preview as exactly those ten changes, and confirming writes them.

let h: Harness;
let demoPlans: { tenantId: string; planId: string; title: string }[];

beforeAll(async () => {
  h = await createHarness();
  await loadDemoData(h.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
  demoPlans = await demoPlansOf(h.db);
});
afterAll(() => h.close());

async function writer(tenantId: string): Promise<Access> {
  return operatorWriteAccess(h.db, tenantId, h.clock, 'test:round-trip');
}

async function preview(tenantId: string, planId: string, bytes: Uint8Array) {
  return prepareImport(h.db, await writer(tenantId), { bytes, format: 'xlsx', target: { planId } });
}

test('every demo plan exported and imported unchanged previews as all unchanged', async () => {
  expect(demoPlans.length).toBeGreaterThanOrEqual(4);
  for (const plan of demoPlans) {
    for (const locale of ['sv', 'en'] as const) {
      const { bytes } = await buildPlanWorkbook(h.db, operatorAccess(plan.tenantId, h.clock), plan.planId, locale);
      const prepared = await preview(plan.tenantId, plan.planId, bytes);
      const notUnchanged = prepared.planned.rows.filter((row) => row.outcome !== 'unchanged');
      expect(notUnchanged, `${plan.title} (${locale})`).toEqual([]);
      expect(prepared.planned.errors).toEqual([]);
      expect(prepared.planned.rows.length, plan.title).toBeGreaterThan(5);
      expect(prepared.planned.creates.length + prepared.planned.updates.length + prepared.planned.archives.length).toBe(
        0,
      );
    }
  }
});

/** Sets a cell of a sheet by its row and heading, as a person does in Excel. */
function edit(book: ExcelJS.Workbook, sheetName: string, row: number, heading: string, value: ExcelJS.CellValue) {
  const sheet = book.getWorksheet(sheetName)!;
  let column = 0;
  sheet.getRow(1).eachCell((cell, index) => {
    if (cell.text === heading) column = index;
  });
  expect(column, `${sheetName}: ${heading}`).toBeGreaterThan(0);
  sheet.getRow(row).getCell(column).value = value;
}

function cell(book: ExcelJS.Workbook, sheetName: string, row: number, heading: string): string {
  const sheet = book.getWorksheet(sheetName)!;
  let text = '';
  sheet.getRow(1).eachCell((each, index) => {
    if (each.text === heading) text = sheet.getRow(row).getCell(index).text;
  });
  return text;
}

describe('ten cells edited in Excel', () => {
  test('preview exactly those ten changes, and confirming writes them with their audit events', async () => {
    const plan = demoPlans.find((each) => /2020/.test(each.title) && each.title.toLowerCase().includes('intern'))!;
    const [withControls] = await h.db
      .select({ planId: controls.planId, tenantId: controls.tenantId })
      .from(controls)
      .where(eq(controls.planId, plan.planId))
      .limit(1);
    const target = withControls ? plan : demoPlans.find((each) => each.title.toLowerCase().includes('intern'))!;
    const { bytes } = await buildPlanWorkbook(h.db, operatorAccess(target.tenantId, h.clock), target.planId, 'sv');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);

    const riskTitle = cell(book, 'Risker', 2, 'Titel');
    const controlTitle = cell(book, 'Kontrollmoment', 2, 'Titel');
    const currentStatus = cell(book, 'Kontrollmoment', 2, 'Status');
    edit(book, 'Risker', 2, 'Titel', `${riskTitle} (reviderad)`);
    edit(book, 'Risker', 2, 'Beskrivning', 'Orsak: **personalomsättning**.\n\nKonsekvens: felaktiga beslut.');
    edit(book, 'Risker', 3, 'Process', 'Ekonomi');
    edit(book, 'Risker', 3, 'Sannolikhet', 1);
    edit(book, 'Kontrollmoment', 2, 'Kontrollmetod', 'Stickprov, 10 ärenden');
    edit(book, 'Kontrollmoment', 2, 'Frekvens', 'Varje kvartal');
    edit(book, 'Kontrollmoment', 2, 'Status', currentStatus === 'Genomförd' ? 'Pågående' : 'Genomförd');
    edit(book, 'Kontrollmoment', 2, 'Slutdatum', '15 december 2020');
    edit(book, 'Åtgärder', 2, 'Vad ska göras', '- Ta fram en rutin\n- Utbilda personalen');
    edit(book, 'Uppföljningar', 2, 'Uppföljning', 'Kontrollen är genomförd utan anmärkning.');
    const edited = new Uint8Array(await book.xlsx.writeBuffer());

    const prepared = await preview(target.tenantId, target.planId, edited);
    const changed = prepared.planned.rows.filter((row) => row.outcome !== 'unchanged');
    expect(changed.map((row) => [row.outcome, row.errors.map((e) => e.message.sv)])).toEqual(
      changed.map(() => ['change', []]),
    );
    const changes = changed.flatMap((row) => row.changes.map((change) => `${row.entity}.${change.field}`));
    expect(changes.sort()).toEqual(
      [
        'risk.title',
        'risk.description',
        'risk.processId',
        'risk.likelihood',
        'control.methodId',
        'control.scope',
        'control.frequency',
        'control.statusId',
        'control.endDate',
        'action.whatToDo',
        'followUp.body',
      ].sort(),
    );
    expect(prepared.planned.creates).toEqual([]);
    expect(prepared.planned.archives).toEqual([]);

    const access = await writer(target.tenantId);
    const written = await h.db.transaction((tx) => commitImport(tx, access, prepared, { validRowsOnly: false }));
    expect(written.changed).toMatchObject({ risks: 2, controls: 1, actions: 1, followUps: 1 });
    const [risk] = await h.db
      .select()
      .from(risks)
      .where(and(eq(risks.planId, target.planId), eq(risks.title, `${riskTitle} (reviderad)`)));
    expect(risk!.description).toBe('Orsak: **personalomsättning**.\n\nKonsekvens: felaktiga beslut.');
    const [control] = await h.db
      .select()
      .from(controls)
      .where(and(eq(controls.planId, target.planId), eq(controls.title, controlTitle)));
    // The method the text names, the text itself as the scope, the frequency as a kind.
    const [stickprov] = await h.db
      .select()
      .from(vocabularyEntries)
      .where(
        and(
          eq(vocabularyEntries.tenantId, target.tenantId),
          eq(vocabularyEntries.kind, 'control_method'),
          eq(vocabularyEntries.key, 'stickprov'),
        ),
      );
    expect(control).toMatchObject({
      methodId: stickprov!.id,
      scope: 'Stickprov, 10 ärenden',
      frequency: { kind: 'quarterly' },
      endDate: '2020-12-15',
    });
    const [event] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, control!.id), eq(auditEvents.operation, 'update')));
    expect(event).toMatchObject({ actorKind: 'system', actorLabel: 'test:round-trip' });
    expect(Object.keys(event!.changes as object).sort()).toEqual([
      'checkpoints',
      'endDate',
      'frequency',
      'methodId',
      'scope',
      'statusId',
    ]);
    const bodies = await h.db
      .select({ body: followUps.body })
      .from(followUps)
      .where(eq(followUps.tenantId, target.tenantId));
    expect(bodies.map((row) => row.body)).toContain('Kontrollen är genomförd utan anmärkning.');
    const whatToDo = await h.db
      .select({ whatToDo: actions.whatToDo })
      .from(actions)
      .where(eq(actions.planId, target.planId));
    expect(whatToDo.map((row) => row.whatToDo)).toContain('- Ta fram en rutin\n- Utbilda personalen');

    // Imported, the plan exports to a workbook that again reads as unchanged.
    const again = await buildPlanWorkbook(h.db, operatorAccess(target.tenantId, h.clock), target.planId, 'sv');
    const second = await preview(target.tenantId, target.planId, again.bytes);
    expect(second.planned.rows.filter((row) => row.outcome !== 'unchanged')).toEqual([]);

    // The first workbook, exported before the import, now conflicts where it differs.
    const stale = await preview(target.tenantId, target.planId, bytes);
    expect(stale.planned.rows.filter((row) => row.outcome === 'conflict')).toHaveLength(changed.length);
    expect(stale.planned.updates).toEqual([]);
  });
});
