import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import type { Database } from '../../db/client.ts';
import { controlResults } from '../../db/schema/control-results.ts';
import { controls } from '../../db/schema/controls.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { users } from '../../db/schema/users.ts';
import type { ItemFacts, PlanFacts } from '../../plan-model/plan-facts.ts';

// A plan's data for the archive, machine-readable: everything the plan model holds as one JSON
// document, and one CSV table each for the risks, controls, actions, activities, follow-ups,
// control results and deviations. The CSV follows RFC 4180 (UTF-8, comma, CRLF, quotes doubled);
// its column names are stable identifiers, in English whatever the report language.

/** A control's recorded result in one reporting period (genomförd utan anmärkning …). */
export interface ControlResultRecord {
  controlId: string;
  controlTitle: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  outcome: string;
  performedOn: string | null;
  reason: string | null;
  comment: string | null;
  recordedBy: string | null;
}

/** The current results of the plans' controls, by plan, then by period and control (every plan asked for is in the map). */
export async function loadControlResults(
  db: Database,
  tenantId: string,
  planIds: readonly string[],
  locale: 'sv' | 'en',
): Promise<Map<string, ControlResultRecord[]>> {
  const byPlan = new Map<string, ControlResultRecord[]>(planIds.map((id) => [id, []]));
  if (planIds.length === 0) return byPlan;
  const rows = await db
    .select({
      planId: controls.planId,
      controlId: controlResults.controlId,
      controlTitle: controls.title,
      period: {
        kind: reportingPeriods.kind,
        number: reportingPeriods.number,
        year: reportingPeriods.year,
        name: reportingPeriods.name,
        startDate: reportingPeriods.startDate,
        endDate: reportingPeriods.endDate,
      },
      outcome: controlResults.outcome,
      performedOn: controlResults.performedOn,
      reason: controlResults.reason,
      comment: controlResults.comment,
      recordedBy: users.name,
    })
    .from(controlResults)
    .innerJoin(controls, and(eq(controls.tenantId, controlResults.tenantId), eq(controls.id, controlResults.controlId)))
    .innerJoin(
      reportingPeriods,
      and(eq(reportingPeriods.tenantId, controlResults.tenantId), eq(reportingPeriods.id, controlResults.periodId)),
    )
    .leftJoin(users, and(eq(users.tenantId, controlResults.tenantId), eq(users.id, controlResults.recordedById)))
    .where(
      and(
        eq(controlResults.tenantId, tenantId),
        inArray(controls.planId, [...planIds]),
        isNull(controlResults.archivedAt),
        isNull(controls.archivedAt),
      ),
    )
    .orderBy(asc(reportingPeriods.endDate), asc(controls.title), asc(controlResults.id));
  for (const row of rows) {
    byPlan.get(row.planId)?.push({
      controlId: row.controlId,
      controlTitle: row.controlTitle,
      period: reportingPeriodLabel(row.period, locale),
      periodStart: row.period.startDate,
      periodEnd: row.period.endDate,
      outcome: row.outcome,
      performedOn: row.performedOn,
      reason: row.reason,
      comment: row.comment,
      recordedBy: row.recordedBy,
    });
  }
  return byPlan;
}

/** One file of a plan's data: its name in the plan's folder and its text. */
export interface DataFile {
  name: string;
  mimeType: string;
  formatName: string;
  text: string;
}

/** The plan's data as JSON and as CSV tables. Tables with no rows are still written, with their header. */
export function planDataFiles(facts: PlanFacts, results: ControlResultRecord[], generatedAt: string): DataFile[] {
  const json = JSON.stringify(
    { format: 'uppsikt-plan-data', formatVersion: 1, generatedAt, plan: facts, controlResults: results },
    null,
    2,
  );
  const files: DataFile[] = [
    { name: 'plan.json', mimeType: 'application/json', formatName: 'JSON', text: `${json}\n` },
    csvFile('risks.csv', riskRows(facts)),
    csvFile('controls.csv', controlRows(facts)),
    csvFile('actions.csv', actionRows(facts)),
  ];
  if (facts.activities.length > 0) files.push(csvFile('activities.csv', activityRows(facts)));
  files.push(
    csvFile('follow-ups.csv', followUpRows(facts)),
    csvFile('results.csv', [
      [...RESULT_COLUMNS],
      ...results.map((result) => RESULT_COLUMNS.map((column) => result[column])),
    ]),
    csvFile('deviations.csv', deviationRows(facts)),
  );
  return files;
}

type Cell = string | number | boolean | null | undefined;

function csvFile(name: string, rows: Cell[][]): DataFile {
  return { name, mimeType: 'text/csv', formatName: 'CSV', text: toCsv(rows) };
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; lines end with CRLF. */
export function toCsv(rows: Cell[][]): string {
  const field = (value: Cell) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}

const RESULT_COLUMNS = [
  'controlId',
  'controlTitle',
  'period',
  'periodStart',
  'periodEnd',
  'outcome',
  'performedOn',
  'reason',
  'comment',
  'recordedBy',
] as const satisfies readonly (keyof ControlResultRecord)[];

const list = (values: string[]) => values.join('; ');

function riskRows(facts: PlanFacts): Cell[][] {
  return [
    [
      'riskId',
      'title',
      'process',
      'category',
      'description',
      'cause',
      'effect',
      'owner',
      'likelihood',
      'consequence',
      'riskValue',
      'response',
      'goals',
    ],
    ...facts.risks.map((risk) => [
      risk.id,
      risk.title,
      risk.process,
      risk.category,
      risk.description,
      risk.cause,
      risk.effect,
      risk.owner,
      risk.likelihood,
      risk.consequence,
      risk.riskValue,
      risk.response,
      list(risk.goals),
    ]),
  ];
}

const itemColumns = ['status', 'responsible', 'startDate', 'endDate'] as const;
const itemCells = (item: ItemFacts): Cell[] => [
  item.status?.label,
  list(item.responsible),
  item.startDate,
  item.endDate,
];

function controlRows(facts: PlanFacts): Cell[][] {
  return [
    [
      'controlId',
      'riskId',
      'riskTitle',
      'title',
      'description',
      'method',
      'scope',
      'frequency',
      'reportingTime',
      'reportsTo',
      ...itemColumns,
    ],
    ...facts.risks.flatMap((risk) =>
      risk.controls.map((control) => [
        control.id,
        risk.id,
        risk.title,
        control.title,
        control.description,
        control.method,
        control.scope,
        control.frequency,
        control.reportingTime,
        list(control.reportsTo),
        ...itemCells(control),
      ]),
    ),
  ];
}

function actionRows(facts: PlanFacts): Cell[][] {
  const riskTitles = new Map(facts.risks.map((risk) => [risk.id, risk.title]));
  const actions = [...facts.risks.flatMap((risk) => risk.actions), ...facts.otherActions];
  return [
    [
      'actionId',
      'riskId',
      'riskTitle',
      'reviewId',
      'title',
      'whatToDo',
      'measuresTaken',
      'responsibleUnit',
      ...itemColumns,
    ],
    ...actions.map((action) => [
      action.id,
      action.riskId,
      action.riskId ? riskTitles.get(action.riskId) : null,
      action.reviewId,
      action.title,
      action.whatToDo,
      action.measuresTaken,
      action.responsibleUnit,
      ...itemCells(action),
    ]),
  ];
}

function activityRows(facts: PlanFacts): Cell[][] {
  return [
    ['activityId', 'number', 'title', 'description', 'performers', 'focusAreas', 'carryOver', ...itemColumns],
    ...facts.activities.map((activity) => [
      activity.id,
      activity.number,
      activity.title,
      activity.description,
      activity.performers,
      list(activity.focusAreas),
      activity.carryOver,
      ...itemCells(activity),
    ]),
  ];
}

function followUpRows(facts: PlanFacts): Cell[][] {
  const items: { type: string; item: ItemFacts }[] = [
    ...facts.risks.flatMap((risk) => [
      ...risk.controls.map((item) => ({ type: 'control', item })),
      ...risk.actions.map((item) => ({ type: 'action', item })),
    ]),
    ...facts.otherActions.map((item) => ({ type: 'action', item })),
    ...facts.activities.map((item) => ({ type: 'activity', item })),
  ];
  return [
    [
      'itemType',
      'itemId',
      'itemTitle',
      'period',
      'periodEnd',
      'reportedOn',
      'status',
      'reviewState',
      'author',
      'body',
      'analysis',
    ],
    ...items.flatMap(({ type, item }) =>
      item.followUps.map((followUp) => [
        type,
        item.id,
        item.title,
        followUp.periodLabel,
        followUp.periodEnd,
        followUp.reportedOn,
        followUp.status?.label,
        followUp.reviewState,
        followUp.author,
        followUp.body,
        followUp.analysis,
      ]),
    ),
  ];
}

function deviationRows(facts: PlanFacts): Cell[][] {
  return [
    ['controlTitle', 'title', 'description', 'foundOn', 'severity', 'state', 'hasAction'],
    ...facts.deviations.map((deviation) => [
      deviation.controlTitle,
      deviation.title,
      deviation.description,
      deviation.foundOn,
      deviation.severity,
      deviation.state,
      deviation.hasAction,
    ]),
  ];
}
