import { verify } from '@node-rs/argon2';
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChartBlocks, parseChartBlock } from '../../domain/chart-block.ts';
import { personDisplayName } from '../../domain/person.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { actions } from '../db/schema/actions.ts';
import { activities, activityFocusAreas, focusAreas, subActivities } from '../db/schema/activities.ts';
import { assignments } from '../db/schema/assignments.ts';
import { auditEvents } from '../db/schema/audit-events.ts';
import { calendarEvents } from '../db/schema/calendar-events.ts';
import { checkpoints } from '../db/schema/checkpoints.ts';
import { controls } from '../db/schema/controls.ts';
import { followUps } from '../db/schema/follow-ups.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { planNotes } from '../db/schema/plan-notes.ts';
import { plans } from '../db/schema/plans.ts';
import { reportTexts } from '../db/schema/report-texts.ts';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';
import { reviews } from '../db/schema/reviews.ts';
import { risks } from '../db/schema/risks.ts';
import { statuses } from '../db/schema/statuses.ts';
import { tenants } from '../db/schema/tenants.ts';
import { users } from '../db/schema/users.ts';
import { controlResults } from '../db/schema/control-results.ts';
import { deviations } from '../db/schema/deviations.ts';
import { actionGoals, goals, riskGoals } from '../db/schema/goals.ts';
import { planVersions } from '../db/schema/plan-versions.ts';
import { functionHolders } from '../db/schema/unit-functions.ts';
import { vocabularyEntries } from '../db/schema/vocabulary-entries.ts';
import { adjustableClock, fixedClock } from '../../domain/clock.ts';
import { createApp } from '../app.ts';
import { clientFor, HARNESS_NOW, type Client } from '../../../test/support/harness.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { demoFixturesFolder } from '../paths.ts';
import { DEMO_PASSWORD, loadDemoData } from './load-demo-data.ts';
import { demoClock } from '../../../test/support/demo-clock.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
});
afterAll(() => database.close());

/** The plan of a tenant's unit starting in a year, with the ids the checks need. */
async function planOf(slug: string, unitName: string, startYear: number) {
  const [row] = await database.db
    .select({ tenantId: tenants.id, planId: plans.id, plan: plans })
    .from(plans)
    .innerJoin(tenants, eq(tenants.id, plans.tenantId))
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
    .where(and(eq(tenants.slug, slug), eq(orgUnits.name, unitName), eq(plans.startYear, startYear)));
  if (!row) throw new Error(`no plan for ${slug} / ${unitName} / ${startYear}`);
  return row;
}

async function statusLabels(tenantId: string, ids: (string | null)[]) {
  const rows = await database.db
    .select({ id: statuses.id, label: statuses.labelSv })
    .from(statuses)
    .where(eq(statuses.tenantId, tenantId));
  const labels = new Map(rows.map((row) => [row.id, row.label]));
  return ids.map((id) => (id === null ? null : labels.get(id)));
}

function tally(values: (string | null | undefined)[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const value of values) result[String(value)] = (result[String(value)] ?? 0) + 1;
  return result;
}

describe('seed 001: Uppföljning förbättringsåtgärder 2020, Grundskolenämnden', () => {
  test('counts: 6 risks, 12 actions, 8 reviews, no controls and no period follow-ups', async () => {
    const { planId, plan } = await planOf('malmo', 'Grundskolenämnden', 2020);
    expect(plan).toMatchObject({ kind: 'internal_control', startYear: 2020, endYear: 2020, state: 'adopted' });
    expect(await database.db.$count(risks, eq(risks.planId, planId))).toBe(6);
    const actionIds = (
      await database.db.select({ id: actions.id }).from(actions).where(eq(actions.planId, planId))
    ).map((row) => row.id);
    expect(actionIds).toHaveLength(12);
    // "Genomförda åtgärder" is each action's own text in this report, not a dated period comment.
    expect(await database.db.$count(followUps, inArray(followUps.actionId, actionIds))).toBe(0);
    expect(await database.db.$count(reviews, eq(reviews.planId, planId))).toBe(8);
    expect(await database.db.$count(controls, eq(controls.planId, planId))).toBe(0);
  });

  test('reviews keep diarienummer, meeting date and protokoll §, and link to the risk they examined', async () => {
    const { planId } = await planOf('malmo', 'Grundskolenämnden', 2020);
    const rows = await database.db
      .select({
        diarienummer: reviews.diarienummer,
        meetingDate: reviews.meetingDate,
        paragraph: reviews.decisionParagraph,
        risk: risks.title,
      })
      .from(reviews)
      .leftJoin(risks, and(eq(risks.tenantId, reviews.tenantId), eq(risks.id, reviews.riskId)))
      .where(eq(reviews.planId, planId));
    const byNumber = new Map(rows.map((row) => [row.diarienummer, row]));
    expect(byNumber.get('GRF-2020-11639')).toMatchObject({ meetingDate: '2020-06-16', paragraph: '§95', risk: null });
    expect(byNumber.get('GRF-2020-11770')).toMatchObject({ meetingDate: '2020-12-18', paragraph: '§193' });
    expect(byNumber.get('GRF-2020-11653')).toMatchObject({
      meetingDate: '2020-09-23',
      paragraph: '§137',
      risk: 'Röjande av sekretess',
    });
    expect(rows.filter((row) => row.risk !== null)).toHaveLength(6);
  });

  test('actions keep "vad ska göras", "genomförda åtgärder" with headings, lists and the survey chart, and the responsible unit', async () => {
    const { planId } = await planOf('malmo', 'Grundskolenämnden', 2020);
    const rows = await database.db
      .select({
        title: actions.title,
        whatToDo: actions.whatToDo,
        measuresTaken: actions.measuresTaken,
        unit: orgUnits.name,
        review: reviews.diarienummer,
      })
      .from(actions)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, actions.tenantId), eq(orgUnits.id, actions.responsibleUnitId)))
      .innerJoin(reviews, and(eq(reviews.tenantId, actions.tenantId), eq(reviews.id, actions.reviewId)))
      .where(eq(actions.planId, planId))
      .orderBy(asc(actions.sortOrder));
    expect(tally(rows.map((row) => row.unit))).toEqual({
      Grundskolenämnden: 4,
      'HR-avdelningen': 4,
      Utbildningsområden: 4,
    });
    const first = rows[0];
    expect(first).toMatchObject({
      title: 'Fördjupad analys och upprättande av handlingsplan',
      review: 'GRF-2020-11653',
    });
    expect(first?.measuresTaken).toContain('## Kartläggning av förvaltningsspecifika förbättringsbehov');
    expect(first?.measuresTaken).toContain(
      'Av de 66 administrativa cheferna svarade 31 stycken vilket innebar en svarsfrekvens på 47 %.',
    );
    expect(first?.measuresTaken).toContain('\n- Platina\n');
    const [chart] = findChartBlocks(first?.measuresTaken ?? '').map(parseChartBlock);
    if (!chart?.ok) throw new Error('the survey chart does not parse');
    expect(chart.chart.title).toMatch(/^3\. Upplever ni att det finns behov/);
    expect(chart).toEqual({
      ok: true,
      chart: {
        title: chart.chart.title,
        rows: [
          { label: 'Ja, mer utbildning', value: 12 },
          { label: 'Ja, mer information på KomIn', value: 4 },
          { label: 'Ja, både mer utbildning och m...', value: 15 },
          { label: 'Nej', value: 1 },
        ],
      },
    });
    const list = rows.find((row) => row.title.startsWith('Riktade insatser'));
    expect(list?.whatToDo).toContain('- Undersöka möjlighet till tillägg i Anställningsguiden.');
    expect(rows.at(-1)?.measuresTaken).toContain(
      'Skolmyndigheterna har konstaterat grundläggande problem i betygssystemet',
    );
  });

  test('the introduction is a text of the improvement-actions report for the unit and year', async () => {
    const { tenantId } = await planOf('malmo', 'Grundskolenämnden', 2020);
    const texts = await database.db
      .select()
      .from(reportTexts)
      .where(and(eq(reportTexts.tenantId, tenantId), eq(reportTexts.reportKind, 'improvement-actions')));
    expect(texts.map((text) => text.section).sort()).toEqual([
      'actions-introduction',
      'introduction',
      'reviews-closing',
    ]);
    expect(texts.find((text) => text.section === 'introduction')).toMatchObject({ year: 2020 });
    expect(texts.find((text) => text.section === 'introduction')?.body).toMatch(
      /^Enligt Malmö stads reglemente för intern kontroll/,
    );
  });
});

describe('seed 002: Uppföljning plan 2020–2021, Gymnasie- och vuxenutbildningsförvaltningen', () => {
  test('counts: 9 activities, 15 sub-activities, 9 follow-ups', async () => {
    const { planId, plan } = await planOf('malmo', 'Gymnasie- och vuxenutbildningsförvaltningen', 2020);
    expect(plan).toMatchObject({ kind: 'activity', startYear: 2020, endYear: 2021 });
    const activityRows = await database.db
      .select()
      .from(activities)
      .where(eq(activities.planId, planId))
      .orderBy(asc(activities.sortOrder));
    expect(activityRows.map((row) => row.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const ids = activityRows.map((row) => row.id);
    expect(await database.db.$count(subActivities, inArray(subActivities.activityId, ids))).toBe(15);
    expect(await database.db.$count(followUps, inArray(followUps.activityId, ids))).toBe(9);
    expect(new Set(activityRows.map((row) => row.endDate))).toEqual(new Set(['2021-12-31']));
  });

  test('statuses, performers, cost, tags and carry-over decisions are as in the document', async () => {
    const { tenantId, planId } = await planOf('malmo', 'Gymnasie- och vuxenutbildningsförvaltningen', 2020);
    const rows = await database.db
      .select()
      .from(activities)
      .where(eq(activities.planId, planId))
      .orderBy(asc(activities.sortOrder));
    expect(
      await statusLabels(
        tenantId,
        rows.map((row) => row.statusId),
      ),
    ).toEqual([
      'Klar',
      'Ej slutförd',
      'Ej slutförd',
      'Pågående',
      'Pågående',
      'Pågående',
      'Klar',
      'Pågående',
      'Ej påbörjad',
    ]);
    expect(rows[1]?.performers).toBe('Förvaltningschef, avdelningschefer och utbildningschefer');
    expect(new Set(rows.map((row) => row.costAndResources))).toEqual(new Set(['Ingår i grunduppdrag']));
    expect(rows.map((row) => row.carryOver)).toEqual([
      null,
      'do_not_carry_over',
      'do_not_carry_over',
      null,
      'carry_over',
      null,
      null,
      null,
      'carry_over',
    ]);

    const tags = await database.db
      .select({ number: activities.number, tag: focusAreas.name })
      .from(activityFocusAreas)
      .innerJoin(
        activities,
        and(eq(activities.tenantId, activityFocusAreas.tenantId), eq(activities.id, activityFocusAreas.activityId)),
      )
      .innerJoin(
        focusAreas,
        and(eq(focusAreas.tenantId, activityFocusAreas.tenantId), eq(focusAreas.id, activityFocusAreas.focusAreaId)),
      )
      .where(eq(activities.planId, planId))
      .orderBy(asc(activities.sortOrder), asc(activityFocusAreas.sortOrder));
    expect(tags.filter((row) => row.number === '1').map((row) => row.tag)).toEqual([
      'Attrahera & rekrytera',
      'Behålla & utveckla',
    ]);
    expect(tags.filter((row) => row.number === '6').map((row) => row.tag)).toEqual([
      'Behålla & utveckla',
      'Utveckla organisation & arbetssätt',
    ]);
    expect(tags).toHaveLength(12);

    const subs = await database.db
      .select({ number: subActivities.number, carryOver: subActivities.carryOver, statusId: subActivities.statusId })
      .from(subActivities)
      .where(
        inArray(
          subActivities.activityId,
          rows.map((row) => row.id),
        ),
      );
    expect(
      subs
        .filter((sub) => sub.carryOver === 'carry_over')
        .map((sub) => sub.number)
        .sort(),
    ).toEqual(['4.2', '6.2', '6.3']);
    expect(await statusLabels(tenantId, [subs.find((sub) => sub.number === '6.1')?.statusId ?? null])).toEqual([
      'Klar',
    ]);
  });

  test('"Uppföljning & utvärdering" is the Helår 2021 follow-up with the status of that time', async () => {
    const { tenantId, planId } = await planOf('malmo', 'Gymnasie- och vuxenutbildningsförvaltningen', 2020);
    const rows = await database.db
      .select({
        number: activities.number,
        body: followUps.body,
        statusId: followUps.statusId,
        kind: reportingPeriods.kind,
        year: reportingPeriods.year,
      })
      .from(followUps)
      .innerJoin(activities, and(eq(activities.tenantId, followUps.tenantId), eq(activities.id, followUps.activityId)))
      .innerJoin(
        reportingPeriods,
        and(eq(reportingPeriods.tenantId, followUps.tenantId), eq(reportingPeriods.id, followUps.periodId)),
      )
      .where(eq(activities.planId, planId))
      .orderBy(asc(activities.sortOrder));
    expect(new Set(rows.map((row) => `${row.kind} ${row.year}`))).toEqual(new Set(['annual 2021']));
    expect(rows[3]?.body).toContain('1040 medarbetare svarade på enkäten');
    expect(rows[3]?.body).toContain('Aktivitet 4.2  förs över i omarbetad version till aktivitetsplan 2022-2023.');
    expect(await statusLabels(tenantId, [rows[8]?.statusId ?? null])).toEqual(['Ej påbörjad']);
  });
});

describe('seed 003: Uppföljning av fjolårets planerade aktiviteter, Barn- och utbildningsnämnden', () => {
  test('counts: 10 activities, 10 follow-ups of Helår 2019, 8 with an analysis', async () => {
    const { planId, plan } = await planOf('exempelkommun-a', 'Barn- och utbildningsnämnden', 2019);
    expect(plan).toMatchObject({ kind: 'activity', startYear: 2019, endYear: 2019 });
    const rows = await database.db
      .select({
        number: activities.number,
        title: activities.title,
        body: followUps.body,
        analysis: followUps.analysis,
      })
      .from(activities)
      .innerJoin(followUps, and(eq(followUps.tenantId, activities.tenantId), eq(followUps.activityId, activities.id)))
      .where(eq(activities.planId, planId))
      .orderBy(asc(activities.sortOrder));
    expect(rows.map((row) => row.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(rows.filter((row) => row.analysis !== null)).toHaveLength(8);
    expect(rows[0]).toMatchObject({
      title: 'Utbildning till outbildade barnskötare.',
      body: 'Denna utbildningsinsats är ej genomförd',
    });
    expect(rows[4]?.body).toContain('Susanne Wadell');
    expect(rows[8]?.analysis).toContain('Det fortsatta arbetet kommer att utgå från professionsnätverken');
    expect(
      await database.db.$count(
        subActivities,
        inArray(
          subActivities.activityId,
          (await database.db.select({ id: activities.id }).from(activities).where(eq(activities.planId, planId))).map(
            (row) => row.id,
          ),
        ),
      ),
    ).toBe(0);
  });
});

describe('seed 004: Kontroll uppföljning, Utbildningsnämnden 2020', () => {
  test('counts: 11 risks, 12 actions, 15 controls, 26 follow-ups, 29 checkpoints', async () => {
    const { planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', 2020);
    expect(await database.db.$count(risks, eq(risks.planId, planId))).toBe(11);
    const actionIds = (
      await database.db.select({ id: actions.id }).from(actions).where(eq(actions.planId, planId))
    ).map((row) => row.id);
    const controlIds = (
      await database.db.select({ id: controls.id }).from(controls).where(eq(controls.planId, planId))
    ).map((row) => row.id);
    expect(actionIds).toHaveLength(12);
    expect(controlIds).toHaveLength(15);
    const items = sql`(${inArray(followUps.actionId, actionIds)} or ${inArray(followUps.controlId, controlIds)})`;
    expect(await database.db.$count(followUps, items)).toBe(26);
    const checkpointItems = sql`(${inArray(checkpoints.actionId, actionIds)} or ${inArray(checkpoints.controlId, controlIds)})`;
    expect(await database.db.$count(checkpoints, checkpointItems)).toBe(29);
  });

  test('risk values are those the document prints', async () => {
    const { planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', 2020);
    const rows = await database.db
      .select({ title: risks.title, value: risks.riskValue })
      .from(risks)
      .where(eq(risks.planId, planId));
    expect(rows.map((row) => row.value).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([
      4, 6, 6, 6, 6, 8, 8, 9, 9, 12, 12,
    ]);
    expect(rows.find((row) => row.title === 'Låg sysselsätting')?.value).toBe(12);
  });

  test('period comments keep period, date, text and author', async () => {
    const { tenantId, planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', 2020);
    const rows = await database.db
      .select({
        action: actions.title,
        number: reportingPeriods.number,
        reportedOn: followUps.reportedOn,
        body: followUps.body,
        author: users.name,
      })
      .from(followUps)
      .innerJoin(actions, and(eq(actions.tenantId, followUps.tenantId), eq(actions.id, followUps.actionId)))
      .innerJoin(
        reportingPeriods,
        and(eq(reportingPeriods.tenantId, followUps.tenantId), eq(reportingPeriods.id, followUps.periodId)),
      )
      .innerJoin(users, and(eq(users.tenantId, followUps.tenantId), eq(users.id, followUps.authorId)))
      .where(eq(actions.planId, planId));
    expect(rows.find((row) => row.action === 'Aktiv rekrytering,')).toEqual({
      action: 'Aktiv rekrytering,',
      number: 3,
      reportedOn: '2020-08-26',
      body: 'Rekrytering klar inför nytt läsår',
      author: 'Anders Pettersson',
    });
    const authors = await database.db
      .select({ author: users.name, n: count() })
      .from(followUps)
      .innerJoin(users, and(eq(users.tenantId, followUps.tenantId), eq(users.id, followUps.authorId)))
      .innerJoin(
        reportingPeriods,
        and(eq(reportingPeriods.tenantId, followUps.tenantId), eq(reportingPeriods.id, followUps.periodId)),
      )
      // The seed's own periods; the current-year demo plan has follow-ups of its own.
      .where(and(eq(followUps.tenantId, tenantId), eq(reportingPeriods.year, 2020)))
      .groupBy(users.name);
    expect(Object.fromEntries(authors.map((row) => [row.author, Number(row.n)]))).toEqual({
      'Anders Pettersson': 16,
      'Gunnar Karlsson': 9,
      'Anna-Lena Andersson': 1,
    });
  });

  test('responsible and reporting-responsible persons, including the deactivated one, and the dates', async () => {
    const { planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', 2020);
    const approved = await database.db
      .select({ id: controls.id, startDate: controls.startDate, endDate: controls.endDate, status: statuses.labelSv })
      .from(controls)
      .innerJoin(statuses, and(eq(statuses.tenantId, controls.tenantId), eq(statuses.id, controls.statusId)))
      .where(and(eq(controls.planId, planId), eq(statuses.labelSv, 'Godkänd')));
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ startDate: '2018-02-16', endDate: '2018-12-12' });
    const people = await database.db
      .select({ role: assignments.role, name: users.name, deactivatedAt: users.deactivatedAt })
      .from(assignments)
      .innerJoin(users, and(eq(users.tenantId, assignments.tenantId), eq(users.id, assignments.userId)))
      .where(eq(assignments.controlId, approved[0]?.id ?? ''))
      .orderBy(asc(assignments.role));
    expect(people.map((person) => `${person.role}: ${personDisplayName(person)}`)).toEqual([
      'reporting: Elvis Sabovic (borttagen)',
      'responsible: Anders Pettersson',
    ]);

    const [recruitment] = await database.db
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.planId, planId), eq(actions.title, 'Chefer träffar studenter på högskolan Väst')));
    const both = await database.db
      .select({ name: users.name, role: assignments.role })
      .from(assignments)
      .innerJoin(users, and(eq(users.tenantId, assignments.tenantId), eq(users.id, assignments.userId)))
      .where(eq(assignments.actionId, recruitment?.id ?? ''))
      .orderBy(asc(assignments.sortOrder));
    expect(both).toEqual([
      { name: 'Camilla Berglöv-Hermansson', role: 'responsible' },
      { name: 'Anders Pettersson', role: 'responsible' },
    ]);
  });

  test('no deviations and no fixed note saying so (the report derives "Inga avvikelser funna"), the reporting to nämnd and KS, and the guidance text', async () => {
    const { tenantId, planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', 2020);
    const notes = await database.db
      .select({ topic: planNotes.topic, body: planNotes.body })
      .from(planNotes)
      .where(eq(planNotes.planId, planId));
    expect(notes.filter((note) => note.topic === 'deviations')).toEqual([]);
    const events = await database.db
      .select({
        kind: calendarEvents.kind,
        date: calendarEvents.date,
        precision: calendarEvents.datePrecision,
        agenda: calendarEvents.agenda,
      })
      .from(calendarEvents)
      .where(eq(calendarEvents.tenantId, tenantId))
      .orderBy(asc(calendarEvents.date));
    expect(events.map(({ kind, date, precision }) => ({ kind, date, precision }))).toEqual([
      { kind: 'namnd_meeting', date: '2020-09-16', precision: 'day' },
      { kind: 'ks_meeting', date: '2020-10-01', precision: 'month' },
    ]);
    expect(events[0]?.agenda).toContain('- Resultatet av genomförda kontroller.');
    expect(events[1]?.agenda).toContain('- Konstaterade avvikelser');
    const [guidance] = await database.db
      .select({ body: reportTexts.body })
      .from(reportTexts)
      .where(and(eq(reportTexts.tenantId, tenantId), eq(reportTexts.section, 'guidance')));
    expect(guidance?.body).toContain(
      'Avvikelser som identifieras inom en förvaltning ska genast rapporteras till nämnden.',
    );
  });
});

describe('demo data as a whole', () => {
  test('every demo account signs in with the demo password, and the persons from the documents cannot', async () => {
    const accounts = await database.db
      .select({ email: users.email, hash: users.passwordHash })
      .from(users)
      .where(isNotNull(users.passwordHash));
    expect(accounts.map((account) => account.email)).toContain('admin@malmo.example');
    expect(accounts).toHaveLength(8);
    for (const account of accounts) expect(await verify(account.hash ?? '', DEMO_PASSWORD)).toBe(true);
    const [gunnar] = await database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.name, 'Gunnar Karlsson'));
    expect(gunnar?.hash).toBeNull();
  });

  test('every created row has its audit event, and no secret is in the audit log', async () => {
    const [malmo] = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'malmo'));
    const tenantId = malmo?.id ?? '';
    const audited = await database.db
      .select({ entityType: auditEvents.entityType, n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.tenantId, tenantId))
      .groupBy(auditEvents.entityType);
    const byType = Object.fromEntries(audited.map((row) => [row.entityType, Number(row.n)]));
    expect(byType).toMatchObject({
      tenant: 1,
      plan: 2,
      risk: await database.db.$count(risks, eq(risks.tenantId, tenantId)),
      action: await database.db.$count(actions, eq(actions.tenantId, tenantId)),
      activity: await database.db.$count(activities, eq(activities.tenantId, tenantId)),
      sub_activity: await database.db.$count(subActivities, eq(subActivities.tenantId, tenantId)),
      user: await database.db.$count(users, eq(users.tenantId, tenantId)),
    });
    const leaked = await database.db.$count(auditEvents, sql`${auditEvents.changes}::text like '%$argon2%'`);
    expect(leaked).toBe(0);
  });

  test("a plan's audit events carry its unit, so the unit's readers see the history; tenant-wide data carries none", async () => {
    const riskEvents = await database.db
      .select({ eventUnit: auditEvents.unitId, planUnit: plans.unitId })
      .from(auditEvents)
      .innerJoin(risks, eq(risks.id, auditEvents.entityId))
      .innerJoin(plans, eq(plans.id, risks.planId))
      .where(eq(auditEvents.entityType, 'risk'));
    expect(riskEvents.length).toBeGreaterThan(0);
    for (const event of riskEvents) expect(event.eventUnit).toBe(event.planUnit);
    expect(
      await database.db.$count(
        auditEvents,
        and(
          inArray(auditEvents.entityType, ['follow_up', 'checkpoint', 'assignment']),
          sql`${auditEvents.unitId} is null`,
        ),
      ),
    ).toBe(0);
    expect(
      await database.db.$count(
        auditEvents,
        and(inArray(auditEvents.entityType, ['status', 'reporting_period', 'user']), isNotNull(auditEvents.unitId)),
      ),
    ).toBe(0);
  });

  test('loading again changes nothing', async () => {
    const before = await database.db.$count(auditEvents);
    const result = await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
    expect(result).toEqual({ created: [], skipped: ['malmo', 'exempelkommun-a', 'exempelkommun-b'] });
    expect(await database.db.$count(auditEvents)).toBe(before);
    expect(await database.db.$count(tenants)).toBe(3);
  });
});

describe('the årshjul of the demo tenants', () => {
  test('every year of a demo plan has its four quarters, so the next quarter can be followed up', async () => {
    const rows = await database.db
      .select({ slug: tenants.slug, year: reportingPeriods.year, number: reportingPeriods.number })
      .from(reportingPeriods)
      .innerJoin(tenants, eq(tenants.id, reportingPeriods.tenantId))
      .where(eq(reportingPeriods.kind, 'quarter'));
    const quarters = (slug: string, year: number) =>
      rows
        .filter((row) => row.slug === slug && row.year === year)
        .map((row) => row.number)
        .sort();
    expect(quarters('exempelkommun-b', 2020)).toEqual([1, 2, 3, 4]);
    expect(quarters('malmo', 2021)).toEqual([1, 2, 3, 4]);
    expect(quarters('exempelkommun-a', 2019)).toEqual([1, 2, 3, 4]);
  });
});

describe('the current-year demo plan of Utbildningsnämnden (rolled over from seed 004)', () => {
  const year = Number(HARNESS_NOW.slice(0, 4));
  let client: Client;
  const clock = adjustableClock(HARNESS_NOW);
  /** Anders Pettersson, förvaltningschef, signed in at the clock's moment. */
  async function signIn(): Promise<Client> {
    const app = createApp({ database, clock });
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
      body: JSON.stringify({ email: 'anders.pettersson@exempelkommun-b.example', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    return clientFor(app, { cookie: login.headers.get('set-cookie')!.split(';')[0]! });
  }
  beforeAll(async () => {
    client = await signIn();
  });

  test('is a plan for the year of the clock, adopted by the nämnd with its decision, its risks carried from the seed plan', async () => {
    const { planId, plan } = await planOf('exempelkommun-b', 'Utbildningsnämnden', year);
    const seed = await planOf('exempelkommun-b', 'Utbildningsnämnden', 2020);
    expect(plan).toMatchObject({
      title: `Internkontrollplan ${year}`,
      startYear: year,
      endYear: year,
      state: 'adopted',
      decisionDate: `${year - 1}-12-09`,
      decisionParagraph: '§ 112',
      diarienummer: `UN ${year - 1}/0187`,
    });
    const [version] = await database.db.select().from(planVersions).where(eq(planVersions.planId, planId));
    expect(version).toMatchObject({ revision: 1, decisionDate: `${year - 1}-12-09`, validFrom: `${year}-01-01` });
    // The seed plan's eleven risks, carried; the common control's risk comes from the kommun.
    const rows = (
      await database.db
        .select({ carriedFrom: risks.carriedFromId, commonControlId: risks.commonControlId })
        .from(risks)
        .where(eq(risks.planId, planId))
    ).filter((row) => row.commonControlId === null);
    expect(rows).toHaveLength(11);
    const seedRiskIds = (
      await database.db.select({ id: risks.id }).from(risks).where(eq(risks.planId, seed.planId))
    ).map((row) => row.id);
    for (const row of rows) expect(seedRiskIds).toContain(row.carriedFrom);
    // The seed plan stays as the document printed it.
    expect(seed.plan).toMatchObject({ title: 'Internkontrollplan 2020', decisionDate: null });
  });

  test('its risks carry process, category and response, and its controls method, scope and a frequency object', async () => {
    const { planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', year);
    const riskReply = await client.get(`/risks?planId=${planId}&limit=500`);
    expect(riskReply.status).toBe(200);
    const risksShown = riskReply.body.items as {
      process: { labelSv: string } | null;
      category: { labelSv: string } | null;
      response: string | null;
    }[];
    // The seed plan's eleven and the kommungemensamt kontrollmoment's risk.
    expect(risksShown).toHaveLength(12);
    for (const risk of risksShown) {
      expect(risk.process?.labelSv).toBeTruthy();
      expect(risk.category?.labelSv).toBeTruthy();
      expect(risk.response).toBeTruthy();
    }
    expect(new Set(risksShown.map((risk) => risk.category?.labelSv))).toContain('Finansiell risk');
    const controlReply = await client.get(`/controls?planId=${planId}&limit=500`);
    expect(controlReply.status).toBe(200);
    const controlsShown = controlReply.body.items as {
      method: { labelSv: string } | null;
      scope: string | null;
      frequency: { kind: string } | null;
    }[];
    expect(controlsShown).toHaveLength(16);
    for (const control of controlsShown) {
      expect(control.method?.labelSv).toBeTruthy();
      expect(control.scope).toBeTruthy();
      expect(typeof control.frequency?.kind).toBe('string');
    }
    expect(new Set(controlsShown.map((control) => control.frequency?.kind))).toEqual(
      new Set(['monthly', 'quarterly', 'tertial', 'half_yearly', 'dates']),
    );
  });

  test('its controls have generated checkpoints in every month of the year, and one answers through the chef as a function', async () => {
    const { planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', year);
    const dates = await database.db
      .select({ date: checkpoints.date })
      .from(checkpoints)
      .innerJoin(controls, and(eq(controls.tenantId, checkpoints.tenantId), eq(controls.id, checkpoints.controlId)))
      .where(and(eq(controls.planId, planId), eq(checkpoints.generated, true)));
    expect(dates.every((row) => row.date.startsWith(`${year}-`))).toBe(true);
    expect(new Set(dates.map((row) => Number(row.date.slice(5, 7))))).toEqual(
      new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    );
    const byFunction = await database.db
      .select({ holder: users.name })
      .from(controls)
      .innerJoin(
        functionHolders,
        and(
          eq(functionHolders.tenantId, controls.tenantId),
          eq(functionHolders.functionId, controls.responsibleFunctionId),
        ),
      )
      .innerJoin(users, and(eq(users.tenantId, functionHolders.tenantId), eq(users.id, functionHolders.userId)))
      .where(eq(controls.planId, planId));
    expect(byFunction.length).toBeGreaterThan(0);
    expect(byFunction[0]?.holder).toBe('Anders Pettersson');
  });

  test('results of the periods passed, one "med avvikelse" with its deviation, severity and answering action, and follow-ups in review states', async () => {
    const { tenantId, planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', year);
    const results = await database.db
      .select({ outcome: controlResults.outcome, performedOn: controlResults.performedOn, id: controlResults.id })
      .from(controlResults)
      .innerJoin(
        controls,
        and(eq(controls.tenantId, controlResults.tenantId), eq(controls.id, controlResults.controlId)),
      )
      .where(eq(controls.planId, planId));
    expect(results.length).toBeGreaterThan(5);
    for (const result of results) expect(result.performedOn! < HARNESS_NOW.slice(0, 10)).toBe(true);
    const withDeviation = results.filter((result) => result.outcome === 'with_deviation');
    expect(withDeviation).toHaveLength(1);
    const [deviation] = await database.db
      .select({ severity: vocabularyEntries.labelSv, actionPlan: actions.planId, actionTitle: actions.title })
      .from(deviations)
      .innerJoin(
        vocabularyEntries,
        and(eq(vocabularyEntries.tenantId, deviations.tenantId), eq(vocabularyEntries.id, deviations.severityId)),
      )
      .innerJoin(actions, and(eq(actions.tenantId, deviations.tenantId), eq(actions.id, deviations.actionId)))
      .where(and(eq(deviations.tenantId, tenantId), eq(deviations.resultId, withDeviation[0]!.id)));
    expect(deviation).toEqual({
      severity: 'Väsentlig',
      actionPlan: planId,
      actionTitle: 'Bevakningslista för riktade statsbidrag',
    });
    const states = await database.db
      .select({ state: followUps.reviewState, period: reportingPeriods.number })
      .from(followUps)
      .innerJoin(controls, and(eq(controls.tenantId, followUps.tenantId), eq(controls.id, followUps.controlId)))
      .innerJoin(
        reportingPeriods,
        and(eq(reportingPeriods.tenantId, followUps.tenantId), eq(reportingPeriods.id, followUps.periodId)),
      )
      .where(eq(controls.planId, planId));
    expect(new Set(states.map((row) => row.state))).toEqual(new Set(['approved', 'submitted', 'returned']));
    // Only the quarters that have ended are followed up; the running one is still to do.
    expect(new Set(states.map((row) => row.period))).toEqual(new Set([1]));
  });

  test('a kommungemensamt kontrollmoment decided on the kommun reaches the nämnd’s plan, linked to its origin', async () => {
    const { planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', year);
    const admin = await (async () => {
      const app = createApp({ database, clock });
      const login = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
        body: JSON.stringify({ email: 'admin@exempelkommun-b.example', password: DEMO_PASSWORD }),
      });
      return clientFor(app, { cookie: login.headers.get('set-cookie')!.split(';')[0]! });
    })();
    const listed = await admin.get(`/common-controls?year=${year}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    const common = listed.body.items[0];
    expect(common).toMatchObject({
      year,
      title: 'Anmälan av delegationsbeslut',
      method: { key: 'stickprov' },
      frequency: { kind: 'half_yearly' },
    });
    const copies = common.copies as { unitId: string; planId: string | null; state: string }[];
    expect(copies.find((copy) => copy.planId === planId)?.state).toBe('in_plan');
    // Kommunstyrelsen, the other nämnd, has no plan for the year yet: it gets the control when it makes one.
    expect(copies.map((copy) => copy.state).sort()).toEqual(['in_plan', 'no_plan']);
    const overview = (await client.get(`/plans/${planId}/overview`)).body;
    const risk = overview.risks.find((row: { commonControlId: string | null }) => row.commonControlId === common.id);
    expect(risk.title).toBe('Delegationsbeslut anmäls inte till nämnden');
    expect(risk.controls[0].checkpoints).toEqual([`${year}-06-30`, `${year}-12-31`]);
  });

  test('the goals of the nämnd for the year, linked from risks and an action', async () => {
    const { tenantId, planId, plan } = await planOf('exempelkommun-b', 'Utbildningsnämnden', year);
    const goalRows = await database.db
      .select()
      .from(goals)
      .where(and(eq(goals.tenantId, tenantId), eq(goals.unitId, plan.unitId), eq(goals.year, year)));
    expect(goalRows.map((goal) => goal.title)).toContain('En likvärdig skola med behöriga lärare');
    const riskLinks = await database.db
      .select({ goalId: riskGoals.goalId })
      .from(riskGoals)
      .innerJoin(risks, and(eq(risks.tenantId, riskGoals.tenantId), eq(risks.id, riskGoals.riskId)))
      .where(eq(risks.planId, planId));
    const actionLinks = await database.db
      .select({ goalId: actionGoals.goalId })
      .from(actionGoals)
      .innerJoin(actions, and(eq(actions.tenantId, actionGoals.tenantId), eq(actions.id, actionGoals.actionId)))
      .where(eq(actions.planId, planId));
    expect(riskLinks.length).toBeGreaterThan(0);
    expect(actionLinks.length).toBeGreaterThan(0);
    const goalIds = goalRows.map((goal) => goal.id);
    for (const link of [...riskLinks, ...actionLinks]) expect(goalIds).toContain(link.goalId);
  });

  test('the protocol extract of the decision is the plan’s evidence file, downloaded as a PDF', async () => {
    const { planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', year);
    const listed = await client.get(`/attachments?targetType=plan&targetId=${planId}`);
    expect(listed.status).toBe(200);
    const [file] = listed.body.items as { id: string; fileName: string; contentType: string }[];
    expect(file).toMatchObject({
      fileName: `Protokollsutdrag § 112 ${year - 1}-12-09.pdf`,
      contentType: 'application/pdf',
    });
    const content = await client.get(`/attachments/${file!.id}/content`);
    expect(content.status).toBe(200);
    expect(Buffer.from(content.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('every row it adds has its audit event under its unit, and the evidence file is audited without its content', async () => {
    const { tenantId, plan } = await planOf('exempelkommun-b', 'Utbildningsnämnden', year);
    const audited = await database.db
      .select({ entityType: auditEvents.entityType, n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), isNotNull(auditEvents.unitId)))
      .groupBy(auditEvents.entityType);
    const byType = Object.fromEntries(audited.map((row) => [row.entityType, Number(row.n)]));
    expect(byType).toMatchObject({
      goal: await database.db.$count(goals, eq(goals.tenantId, tenantId)),
      unit_function: 1,
      function_holder: 1,
      control_result: await database.db.$count(controlResults, eq(controlResults.tenantId, tenantId)),
      deviation: 1,
      attachment: 1,
    });
    const [attachmentEvent] = await database.db
      .select({ unitId: auditEvents.unitId, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.entityType, 'attachment')));
    expect(attachmentEvent?.unitId).toBe(plan.unitId);
    expect(Object.keys(attachmentEvent?.changes as object)).not.toContain('content');
  });

  test('Mitt arbete: the chef has controls to follow up with a checkpoint ahead on any day of the rest of the year', async () => {
    const { tenantId, planId } = await planOf('exempelkommun-b', 'Utbildningsnämnden', year);
    const [anders] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.name, 'Anders Pettersson')));
    const quarters = await database.db
      .select()
      .from(reportingPeriods)
      .where(
        and(
          eq(reportingPeriods.tenantId, tenantId),
          eq(reportingPeriods.kind, 'quarter'),
          eq(reportingPeriods.year, year),
        ),
      );
    for (const day of [HARNESS_NOW.slice(0, 10), `${year}-07-01`, `${year}-08-17`, `${year}-11-30`, `${year}-12-31`]) {
      clock.set(`${day}T09:00:00Z`);
      const signedIn = await signIn();
      const quarter = quarters.find((period) => period.startDate <= day && day <= period.endDate);
      expect(quarter, day).toBeDefined();
      const due = await signedIn.get(`/follow-ups/due?periodId=${quarter!.id}&assignedTo=${anders!.id}`);
      expect(due.status).toBe(200);
      const ahead = (due.body.items as { planId: string; kind: string; checkpoints: string[] }[]).filter(
        (item) => item.planId === planId && item.kind === 'control' && item.checkpoints.some((date) => date >= day),
      );
      expect(ahead.length, day).toBeGreaterThan(0);
    }
  });
});

describe('the current-year demo plan, loaded in another year', () => {
  let other: DatabaseHandle;
  beforeAll(async () => {
    other = await createTestDatabase();
    await loadDemoData(other.db, { fixturesFolder: demoFixturesFolder, clock: fixedClock('2031-02-03T09:00:00Z') });
  });
  afterAll(() => other.close());

  test('is a plan for that year, with checkpoints in its every month and results only of what has been done', async () => {
    const planRows = await other.db
      .select({ id: plans.id, startYear: plans.startYear, title: plans.title })
      .from(plans)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
      .where(eq(orgUnits.name, 'Utbildningsnämnden'));
    expect(planRows.map((row) => row.startYear).sort()).toEqual([2020, 2031]);
    const plan = planRows.find((row) => row.startYear === 2031)!;
    expect(plan.title).toBe('Internkontrollplan 2031');
    const dates = await other.db
      .select({ date: checkpoints.date })
      .from(checkpoints)
      .innerJoin(controls, and(eq(controls.tenantId, checkpoints.tenantId), eq(controls.id, checkpoints.controlId)))
      .where(eq(controls.planId, plan.id));
    expect(new Set(dates.map((row) => row.date.slice(0, 7)))).toEqual(
      new Set(Array.from({ length: 12 }, (_, index) => `2031-${String(index + 1).padStart(2, '0')}`)),
    );
    const results = await other.db
      .select({ outcome: controlResults.outcome, performedOn: controlResults.performedOn })
      .from(controlResults)
      .innerJoin(
        controls,
        and(eq(controls.tenantId, controlResults.tenantId), eq(controls.id, controlResults.controlId)),
      )
      .where(eq(controls.planId, plan.id));
    // On 3 February only January's monthly controls have been carried out, one of them with a deviation.
    expect(results.map((result) => result.performedOn)).toEqual(['2031-01-31', '2031-01-31']);
    expect(results.map((result) => result.outcome).sort()).toEqual(['no_remarks', 'with_deviation']);
    // No quarter has ended: nothing is followed up yet.
    const followed = await other.db
      .select({ id: followUps.id })
      .from(followUps)
      .innerJoin(controls, and(eq(controls.tenantId, followUps.tenantId), eq(controls.id, followUps.controlId)))
      .where(eq(controls.planId, plan.id));
    expect(followed).toEqual([]);
  });
});
