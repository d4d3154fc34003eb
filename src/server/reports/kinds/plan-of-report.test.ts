import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { plans } from '../../db/schema/plans.ts';
import { createHarness, ok, type Client, type Harness } from '../../../../test/support/harness.ts';

// Which plan and which version of it a report shows, and what it says when the plan asked for
// is not one it can show: the choice every plan-based report kind makes first (kind-helpers.ts).

describe('the plan a report shows', () => {
  let h: Harness;
  let admin: Client;
  /** Asked in `lang`, so that both the report and any refusal are in that language. */
  const report = (kind: string, query: string, lang: 'sv' | 'en' = 'sv') =>
    admin.get(`/reports/${kind}?unit=${h.tenant.unitA}&period=2026&format=md&lang=${lang}&${query}`, {
      'accept-language': lang,
    });

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
  });
  afterAll(() => h.close());

  test('a plan asked for by id must be of the unit, the period and the report’s kind of plan; a missing version is not found, said in both languages', async () => {
    const control = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Kontrollplan 2026',
        startYear: 2026,
      }),
    );
    const activity = await ok(
      admin.post('/plans', { unitId: h.tenant.unitA, kind: 'activity', title: 'Aktivitetsplan 2026', startYear: 2026 }),
    );
    const otherYear = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Kontrollplan 2026–2027',
        startYear: 2026,
        endYear: 2027,
      }),
    );
    const later = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Kontrollplan 2027',
        startYear: 2027,
      }),
    );
    expect((await report('plan', `plan=${control.id}`)).status).toBe(200);
    for (const [planId, why] of [
      [activity.id, 'an activity plan for an internal control report'],
      [otherYear.id, 'a plan of other years (2026–2027)'],
      [later.id, 'a plan of another year (2027)'],
    ] as const) {
      const refused = await report('plan', `plan=${planId}`, 'en');
      expect(refused.status, why).toBe(400);
      expect(refused.body.errors, why).toEqual([
        { path: 'plan', message: "The plan is not of the unit, the period or the report's kind of plan." },
      ]);
    }
    // A draft has no versions: version 1 comes with the decision.
    const missing = await report('plan', `plan=${control.id}&revision=1`, 'en');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('The plan has no version 1; a plan gets version 1 when it is adopted.');
  });

  test('a unit without a plan of the kind is told which plan is missing and what to do, in English too', async () => {
    const reply = await admin.get(`/reports/activity-plan?unit=${h.tenant.unitB}&period=2026&format=md&lang=en`, {
      'accept-language': 'en',
    });
    expect(reply.status).toBe(404);
    expect(reply.body.detail).toBe(
      'Nämnd B has no activity plan for 2026. Choose another period or create the plan first.',
    );
    const control = await admin.get(`/reports/plan?unit=${h.tenant.unitB}&period=2026&format=md&lang=en`, {
      'accept-language': 'en',
    });
    expect(control.body.detail).toBe(
      'Nämnd B has no internal control plan for 2026. Choose another period or create the plan first.',
    );
  });

  test('a plan adopted before versions were kept is shown as it is today, and named as adopted', async () => {
    const plan = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitB,
        kind: 'internal_control',
        title: 'Äldre plan 2026',
        startYear: 2026,
      }),
    );
    // Adopted in the database only, as a plan taken over from before Uppsikt kept versions.
    await h.db
      .update(plans)
      .set({ state: 'adopted', decisionDate: '2026-02-17', decisionParagraph: '§ 12' })
      .where(eq(plans.id, plan.id));
    const reply = await admin.get(`/reports/plan?unit=${h.tenant.unitB}&period=2026&format=md&plan=${plan.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body as string).toContain('Äldre plan 2026, antagen 2026-02-17 § 12, som planen ser ut i dag');
  });

  test('an adopted version shows its decided items with the follow-up as it is now: an item archived since keeps its decided status and no follow-ups; each sub-activity its own status now', async () => {
    const { statusIds } = h.tenant;
    const plan = await ok(
      admin.post('/plans', {
        unitId: h.tenant.unitA1,
        kind: 'activity',
        title: 'Aktivitetsplan A1 2026',
        startYear: 2026,
      }),
    );
    const kept = await ok(
      admin.post('/activities', { planId: plan.id, number: '1', title: 'Behålls', statusId: statusIds.pagaende }),
    );
    const dropped = await ok(
      admin.post('/activities', { planId: plan.id, number: '2', title: 'Tas bort', statusId: statusIds.pagaende }),
    );
    const first = await ok(
      admin.post('/sub-activities', { activityId: kept.id, number: '1.1', title: 'Första delen' }),
    );
    const second = await ok(
      admin.post('/sub-activities', { activityId: kept.id, number: '1.2', title: 'Andra delen' }),
    );
    await ok(admin.post(`/plans/${plan.id}/adopt`, { version: plan.version, decisionDate: '2026-02-01' }));
    // Since the decision: the parts move on differently, and the second activity is archived.
    await ok(admin.patch(`/sub-activities/${first.id}`, { version: first.version, statusId: statusIds.klar }));
    await ok(admin.patch(`/sub-activities/${second.id}`, { version: second.version, statusId: statusIds.pagaende }));
    await ok(admin.post(`/activities/${dropped.id}/archive`, {}));
    const reply = await admin.get(`/reports/activity-plan?unit=${h.tenant.unitA1}&period=2026&format=md&revision=1`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const markdown = reply.body as string;
    expect(markdown).toContain('1.1. Första delen (Klar)');
    expect(markdown).toContain('1.2. Andra delen (Pågående)');
    // The archived activity is still in the decided version, with its status as decided and no follow-ups.
    expect(markdown.split('*Aktivitet 2*')[1]!.trim()).toBe(
      '| Status | Aktivitet | Slutdatum |\n| --- | --- | --- |\n| Pågående | 2\\. Tas bort |  |',
    );
  });
});
