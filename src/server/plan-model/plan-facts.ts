import type { FollowUpReviewState } from '../../domain/control-result.ts';
import { frequencyText } from '../../domain/control-frequency.ts';
import { personDisplayName } from '../../domain/person.ts';
import { REPORT_RECIPIENT_LABELS, RISK_RESPONSE_LABELS } from '../../domain/risk-response.ts';
import { reportingPeriodLabel } from '../../domain/reporting-period.ts';
import { DEFAULT_RISK_MATRIX, type RiskMatrixConfig } from '../../domain/risk-matrix.ts';
import type { StatusCategory } from '../../domain/status.ts';
import { readTogether, type Database } from '../db/client.ts';
import {
  readPlans,
  readStatuses,
  readRisks,
  readControls,
  readActions,
  readActivities,
  readSubActivities,
  readFocusAreas,
  readReviews,
  readFollowUps,
  readAssignments,
  readCheckpoints,
  readDeviations,
  readNotes,
  readRiskMatrices,
  readVocabularyEntries,
  readVersionDecisions,
  readGoalLinks,
  type PlanSelection,
} from './plan-reads.ts';

// The plan as one readable whole: everything a report prints, a plan version freezes and a
// comparison compares about a set of plans, read in a fixed number of queries whatever the number
// of plans (the council summary of a large municipality reads hundreds of plans at once).

/** A status as it is shown: its label in the reader's language, its colour and what it means. */
export interface ReportStatus {
  label: string;
  /** "#rrggbb". */
  colour: string;
  category: StatusCategory;
}

export interface FollowUpFacts {
  periodLabel: string;
  periodEnd: string;
  reportedOn: string | null;
  body: string;
  analysis: string | null;
  author: string | null;
  status: ReportStatus | null;
  /** Where it is in the review: reports mark one that is not approved yet. */
  reviewState: FollowUpReviewState;
}

/** A control (kontrollmoment), an action (åtgärd) or an activity, as reports print it. */
export interface ItemFacts {
  id: string;
  title: string;
  status: ReportStatus | null;
  responsible: string[];
  reporting: string[];
  startDate: string | null;
  checkpoints: string[];
  endDate: string | null;
  followUps: FollowUpFacts[];
}

export interface ControlFacts extends ItemFacts {
  description: string | null;
  /** Kontrollmetod, the entry's label in the reader's language. */
  method: string | null;
  /** Omfattning and urval, Markdown. */
  scope: string | null;
  /** The frequency in words ("Kvartalsvis"). */
  frequency: string | null;
  /** Tidpunkt for reporting, as written. */
  reportingTime: string | null;
  /** To whom it is reported, in words. */
  reportsTo: string[];
  /**
   * Kontrollansvarig as the function of a unit the control names ("Ekonomichef,
   * Socialförvaltningen"), whoever holds it; null when it names none. Absent from a version
   * frozen before the function was kept.
   */
  responsibleFunction?: string | null;
}

export interface ActionFacts extends ItemFacts {
  riskId: string | null;
  reviewId: string | null;
  whatToDo: string | null;
  measuresTaken: string | null;
  responsibleUnit: string | null;
  /** The titles of the goals the action serves, in the goals' order. */
  goals: string[];
}

export interface RiskFacts {
  id: string;
  title: string;
  description: string | null;
  /** Process (kontrollområde) and category, the entries' labels in the reader's language. */
  process: string | null;
  category: string | null;
  cause: string | null;
  effect: string | null;
  owner: string | null;
  /** The response decided, in words ("Kontrollera"), with its motivation. */
  response: string | null;
  responseMotivation: string | null;
  legalReferences: string | null;
  likelihood: number | null;
  consequence: number | null;
  riskValue: number | null;
  /** The titles of the goals the risk threatens, in the goals' order. */
  goals: string[];
  controls: ControlFacts[];
  actions: ActionFacts[];
}

export interface ActivityFacts extends ItemFacts {
  number: string;
  description: string | null;
  costAndResources: string | null;
  performers: string | null;
  focusAreas: string[];
  carryOver: string | null;
  subActivities: { number: string; title: string; status: ReportStatus | null; carryOver: string | null }[];
}

export interface ReviewFacts {
  id: string;
  riskId: string | null;
  diarienummer: string | null;
  title: string;
  decidedBy: string | null;
  meetingDate: string | null;
  paragraph: string | null;
  findings: string | null;
}

export interface DeviationFacts {
  title: string;
  description: string | null;
  foundOn: string;
  /** The severity's label in the reader's language. */
  severity: string;
  /** The severity entry's stable key, to group by. */
  severityKey: string;
  /** The severity's place in the tenant's list (mildest first). */
  severityOrder: number;
  state: string;
  controlTitle: string;
  hasAction: boolean;
}

/** A decision recorded on a version of the plan: the adoption, or a revision decided by a body. */
export interface PlanDecisionFacts {
  revision: number;
  decidedBy: string | null;
  decisionDate: string | null;
  decisionParagraph: string | null;
  diarienummer: string | null;
  validFrom: string | null;
}

export interface PlanFacts {
  id: string;
  kind: string;
  title: string;
  unitId: string;
  unitName: string;
  startYear: number;
  endYear: number;
  state: string;
  description: string | null;
  decidedBy: string | null;
  decisionDate: string | null;
  decisionParagraph: string | null;
  diarienummer: string | null;
  /**
   * The decisions recorded on the plan's versions, oldest first; the last is the decision in force.
   * Not part of a frozen snapshot (a version does not know the decisions that come after it).
   */
  decisions: PlanDecisionFacts[];
  matrix: RiskMatrixConfig;
  /** Which version of the tenant's risk matrix the plan uses; null for the built-in default. */
  matrixVersion: { id: string; validFromYear: number } | null;
  risks: RiskFacts[];
  /** Actions decided without a risk (from a review, say). */
  otherActions: ActionFacts[];
  activities: ActivityFacts[];
  reviews: ReviewFacts[];
  deviations: DeviationFacts[];
  notes: { topic: string; body: string }[];
}

/**
 * The facts of the given plans of one tenant, in the order of `planIds`. A `summary` leaves out
 * what a summary does not print (follow-ups, checkpoints, sub-activities, reviews, notes): the
 * council summary of a large municipality reads a tenth of the rows.
 */
export async function loadPlanFacts(
  db: Database,
  tenantId: string,
  planIds: readonly string[],
  locale: 'sv' | 'en',
  options: { summary?: boolean } = {},
): Promise<PlanFacts[]> {
  // Stryker disable next-line ConditionalExpression: equivalent, with no ids every read below matches nothing; the early return spares fifteen queries
  if (planIds.length === 0) return [];
  const ids = [...planIds];
  return assemblePlanFacts(ids, await readPlanRows({ db, tenantId, ids }, options.summary !== true), locale);
}

/** The rows of the plans: fifteen reads at once, whatever the number of plans; a summary skips what it does not print. */
async function readPlanRows(selection: PlanSelection, full: boolean) {
  /** A read that a summary skips. */
  const unlessSummary = <T>(read: () => PromiseLike<T[]>) => (full ? read : () => Promise.resolve([] as T[]));
  const [
    planRows,
    statusRows,
    riskRows,
    controlRows,
    actionRows,
    activityRows,
    subRows,
    focusRows,
    reviewRows,
    followUpRows,
    assignmentRows,
    checkpointRows,
    deviationRows,
    noteRows,
    matrixRows,
    vocabularyRows,
    decisionRows,
    goalLinkRows,
  ] = await readTogether(
    selection.db,
    () => readPlans(selection),
    () => readStatuses(selection),
    () => readRisks(selection),
    () => readControls(selection),
    () => readActions(selection),
    () => readActivities(selection),
    unlessSummary(() => readSubActivities(selection)),
    unlessSummary(() => readFocusAreas(selection)),
    unlessSummary(() => readReviews(selection)),
    unlessSummary(() => readFollowUps(selection)),
    () => readAssignments(selection),
    unlessSummary(() => readCheckpoints(selection)),
    () => readDeviations(selection),
    unlessSummary(() => readNotes(selection)),
    () => readRiskMatrices(selection),
    () => readVocabularyEntries(selection),
    unlessSummary(() => readVersionDecisions(selection)),
    () => readGoalLinks(selection),
  );
  return {
    planRows,
    statusRows,
    riskRows,
    controlRows,
    actionRows,
    activityRows,
    subRows,
    focusRows,
    reviewRows,
    followUpRows,
    assignmentRows,
    checkpointRows,
    deviationRows,
    noteRows,
    matrixRows,
    vocabularyRows,
    decisionRows,
    goalLinkRows,
  };
}

type PlanRows = Awaited<ReturnType<typeof readPlanRows>>;

/** How an item (control, action, activity) is read: its status, people, checkpoints and follow-ups, in the reader's language. */
function itemFactsReader({ statusRows, assignmentRows, checkpointRows, followUpRows }: PlanRows, locale: 'sv' | 'en') {
  const statusById = new Map(
    statusRows.map((row) => [
      row.id,
      { label: locale === 'sv' ? row.labelSv : row.labelEn, colour: row.colour, category: row.category },
    ]),
  );
  const statusOf = (id: string | null) => (id === null ? null : (statusById.get(id) ?? null));

  const peopleByItem = groupBy(assignmentRows, (row) => itemKey(row.assignment));
  const checkpointsByItem = groupBy(checkpointRows, itemKey);
  const followUpsByItem = groupBy(followUpRows, (row) => itemKey(row.followUp));
  const itemFacts = (
    id: string,
    title: string,
    statusId: string | null,
    startDate: string | null,
    endDate: string | null,
  ): ItemFacts => {
    const people = peopleByItem.get(id) ?? [];
    const names = (role: string) =>
      people.filter((row) => row.assignment.role === role).map((row) => personDisplayName(row, locale));
    return {
      id,
      title,
      status: statusOf(statusId),
      responsible: names('responsible'),
      reporting: names('reporting'),
      startDate,
      checkpoints: (checkpointsByItem.get(id) ?? []).map((row) => row.date),
      endDate,
      followUps: (followUpsByItem.get(id) ?? []).map(({ followUp, period, author }) => ({
        periodLabel: reportingPeriodLabel(period, locale),
        periodEnd: period.endDate,
        reportedOn: followUp.reportedOn,
        body: followUp.body,
        analysis: followUp.analysis,
        author: author?.name
          ? personDisplayName({ name: author.name, deactivatedAt: author.deactivatedAt }, locale)
          : null,
        status: statusOf(followUp.statusId),
        reviewState: followUp.reviewState,
      })),
    };
  };
  return { itemFacts, statusOf };
}

/** The plans' facts, in the order of `ids`, from the rows read for them. */
function assemblePlanFacts(ids: string[], rows: PlanRows, locale: 'sv' | 'en'): PlanFacts[] {
  const {
    planRows,
    riskRows,
    controlRows,
    actionRows,
    activityRows,
    subRows,
    focusRows,
    reviewRows,
    deviationRows,
    noteRows,
    matrixRows,
    vocabularyRows,
    decisionRows,
    goalLinkRows,
  } = rows;
  const goalsByItem = groupBy(goalLinkRows, (row) => row.itemId);
  const goalsOf = (id: string) => (goalsByItem.get(id) ?? []).map((row) => row.title);
  const { itemFacts, statusOf } = itemFactsReader(rows, locale);
  const entryById = new Map(vocabularyRows.map((row) => [row.id, row]));
  const entryLabel = (id: string | null) => {
    const entry = id === null ? undefined : entryById.get(id);
    return entry ? (locale === 'sv' ? entry.labelSv : entry.labelEn) : null;
  };
  const controlsByRisk = groupBy(
    controlRows.map((row) => ({
      riskId: row.riskId,
      facts: {
        ...itemFacts(row.id, row.title, row.statusId, row.startDate, row.endDate),
        description: row.description,
        method: entryLabel(row.methodId),
        scope: row.scope,
        frequency: row.frequency ? frequencyText(row.frequency, locale) : null,
        reportingTime: row.reportingTime,
        reportsTo: row.reportsTo.map((recipient) => REPORT_RECIPIENT_LABELS[recipient][locale]),
        responsibleFunction: row.functionName
          ? [row.functionName, row.functionUnitName].filter(Boolean).join(', ')
          : null,
      } satisfies ControlFacts,
    })),
    (row) => row.riskId,
  );
  const actionFacts = actionRows.map(({ action, unitName }) => ({
    planId: action.planId,
    facts: {
      ...itemFacts(action.id, action.title, action.statusId, action.startDate, action.endDate),
      riskId: action.riskId,
      reviewId: action.reviewId,
      whatToDo: action.whatToDo,
      measuresTaken: action.measuresTaken,
      responsibleUnit: unitName,
      goals: goalsOf(action.id),
    } satisfies ActionFacts,
  }));
  // Stryker disable next-line MethodExpression,ConditionalExpression: equivalent, actions without a risk would be grouped under null, which is no risk's id
  const actionsWithRisk = actionFacts.filter((row) => row.facts.riskId !== null);
  const actionsByRisk = groupBy(actionsWithRisk, (row) => row.facts.riskId!);
  const focusByActivity = groupBy(focusRows, (row) => row.activityId);
  const subsByActivity = groupBy(subRows, (row) => row.activityId);

  return ids.flatMap((planId) => {
    const found = planRows.find((row) => row.plan.id === planId);
    if (!found) return [];
    const { plan, unitName, decidedBy } = found;
    const matrix =
      matrixRows.find((row) => row.id === plan.riskMatrixId) ??
      matrixRows.find((row) => row.validFromYear <= plan.startYear);
    return [
      {
        id: plan.id,
        kind: plan.kind,
        title: plan.title,
        unitId: plan.unitId,
        unitName,
        startYear: plan.startYear,
        endYear: plan.endYear,
        state: plan.state,
        description: plan.description,
        decidedBy,
        decisionDate: plan.decisionDate,
        decisionParagraph: plan.decisionParagraph,
        diarienummer: plan.diarienummer,
        decisions: decisionRows
          .filter((row) => row.planId === planId)
          .map((row) => ({
            revision: row.revision,
            decidedBy: row.decidedBy,
            decisionDate: row.decisionDate,
            decisionParagraph: row.decisionParagraph,
            diarienummer: row.diarienummer,
            validFrom: row.validFrom,
          })),
        matrix: matrix
          ? {
              likelihoodLevels: matrix.likelihoodLevels,
              consequenceLevels: matrix.consequenceLevels,
              bands: matrix.bands,
            }
          : DEFAULT_RISK_MATRIX,
        matrixVersion: matrix ? { id: matrix.id, validFromYear: matrix.validFromYear } : null,
        risks: riskRows
          .filter((risk) => risk.planId === planId)
          .map((risk) => ({
            id: risk.id,
            title: risk.title,
            description: risk.description,
            process: entryLabel(risk.processId),
            category: entryLabel(risk.categoryId),
            cause: risk.cause,
            effect: risk.effect,
            owner: risk.owner ? personDisplayName(risk.owner, locale) : null,
            response: risk.response ? RISK_RESPONSE_LABELS[risk.response][locale] : null,
            responseMotivation: risk.responseMotivation,
            legalReferences: risk.legalReferences,
            likelihood: risk.likelihood,
            consequence: risk.consequence,
            riskValue: risk.riskValue,
            goals: goalsOf(risk.id),
            controls: (controlsByRisk.get(risk.id) ?? []).map((row) => row.facts),
            actions: (actionsByRisk.get(risk.id) ?? []).map((row) => row.facts),
          })),
        otherActions: actionFacts
          .filter((row) => row.planId === planId && row.facts.riskId === null)
          .map((row) => row.facts),
        activities: activityRows
          .filter((activity) => activity.planId === planId)
          .map((activity) => ({
            ...itemFacts(activity.id, activity.title, activity.statusId, activity.startDate, activity.endDate),
            number: activity.number,
            description: activity.description,
            costAndResources: activity.costAndResources,
            performers: activity.performers,
            focusAreas: (focusByActivity.get(activity.id) ?? []).map((row) => row.name),
            carryOver: activity.carryOver,
            subActivities: (subsByActivity.get(activity.id) ?? []).map((sub) => ({
              number: sub.number,
              title: sub.title,
              status: statusOf(sub.statusId),
              carryOver: sub.carryOver,
            })),
          })),
        reviews: reviewRows
          .filter((row) => row.review.planId === planId)
          .map(({ review, unitName: decidedByUnit }) => ({
            id: review.id,
            riskId: review.riskId,
            diarienummer: review.diarienummer,
            title: review.title,
            decidedBy: decidedByUnit,
            meetingDate: review.meetingDate,
            paragraph: review.decisionParagraph,
            findings: review.findings,
          })),
        deviations: deviationRows
          .filter((row) => row.planId === planId)
          .map(({ deviation, controlTitle }) => ({
            title: deviation.title,
            description: deviation.description,
            foundOn: deviation.foundOn,
            severity: entryLabel(deviation.severityId) ?? '',
            severityKey: entryById.get(deviation.severityId)?.key ?? '',
            severityOrder: entryById.get(deviation.severityId)?.sortOrder ?? 0,
            state: deviation.state,
            controlTitle,
            hasAction: deviation.actionId !== null,
          })),
        notes: noteRows
          .filter((note) => note.planId === planId)
          .map((note) => ({ topic: note.topic, body: note.body })),
      },
    ];
  });
}

function itemKey(row: { controlId: string | null; actionId: string | null; activityId: string | null }): string {
  // Stryker disable next-line StringLiteral: defended by the database, whose check constraints give every follow-up and checkpoint exactly one item; the fallback only satisfies the type
  return row.controlId ?? row.actionId ?? row.activityId ?? '';
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
