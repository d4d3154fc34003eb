import { alias } from 'drizzle-orm/pg-core';
import { and, eq, isNull } from 'drizzle-orm';
import { demoPlansOf } from '../../../../test/support/demo-plans.ts';
import { OpenAPIHono } from '@hono/zod-openapi';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { createPlan } from '../../../../test/support/factories.ts';
import { loadAccess, operatorAccess } from '../../access/access.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities, subActivities } from '../../db/schema/activities.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { vocabularyEntries } from '../../db/schema/vocabulary-entries.ts';
import { risks } from '../../db/schema/risks.ts';
import { loadDemoData } from '../../demo/load-demo-data.ts';
import { AppError, problemResponse } from '../../errors.ts';
import type { ApiEnv } from '../../http/api-router.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { loadPlanFacts, type ItemFacts } from '../../plan-model/plan-facts.ts';
import { readTables } from '../../tables/read-table.ts';
import { buildPlanWorkbook } from './export-workbook.ts';
import type { ImportedFollowUp, ImportedPlan, ImportedSchedule } from './model.ts';
import { isRoundTripWorkbook, readRoundTripWorkbook, readWorkbookMetadata } from './readers/round-trip-workbook.ts';
import { planWorkbookRoutes } from './workbook-routes.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';

// The round trip of a plan through Excel: every demo plan exports to a workbook that reads back
// to the plan as it is, ids, versions and texts alike.

let h: Harness;
/** Every demo plan with its tenant. */
let demoPlans: { tenantId: string; planId: string; kind: string }[];

beforeAll(async () => {
  h = await createHarness();
  await loadDemoData(h.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
  demoPlans = await demoPlansOf(h.db);
});

afterAll(() => h.close());

async function exportAndRead(tenantId: string, planId: string, locale: 'sv' | 'en' = 'sv') {
  const { bytes, fileName } = await buildPlanWorkbook(h.db, operatorAccess(tenantId, h.clock), planId, locale);
  const tables = await readTables(bytes);
  return { bytes, fileName, tables, imported: readRoundTripWorkbook(tables) };
}

/** The ids and versions of the plan's rows that are not archived. */
async function versionsOf(tenantId: string, planId: string) {
  const inPlan = <T extends typeof risks | typeof controls | typeof actions | typeof activities>(table: T) =>
    h.db
      .select({ id: table.id, version: table.version })
      .from(table as typeof risks)
      .where(and(eq(table.tenantId, tenantId), eq(table.planId, planId), isNull(table.archivedAt)));
  const subs = await h.db
    .select({ id: subActivities.id, version: subActivities.version })
    .from(subActivities)
    .innerJoin(activities, eq(activities.id, subActivities.activityId))
    .where(and(eq(activities.planId, planId), isNull(subActivities.archivedAt), isNull(activities.archivedAt)));
  const follow = await h.db
    .select({
      id: followUps.id,
      version: followUps.version,
      c: controls.planId,
      a: actions.planId,
      v: activities.planId,
    })
    .from(followUps)
    .leftJoin(controls, eq(controls.id, followUps.controlId))
    .leftJoin(actions, eq(actions.id, followUps.actionId))
    .leftJoin(activities, eq(activities.id, followUps.activityId))
    .where(isNull(followUps.archivedAt));
  const map = (rows: { id: string; version: number }[]) => new Map(rows.map((row) => [row.id, row.version]));
  return {
    risks: map(await inPlan(risks)),
    controls: map(await inPlan(controls)),
    actions: map(await inPlan(actions)),
    activities: map(await inPlan(activities)),
    subActivities: map(subs),
    followUps: map(follow.filter((row) => (row.c ?? row.a ?? row.v) === planId)),
  };
}

/** A person's name as the facts print it, without the suffix of a person who has left: the workbook names people as they are called. */
const plainName = (name: string) => name.replace(/ \((borttagen|removed)\)$/, '');

function scheduleOf(item: ItemFacts) {
  return {
    title: item.title,
    responsible: item.responsible.map(plainName),
    reporting: item.reporting.map(plainName),
    status: item.status?.label ?? '',
    startDate: item.startDate ?? '',
    checkpoints: item.checkpoints,
    endDate: item.endDate ?? '',
    followUps: item.followUps.map((followUp) => ({
      period: followUp.periodLabel,
      reportedOn: followUp.reportedOn ?? '',
      body: followUp.body,
      analysis: followUp.analysis ?? '',
      author: followUp.author === null ? '' : plainName(followUp.author),
      status: followUp.status?.label ?? '',
    })),
  };
}

function importedSchedule(item: ImportedSchedule & { title: string }) {
  return {
    title: item.title,
    responsible: item.responsible,
    reporting: item.reporting,
    status: item.status,
    startDate: item.startDate,
    checkpoints: item.checkpoints,
    endDate: item.endDate,
    followUps: item.followUps.map((followUp: ImportedFollowUp) => ({
      period: followUp.period,
      reportedOn: followUp.reportedOn,
      body: followUp.body,
      analysis: followUp.analysis,
      author: followUp.author,
      status: followUp.status,
    })),
  };
}

describe('every demo plan exports and reads back as it is', () => {
  test('the demo has plans of both kinds', () => {
    expect(new Set(demoPlans.map((plan) => plan.kind))).toEqual(new Set(['internal_control', 'activity']));
  });

  test.each([['sv'], ['en']] as const)('in %s: items, ids, versions and texts equal the plan', async (locale) => {
    const totals = { risks: 0, controls: 0, actions: 0, activities: 0, subActivities: 0, followUps: 0 };
    for (const { tenantId, planId } of demoPlans) {
      const { imported, tables } = await exportAndRead(tenantId, planId, locale);
      expect(isRoundTripWorkbook(tables)).toBe(true);
      expect(imported.errors).toEqual([]);
      expect(imported.warnings).toEqual([]);
      expect(imported.complete).toBe(true);
      expect(imported.planId).toBe(planId);
      const [facts] = await loadPlanFacts(h.db, tenantId, [planId], locale);
      expect(imported.kind).toBe(facts!.kind);
      const versions = await versionsOf(tenantId, planId);

      // Ids and versions: every row of the plan, once, with its version.
      const seen = (rows: { id?: string | undefined; version?: number | undefined }[]) =>
        new Map(rows.map((row) => [row.id!, row.version!]));
      const controlsRead = imported.risks.flatMap((risk) => risk.controls);
      const actionsRead = [...imported.risks.flatMap((risk) => risk.actions), ...imported.actions];
      const subsRead = imported.activities.flatMap((activity) => activity.subActivities);
      const followUpsRead = [...controlsRead, ...actionsRead, ...imported.activities].flatMap((item) => item.followUps);
      expect(seen(imported.risks)).toEqual(versions.risks);
      expect(seen(controlsRead)).toEqual(versions.controls);
      expect(seen(actionsRead)).toEqual(versions.actions);
      expect(seen(imported.activities)).toEqual(versions.activities);
      expect(seen(subsRead)).toEqual(versions.subActivities);
      expect(seen(followUpsRead)).toEqual(versions.followUps);
      totals.risks += imported.risks.length;
      totals.controls += controlsRead.length;
      totals.actions += actionsRead.length;
      totals.activities += imported.activities.length;
      totals.subActivities += subsRead.length;
      totals.followUps += followUpsRead.length;
      const process = alias(vocabularyEntries, 'process');
      const category = alias(vocabularyEntries, 'category');
      const riskRows = await h.db
        .select({
          id: risks.id,
          // The workbook names them in its language.
          process: locale === 'sv' ? process.labelSv : process.labelEn,
          category: locale === 'sv' ? category.labelSv : category.labelEn,
        })
        .from(risks)
        .leftJoin(process, eq(process.id, risks.processId))
        .leftJoin(category, eq(category.id, risks.categoryId))
        .where(and(eq(risks.planId, planId), isNull(risks.archivedAt)));
      for (const risk of imported.risks) {
        const row = riskRows.find((candidate) => candidate.id === risk.id)!;
        expect([risk.process ?? '', risk.category ?? '']).toEqual([row.process ?? '', row.category ?? '']);
      }

      // Texts: the same as the plan's read model prints them.
      expect(
        imported.risks.map((risk) => ({
          id: risk.id,
          title: risk.title,
          description: risk.description,
          likelihood: risk.likelihood,
          consequence: risk.consequence,
          controls: risk.controls.map((control) => ({
            id: control.id,
            ...importedSchedule(control),
            description: control.description,
            method: control.method,
            frequency: control.frequency,
          })),
          actions: risk.actions.map((action) => ({
            id: action.id,
            ...importedSchedule(action),
            whatToDo: action.whatToDo,
            measuresTaken: action.measuresTaken,
            responsibleUnit: action.responsibleUnit,
          })),
        })),
      ).toEqual(
        facts!.risks.map((risk) => ({
          id: risk.id,
          title: risk.title,
          description: risk.description ?? '',
          likelihood: risk.likelihood === null ? '' : String(risk.likelihood),
          consequence: risk.consequence === null ? '' : String(risk.consequence),
          controls: risk.controls.map((control) => ({
            id: control.id,
            ...scheduleOf(control),
            description: control.description ?? '',
            method: control.method ?? '',
            frequency: control.frequency ?? '',
          })),
          actions: risk.actions.map((action) => ({
            id: action.id,
            ...scheduleOf(action),
            whatToDo: action.whatToDo ?? '',
            measuresTaken: action.measuresTaken ?? '',
            responsibleUnit: action.responsibleUnit ?? '',
          })),
        })),
      );
      expect(imported.actions.map((action) => action.id)).toEqual(facts!.otherActions.map((action) => action.id));
      const carryOver = (value: string | null) =>
        value === null
          ? ''
          : {
              sv: { carry_over: 'Förs över', do_not_carry_over: 'Förs inte över' },
              en: { carry_over: 'Carry over', do_not_carry_over: 'Do not carry over' },
            }[locale][value as 'carry_over'];
      expect(
        imported.activities.map((activity) => ({
          id: activity.id,
          number: activity.number,
          ...importedSchedule(activity),
          description: activity.description,
          costAndResources: activity.costAndResources,
          performers: activity.performers,
          focusAreas: activity.focusAreas,
          carryOver: activity.carryOver,
          subActivities: activity.subActivities.map((sub) => ({
            number: sub.number,
            title: sub.title,
            status: sub.status,
            carryOver: sub.carryOver,
          })),
        })),
      ).toEqual(
        facts!.activities.map((activity) => ({
          id: activity.id,
          number: activity.number,
          ...scheduleOf(activity),
          description: activity.description ?? '',
          costAndResources: activity.costAndResources ?? '',
          performers: activity.performers ?? '',
          focusAreas: activity.focusAreas,
          carryOver: carryOver(activity.carryOver),
          subActivities: activity.subActivities.map((sub) => ({
            number: sub.number,
            title: sub.title,
            status: sub.status?.label ?? '',
            carryOver: carryOver(sub.carryOver),
          })),
        })),
      );
    }
    // The demo has every kind of row, so none of the comparisons above is of empty lists.
    for (const count of Object.values(totals)) expect(count).toBeGreaterThan(0);
  });
});

/** The workbook edited as a person would, then read back. */
async function edited(bytes: Buffer, edit: (workbook: ExcelJS.Workbook) => void): Promise<ImportedPlan> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  edit(workbook);
  return readRoundTripWorkbook(await readTables(Buffer.from(await workbook.xlsx.writeBuffer())));
}

/** The column of a heading on the sheet's first row. */
function columnOf(worksheet: ExcelJS.Worksheet, heading: string): number {
  const row = worksheet.getRow(1);
  for (let column = 1; column <= worksheet.columnCount; column++)
    if (row.getCell(column).text === heading) return column;
  throw new Error(`no column ${heading} on ${worksheet.name}`);
}

/** The first row of the sheet whose column holds the text. */
function rowWith(worksheet: ExcelJS.Worksheet, heading: string, text: string): number {
  const column = columnOf(worksheet, heading);
  for (let row = 2; row <= worksheet.rowCount; row++) if (worksheet.getCell(row, column).text === text) return row;
  throw new Error(`no row with ${text} on ${worksheet.name}`);
}

describe('the workbook edited in a spreadsheet program', () => {
  /** The demo's internal control plan with most controls, and its activity plan with most activities. */
  let control: { tenantId: string; planId: string };
  let controlBytes: Buffer;
  let activityBytes: Buffer;
  let original: ImportedPlan;
  let originalActivities: ImportedPlan;

  beforeAll(async () => {
    const counted = await Promise.all(
      demoPlans.map(async (plan) => ({ plan, read: await exportAndRead(plan.tenantId, plan.planId) })),
    );
    const most = (kind: string, count: (imported: ImportedPlan) => number) =>
      counted
        .filter(({ plan }) => plan.kind === kind)
        .sort((a, b) => count(b.read.imported) - count(a.read.imported))[0]!;
    const withControls = most(
      'internal_control',
      (imported) => imported.risks.flatMap((risk) => risk.controls.filter((item) => item.followUps.length > 0)).length,
    );
    const withActivities = most(
      'activity',
      (imported) => imported.activities.filter((item) => item.subActivities.length > 0).length,
    );
    control = withControls.plan;
    controlBytes = withControls.read.bytes;
    original = withControls.read.imported;
    activityBytes = withActivities.read.bytes;
    originalActivities = withActivities.read.imported;
    expect(original.risks.length).toBeGreaterThan(1);
    expect(originalActivities.activities.some((item) => item.subActivities.length > 0)).toBe(true);
  });

  test('a changed title and a cleared date are read as they now are; the rest stays as exported', async () => {
    const target = original.risks.flatMap((risk) => risk.controls).find((item) => item.startDate !== '')!;
    const imported = await edited(controlBytes, (workbook) => {
      const sheet = workbook.getWorksheet('Kontrollmoment')!;
      const row = rowWith(sheet, 'uppsikt:id', target.id!);
      sheet.getCell(row, columnOf(sheet, 'Titel')).value = 'Ny titel på kontrollen';
      sheet.getCell(row, columnOf(sheet, 'Startdatum')).value = null;
    });
    expect(imported.errors).toEqual([]);
    const read = imported.risks.flatMap((risk) => risk.controls).find((item) => item.id === target.id)!;
    expect(read.title).toBe('Ny titel på kontrollen');
    expect(read.startDate).toBe('');
    expect(read.version).toBe(target.version);
    expect({ ...read, title: target.title, startDate: target.startDate, origin: null }).toEqual({
      ...target,
      origin: null,
    });
    expect(read.origin.sheet).toBe('Kontrollmoment');
    expect(read.origin.columns).toMatchObject({ title: 'Titel', startDate: 'Startdatum' });
  });

  test('an added row has no id; it goes under the risk its Risk column names', async () => {
    const risk = original.risks[1]!;
    const imported = await edited(controlBytes, (workbook) => {
      const sheet = workbook.getWorksheet('Kontrollmoment')!;
      const row = sheet.rowCount + 1;
      sheet.getCell(row, columnOf(sheet, 'Risk')).value = `  ${risk.title.toUpperCase()} `;
      sheet.getCell(row, columnOf(sheet, 'Titel')).value = 'En ny kontroll';
      sheet.getCell(row, columnOf(sheet, 'Ansvariga')).value = 'Anna Andersson; Bo Berg';
    });
    expect(imported.errors).toEqual([]);
    const added = imported.risks.find((item) => item.id === risk.id)!.controls.at(-1)!;
    expect(added).toMatchObject({ id: undefined, version: undefined, title: 'En ny kontroll', status: '' });
    expect(added.responsible).toEqual(['Anna Andersson', 'Bo Berg']);
    expect(added.origin.row).toBeGreaterThan(1);
  });

  test('a deleted row is missing; a follow-up of it left behind is an error naming its sheet, row and column', async () => {
    const target = original.risks.flatMap((risk) => risk.controls).find((item) => item.followUps.length > 0)!;
    const imported = await edited(controlBytes, (workbook) => {
      const sheet = workbook.getWorksheet('Kontrollmoment')!;
      sheet.spliceRows(rowWith(sheet, 'uppsikt:id', target.id!), 1);
    });
    const controlIds = imported.risks.flatMap((risk) => risk.controls).map((item) => item.id);
    expect(controlIds).not.toContain(target.id);
    expect(controlIds).toHaveLength(original.risks.flatMap((risk) => risk.controls).length - 1);
    expect(imported.errors).toHaveLength(target.followUps.length);
    expect(imported.errors[0]).toMatchObject({ sheet: 'Uppföljningar', column: 'Avser' });
    expect(imported.errors[0]!.message.sv).toContain(target.title);
    expect(imported.errors[0]!.row).toBe(target.followUps[0]!.origin.row);
  });

  test('re-ordered columns are read by their headings', async () => {
    const imported = await edited(controlBytes, (workbook) => {
      const sheet = workbook.getWorksheet('Risker')!;
      // The title moves to the end, the hidden id to the front.
      const titles = sheet.getColumn(columnOf(sheet, 'Titel')).values;
      sheet.spliceColumns(columnOf(sheet, 'Titel'), 1);
      const ids = sheet.getColumn(columnOf(sheet, 'uppsikt:id')).values;
      sheet.spliceColumns(columnOf(sheet, 'uppsikt:id'), 1);
      sheet.spliceColumns(1, 0, []);
      sheet.getColumn(1).values = ids;
      sheet.getColumn(sheet.columnCount + 1).values = titles;
    });
    expect(imported.errors).toEqual([]);
    const strip = (plan: ImportedPlan) =>
      plan.risks.map((risk) => ({
        ...risk,
        origin: null,
        controls: risk.controls.length,
        actions: risk.actions.length,
      }));
    expect(strip(imported)).toEqual(strip(original));
  });

  test('a control moved to another risk by its Risk column goes there; an unknown risk is an error at its cell', async () => {
    const [first, second] = original.risks;
    const moved = first!.controls[0]!;
    const imported = await edited(controlBytes, (workbook) => {
      const sheet = workbook.getWorksheet('Kontrollmoment')!;
      sheet.getCell(rowWith(sheet, 'uppsikt:id', moved.id!), columnOf(sheet, 'Risk')).value = second!.title;
      const row = sheet.rowCount + 1;
      sheet.getCell(row, columnOf(sheet, 'Risk')).value = 'En risk som inte finns';
      sheet.getCell(row, columnOf(sheet, 'Titel')).value = 'Kontroll utan risk';
    });
    expect(imported.risks[1]!.controls.map((item) => item.id)).toContain(moved.id);
    expect(imported.risks[0]!.controls.map((item) => item.id)).not.toContain(moved.id);
    expect(imported.errors).toEqual([
      {
        sheet: 'Kontrollmoment',
        row: expect.any(Number),
        column: 'Risk',
        message: {
          sv: 'Det finns ingen risk som heter ”En risk som inte finns” i arbetsboken.',
          en: 'There is no risk called “En risk som inte finns” in the workbook.',
        },
      },
    ]);
  });

  test('a copied row (its hidden id with it) is a new row, with a warning', async () => {
    const risk = original.risks[0]!;
    const imported = await edited(controlBytes, (workbook) => {
      const sheet = workbook.getWorksheet('Risker')!;
      const from = sheet.getRow(rowWith(sheet, 'uppsikt:id', risk.id!));
      sheet.getRow(sheet.rowCount + 1).values = from.values;
    });
    expect(imported.risks).toHaveLength(original.risks.length + 1);
    expect(imported.risks.at(-1)).toMatchObject({ id: undefined, version: undefined, title: risk.title });
    expect(imported.warnings).toHaveLength(1);
    expect(imported.warnings[0]).toMatchObject({ sheet: 'Risker', row: imported.risks.at(-1)!.origin.row });
  });

  test('a missing sheet is an error: the plan is not archived by its absence', async () => {
    const imported = await edited(controlBytes, (workbook) =>
      workbook.removeWorksheet(workbook.getWorksheet('Åtgärder')!.id),
    );
    // The sheet's absence, once; the follow-ups of its actions have nothing left to belong to.
    const sheetErrors = imported.errors.filter((error) => error.row === null);
    expect(sheetErrors).toHaveLength(1);
    expect(sheetErrors[0]!.message.sv).toContain('Bladet Åtgärder saknas');
    expect(sheetErrors[0]!.message.en).toContain('no sheet Actions');
    const actionFollowUps = original.risks.flatMap((risk) => risk.actions).flatMap((item) => item.followUps);
    expect(imported.errors).toHaveLength(1 + actionFollowUps.length);
  });

  test('a follow-up added by its item’s kind and title goes under that item', async () => {
    const target = original.risks.flatMap((risk) => risk.controls)[0]!;
    const imported = await edited(controlBytes, (workbook) => {
      const sheet = workbook.getWorksheet('Uppföljningar')!;
      const row = sheet.rowCount + 1;
      sheet.getCell(row, columnOf(sheet, 'Typ')).value = 'kontrollmoment';
      sheet.getCell(row, columnOf(sheet, 'Avser')).value = target.title;
      sheet.getCell(row, columnOf(sheet, 'Period')).value = 'Kvartal 4 2020';
      sheet.getCell(row, columnOf(sheet, 'Uppföljning')).value = 'Allt **klart**.';
    });
    expect(imported.errors).toEqual([]);
    const read = imported.risks.flatMap((risk) => risk.controls).find((item) => item.id === target.id)!;
    expect(read.followUps.at(-1)).toMatchObject({
      id: undefined,
      period: 'Kvartal 4 2020',
      body: 'Allt **klart**.',
      reportedOn: '',
    });
  });

  test('dates are read from date cells, ISO text, Swedish text and serial numbers whose date format was lost', async () => {
    const items = original.risks.flatMap((risk) => risk.controls).slice(0, 4);
    expect(items).toHaveLength(4);
    const values: ExcelJS.CellValue[] = [new Date(Date.UTC(2020, 2, 1)), '2020-03-01', '1 mars 2020', 43891];
    const imported = await edited(controlBytes, (workbook) => {
      const sheet = workbook.getWorksheet('Kontrollmoment')!;
      items.forEach((item, index) => {
        const cell = sheet.getCell(rowWith(sheet, 'uppsikt:id', item.id!), columnOf(sheet, 'Slutdatum'));
        cell.value = values[index]!;
        cell.style = {};
      });
      // No cell keeps its style: what is read does not depend on them.
      sheet.eachRow((row) => row.eachCell((cell) => (cell.style = {})));
    });
    const read = imported.risks.flatMap((risk) => risk.controls);
    expect(items.map((item) => read.find((candidate) => candidate.id === item.id)!.endDate)).toEqual([
      '2020-03-01',
      '2020-03-01',
      '1 mars 2020',
      '2020-03-01',
    ]);
    const unchanged = read.filter((item) => !items.some((edited) => edited.id === item.id));
    const before = original.risks.flatMap((risk) => risk.controls);
    for (const item of unchanged)
      expect({ ...item, origin: null }).toEqual({ ...before.find((b) => b.id === item.id)!, origin: null });
  });

  test('sub-activities: an added row goes under the activity its number extends, or the one above it', async () => {
    const parent = originalActivities.activities.find((item) => item.subActivities.length > 0)!;
    const imported = await edited(activityBytes, (workbook) => {
      const sheet = workbook.getWorksheet('Aktiviteter')!;
      let row = sheet.rowCount + 1;
      sheet.getCell(row, columnOf(sheet, 'Nummer')).value = `${parent.number}.9`;
      sheet.getCell(row, columnOf(sheet, 'Titel')).value = 'Ny delaktivitet';
      row += 1;
      sheet.getCell(row, columnOf(sheet, 'Nivå')).value = 'Delaktivitet';
      sheet.getCell(row, columnOf(sheet, 'Titel')).value = 'Delaktivitet utan nummer';
    });
    expect(imported.errors).toEqual([]);
    expect(imported.activities).toHaveLength(originalActivities.activities.length);
    const read = imported.activities.find((item) => item.id === parent.id)!;
    expect(read.subActivities.at(-1)).toMatchObject({
      id: undefined,
      number: `${parent.number}.9`,
      title: 'Ny delaktivitet',
    });
    expect(imported.activities.at(-1)!.subActivities.at(-1)).toMatchObject({ title: 'Delaktivitet utan nummer' });
  });

  test('the drop-downs, the frozen bold heading row and the hidden columns and sheets are there', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(controlBytes as never);
    const risksSheet = workbook.getWorksheet('Risker')!;
    expect(risksSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(risksSheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(risksSheet.getColumn(columnOf(risksSheet, 'uppsikt:id')).hidden).toBe(true);
    expect(risksSheet.getColumn(columnOf(risksSheet, 'Titel')).hidden).toBe(false);
    expect(workbook.getWorksheet('Uppsikt')!.state).toBe('hidden');
    expect(workbook.getWorksheet('Listor')!.state).toBe('hidden');
    const validation = (sheet: ExcelJS.Worksheet, heading: string, row = 2) =>
      sheet.getCell(row, columnOf(sheet, heading)).dataValidation;
    const likelihood = validation(risksSheet, 'Sannolikhet');
    expect(likelihood).toMatchObject({ type: 'list', allowBlank: true });
    // The list it draws on: 1 … the matrix's number of levels.
    const [, column, first, last] = /^'Listor'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(
      likelihood.formulae[0] as string,
    )!;
    const lists = workbook.getWorksheet('Listor')!;
    const levels = [];
    for (let row = Number(first); row <= Number(last); row++) levels.push(lists.getCell(`${column}${row}`).value);
    expect(levels).toEqual([1, 2, 3, 4]);
    const controlsSheet = workbook.getWorksheet('Kontrollmoment')!;
    expect(validation(controlsSheet, 'Status')).toMatchObject({ type: 'list' });
    // Rows a person adds get the drop-down too.
    expect(validation(controlsSheet, 'Status', controlsSheet.rowCount + 100)).toMatchObject({ type: 'list' });
    expect(validation(workbook.getWorksheet('Uppföljningar')!, 'Period')).toMatchObject({
      type: 'list',
      errorStyle: 'warning',
    });

    const activityBook = new ExcelJS.Workbook();
    await activityBook.xlsx.load(activityBytes as never);
    const sheet = activityBook.getWorksheet('Aktiviteter')!;
    expect(validation(sheet, 'Förs över')).toMatchObject({ type: 'list' });
    expect(validation(sheet, 'Nivå')).toMatchObject({ type: 'list' });
    expect(activityBook.worksheets.map((item) => item.name)).toEqual([
      'Aktiviteter',
      'Uppföljningar',
      'Listor',
      'Uppsikt',
    ]);
    expect(workbook.worksheets.map((item) => item.name)).toEqual([
      'Risker',
      'Kontrollmoment',
      'Åtgärder',
      'Uppföljningar',
      'Listor',
      'Uppsikt',
    ]);
  });

  test('the metadata sheet names the plan, its kind, the format and the moment of export', async () => {
    const { tables, fileName } = await exportAndRead(control.tenantId, control.planId, 'en');
    expect(readWorkbookMetadata(tables)).toEqual({
      planId: control.planId,
      kind: 'internal_control',
      formatVersion: 1,
      exportedAt: h.clock.now().toISOString(),
      locale: 'en',
    });
    expect(tables.filter((table) => !table.hidden).map((table) => table.sheet)).toEqual([
      'Risks',
      'Controls',
      'Actions',
      'Follow-ups',
    ]);
    expect(fileName).toMatch(/^[^/\\:*?"<>|]+\.xlsx$/);
    expect(fileName).toContain('–');
    // Other tables are not the workbook.
    expect(isRoundTripWorkbook(tables.filter((table) => table.sheet !== 'Uppsikt'))).toBe(false);
    expect(readRoundTripWorkbook(tables.filter((table) => table.sheet !== 'Uppsikt')).planId).toBeUndefined();
  });
});

describe('who may export, and the route', () => {
  test('a plan of a unit the caller does not read, or of another tenant, is not found', async () => {
    const planOnB = await createPlan(h.db, h.tenant.tenantId, h.tenant.unitB);
    const reader = await loadAccess(
      h.db,
      { tenantId: h.tenant.tenantId, userId: h.userIds.reader!, via: 'session', mayWrite: true },
      h.clock,
    );
    await expect(buildPlanWorkbook(h.db, reader, planOnB, 'sv')).rejects.toMatchObject({ code: 'not_found' });
    const planOnA = await createPlan(h.db, h.tenant.tenantId, h.tenant.unitA);
    const { bytes } = await buildPlanWorkbook(h.db, reader, planOnA, 'sv');
    expect(readRoundTripWorkbook(await readTables(bytes))).toMatchObject({ planId: planOnA, risks: [], errors: [] });
    await expect(
      buildPlanWorkbook(h.db, operatorAccess(h.otherTenant.tenantId, h.clock), planOnA, 'sv'),
    ).rejects.toBeInstanceOf(AppError);
  });

  test('GET /plans/{planId}/workbook answers the workbook as an attachment', async () => {
    const app = new OpenAPIHono<ApiEnv>();
    const access = await loadAccess(
      h.db,
      { tenantId: h.tenant.tenantId, userId: h.userIds.reader!, via: 'session', mayWrite: true },
      h.clock,
    );
    app.use(async (c, next) => {
      c.set('database', h.database);
      c.set('access', access);
      await next();
    });
    app.route('/', planWorkbookRoutes());
    app.onError((error, c) => (error instanceof AppError ? problemResponse(c, error) : c.text(String(error), 500)));
    const planId = await createPlan(h.db, h.tenant.tenantId, h.tenant.unitA);
    const response = await app.request(`/plans/${planId}/workbook`, { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-language')).toBe('en');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''.+\.xlsx$/,
    );
    const tables = await readTables(new Uint8Array(await response.arrayBuffer()));
    expect(readWorkbookMetadata(tables)).toMatchObject({ planId, locale: 'en' });
    const swedish = await app.request(`/plans/${planId}/workbook?lang=sv`, { headers: { 'accept-language': 'en' } });
    expect(swedish.headers.get('content-language')).toBe('sv');
    const planOnB = await createPlan(h.db, h.tenant.tenantId, h.tenant.unitB);
    expect((await app.request(`/plans/${planOnB}/workbook`)).status).toBe(404);
    expect((await app.request('/plans/not-an-id/workbook')).status).toBe(400);
  });
});
