import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { frequencyText } from '../../../domain/control-frequency.ts';
import { reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import { REPORT_RECIPIENT_LABELS } from '../../../domain/risk-response.ts';
import type { PlanKind } from '../../../domain/plan.ts';
import type { Access } from '../../access/access.ts';
import { findReadablePlan } from '../../access/plan-scope.ts';
import { readTogether, type Database } from '../../db/client.ts';
import { actions } from '../../db/schema/actions.ts';
import { activities, subActivities } from '../../db/schema/activities.ts';
import { controls } from '../../db/schema/controls.ts';
import { followUps } from '../../db/schema/follow-ups.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { risks } from '../../db/schema/risks.ts';
import { statuses } from '../../db/schema/statuses.ts';
import { users } from '../../db/schema/users.ts';
import { messagesIn } from '../../messages/messages.ts';
import { planRiskMatrix } from '../../plan-items/plan-risk-matrix.ts';
import {
  readAssignments,
  readCheckpoints,
  readFocusAreas,
  readPlans,
  readVocabularyEntries,
  type PlanSelection,
} from '../../plan-model/plan-reads.ts';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  HIDDEN_HEADINGS,
  METADATA_KEYS,
  METADATA_SHEET,
  SHEET_COLUMNS,
  joinList,
  sheetName,
  sheetsOf,
  type HeadingKey,
  type SheetKey,
} from './workbook-layout.ts';

/** How many empty rows below the last one get the drop-downs too, for the rows a person adds. */
const ROWS_FOR_ADDING = 500;

/** A cell's value as the export writes it: text, a number, a date (YYYY-MM-DD), or the risk value's formula. */
type CellValue = string | number | { date: string } | { riskValue: number | null } | null;

interface SheetRow {
  values: Partial<Record<HeadingKey, CellValue>>;
  id: string;
  version: number;
  parentId: string | null;
}

/**
 * The plan as a workbook made for editing and importing back (layout: workbook-layout.ts):
 * every item of the plan that is not archived, with its id and version in hidden columns, the
 * fixed vocabularies (status, sannolikhet and konsekvens, förs över, period) as drop-downs.
 * Not found unless the caller reads the plan's unit.
 */
export async function buildPlanWorkbook(
  db: Database,
  access: Access,
  planId: string,
  locale: 'sv' | 'en',
): Promise<{ bytes: Buffer; fileName: string }> {
  const plan = await findReadablePlan(db, access, planId);
  const content = await readWorkbookContent(db, access.tenantId, plan);
  const messages = messagesIn(locale).importWorkbook;
  const kind: PlanKind = plan.kind;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Uppsikt';
  workbook.created = access.clock.now();

  const lists = listValues(content, locale);
  const sheetRows = rowsBySheet(content, locale);
  const listSheetName = messages.sheets.lists;
  const listRanges = new Map<string, string>();

  for (const sheet of sheetsOf(kind)) writeSheet(workbook, sheet, locale, sheetRows[sheet]);

  // The lists the drop-downs draw on, one column each.
  const listSheet = workbook.addWorksheet(listSheetName, { state: 'hidden' });
  [...lists.entries()].forEach(([key, values], index) => {
    const columnNumber = index + 1;
    listSheet.getCell(1, columnNumber).value = key;
    values.forEach((value, row) => (listSheet.getCell(row + 2, columnNumber).value = value));
    if (values.length > 0) {
      const letter = listSheet.getColumn(columnNumber).letter;
      listRanges.set(key, `'${listSheetName}'!$${letter}$2:$${letter}$${values.length + 1}`);
    }
  });
  for (const sheet of sheetsOf(kind)) addDropDowns(workbook, sheet, locale, sheetRows[sheet].length, listRanges);

  const metadata = workbook.addWorksheet(METADATA_SHEET, { state: 'hidden' });
  const entries: [string, string | number][] = [
    [METADATA_KEYS.format, FORMAT_NAME],
    [METADATA_KEYS.formatVersion, FORMAT_VERSION],
    [METADATA_KEYS.planId, plan.id],
    [METADATA_KEYS.kind, plan.kind],
    [METADATA_KEYS.exportedAt, access.clock.now().toISOString()],
    [METADATA_KEYS.locale, locale],
    [METADATA_KEYS.title, plan.title],
    [METADATA_KEYS.unit, content.unitName],
  ];
  entries.forEach(([key, value], index) => (metadata.getRow(index + 1).values = [key, value]));

  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    bytes,
    fileName: `${fileNameOf(messages.fileName(plan.title, content.unitName), plan.title, content.unitName)}.xlsx`,
  };
}

/** The plan's title and unit as a file name: the unit left out when the title names it already; no signs a file system refuses. */
function fileNameOf(joined: string, title: string, unitName: string): string {
  const name = title.toLowerCase().includes(unitName.toLowerCase()) ? title : joined;
  const safe = name
    .replace(/[\p{Cc}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (safe === '' ? 'plan' : safe).slice(0, 150).trim();
}

type PlanRow = Awaited<ReturnType<typeof findReadablePlan>>;

/** Everything the workbook shows of the plan, read together. */
async function readWorkbookContent(db: Database, tenantId: string, plan: PlanRow) {
  const selection: PlanSelection = { db, tenantId, ids: [plan.id] };
  const inPlan = <T extends { tenantId: unknown; planId: unknown; archivedAt: unknown }>(table: T) =>
    and(eq(table.tenantId as never, tenantId), eq(table.planId as never, plan.id), isNull(table.archivedAt as never));
  const [
    planRows,
    statusRows,
    riskRows,
    controlRows,
    actionRows,
    activityRows,
    subRows,
    followUpRows,
    periodRows,
    assignmentRows,
    checkpointRows,
    focusRows,
    vocabularyRows,
  ] = await readTogether(
    db,
    () => readPlans(selection),
    () =>
      db
        .select()
        .from(statuses)
        .where(eq(statuses.tenantId, tenantId))
        .orderBy(asc(statuses.sortOrder), asc(statuses.key)),
    () => db.select().from(risks).where(inPlan(risks)).orderBy(asc(risks.sortOrder), asc(risks.createdAt)),
    () => db.select().from(controls).where(inPlan(controls)).orderBy(asc(controls.sortOrder), asc(controls.createdAt)),
    () =>
      db
        .select({ action: actions, unitName: orgUnits.name })
        .from(actions)
        .leftJoin(orgUnits, and(eq(orgUnits.tenantId, actions.tenantId), eq(orgUnits.id, actions.responsibleUnitId)))
        .where(inPlan(actions))
        .orderBy(asc(actions.sortOrder), asc(actions.createdAt)),
    () =>
      db
        .select()
        .from(activities)
        .where(inPlan(activities))
        .orderBy(asc(activities.sortOrder), asc(activities.createdAt)),
    () =>
      db
        .select({ sub: subActivities })
        .from(subActivities)
        .innerJoin(
          activities,
          and(eq(activities.tenantId, subActivities.tenantId), eq(activities.id, subActivities.activityId)),
        )
        .where(and(inPlan(activities), isNull(subActivities.archivedAt)))
        .orderBy(asc(subActivities.sortOrder), asc(subActivities.createdAt)),
    () =>
      db
        .select({ followUp: followUps, period: reportingPeriods, authorName: users.name })
        .from(followUps)
        .innerJoin(
          reportingPeriods,
          and(eq(reportingPeriods.tenantId, followUps.tenantId), eq(reportingPeriods.id, followUps.periodId)),
        )
        .leftJoin(users, and(eq(users.tenantId, followUps.tenantId), eq(users.id, followUps.authorId)))
        .where(
          and(
            eq(followUps.tenantId, tenantId),
            isNull(followUps.archivedAt),
            or(
              inArray(followUps.controlId, db.select({ id: controls.id }).from(controls).where(inPlan(controls))),
              inArray(followUps.actionId, db.select({ id: actions.id }).from(actions).where(inPlan(actions))),
              inArray(
                followUps.activityId,
                db.select({ id: activities.id }).from(activities).where(inPlan(activities)),
              ),
            ),
          ),
        )
        .orderBy(asc(reportingPeriods.endDate), asc(followUps.reportedOn), asc(followUps.createdAt)),
    () =>
      db
        .select()
        .from(reportingPeriods)
        .where(
          and(
            eq(reportingPeriods.tenantId, tenantId),
            gte(reportingPeriods.year, plan.startYear),
            lte(reportingPeriods.year, plan.endYear),
          ),
        )
        .orderBy(asc(reportingPeriods.endDate), asc(reportingPeriods.startDate)),
    () => readAssignments(selection),
    () => readCheckpoints(selection),
    () => readFocusAreas(selection),
    () => readVocabularyEntries(selection),
  );
  const matrix = await planRiskMatrix(db, plan);
  return {
    plan,
    unitName: planRows[0]!.unitName,
    statusRows,
    riskRows,
    controlRows,
    actionRows,
    activityRows,
    subRows: subRows.map((row) => row.sub),
    followUpRows,
    periodRows,
    assignmentRows,
    checkpointRows,
    focusRows,
    vocabularyRows,
    likelihoodLevels: matrix.config.likelihoodLevels.length,
    consequenceLevels: matrix.config.consequenceLevels.length,
  };
}

type WorkbookContent = Awaited<ReturnType<typeof readWorkbookContent>>;

/** The lists of the drop-downs, by a key naming the sheet and column (or '*' for every sheet). */
function listValues(content: WorkbookContent, locale: 'sv' | 'en'): Map<string, (string | number)[]> {
  const messages = messagesIn(locale).importWorkbook;
  const levels = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
  const periodLabels = new Set(content.periodRows.map((period) => reportingPeriodLabel(period, locale)));
  for (const { period } of content.followUpRows) periodLabels.add(reportingPeriodLabel(period, locale));
  return new Map<string, (string | number)[]>([
    [
      '*:status',
      content.statusRows.filter((row) => row.active).map((row) => (locale === 'sv' ? row.labelSv : row.labelEn)),
    ],
    ['risks:likelihood', levels(content.likelihoodLevels)],
    ['risks:consequence', levels(content.consequenceLevels)],
    ['activities:carryOver', Object.values(messages.carryOver)],
    ['activities:level', Object.values(messages.levels)],
    ['followUps:itemKind', Object.values(messages.itemKinds)],
    ['followUps:period', [...periodLabels]],
  ]);
}

function listKeyOf(sheet: SheetKey, key: HeadingKey): string {
  return key === 'status' ? '*:status' : `${sheet}:${key}`;
}

/** The rows of every sheet, in the plan's order. */
function rowsBySheet(content: WorkbookContent, locale: 'sv' | 'en'): Record<SheetKey, SheetRow[]> {
  const messages = messagesIn(locale).importWorkbook;
  const statusLabel = new Map(content.statusRows.map((row) => [row.id, locale === 'sv' ? row.labelSv : row.labelEn]));
  const statusOf = (id: string | null) => (id === null ? '' : (statusLabel.get(id) ?? ''));
  const itemOf = (row: { controlId: string | null; actionId: string | null; activityId: string | null }) =>
    row.controlId ?? row.actionId ?? row.activityId ?? '';
  const namesOf = (itemId: string, role: 'responsible' | 'reporting') =>
    joinList(
      content.assignmentRows
        .filter((row) => itemOf(row.assignment) === itemId && row.assignment.role === role)
        .map((row) => row.name),
    );
  const checkpointsOf = (itemId: string) =>
    joinList(content.checkpointRows.filter((row) => itemOf(row) === itemId).map((row) => row.date));
  const date = (value: string | null): CellValue => (value === null ? null : { date: value });
  const schedule = (item: {
    id: string;
    statusId: string | null;
    startDate: string | null;
    endDate: string | null;
  }) => ({
    responsible: namesOf(item.id, 'responsible'),
    reporting: namesOf(item.id, 'reporting'),
    status: statusOf(item.statusId),
    startDate: date(item.startDate),
    checkpoints: checkpointsOf(item.id),
    endDate: date(item.endDate),
  });
  const carryOverOf = (value: string | null) =>
    value === null ? '' : messages.carryOver[value as keyof typeof messages.carryOver];
  const riskTitle = new Map(content.riskRows.map((risk) => [risk.id, risk.title]));
  const entryLabel = new Map(
    content.vocabularyRows.map((entry) => [entry.id, locale === 'sv' ? entry.labelSv : entry.labelEn]),
  );
  const labelOf = (id: string | null) => (id === null ? '' : (entryLabel.get(id) ?? ''));

  const risksSheet: SheetRow[] = content.riskRows.map((risk) => ({
    id: risk.id,
    version: risk.version,
    parentId: null,
    values: {
      title: risk.title,
      description: risk.description,
      process: labelOf(risk.processId),
      category: labelOf(risk.categoryId),
      cause: risk.cause,
      effect: risk.effect,
      likelihood: risk.likelihood,
      consequence: risk.consequence,
      riskValue: { riskValue: risk.riskValue },
    },
  }));
  const controlsSheet: SheetRow[] = content.controlRows.map((control) => ({
    id: control.id,
    version: control.version,
    parentId: control.riskId,
    values: {
      risk: riskTitle.get(control.riskId) ?? '',
      title: control.title,
      description: control.description,
      method: labelOf(control.methodId),
      scope: control.scope,
      frequency: control.frequency ? frequencyText(control.frequency, locale) : '',
      reportingTime: control.reportingTime,
      reportsTo: control.reportsTo.map((recipient) => REPORT_RECIPIENT_LABELS[recipient][locale]).join(', '),
      ...schedule(control),
    },
  }));
  const actionsSheet: SheetRow[] = content.actionRows.map(({ action, unitName }) => ({
    id: action.id,
    version: action.version,
    parentId: action.riskId,
    values: {
      risk: action.riskId === null ? '' : (riskTitle.get(action.riskId) ?? ''),
      title: action.title,
      whatToDo: action.whatToDo,
      measuresTaken: action.measuresTaken,
      responsibleUnit: unitName,
      ...schedule(action),
    },
  }));
  const activitiesSheet: SheetRow[] = content.activityRows.flatMap((activity) => [
    {
      id: activity.id,
      version: activity.version,
      parentId: null,
      values: {
        number: activity.number,
        level: messages.levels.activity,
        title: activity.title,
        description: activity.description,
        costAndResources: activity.costAndResources,
        performers: activity.performers,
        focusAreas: joinList(content.focusRows.filter((row) => row.activityId === activity.id).map((row) => row.name)),
        ...schedule(activity),
        carryOver: carryOverOf(activity.carryOver),
      },
    },
    ...content.subRows
      .filter((sub) => sub.activityId === activity.id)
      .map((sub) => ({
        id: sub.id,
        version: sub.version,
        parentId: activity.id,
        values: {
          number: sub.number,
          level: messages.levels.subActivity,
          title: sub.title,
          status: statusOf(sub.statusId),
          carryOver: carryOverOf(sub.carryOver),
        },
      })),
  ]);

  // Follow-ups in the order of their items, each item's by period.
  const items = [
    ...content.controlRows.map((row) => ({ id: row.id, kind: messages.itemKinds.control, title: row.title })),
    ...content.actionRows.map(({ action }) => ({
      id: action.id,
      kind: messages.itemKinds.action,
      title: action.title,
    })),
    ...content.activityRows.map((row) => ({ id: row.id, kind: messages.itemKinds.activity, title: row.title })),
  ];
  const followUpsSheet: SheetRow[] = items.flatMap((item) =>
    content.followUpRows
      .filter(({ followUp }) => itemOf(followUp) === item.id)
      .map(({ followUp, period, authorName }) => ({
        id: followUp.id,
        version: followUp.version,
        parentId: item.id,
        values: {
          itemKind: item.kind,
          item: item.title,
          period: reportingPeriodLabel(period, locale),
          reportedOn: date(followUp.reportedOn),
          body: followUp.body,
          analysis: followUp.analysis,
          author: authorName,
          status: statusOf(followUp.statusId),
        },
      })),
  );
  return {
    risks: risksSheet,
    controls: controlsSheet,
    actions: actionsSheet,
    activities: activitiesSheet,
    followUps: followUpsSheet,
  };
}

/** The date of a YYYY-MM-DD text as Excel keeps a date: midnight UTC. */
function excelDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetKey, locale: 'sv' | 'en', rows: SheetRow[]) {
  const headings = messagesIn(locale).importWorkbook.headings;
  const specs = SHEET_COLUMNS[sheet];
  const worksheet = workbook.addWorksheet(sheetName(sheet, locale), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.columns = [
    ...specs.map((spec) => ({ header: headings[spec.key], key: spec.key, width: spec.width })),
    ...(Object.keys(HIDDEN_HEADINGS) as (keyof typeof HIDDEN_HEADINGS)[]).map((key) => ({
      header: HIDDEN_HEADINGS[key],
      key: `hidden:${key}`,
      width: 38,
      hidden: true,
    })),
  ];
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: specs.length } };
  const columnOf = (key: HeadingKey) => specs.findIndex((spec) => spec.key === key) + 1;

  rows.forEach((row, index) => {
    const excelRow = worksheet.getRow(index + 2);
    specs.forEach((spec, specIndex) => {
      const cell = excelRow.getCell(specIndex + 1);
      const value = row.values[spec.key];
      if (spec.kind === 'long' || spec.kind === 'names') cell.alignment = { vertical: 'top', wrapText: true };
      writeCell(cell, value, index + 2, columnOf, worksheet);
    });
    excelRow.getCell(specs.length + 1).value = row.id;
    excelRow.getCell(specs.length + 2).value = row.version;
    excelRow.getCell(specs.length + 3).value = row.parentId;
    excelRow.alignment = { vertical: 'top', wrapText: true };
  });
}

function writeCell(
  cell: ExcelJS.Cell,
  value: CellValue | undefined,
  rowNumber: number,
  columnOf: (key: HeadingKey) => number,
  worksheet: ExcelJS.Worksheet,
) {
  if (value === null || value === undefined || value === '') return;
  if (typeof value === 'object' && 'date' in value) {
    cell.value = excelDate(value.date);
    cell.numFmt = 'yyyy-mm-dd';
  } else if (typeof value === 'object') {
    // riskvärde follows sannolikhet × konsekvens as they are edited; it is shown, not read back.
    const likelihood = worksheet.getCell(rowNumber, columnOf('likelihood')).address;
    const consequence = worksheet.getCell(rowNumber, columnOf('consequence')).address;
    cell.value = {
      formula: `IF(AND(ISNUMBER(${likelihood}),ISNUMBER(${consequence})),${likelihood}*${consequence},"")`,
      result: value.riskValue ?? '',
    };
    cell.font = { italic: true, color: { argb: 'FF666666' } };
  } else {
    cell.value = value;
  }
}

/** The drop-downs of a sheet's choice and level columns, for its rows and the rows a person adds below. */
function addDropDowns(
  workbook: ExcelJS.Workbook,
  sheet: SheetKey,
  locale: 'sv' | 'en',
  rowCount: number,
  listRanges: ReadonlyMap<string, string>,
) {
  const worksheet = workbook.getWorksheet(sheetName(sheet, locale))!;
  const notInList = messagesIn(locale).importWorkbook.notInList;
  const lastRow = rowCount + 1 + ROWS_FOR_ADDING;
  SHEET_COLUMNS[sheet].forEach((spec, index) => {
    if (spec.kind !== 'choice' && spec.kind !== 'level') return;
    const range = listRanges.get(listKeyOf(sheet, spec.key));
    if (range === undefined) return;
    const letter = worksheet.getColumn(index + 1).letter;
    // A period not in the list (a custom one) may still be typed: the drop-down only warns.
    const strict = spec.key !== 'period';
    (worksheet as unknown as WithDataValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      errorStyle: strict ? 'stop' : 'warning',
      error: notInList,
    });
  });
}

/** exceljs keeps a sheet's data validations by address or range; its types leave the collection out. */
interface WithDataValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}
