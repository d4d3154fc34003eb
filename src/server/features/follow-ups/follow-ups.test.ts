import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract, ITEM_ROLES } from '../../../../test/support/resource-contract.ts';

describe('follow-ups', () => {
  let h: Harness;
  const controlIds = { unitA: '', unitB: '' };
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    for (const unit of ['unitA', 'unitB'] as const) {
      const planId = (
        await admin.post('/plans', {
          unitId: h.tenant[unit],
          kind: 'internal_control',
          title: 'IK-plan',
          startYear: 2026,
        })
      ).body.id;
      const riskId = (await admin.post('/risks', { planId, title: 'Risk' })).body.id;
      controlIds[unit] = (
        await admin.post('/controls', { riskId, title: 'Kontroll', responsibleIds: [h.userIds.responsible] })
      ).body.id;
    }
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'follow-ups',
      entityType: 'follow_up',
      async create(harness, unit) {
        // Written by the responsible person where they may, so that they are its author.
        const who = unit === 'unitA' ? 'responsible' : 'tenantAdmin';
        const reply = await (
          await harness.as(who)
        ).post('/follow-ups', {
          controlId: controlIds[unit],
          periodId: harness.tenant.periodIds.q1,
          body: 'Kontrollen är genomförd. Inga avvikelser.',
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ body: `Kontrollen är genomförd (${n}).` }),
      changedField: 'body',
      roles: ITEM_ROLES,
    },
    () => h,
  );

  test('the author is the writer, the day defaults to today, the status is kept as it was then', async () => {
    const reply = await (
      await h.as('responsible')
    ).post('/follow-ups', {
      controlId: controlIds.unitA,
      periodId: h.tenant.periodIds.q2,
      body: '## Resultat\n\n- 20 fakturor granskade',
      statusId: h.tenant.statusIds.pagaende,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      authorId: h.userIds.responsible,
      statusId: h.tenant.statusIds.pagaende,
      controlId: controlIds.unitA,
      actionId: null,
    });
    expect(reply.body.reportedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('the status written with a follow-up becomes the item status, audited, in the same transaction', async () => {
    const responsible = await h.as('responsible');
    const before = (await responsible.get(`/controls/${controlIds.unitA}`)).body;
    const reply = await responsible.post('/follow-ups', {
      controlId: controlIds.unitA,
      periodId: h.tenant.periodIds.q2,
      body: 'Klart.',
      statusId: h.tenant.statusIds.genomford,
    });
    expect(reply.status).toBe(201);
    const after = (await responsible.get(`/controls/${controlIds.unitA}`)).body;
    expect(after).toMatchObject({ statusId: h.tenant.statusIds.genomford, version: before.version + 1 });
    const events = (await (await h.as('tenantAdmin')).get(`/audit-events?entityId=${controlIds.unitA}`)).body.items;
    expect(events[0]).toMatchObject({
      entityType: 'control',
      operation: 'update',
      changes: { statusId: [before.statusId, h.tenant.statusIds.genomford] },
    });

    // A status of another tenant is refused, and the follow-up is not written either.
    const count = async () => (await responsible.get(`/follow-ups?controlId=${controlIds.unitA}`)).body.total as number;
    const written = await count();
    const foreign = await responsible.post('/follow-ups', {
      controlId: controlIds.unitA,
      periodId: h.tenant.periodIds.q2,
      body: 'Fel status.',
      statusId: h.otherTenant.statusIds.pagaende,
    });
    expect(foreign.status).toBe(400);
    expect(await count()).toBe(written);
    expect((await responsible.get(`/controls/${controlIds.unitA}`)).body.statusId).toBe(h.tenant.statusIds.genomford);
  });

  test('a person named on a control but holding no role on its unit is told what is wrong and whom to ask (403), not "controlId: Finns inte"', async () => {
    const admin = await h.as('tenantAdmin');
    // A person with a role elsewhere (unit B) is named responsible for a control of unit A.
    await admin.post('/role-assignments', { userId: h.userIds.nobody, unitId: h.tenant.unitB, role: 'responsible' });
    const planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA1,
        kind: 'internal_control',
        title: 'IK-plan A1',
        startYear: 2026,
      })
    ).body.id;
    const riskId = (await admin.post('/risks', { planId, title: 'Risk' })).body.id;
    const control = (
      await admin.post('/controls', { riskId, title: 'Attestkontroll', responsibleIds: [h.userIds.nobody] })
    ).body;
    const named = await h.as('nobody');
    const expected =
      'Du står som ansvarig för kontrollen men har ingen roll på Förvaltning A1. Be Person administrator eller Person coordinator (administratör eller samordnare) om en roll på enheten.';

    const written = await named.post('/follow-ups', {
      controlId: control.id,
      periodId: h.tenant.periodIds.q1,
      body: 'Genomförd.',
    });
    expect(written.status).toBe(403);
    expect(written.body).toMatchObject({
      type: 'urn:uppsikt:problem:forbidden',
      detail: expected,
      errors: [{ path: 'controlId', message: expected }],
    });
    const opened = await named.get(`/controls/${control.id}`);
    expect(opened.status).toBe(403);
    expect(opened.body.detail).toBe(expected);
    const english = await named.get(`/controls/${control.id}`, { 'accept-language': 'en' });
    expect(english.body.detail).toBe(
      'You are named as responsible for the control but hold no role on Förvaltning A1. Ask Person administrator or Person coordinator (administrator or coordinator) for a role on the unit.',
    );
    // Anyone not named on it still finds nothing there.
    const stranger = (await admin.post('/controls', { riskId, title: 'Annan kontroll' })).body;
    expect((await named.get(`/controls/${stranger.id}`)).status).toBe(404);
    expect(
      (await named.post('/follow-ups', { controlId: stranger.id, periodId: h.tenant.periodIds.q1, body: 'x' })).body
        .errors,
    ).toEqual([{ path: 'controlId', message: 'Finns inte.' }]);
  });

  test('a follow-up is for a period within its plan’s years, when written and when moved', async () => {
    const admin = await h.as('tenantAdmin');
    const nextYear = (await admin.post('/reporting-calendar/periods', { kind: 'quarter', year: 2027, number: 1 })).body;
    const outside = await admin.post('/follow-ups', {
      controlId: controlIds.unitA,
      periodId: nextYear.id,
      body: 'Genomförd.',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([
      { path: 'periodId', message: 'Kvartal 1 2027 ligger utanför planens period (2026).' },
    ]);
    const written = (
      await admin.post('/follow-ups', {
        controlId: controlIds.unitA,
        periodId: h.tenant.periodIds.q2,
        body: 'Genomförd.',
      })
    ).body;
    const moved = await admin.patch(`/follow-ups/${written.id}`, { version: written.version, periodId: nextYear.id });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0].path).toBe('periodId');
    expect(
      (await admin.patch(`/follow-ups/${written.id}`, { version: written.version, periodId: h.tenant.periodIds.q1 }))
        .status,
    ).toBe(200);
  });

  test('exactly one item; a period that exists; a reader may not write', async () => {
    const client = await h.as('coordinator');
    const none = await client.post('/follow-ups', { periodId: h.tenant.periodIds.q1, body: 'x' });
    expect(none.body.errors[0].message).toMatch(/exakt en/);
    const period = await client.post('/follow-ups', {
      controlId: controlIds.unitA,
      periodId: h.otherTenant.periodIds.q1,
      body: 'x',
    });
    expect(period.body.errors).toEqual([{ path: 'periodId', message: 'Finns inte.' }]);
    const empty = await client.post('/follow-ups', {
      controlId: controlIds.unitA,
      periodId: h.tenant.periodIds.q1,
      body: '',
    });
    expect(empty.body.errors).toEqual([{ path: 'body', message: 'Får inte vara tomt.' }]);
    expect(
      (
        await (
          await h.as('reader')
        ).post('/follow-ups', { controlId: controlIds.unitA, periodId: h.tenant.periodIds.q1, body: 'x' })
      ).status,
    ).toBe(403);
  });

  test('latest=true gives the newest follow-up of each item, by period', async () => {
    const reply = await (await h.as('reader')).get(`/follow-ups?controlId=${controlIds.unitA}&latest=true`);
    expect(reply.status).toBe(200);
    expect(reply.body.items).toHaveLength(1);
    expect(reply.body.items[0].periodId).toBe(h.tenant.periodIds.q2);
  });

  test('only the author or a coordinator changes a follow-up', async () => {
    const byCoordinator = (
      await (
        await h.as('coordinator')
      ).post('/follow-ups', {
        controlId: controlIds.unitA,
        periodId: h.tenant.periodIds.q1,
        body: 'Samordnarens kommentar',
      })
    ).body;
    const reply = await (
      await h.as('responsible')
    ).patch(`/follow-ups/${byCoordinator.id}`, { body: 'Ändrad', version: byCoordinator.version });
    expect(reply.status).toBe(403);
  });
});
