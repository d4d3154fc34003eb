import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { checkpointDates } from '../../domain/control-frequency.ts';
import { defaultReportingPeriodDates } from '../../domain/reporting-period.ts';
import { DEFAULT_STATUSES } from '../../domain/status.ts';
import { and, eq } from 'drizzle-orm';
import { creationChanges } from '../audit/record-audit-events.ts';
import { writeCopy } from '../common-controls/common-control-copies.ts';
import { commonControls } from '../db/schema/common-controls.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { plans } from '../db/schema/plans.ts';
import { actions } from '../db/schema/actions.ts';
import { assignments } from '../db/schema/assignments.ts';
import { attachments } from '../db/schema/attachments.ts';
import { controlResults } from '../db/schema/control-results.ts';
import { deviations } from '../db/schema/deviations.ts';
import { followUps } from '../db/schema/follow-ups.ts';
import { actionGoals, goals, riskGoals } from '../db/schema/goals.ts';
import { functionHolders, unitFunctions } from '../db/schema/unit-functions.ts';
import { freezePlan } from '../plan-model/snapshot.ts';
import {
  ACTION_GOALS,
  CONTROL_ENRICHMENT,
  CURRENT_YEAR_DECISION,
  CURRENT_YEAR_DEVIATION,
  CURRENT_YEAR_FUNCTION,
  CURRENT_YEAR_GOALS,
  CURRENT_YEAR_REVIEWER,
  RETURN_COMMENT,
  RISK_ENRICHMENT,
} from './current-year-enrichment.ts';
import type { PlanFixture } from './fixture-schema.ts';
import { insertRows, resolve, resolvePeriod, type LoadContext } from './load-context.ts';
import { loadPlan, vocabularyEntry, type LoadedPlan } from './load-plan.ts';
import { simplePdf } from './simple-pdf.ts';

/** A date moved by whole years; 29 February becomes 28 February in a common year. */
function shiftDate(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

const COMPLETED_LABELS = new Set(
  DEFAULT_STATUSES.filter((status) => status.category === 'completed').map((status) => status.labelSv),
);

/**
 * The seed plan rolled over to `year`, as the year roll-over does it (risks with their controls,
 * the unfinished actions, the people), with the dates moved to the year and the plan written as a
 * municipality writes it: process, category, cause, effect, response and laws on the risks;
 * method, scope, frequency and reporting on the controls; adopted by the nämnd.
 */
export function rollOverFixture(seed: PlanFixture, year: number): PlanFixture {
  const years = year - Number(seed.period.slice(0, 4));
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  // Dates moved to the year; a span that falls outside it becomes the whole year.
  const span = (start: string | undefined, end: string | undefined) => {
    const from = start === undefined ? first : shiftDate(start, years);
    const to = end === undefined ? last : shiftDate(end, years);
    if (to < first || from > last) return { startDate: first, endDate: last };
    return { startDate: from < first ? first : from, endDate: to > last ? last : to };
  };
  return {
    kind: seed.kind,
    unit: seed.unit,
    period: String(year),
    title: `Internkontrollplan ${year}`,
    state: 'adopted',
    description:
      'Nämndens internkontrollplan för året, framtagen ur förvaltningens riskanalys. Planen följs upp kvartalsvis ' +
      'och rapporteras till kommunstyrelsen vid delårsbokslut och årsbokslut.',
    decision: {
      decidedBy: CURRENT_YEAR_DECISION.decidedBy,
      date: `${year - 1}-${CURRENT_YEAR_DECISION.monthDay}`,
      paragraph: CURRENT_YEAR_DECISION.paragraph,
      diarienummer: CURRENT_YEAR_DECISION.diarienummer(year),
    },
    reviews: [],
    activities: [],
    notes: [],
    risks: seed.risks.map((risk) => {
      const more = RISK_ENRICHMENT[risk.title];
      if (!more) throw new Error(`The current-year demo plan has nothing for the seed risk "${risk.title}"`);
      return {
        title: risk.title,
        description: risk.description,
        process: more.process,
        category: more.category,
        cause: more.cause,
        effect: more.effect,
        owner: CURRENT_YEAR_FUNCTION.holder,
        legalReferences: more.legalReferences,
        response: more.response,
        responseMotivation: more.responseMotivation,
        likelihood: risk.likelihood,
        consequence: risk.consequence,
        actions: risk.actions
          .filter((action) => action.status === undefined || !COMPLETED_LABELS.has(action.status))
          .map((action) => {
            const dates = span(action.startDate, action.endDate);
            return {
              ...action,
              ...dates,
              checkpoints: action.checkpoints
                .map((date) => shiftDate(date, years))
                .filter((date) => date >= dates.startDate && date <= dates.endDate),
              followUps: [],
            };
          }),
        controls: risk.controls.map((control) => {
          const more = CONTROL_ENRICHMENT[control.title];
          if (!more) throw new Error(`The current-year demo plan has nothing for the seed control "${control.title}"`);
          return {
            title: control.title,
            description: control.description,
            method: more.method,
            scope: more.scope,
            ...(typeof more.frequency === 'string'
              ? { frequency: more.frequency }
              : { frequencyDates: more.frequency.dates.map((monthDay) => `${year}-${monthDay}`) }),
            reportingTime: more.reportingTime,
            reportsTo: more.reportsTo,
            responsibleFunction: more.byFunction ? CURRENT_YEAR_FUNCTION.name : undefined,
            responsible: control.responsible,
            reporting: control.reporting,
            status: 'Pågående',
            checkpoints: [],
            followUps: [],
          };
        }),
      };
    }),
  };
}

/**
 * Adds the current-year demo plan: the seed plan `seed` (loaded as `seedPlan`) rolled over to the
 * year of `today`, adopted, with the unit's chef as a function, the nämnd's goals, a result for
 * every period in which a control has been carried out (one "med avvikelse", with its deviation
 * and the action that answers it), the follow-ups of the periods that have ended in their review
 * states, and the protocol extract of the decision as an evidence file.
 */
export async function loadCurrentYearPlan(
  tenantContext: LoadContext,
  seed: PlanFixture,
  seedPlan: LoadedPlan,
  today: string,
): Promise<LoadedPlan> {
  const year = Number(today.slice(0, 4));
  const fixture = rollOverFixture(seed, year);
  const context: LoadContext = { ...tenantContext, file: `${tenantContext.file} (rolled over to ${year})` };
  const person = (name: string) => resolve(context, context.people, 'person', name, 'people');
  const reviewerId = person(CURRENT_YEAR_REVIEWER);

  // The chef of the förvaltning, as a function of the unit with its holder.
  const functionUnitId = resolve(context, context.units, 'unit', CURRENT_YEAR_FUNCTION.unit, 'function.unit');
  const functionId = uuidv7();
  await insertRows(
    context,
    unitFunctions,
    'unit_function',
    [{ id: functionId, unitId: functionUnitId, name: CURRENT_YEAR_FUNCTION.name, isManager: true }],
    () => functionUnitId,
  );
  await insertRows(
    context,
    functionHolders,
    'function_holder',
    [{ id: uuidv7(), functionId, userId: person(CURRENT_YEAR_FUNCTION.holder), validFrom: `${year - 3}-08-01` }],
    () => functionUnitId,
  );
  context.functions.set(CURRENT_YEAR_FUNCTION.name, functionId);

  // The goals of the nämnd's verksamhetsplan for the year.
  const planUnitId = resolve(context, context.units, 'unit', fixture.unit, 'unit');
  const goalIds = new Map<string, string>();
  await insertRows(
    context,
    goals,
    'goal',
    CURRENT_YEAR_GOALS.map((goal, index) => {
      const id = uuidv7();
      goalIds.set(goal.key, id);
      return {
        id,
        unitId: planUnitId,
        year,
        title: goal.title,
        description: 'description' in goal ? goal.description : null,
        indicator: goal.indicator,
        target: goal.target,
        sortOrder: index,
      };
    }),
    () => planUnitId,
  );

  const plan = await loadPlan(context, fixture, `currentYearPlan(${year})`, {
    risks: seedPlan.riskIds,
    actions: seedPlan.actionIds,
  });
  const planContext: LoadContext = { ...context, auditUnitId: plan.unitId };
  await linkGoals(planContext, plan, goalIds);

  const quarters = [];
  for (const number of [1, 2, 3, 4]) {
    const id = await resolvePeriod(context, `Kvartal ${number} ${year}`, 'period');
    quarters.push({ id, ...defaultReportingPeriodDates('quarter', number, year)! });
  }

  // Adopted as decided: the version the nämnd adopted, before anything was followed up.
  const decision = fixture.decision!;
  await freezePlan(
    context.tx,
    { kind: 'system', tenantId: context.tenantId, label: 'seed:demo' },
    {
      tenantId: context.tenantId,
      planId: plan.planId,
      unitId: plan.unitId,
      reason: null,
      createdById: null,
      decision: {
        decisionUnitId: resolve(context, context.units, 'unit', decision.decidedBy, 'decision.decidedBy'),
        decisionDate: decision.date,
        decisionParagraph: decision.paragraph ?? null,
        diarienummer: decision.diarienummer ?? null,
        validFrom: `${year}-01-01`,
      },
    },
  );

  await loadResults(planContext, plan, { year, today, quarters, reviewerId });
  await attachProtocolExtract(planContext, plan, fixture, reviewerId);
  await addCommonControls(planContext, { planId: plan.planId, unitId: plan.unitId, year });
  return plan;
}

/** Risks and actions link to the goals they threaten or serve; a link is recorded in its item's history. */
async function linkGoals(context: LoadContext, plan: LoadedPlan, goalIds: Map<string, string>) {
  const links: { kind: 'risk' | 'action'; itemId: string; goalIds: string[] }[] = [];
  for (const [title, more] of Object.entries(RISK_ENRICHMENT)) {
    const itemId = plan.riskIds.get(title);
    if (itemId && more.goals) links.push({ kind: 'risk', itemId, goalIds: more.goals.map((key) => goalIds.get(key)!) });
  }
  for (const [title, keys] of Object.entries(ACTION_GOALS)) {
    const itemId = plan.actionIds.get(title);
    if (itemId) links.push({ kind: 'action', itemId, goalIds: keys.map((key) => goalIds.get(key)!) });
  }
  for (const link of links) {
    const tenantId = context.tenantId;
    if (link.kind === 'risk')
      await context.tx
        .insert(riskGoals)
        .values(link.goalIds.map((goalId) => ({ tenantId, riskId: link.itemId, goalId })));
    else
      await context.tx
        .insert(actionGoals)
        .values(link.goalIds.map((goalId) => ({ tenantId, actionId: link.itemId, goalId })));
    const entry = context.audit.find((event) => event.entityId === link.itemId);
    if (entry) entry.changes = { ...entry.changes, goalIds: [[], link.goalIds] };
  }
}

interface ResultSettings {
  year: number;
  today: string;
  quarters: { id: string; startDate: string; endDate: string }[];
  reviewerId: string;
}

/**
 * A result for every quarter in which a control's checkpoint has passed, carried out on the last
 * such checkpoint; the first result of the deviation control is "med avvikelse". A quarter that
 * has ended also has its follow-up, written by the reporting-responsible person: approved by the
 * chef, except in the last ended quarter, where the chef has sent the first back and not yet
 * reviewed the others of the same author. The running quarter is still to be followed up.
 */
async function loadResults(context: LoadContext, plan: LoadedPlan, settings: ResultSettings) {
  const { year, today, quarters, reviewerId } = settings;
  const inProgress = resolve(context, context.statuses, 'status', 'Pågående', 'status');
  const lastEnded = quarters.filter((quarter) => quarter.endDate < today).at(-1);
  const resultRows: (Omit<typeof controlResults.$inferInsert, 'tenantId'> & { id: string })[] = [];
  const followUpRows: (Omit<typeof followUps.$inferInsert, 'tenantId'> & { id: string })[] = [];
  let deviationResult: { id: string; controlId: string; riskId: string; performedOn: string; finderId: string } | null =
    null;
  let returned = false;
  for (const control of plan.controls) {
    if (!control.frequency) continue;
    const more = CONTROL_ENRICHMENT[control.title]!;
    const reporterName = control.reporting[0] ?? CURRENT_YEAR_REVIEWER;
    const reporterId = resolve(context, context.people, 'person', reporterName, 'reporting');
    const dates = checkpointDates(control.frequency, `${year}-01-01`, `${year}-12-31`);
    for (const quarter of quarters) {
      const performedOn = dates
        .filter((date) => date >= quarter.startDate && date <= quarter.endDate && date < today)
        .at(-1);
      if (performedOn === undefined) continue;
      const withDeviation = deviationResult === null && control.title === CURRENT_YEAR_DEVIATION.control;
      const id = uuidv7();
      resultRows.push({
        id,
        controlId: control.id,
        periodId: quarter.id,
        outcome: withDeviation ? 'with_deviation' : 'no_remarks',
        performedOn,
        comment: withDeviation ? CURRENT_YEAR_DEVIATION.resultComment : null,
        recordedById: reporterId,
      });
      if (withDeviation)
        deviationResult = { id, controlId: control.id, riskId: control.riskId, performedOn, finderId: reporterId };
      if (quarter.endDate >= today) continue;
      const latest = quarter === lastEnded;
      const reviewState = !latest || reporterId === reviewerId ? 'approved' : returned ? 'submitted' : 'returned';
      if (reviewState === 'returned') returned = true;
      followUpRows.push({
        id: uuidv7(),
        controlId: control.id,
        periodId: quarter.id,
        reportedOn: quarter.endDate,
        body: withDeviation ? CURRENT_YEAR_DEVIATION.resultComment : more.finding,
        authorId: reporterId,
        statusId: inProgress,
        reviewState,
        reviewComment: reviewState === 'returned' ? RETURN_COMMENT : null,
        reviewedById: reviewState === 'submitted' ? null : reviewerId,
        reviewedAt: reviewState === 'submitted' ? null : new Date(`${quarter.endDate}T12:00:00Z`),
      });
    }
  }
  await insertRows(context, controlResults, 'control_result', resultRows);
  await insertRows(context, followUps, 'follow_up', followUpRows);
  if (deviationResult) await loadDeviation(context, plan, deviationResult, { year, reviewerId, inProgress });
}

/** The deviation the result found, of its severity, reported to the chef and the nämnd, and the action that answers it. */
async function loadDeviation(
  context: LoadContext,
  plan: LoadedPlan,
  result: { id: string; controlId: string; riskId: string; performedOn: string; finderId: string },
  { year, reviewerId, inProgress }: { year: number; reviewerId: string; inProgress: string },
) {
  const actionId = uuidv7();
  await insertRows(context, actions, 'action', [
    {
      id: actionId,
      planId: plan.planId,
      riskId: result.riskId,
      title: CURRENT_YEAR_DEVIATION.action.title,
      whatToDo: CURRENT_YEAR_DEVIATION.action.whatToDo,
      statusId: inProgress,
      startDate: result.performedOn,
      endDate: `${year}-12-31`,
      sortOrder: plan.actionIds.size,
    },
  ]);
  await insertRows(context, assignments, 'assignment', [
    { id: uuidv7(), actionId, userId: reviewerId, role: 'responsible' as const, sortOrder: 0 },
  ]);
  const severityId = await vocabularyEntry(context, 'deviation_severity', CURRENT_YEAR_DEVIATION.severity);
  await insertRows(context, deviations, 'deviation', [
    {
      id: uuidv7(),
      controlId: result.controlId,
      resultId: result.id,
      title: CURRENT_YEAR_DEVIATION.title,
      description: CURRENT_YEAR_DEVIATION.description,
      foundOn: result.performedOn,
      foundById: result.finderId,
      severityId: severityId!,
      reportedToId: reviewerId,
      reportedToText: CURRENT_YEAR_DEVIATION.reportedToText,
      reportedOn: result.performedOn,
      actionId,
      state: 'open' as const,
    },
  ]);
}

/** The signed protocol extract of the decision, as the plan's evidence file (kept in the database). */
async function attachProtocolExtract(
  context: LoadContext,
  plan: LoadedPlan,
  fixture: PlanFixture,
  uploadedById: string,
) {
  const decision = fixture.decision!;
  const content = simplePdf([
    `${decision.decidedBy}`,
    `Protokollsutdrag, sammanträde ${decision.date}`,
    '',
    `${decision.paragraph ?? ''}  Dnr ${decision.diarienummer ?? ''}`,
    '',
    `${fixture.title}`,
    '',
    'Beslut',
    `${decision.decidedBy} antar förvaltningens förslag till ${fixture.title.toLowerCase()}.`,
    '',
    'Beskrivning av ärendet',
    'Nämnden ska varje år anta en plan för den interna kontrollen. Planen bygger på',
    'förvaltningens riskanalys och anger vilka kontrollmoment som ska genomföras,',
    'hur ofta och vem som ansvarar för dem.',
    '',
    'Justerat och utdraget bestyrks.',
  ]);
  const id = uuidv7();
  const fileName = `Protokollsutdrag ${decision.paragraph ?? ''} ${decision.date}.pdf`.replace(/\s+/g, ' ');
  const row = {
    id,
    planId: plan.planId,
    fileName,
    contentType: 'application/pdf',
    byteSize: content.byteLength,
    sha256: createHash('sha256').update(content).digest('hex'),
    storage: 'database' as const,
    description: 'Justerat protokollsutdrag med beslutet om planen',
    uploadedById,
  };
  await context.tx.insert(attachments).values({ ...row, tenantId: context.tenantId, content: Buffer.from(content) });
  // As an upload is audited: what was stored, never the content itself.
  context.audit.push({
    entityType: 'attachment',
    entityId: id,
    operation: 'create',
    unitId: plan.unitId,
    changes: creationChanges(row),
  });
}

/**
 * The kommungemensamt kontrollmoment of the year: decided for the whole municipality (on the
 * kommun unit above the plan's nämnd, where kommunstyrelsen acts) and reaching every nämnd below
 * it, this plan's nämnd among them. Its copy comes into this plan the way the API puts it into a
 * plan adopted before (`writeCopy`), linked to its origin; the other nämnder get theirs when
 * they make their plans for the year.
 */
async function addCommonControls(context: LoadContext, plan: { planId: string; unitId: string; year: number }) {
  const { tx, tenantId } = context;
  const units = await tx
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, kind: orgUnits.kind })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, tenantId));
  let origin = units.find((unit) => unit.id === plan.unitId);
  while (origin && !['kommun', 'region'].includes(origin.kind) && origin.parentId !== null)
    origin = units.find((unit) => unit.id === origin!.parentId);
  if (!origin || origin.id === plan.unitId) return;
  const values = {
    id: uuidv7(),
    originUnitId: origin.id,
    year: plan.year,
    riskTitle: 'Delegationsbeslut anmäls inte till nämnden',
    riskDescription:
      'Beslut som fattas på delegation anmäls inte, eller sent, till nämnden. Nämnden tappar överblicken och besluten kan inte överklagas i tid.',
    processId: await vocabularyEntry(context, 'process', 'Styra och leda'),
    categoryId: await vocabularyEntry(context, 'risk_category', 'Legal risk'),
    title: 'Anmälan av delegationsbeslut',
    description: 'Kontroll av att delegationsbeslut anmäls till nämndens nästa sammanträde.',
    methodId: await vocabularyEntry(context, 'control_method', 'Stickprov'),
    scope: 'Tio delegationsbeslut per halvår, slumpvis valda ur diariet.',
    frequency: { kind: 'half_yearly' as const },
    reportingTime: 'Vid delårsrapport och årsredovisning',
    reportsTo: ['committee' as const, 'executive_board' as const],
  };
  await insertRows(context, commonControls, 'common_control', [values], () => origin.id);
  const [stored] = await tx
    .select()
    .from(commonControls)
    .where(and(eq(commonControls.tenantId, tenantId), eq(commonControls.id, values.id)));
  const [planRow] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, plan.planId)));
  await writeCopy(tx, { kind: 'system', tenantId, label: 'demo data' }, stored!, planRow!);
}
