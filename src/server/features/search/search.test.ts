import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, ok, type Harness } from '../../../../test/support/harness.ts';

interface Group {
  kind: string;
  items: { id: string; kind: string; title: string; unitId: string | null; unitName: string | null }[];
  more: boolean;
}

describe('search', () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  /** A word only the unit's items carry. */
  const marker = { unitA: 'Norrby', unitB: 'Söderby' } as const;

  /** The ids found for `q` by `who`, by kind. */
  async function found(who: string, q: string): Promise<Record<string, string[]>> {
    const reply = await (await h.as(who)).get(`/search?q=${encodeURIComponent(q)}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return Object.fromEntries(
      (reply.body.groups as Group[]).map((group) => [group.kind, group.items.map((item) => item.id)]),
    );
  }

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    for (const unit of ['unitA', 'unitB'] as const) {
      const plan = await ok(
        admin.post('/plans', {
          unitId: h.tenant[unit],
          kind: 'internal_control',
          title: `Internkontrollplan ${marker[unit]}`,
          startYear: 2026,
          diarienummer: `KS-2025-0${unit === 'unitA' ? '1234' : '5678'}`,
        }),
      );
      ids[`plan.${unit}`] = plan.id;
      const risk = await ok(
        admin.post('/risks', {
          planId: plan.id,
          title: `Fakturor betalas utan attest ${marker[unit]}`,
          description: 'Leverantörsfakturor kan betalas utan korrekt attest.',
        }),
      );
      ids[`risk.${unit}`] = risk.id;
      const control = await ok(
        admin.post('/controls', { riskId: risk.id, title: `Stickprov på leverantörsfakturor ${marker[unit]}` }),
      );
      ids[`control.${unit}`] = control.id;
      ids[`action.${unit}`] = (
        await ok(
          admin.post('/actions', { planId: plan.id, riskId: risk.id, title: `Ny attestordning ${marker[unit]}` }),
        )
      ).id;
      ids[`deviation.${unit}`] = (
        await ok(
          admin.post('/deviations', {
            controlId: control.id,
            title: `Avvikelsen gällde dubbelbetalning ${marker[unit]}`,
            severityId: h.tenant.vocabularyIds.deviation_severity.significant,
          }),
        )
      ).id;
      const review = await ok(
        admin.post('/reviews', {
          planId: plan.id,
          title: `Granskning av inköpsrutiner ${marker[unit]}`,
          diarienummer: unit === 'unitA' ? 'GRF-2020-11639' : 'GRF-2021-22222',
        }),
      );
      ids[`review.${unit}`] = review.id;
      ids[`recommendation.${unit}`] = (
        await ok(
          admin.post('/recommendations', {
            reviewId: review.id,
            recommendedBy: 'Revisorerna',
            recommendation: `Inför stickprovskontroller av inköp ${marker[unit]}.`,
          }),
        )
      ).id;
      const activityPlan = await ok(
        admin.post('/plans', {
          unitId: h.tenant[unit],
          kind: 'activity',
          title: `Aktivitetsplan ${marker[unit]}`,
          startYear: 2026,
        }),
      );
      ids[`activityPlan.${unit}`] = activityPlan.id;
      ids[`activity.${unit}`] = (
        await ok(
          admin.post('/activities', {
            planId: activityPlan.id,
            number: '1',
            title: `Utbildning i upphandling ${marker[unit]}`,
          }),
        )
      ).id;
    }
    // The other tenant has the same words.
    const other = await h.as('otherAdmin');
    const otherPlan = await ok(
      other.post('/plans', {
        unitId: h.otherTenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan annan kommun',
        startYear: 2026,
        diarienummer: 'KS-2025-01234',
      }),
    );
    ids.otherPlan = otherPlan.id;
    ids.otherRisk = (
      await ok(other.post('/risks', { planId: otherPlan.id, title: 'Fakturor betalas utan attest' }))
    ).id;
  });
  afterAll(() => h.close());

  test('Swedish stemming: an inflected form finds the base form, and the other way round', async () => {
    // "avvikelser" (plural) finds "Avvikelsen" (definite singular); "fakturorna" finds "fakturor".
    expect((await found('tenantAdmin', 'avvikelser')).deviation).toEqual(
      expect.arrayContaining([ids['deviation.unitA'], ids['deviation.unitB']]),
    );
    expect((await found('tenantAdmin', 'fakturorna')).risk).toEqual(
      expect.arrayContaining([ids['risk.unitA'], ids['risk.unitB']]),
    );
    // Words that merely look alike do not match.
    expect(await found('tenantAdmin', 'cykelparkering')).toEqual({});
  });

  test('the last word matches as the start of a word, for a search typed part-way', async () => {
    expect((await found('tenantAdmin', 'stickprov leverantörsfak')).control).toEqual(
      expect.arrayContaining([ids['control.unitA'], ids['control.unitB']]),
    );
  });

  test('hits are grouped by kind in a fixed order, each with its unit and the plan years', async () => {
    const reply = await (await h.as('tenantAdmin')).get('/search?q=Norrby');
    expect(reply.status).toBe(200);
    const groups = reply.body.groups as Group[];
    expect(groups.map((group) => group.kind)).toEqual([
      'plan',
      'risk',
      'control',
      'action',
      'activity',
      'deviation',
      'review',
      'recommendation',
    ]);
    for (const group of groups) {
      const expected =
        group.kind === 'plan' ? [ids['plan.unitA'], ids['activityPlan.unitA']] : [ids[`${group.kind}.unitA`]];
      expect(group.items.map((item) => item.id).sort(), group.kind).toEqual(expected.sort());
      expect(group.items[0]).toMatchObject({ kind: group.kind, unitId: h.tenant.unitA, unitName: 'Nämnd A' });
    }
    expect(groups[0]!.items.find((item) => item.id === ids['plan.unitA'])).toMatchObject({
      startYear: 2026,
      endYear: 2026,
      detail: 'KS-2025-01234',
    });
    expect(groups.find((group) => group.kind === 'control')!.items[0]).toMatchObject({
      riskId: ids['risk.unitA'],
      planId: ids['plan.unitA'],
    });
  });

  test('a limit per kind, and whether there are more', async () => {
    const reply = await (await h.as('tenantAdmin')).get('/search?q=fakturor&limit=1');
    const risks = (reply.body.groups as Group[]).find((group) => group.kind === 'risk')!;
    expect(risks.items).toHaveLength(1);
    expect(risks.more).toBe(true);
  });

  test('a diarienummer is found whole and by its parts', async () => {
    expect((await found('tenantAdmin', 'GRF-2020-11639')).review).toEqual([ids['review.unitA']]);
    expect((await found('tenantAdmin', '11639')).review).toEqual([ids['review.unitA']]);
    expect((await found('tenantAdmin', '2025-01234')).plan).toEqual([ids['plan.unitA']]);
  });

  test('persons of the tenant are found by name, active ones only', async () => {
    expect((await found('reader', 'Gunnar')).person).toEqual([h.userIds.unassigned]);
    expect((await found('reader', 'Annan administratör')).person).toBeUndefined();
    const admin = await h.as('tenantAdmin');
    const person = await ok(admin.post('/users', { name: 'Maja Slutat' }));
    expect((await found('reader', 'Maja')).person).toEqual([person.id]);
    await ok(admin.post(`/users/${person.id}/deactivate`));
    expect((await found('reader', 'Maja')).person).toBeUndefined();
  });

  test('a person finds only what they could open: not unit B’s items, never another tenant’s', async () => {
    const reader = await found('reader', 'fakturor attest');
    expect(reader.risk).toEqual([ids['risk.unitA']]);
    const everything = await found('reader', 'Söderby');
    expect(everything).toEqual({});
    const nobody = await found('nobody', 'fakturor');
    expect(nobody).toEqual({});
    // The auditor reads the whole tenant, not the other one.
    expect((await found('auditor', 'fakturor')).risk?.sort()).toEqual([ids['risk.unitA'], ids['risk.unitB']].sort());
    expect((await found('auditor', 'KS-2025-01234')).plan).toEqual([ids['plan.unitA']]);
    expect((await found('otherAdmin', 'fakturor')).risk).toEqual([ids.otherRisk]);
    expect(await found('otherAdmin', 'Norrby')).toEqual({});
  });

  test('a recommendation addressed to unit A is found by A’s reader, with its review', async () => {
    const admin = await h.as('tenantAdmin');
    expect((await found('reader', 'inköpsrutiner Söderby')).review).toBeUndefined();
    await ok(admin.post(`/recommendations/${ids['recommendation.unitB']}/addressees`, { unitId: h.tenant.unitA }));
    const after = await found('reader', 'Söderby');
    expect(after.recommendation).toEqual([ids['recommendation.unitB']]);
    expect(after.review).toEqual([ids['review.unitB']]);
    expect(after.risk).toBeUndefined();
  });

  test('archived items are left out, as the lists leave them out', async () => {
    const admin = await h.as('tenantAdmin');
    const action = await ok(admin.post('/actions', { planId: ids['plan.unitA'], title: 'Arkiveringsbar åtgärd' }));
    expect((await found('tenantAdmin', 'arkiveringsbar')).action).toEqual([action.id]);
    await ok(admin.post(`/actions/${action.id}/archive`));
    expect((await found('tenantAdmin', 'arkiveringsbar')).action).toBeUndefined();
  });

  test('an empty, blank or too long q, or none, is 400 naming q', async () => {
    const client = await h.as('reader');
    for (const path of ['/search?q=', '/search?q=%20%20', `/search?q=${'a'.repeat(201)}`, '/search']) {
      const reply = await client.get(path);
      expect(reply.status, path).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body.errors.map((error: { path: string }) => error.path)).toEqual(['q']);
    }
    const badLimit = await client.get('/search?q=x&limit=0');
    expect(badLimit.body.errors.map((error: { path: string }) => error.path)).toEqual(['limit']);
  });

  test('search syntax and odd characters never break the query', async () => {
    for (const q of ['"stickprov på"', 'attest -Söderby', 'fakturor or avvikelse', "o'hara:*", '!&|()', 'och']) {
      const reply = await (await h.as('tenantAdmin')).get(`/search?q=${encodeURIComponent(q)}`);
      expect(reply.status, q).toBe(200);
    }
    const excluded = await found('tenantAdmin', 'attest -Söderby');
    expect(excluded.risk).toEqual([ids['risk.unitA']]);
  });

  test('without signing in: 401', async () => {
    expect((await h.anonymous.get('/search?q=fakturor')).status).toBe(401);
  });
});
