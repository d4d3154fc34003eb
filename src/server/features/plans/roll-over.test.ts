import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { CSRF_HEADER } from '../../auth/authenticate.ts';
import { createSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { plans } from '../../db/schema/plans.ts';
import { tenants } from '../../db/schema/tenants.ts';
import { users } from '../../db/schema/users.ts';
import { changedTables, fingerprintDatabase, withInsertsFailingAtCommit } from '../../../../test/support/failures.ts';
import { createTestDatabase } from '../../../../test/support/test-database.ts';
import { loadDemoData } from '../../demo/load-demo-data.ts';
import { clientFor, type Client } from '../../../../test/support/harness.ts';
import { demoFixturesFolder } from '../../paths.ts';
import { fixedClock } from '../../../domain/clock.ts';
import { demoClock } from '../../../../test/support/demo-clock.ts';

const clock = fixedClock('2026-11-30T10:00:00Z');

// Year roll-over on the demo data: seed 002's activity plan 2020–2021 rolled over to 2022–2023,
// and seed 004's internal control plan 2020 to 2021.

describe('year roll-over', () => {
  let database: DatabaseHandle;
  let malmo: Client;
  let kommunB: Client;

  async function signedIn(slug: string, email: string): Promise<Client> {
    const [person] = await database.db
      .select({ tenantId: users.tenantId, id: users.id })
      .from(users)
      .innerJoin(tenants, eq(tenants.id, users.tenantId))
      .where(and(eq(tenants.slug, slug), eq(users.email, email)));
    const session = await createSession(database.db, person!.tenantId, person!.id, clock.now());
    return clientFor(createApp({ database, clock }), {
      cookie: `${SESSION_COOKIE}=${session.secret}`,
      [CSRF_HEADER]: session.csrfToken,
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db, { fixturesFolder: demoFixturesFolder, clock: demoClock });
    malmo = await signedIn('malmo', 'admin@malmo.example');
    kommunB = await signedIn('exempelkommun-b', 'admin@exempelkommun-b.example');
  });
  afterAll(() => database.close());

  async function planId(client: Client, title: string): Promise<string> {
    const list = await client.get('/plans?limit=200');
    return list.body.items.find((plan: { title: string }) => plan.title === title).id;
  }

  test('seed 002: unfinished activities and the sub-activities marked "förs över" go to 2022–2023, linked both ways; the old plan is untouched', async () => {
    const oldId = await planId(malmo, 'Aktivitetsplan för kompetensförsörjning 2020–2021');
    const [before] = await database.db.select().from(plans).where(eq(plans.id, oldId));
    const oldActivities = (await malmo.get(`/activities?planId=${oldId}&limit=200`)).body.items;

    const rolled = await malmo.post(`/plans/${oldId}/roll-over`, {});
    expect(rolled.status).toBe(201);
    expect(rolled.body.carried).toEqual({ risks: 0, controls: 0, actions: 0, activities: 5, subActivities: 7 });
    const next = (await malmo.get(`/plans/${rolled.body.planId}`)).body;
    expect(next).toMatchObject({
      title: 'Aktivitetsplan för kompetensförsörjning 2022–2023',
      startYear: 2022,
      endYear: 2023,
      state: 'draft',
      kind: 'activity',
    });

    const links = (await malmo.get(`/plans/${rolled.body.planId}/carry-over`)).body;
    const carried = (entity: string) => links.carriedFrom.filter((link: { entity: string }) => link.entity === entity);
    const activityNumbers = (await malmo.get(`/activities?planId=${rolled.body.planId}&limit=200`)).body.items.map(
      (activity: { number: string }) => activity.number,
    );
    expect(activityNumbers).toEqual(['4', '5', '6', '8', '9']);
    expect(carried('activity')).toHaveLength(5);
    expect(carried('sub_activity').map((link: { title: string }) => link.title.slice(0, 40))).toHaveLength(7);
    const newActivities = (await malmo.get(`/activities?planId=${rolled.body.planId}&limit=200`)).body.items;
    const subNumbers = newActivities.flatMap((activity: { subActivities: { number: string }[] }) =>
      activity.subActivities.map((sub) => sub.number),
    );
    expect(subNumbers).toEqual(['4.2', '5.1', '6.2', '6.3', '8.1', '8.2', '9.1']);
    expect(newActivities.every((activity: { focusAreaIds: string[] }) => activity.focusAreaIds.length > 0)).toBe(true);
    for (const activity of newActivities) {
      const original = oldActivities.find((old: { id: string }) => old.id === activity.carriedFromId);
      expect(original.number).toBe(activity.number);
      expect(activity.focusAreaIds).toEqual(original.focusAreaIds);
    }

    const back = (await malmo.get(`/plans/${oldId}/carry-over`)).body;
    expect(
      back.carriedTo
        .filter((link: { entity: string }) => link.entity === 'activity')
        .map((link: { otherPlanId: string }) => link.otherPlanId),
    ).toEqual(Array(5).fill(rolled.body.planId));
    expect(back.carriedTo.filter((link: { entity: string }) => link.entity === 'sub_activity')).toHaveLength(7);
    expect(back.carriedFrom).toEqual([]);

    const [after] = await database.db.select().from(plans).where(eq(plans.id, oldId));
    expect(after).toEqual(before);
    expect((await malmo.get(`/activities?planId=${oldId}&limit=200`)).body.items).toEqual(oldActivities);

    const again = await malmo.post(`/plans/${oldId}/roll-over`, {});
    expect(again.body.errors[0].path).toBe('startYear');
  });

  test('seed 004: every risk comes along for re-assessment, unfinished actions are carried with their people, finished ones stay', async () => {
    const oldId = await planId(kommunB, 'Internkontrollplan 2020');
    const oldOverview = (await kommunB.get(`/plans/${oldId}/overview`)).body;
    const rolled = await kommunB.post(`/plans/${oldId}/roll-over`, {});
    expect(rolled.status).toBe(201);
    const next = (await kommunB.get(`/plans/${rolled.body.planId}/overview`)).body;
    expect(next.plan).toMatchObject({ title: 'Internkontrollplan 2021', startYear: 2021, state: 'draft' });
    expect(
      next.risks.map((risk: { title: string; likelihood: number; consequence: number }) => [
        risk.title,
        risk.likelihood,
        risk.consequence,
      ]),
    ).toEqual(
      oldOverview.risks.map((risk: { title: string; likelihood: number; consequence: number }) => [
        risk.title,
        risk.likelihood,
        risk.consequence,
      ]),
    );
    const statuses = (await kommunB.get('/statuses')).body.items as { id: string; category: string }[];
    const done = new Set(statuses.filter((status) => status.category === 'completed').map((status) => status.id));
    const oldActions = oldOverview.risks.flatMap(
      (risk: { actions: { id: string; title: string; statusId: string | null; responsibleIds: string[] }[] }) =>
        risk.actions,
    );
    const unfinished = oldActions.filter(
      (action: { statusId: string | null }) => action.statusId === null || !done.has(action.statusId),
    );
    expect(unfinished.length).toBeGreaterThan(0);
    expect(unfinished.length).toBeLessThan(oldActions.length);
    const newActions = next.risks.flatMap(
      (risk: { actions: { title: string; responsibleIds: string[]; endDate: string | null }[] }) => risk.actions,
    );
    expect(newActions.map((action: { title: string }) => action.title)).toEqual(
      unfinished.map((action: { title: string }) => action.title),
    );
    expect(newActions.map((action: { responsibleIds: string[] }) => action.responsibleIds)).toEqual(
      unfinished.map((action: { responsibleIds: string[] }) => action.responsibleIds),
    );
    expect(newActions.every((action: { endDate: string | null }) => action.endDate === null)).toBe(true);
    // The controls come along as decided, without last year's status and dates, checkpoints made for the new year.
    type ControlView = {
      title: string;
      method: { id: string } | null;
      scope: string | null;
      frequency: unknown;
      reportsTo: string[];
      responsibleIds: string[];
      statusId: string | null;
      checkpoints: string[];
    };
    const controlsOf = (overview: { risks: { controls: ControlView[] }[] }) =>
      overview.risks.flatMap((risk) => risk.controls);
    const oldControls = controlsOf(oldOverview);
    const newControls = controlsOf(next);
    expect(oldControls.length).toBeGreaterThan(0);
    const decided = (control: ControlView) => [
      control.title,
      control.method?.id ?? null,
      control.scope,
      control.frequency,
      control.reportsTo,
      control.responsibleIds,
    ];
    expect(newControls.map(decided)).toEqual(oldControls.map(decided));
    expect(newControls.every((control) => control.statusId === null)).toBe(true);
    for (const control of newControls) expect(control.checkpoints.every((date) => date.startsWith('2021-'))).toBe(true);
    expect(newControls.some((control) => control.checkpoints.length > 0)).toBe(
      oldControls.some((control) => control.frequency !== null),
    );
    expect(rolled.body.carried).toEqual({
      risks: oldOverview.risks.length,
      controls: oldControls.length,
      actions: unfinished.length,
      activities: 0,
      subActivities: 0,
    });
  });

  test('the current-year plan: controls keep their kontrollansvarig function, and controls and risks their link to the common control', async () => {
    type ControlView = {
      title: string;
      method: { id: string } | null;
      frequency: unknown;
      responsibleFunctionId: string | null;
      commonControlId: string | null;
    };
    type RiskView = { title: string; commonControlId: string | null; controls: ControlView[] };
    const plan = (await kommunB.get('/plans?limit=200')).body.items.find(
      (each: { title: string; unitId: string; startYear: number }) =>
        each.title === 'Internkontrollplan 2026' && each.startYear === 2026,
    );
    const oldOverview = (await kommunB.get(`/plans/${plan.id}/overview`)).body as { risks: RiskView[] };
    const rolled = await kommunB.post(`/plans/${plan.id}/roll-over`, {});
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(201);
    const next = (await kommunB.get(`/plans/${rolled.body.planId}/overview`)).body as { risks: RiskView[] };
    const decided = (control: ControlView) => [
      control.title,
      control.method?.id ?? null,
      control.frequency,
      control.responsibleFunctionId,
      control.commonControlId,
    ];
    const oldControls = oldOverview.risks.flatMap((risk) => risk.controls);
    // Not vacuous: the demo plan names a function on a control and holds a common control's copy.
    expect(oldControls.some((control) => control.responsibleFunctionId !== null)).toBe(true);
    expect(oldControls.some((control) => control.commonControlId !== null)).toBe(true);
    expect(next.risks.flatMap((risk) => risk.controls).map(decided)).toEqual(oldControls.map(decided));
    expect(next.risks.map((risk) => [risk.title, risk.commonControlId])).toEqual(
      oldOverview.risks.map((risk) => [risk.title, risk.commonControlId]),
    );
  });

  test('the roll-over is atomic: when its transaction fails at commit, after all its writes, no new plan, item or link remains', async () => {
    const oldId = await planId(malmo, 'Internkontrollplan 2020');
    const before = await fingerprintDatabase(database.db);
    const failed = await withInsertsFailingAtCommit(database.db, 'audit_events', () =>
      malmo.post(`/plans/${oldId}/roll-over`, {}),
    );
    expect(failed.status).toBe(500);
    expect(changedTables(before, await fingerprintDatabase(database.db))).toEqual([]);
    // Not a vacuous failure: the same roll-over, let through, writes a plan with its items.
    const rolled = await malmo.post(`/plans/${oldId}/roll-over`, {});
    expect(rolled.status).toBe(201);
    expect(rolled.body.carried.risks + rolled.body.carried.actions).toBeGreaterThan(0);
  });

  test('a draft is not rolled over, and a reader may not roll over', async () => {
    const draft = (
      await malmo.post('/plans', {
        unitId: (await malmo.get('/plans?limit=1')).body.items[0].unitId,
        kind: 'internal_control',
        title: 'Utkast 2030',
        startYear: 2030,
      })
    ).body;
    expect((await malmo.post(`/plans/${draft.id}/roll-over`, {})).body.errors[0].path).toBe('state');
    const reader = await signedIn('malmo', 'lasare@malmo.example');
    const oldId = await planId(malmo, 'Internkontrollplan 2020');
    expect((await reader.post(`/plans/${oldId}/roll-over`, {})).status).toBe(403);
  });
});
