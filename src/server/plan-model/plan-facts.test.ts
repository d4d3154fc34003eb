import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { actions } from '../db/schema/actions.ts';
import { controls } from '../db/schema/controls.ts';
import { deviations } from '../db/schema/deviations.ts';
import { plans } from '../db/schema/plans.ts';
import { riskMatrices } from '../db/schema/risk-matrices.ts';
import { tenants } from '../db/schema/tenants.ts';
import { vocabularyEntries } from '../db/schema/vocabulary-entries.ts';
import { loadDemoData } from '../demo/load-demo-data.ts';
import { demoFixturesFolder } from '../paths.ts';
import { createPlan, createRisk } from '../../../test/support/factories.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { loadPlanFacts, type PlanFacts } from './plan-facts.ts';
import { currentSnapshot, snapshotOf } from './snapshot.ts';
import { demoClock } from '../../../test/support/demo-clock.ts';

// The plan's read model, which every report, plan version and comparison reads. Several plans are
// read in one go (the council summary reads a municipality's plans at once): each plan must get
// exactly what is its own, as if it had been read alone, in the order asked for.

/** What a summary leaves out, emptied: the rest must be the same as the full read. */
function asSummary(facts: PlanFacts): PlanFacts {
  const item = <T extends { followUps: unknown[]; checkpoints: unknown[] }>(entry: T): T => ({
    ...entry,
    followUps: [],
    checkpoints: [],
  });
  return {
    ...facts,
    risks: facts.risks.map((risk) => ({ ...risk, controls: risk.controls.map(item), actions: risk.actions.map(item) })),
    otherActions: facts.otherActions.map(item),
    activities: facts.activities.map((activity) => ({ ...item(activity), focusAreas: [], subActivities: [] })),
    reviews: [],
    notes: [],
    decisions: [],
  };
}

describe('the plan read model (loadPlanFacts) on the demo data', () => {
  let database: DatabaseHandle;
  /** Every demo tenant with its plans. */
  let demo: { tenantId: string; planIds: string[] }[];
  /** Malmö, and its plans. */
  let tenantId: string;
  let planIds: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
    // The plan with controls gets a sibling plan with a risk and a control of its own, so that
    // controls (and their deviations) are also read beside another plan's.
    const [withControls] = await database.db
      .select({ tenantId: plans.tenantId, unitId: plans.unitId })
      .from(controls)
      .innerJoin(plans, eq(plans.id, controls.planId))
      .limit(1);
    const sibling = await createPlan(database.db, withControls!.tenantId, withControls!.unitId);
    const siblingRisk = await createRisk(database.db, withControls!.tenantId, sibling);
    await database.db.insert(controls).values({
      tenantId: withControls!.tenantId,
      planId: sibling,
      riskId: siblingRisk,
      title: 'Kontroll i en annan plan',
    });
    const rows = await database.db
      .select({ tenantId: tenants.id, slug: tenants.slug, planId: plans.id })
      .from(plans)
      .innerJoin(tenants, eq(tenants.id, plans.tenantId))
      .orderBy(asc(tenants.slug), asc(plans.id));
    demo = [...new Set(rows.map((row) => row.tenantId))].map((id) => ({
      tenantId: id,
      planIds: rows.filter((row) => row.tenantId === id).map((row) => row.planId),
    }));
    // The seeds have no action outside a risk: give every plan of the demo one, so that reading
    // several plans at once has such actions to keep apart.
    // Nor deviations: give every control one.
    for (const row of rows)
      await database.db
        .insert(actions)
        .values({ tenantId: row.tenantId, planId: row.planId, title: `Åtgärd utan risk i ${row.planId}` });
    for (const control of await database.db
      .select({ tenantId: controls.tenantId, id: controls.id, title: controls.title })
      .from(controls)) {
      const [severity] = await database.db
        .select({ id: vocabularyEntries.id })
        .from(vocabularyEntries)
        .where(
          and(
            eq(vocabularyEntries.tenantId, control.tenantId),
            eq(vocabularyEntries.kind, 'deviation_severity'),
            eq(vocabularyEntries.key, 'significant'),
          ),
        );
      await database.db.insert(deviations).values({
        tenantId: control.tenantId,
        controlId: control.id,
        title: `Avvikelse i ${control.title}`,
        foundOn: '2020-06-01',
        severityId: severity!.id,
      });
    }
    tenantId = rows.find((row) => row.slug === 'malmo')!.tenantId;
    planIds = demo.find((entry) => entry.tenantId === tenantId)!.planIds;
  });
  afterAll(() => database.close());

  const readAll = (options?: { summary?: boolean }) =>
    Promise.all(demo.map((entry) => loadPlanFacts(database.db, entry.tenantId, entry.planIds, 'sv', options)));

  test('the plans of demo tenants with several plans have between them every part a plan can have (or the tests below prove nothing)', async () => {
    // Only plans read beside others prove that each gets its own.
    const all = (await readAll()).filter((plansOfTenant) => plansOfTenant.length > 1).flat();
    for (const part of ['risks', 'otherActions', 'activities', 'reviews', 'deviations', 'notes'] as const)
      expect(
        all.some((plan) => plan[part].length > 0),
        part,
      ).toBe(true);
    expect(all.some((plan) => plan.risks.some((risk) => risk.actions.length > 0 && risk.controls.length > 0))).toBe(
      true,
    );
    expect(
      all.some((plan) => plan.risks.some((risk) => risk.controls.some((control) => control.followUps.length > 0))),
    ).toBe(true);
    expect(all.some((plan) => plan.activities.some((activity) => activity.subActivities.length > 0))).toBe(true);
  });

  test('plans read together are each what they are when read alone, in the order asked for', async () => {
    for (const entry of demo) {
      const alone = await Promise.all(
        entry.planIds.map(async (planId) => (await loadPlanFacts(database.db, entry.tenantId, [planId], 'sv'))[0]!),
      );
      expect(alone.map((plan) => plan.id)).toEqual(entry.planIds);
      expect(await loadPlanFacts(database.db, entry.tenantId, entry.planIds, 'sv')).toEqual(alone);
      expect(await loadPlanFacts(database.db, entry.tenantId, [...entry.planIds].reverse(), 'sv')).toEqual(
        [...alone].reverse(),
      );
    }
  });

  test('each part where it belongs: actions outside a risk only among the other actions, the people by their role, whether a deviation has its action, the labels in the reader’s language', async () => {
    const all = (await readAll()).flat();
    for (const plan of all)
      expect(
        plan.otherActions.map((action) => action.title),
        plan.title,
      ).toEqual([`Åtgärd utan risk i ${plan.id}`]);
    const items = all.flatMap((plan) => [
      ...plan.risks.flatMap((risk) => [...risk.controls, ...risk.actions]),
      ...plan.activities,
    ]);
    // Someone is named for reporting and someone else as responsible on at least one item, and the two lists differ.
    expect(items.some((item) => item.reporting.length > 0 && item.responsible.join() !== item.reporting.join())).toBe(
      true,
    );
    const deviations = all.flatMap((plan) => plan.deviations);
    expect(deviations.length).toBeGreaterThan(0);
    // Those made above have none; the one of the current-year demo plan has the action that answers it.
    expect(deviations.filter((deviation) => deviation.hasAction).map((deviation) => deviation.title)).toEqual([
      'Ansökan om riktat statsbidrag skickades inte in i tid',
    ]);
    const [withStatus] = items.filter((item) => item.status !== null);
    const inEnglish = (
      await Promise.all(demo.map((entry) => loadPlanFacts(database.db, entry.tenantId, entry.planIds, 'en')))
    ).flat();
    const englishItem = inEnglish
      .flatMap((plan) => [...plan.risks.flatMap((risk) => [...risk.controls, ...risk.actions]), ...plan.activities])
      .find((item) => item.id === withStatus!.id)!;
    expect(englishItem.status!.label).not.toBe(withStatus!.status!.label);
    expect(englishItem.status!.colour).toBe(withStatus!.status!.colour);
  });

  test('a snapshot is the plan without its follow-ups; a revision no version can have is none, not an error', async () => {
    const snapshot = await currentSnapshot(database.db, tenantId, planIds[0]!);
    const items = [
      ...snapshot.facts.risks.flatMap((risk) => [...risk.controls, ...risk.actions]),
      ...snapshot.facts.otherActions,
      ...snapshot.facts.activities,
    ];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.followUps).toEqual([]);
    for (const revision of [1.5, 32_768, Number.NaN])
      expect(await snapshotOf(database.db, tenantId, planIds[0]!, revision), String(revision)).toBeNull();
  });

  test('a summary is the full read without follow-ups, checkpoints, sub-activities, reviews and notes', async () => {
    const full = await readAll();
    expect(await readAll({ summary: true })).toEqual(full.map((plansOfTenant) => plansOfTenant.map(asSummary)));
    expect(await readAll({ summary: false })).toEqual(full);
  });

  test('an unknown plan, or one of another tenant, is left out; no plans give nothing', async () => {
    const [other] = await database.db
      .select({ id: tenants.id })
      .from(tenants)
      .where(eq(tenants.slug, 'exempelkommun-a'));
    const otherPlan = (await database.db.select({ id: plans.id }).from(plans).where(eq(plans.tenantId, other!.id)))[0]!
      .id;
    expect(
      (
        await loadPlanFacts(
          database.db,
          tenantId,
          [otherPlan, planIds[0]!, '00000000-0000-7000-8000-000000000000'],
          'sv',
        )
      ).map((plan) => plan.id),
    ).toEqual([planIds[0]]);
    expect(await loadPlanFacts(database.db, tenantId, [], 'sv')).toEqual([]);
  });

  test('the risk matrix: the plan’s own version, else the version in force in its first year', async () => {
    const versions = await database.db
      .select()
      .from(riskMatrices)
      .where(eq(riskMatrices.tenantId, tenantId))
      .orderBy(asc(riskMatrices.validFromYear));
    const first = versions[0]!;
    // A later version with other levels, valid from the year after the first plan's first year.
    const [planRow] = await database.db.select().from(plans).where(eq(plans.id, planIds[0]!));
    const laterYear = planRow!.startYear + 1;
    const levels = first.likelihoodLevels.slice(0, 3);
    const [later] = await database.db
      .insert(riskMatrices)
      .values({
        tenantId,
        validFromYear: laterYear,
        likelihoodLevels: levels,
        consequenceLevels: first.consequenceLevels,
        bands: first.bands,
      })
      .returning();
    try {
      const span = planRow!.endYear - planRow!.startYear;
      const read = async (values: { riskMatrixId: string | null; startYear: number }) => {
        await database.db
          .update(plans)
          .set({ ...values, endYear: values.startYear + span })
          .where(eq(plans.id, planRow!.id));
        return (await loadPlanFacts(database.db, tenantId, [planRow!.id], 'sv'))[0]!.matrixVersion;
      };
      // Its own version wins, whatever the year.
      expect(await read({ riskMatrixId: later!.id, startYear: planRow!.startYear })).toEqual({
        id: later!.id,
        validFromYear: laterYear,
      });
      expect(await read({ riskMatrixId: first.id, startYear: laterYear })).toEqual({
        id: first.id,
        validFromYear: first.validFromYear,
      });
      // Without one: the version valid in the first year — the later one from its first year on, the earlier one the year before.
      expect(await read({ riskMatrixId: null, startYear: laterYear })).toEqual({
        id: later!.id,
        validFromYear: laterYear,
      });
      expect(await read({ riskMatrixId: null, startYear: laterYear - 1 })).toEqual({
        id: first.id,
        validFromYear: first.validFromYear,
      });
    } finally {
      await database.db
        .update(plans)
        .set({ riskMatrixId: planRow!.riskMatrixId, startYear: planRow!.startYear, endYear: planRow!.endYear })
        .where(eq(plans.id, planRow!.id));
      await database.db.delete(riskMatrices).where(eq(riskMatrices.id, later!.id));
    }
  });
});
