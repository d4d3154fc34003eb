import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';

describe('the follow-up review step', () => {
  let h: Harness;
  let controlId = '';
  let otherControlId = '';
  let planId = '';
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const ids: string[] = [];
    const planIds: string[] = [];
    for (const unitId of [h.tenant.unitA, h.tenant.unitB]) {
      const planId = (
        await admin.post('/plans', { unitId, kind: 'internal_control', title: 'IK-plan', startYear: 2026 })
      ).body.id;
      planIds.push(planId);
      const riskId = (await admin.post('/risks', { planId, title: 'Risk' })).body.id;
      ids.push(
        (await admin.post('/controls', { riskId, title: 'Kontroll', responsibleIds: [h.userIds.responsible] })).body.id,
      );
    }
    [controlId, otherControlId] = ids as [string, string];
    planId = planIds[0]!;
  });
  afterAll(() => h.close());

  async function write(draft?: boolean) {
    const reply = await (
      await h.as('responsible')
    ).post('/follow-ups', {
      controlId,
      periodId: h.tenant.periodIds.q1,
      body: 'Kontrollen är genomförd.',
      ...(draft === undefined ? {} : { draft }),
    });
    expect(reply.status).toBe(201);
    return reply.body as { id: string; version: number; reviewState: string };
  }

  test('a new follow-up is submitted, or a draft when asked; the review fields are empty', async () => {
    expect(await write()).toMatchObject({
      reviewState: 'submitted',
      reviewComment: null,
      reviewedById: null,
      reviewedAt: null,
    });
    expect((await write(true)).reviewState).toBe('draft');
    expect((await write(false)).reviewState).toBe('submitted');
  });

  test('draft → submitted → returned with a comment → submitted → approved, each step audited', async () => {
    const draft = await write(true);
    const responsible = await h.as('responsible');
    const coordinator = await h.as('coordinator');

    const submitted = await responsible.post(`/follow-ups/${draft.id}/submit`, { version: draft.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ reviewState: 'submitted', version: draft.version + 1 });

    const returned = await coordinator.post(`/follow-ups/${draft.id}/return`, {
      version: submitted.body.version,
      comment: '  Ange hur många fakturor som granskades.  ',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      reviewState: 'returned',
      reviewComment: 'Ange hur många fakturor som granskades.',
      reviewedById: h.userIds.coordinator,
      reviewedAt: '2026-06-15T10:00:00.000Z',
    });

    // The author completes the text and submits again (If-Match instead of version).
    const edited = await responsible.patch(`/follow-ups/${draft.id}`, {
      version: returned.body.version,
      body: 'Kontrollen är genomförd: 20 fakturor granskades.',
    });
    expect(edited.body.reviewState).toBe('returned');
    const again = await responsible.post(
      `/follow-ups/${draft.id}/submit`,
      {},
      { 'if-match': `"${edited.body.version}"` },
    );
    expect(again.status).toBe(200);
    expect(again.body.reviewState).toBe('submitted');

    const approved = await coordinator.post(`/follow-ups/${draft.id}/approve`, { version: again.body.version });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      reviewState: 'approved',
      reviewComment: null,
      reviewedById: h.userIds.coordinator,
    });

    const events = (await (await h.as('tenantAdmin')).get(`/audit-events?entityType=follow_up&entityId=${draft.id}`))
      .body.items as { operation: string; changes: Record<string, unknown> }[];
    expect(events.map((event) => event.operation)).toEqual(
      expect.arrayContaining(['create', 'submit', 'return', 'update', 'approve']),
    );
    expect(events.find((event) => event.operation === 'approve')!.changes.reviewState).toEqual([
      'submitted',
      'approved',
    ]);
  });

  test('a stale version is refused with 409; so is a step that does not apply, naming reviewState', async () => {
    const written = await write();
    const coordinator = await h.as('coordinator');
    const stale = await coordinator.post(`/follow-ups/${written.id}/approve`, { version: written.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('urn:uppsikt:problem:conflict');

    const approved = (
      await coordinator.post(`/follow-ups/${written.id}/approve`, { version: written.version, comment: 'Bra.' })
    ).body;
    expect(approved).toMatchObject({ reviewState: 'approved', reviewComment: 'Bra.' });
    const twice = await coordinator.post(`/follow-ups/${written.id}/approve`, { version: approved.version });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      type: 'urn:uppsikt:problem:not_yet',
      errors: [{ path: 'reviewState' }],
    });
    expect(twice.body.detail).toMatch(/Bara en inskickad uppföljning kan godkännas/);
    const resubmit = await (
      await h.as('responsible')
    ).post(`/follow-ups/${written.id}/submit`, { version: approved.version });
    expect(resubmit.status).toBe(409);

    const draft = await write(true);
    const returnDraft = await coordinator.post(`/follow-ups/${draft.id}/return`, {
      version: draft.version,
      comment: 'Komplettera.',
    });
    expect(returnDraft.status).toBe(409);
    expect(returnDraft.body.errors[0].path).toBe('reviewState');
    const approveDraft = await coordinator.post(`/follow-ups/${draft.id}/approve`, { version: draft.version });
    expect(approveDraft.status).toBe(409);
  });

  test('sending back needs a comment (400 naming comment); without a version, 400 naming version', async () => {
    const written = await write();
    const coordinator = await h.as('coordinator');
    for (const body of [{ version: written.version }, { version: written.version, comment: '   ' }]) {
      const reply = await coordinator.post(`/follow-ups/${written.id}/return`, body);
      expect(reply.status).toBe(400);
      expect(reply.body.errors[0].path).toBe('comment');
    }
    const noVersion = await coordinator.post(`/follow-ups/${written.id}/approve`, {});
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors[0].path).toBe('version');
  });

  test('only the unit’s managers approve or send back; the author may not approve their own', async () => {
    const written = await write();
    for (const role of ['responsible', 'reader', 'auditor', 'nobody'] as const) {
      const client = await h.as(role);
      const approve = await client.post(`/follow-ups/${written.id}/approve`, { version: written.version });
      expect([403, 404]).toContain(approve.status);
      const back = await client.post(`/follow-ups/${written.id}/return`, { version: written.version, comment: 'x' });
      expect([403, 404]).toContain(back.status);
    }
    const refused = await (
      await h.as('responsible')
    ).post(`/follow-ups/${written.id}/approve`, { version: written.version });
    expect(refused.body.detail).toMatch(/ansvariga chef, samordnare eller administratör/);
    for (const role of ['administrator', 'tenantAdmin'] as const) {
      const fresh = await write();
      const reply = await (await h.as(role)).post(`/follow-ups/${fresh.id}/approve`, { version: fresh.version });
      expect(reply.status).toBe(200);
    }
    // The coordinator of unit A is nobody on unit B.
    const elsewhere = (
      await (
        await h.as('tenantAdmin')
      ).post('/follow-ups', { controlId: otherControlId, periodId: h.tenant.periodIds.q1, body: 'B.' })
    ).body;
    const foreign = await (
      await h.as('coordinator')
    ).post(`/follow-ups/${elsewhere.id}/approve`, { version: elsewhere.version });
    expect(foreign.status).toBe(404);
    // Nor another tenant.
    const other = await (
      await h.as('otherAdmin')
    ).post(`/follow-ups/${elsewhere.id}/approve`, { version: elsewhere.version });
    expect(other.status).toBe(404);
  });

  describe('the unit’s chef (ansvarig chef), who holds its manager function on the day', () => {
    let chefFunctionId = '';
    beforeAll(async () => {
      const admin = await h.as('tenantAdmin');
      // The chef is only 'responsible' on unit A, and assigned to the control like its other responsible person.
      const chef = await admin.post('/users', { name: 'Chefen Ansvarig', email: `chef-${h.suffix}@example.se` });
      expect(chef.status, JSON.stringify(chef.body)).toBe(201);
      h.userIds.chef = chef.body.id;
      const role = await admin.post('/role-assignments', {
        userId: chef.body.id,
        unitId: h.tenant.unitA,
        role: 'responsible',
      });
      expect(role.status, JSON.stringify(role.body)).toBe(201);
      const control = (await admin.get(`/controls/${controlId}`)).body;
      await admin.patch(`/controls/${controlId}`, {
        version: control.version,
        responsibleIds: [h.userIds.responsible, chef.body.id],
      });
      const fn = await admin.post('/unit-functions', { unitId: h.tenant.unitA, name: 'Nämndchef', isManager: true });
      expect(fn.status, JSON.stringify(fn.body)).toBe(201);
      chefFunctionId = fn.body.id;
      const held = await admin.post(`/unit-functions/${chefFunctionId}/holders`, {
        userId: chef.body.id,
        validFrom: '2026-01-01',
      });
      expect(held.status, JSON.stringify(held.body)).toBe(201);
    });

    test('the chef sends back and approves the unit’s follow-ups, and is told so by GET /me', async () => {
      const chef = await h.as('chef');
      const me = (await chef.get('/me')).body;
      expect(me.chefOf).toEqual([{ unitId: h.tenant.unitA, unitName: 'Nämnd A' }]);
      expect((await (await h.as('coordinator')).get('/me')).body.chefOf).toEqual([]);

      const written = await write();
      const back = await chef.post(`/follow-ups/${written.id}/return`, { version: written.version, comment: 'Mer.' });
      expect(back.status, JSON.stringify(back.body)).toBe(200);
      expect(back.body).toMatchObject({ reviewState: 'returned', reviewedById: h.userIds.chef });
      const again = (
        await (await h.as('responsible')).post(`/follow-ups/${written.id}/submit`, { version: back.body.version })
      ).body;
      const approved = await chef.post(`/follow-ups/${written.id}/approve`, { version: again.version });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body).toMatchObject({ reviewState: 'approved', reviewedById: h.userIds.chef });
    });

    test('the chef does not approve their own follow-up (403); the coordinator does', async () => {
      const own = await (
        await h.as('chef')
      ).post('/follow-ups', { controlId, periodId: h.tenant.periodIds.q1, body: 'Chefens egen.' });
      expect(own.status, JSON.stringify(own.body)).toBe(201);
      const refused = await (
        await h.as('chef')
      ).post(`/follow-ups/${own.body.id}/approve`, { version: own.body.version });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/sin egen uppföljning/);
      const byCoordinator = await (
        await h.as('coordinator')
      ).post(`/follow-ups/${own.body.id}/approve`, { version: own.body.version });
      expect(byCoordinator.status).toBe(200);
    });

    test('a responsible person who is not the chef is refused with 403', async () => {
      const written = await write();
      const reply = await (
        await h.as('responsible')
      ).post(`/follow-ups/${written.id}/approve`, { version: written.version });
      expect(reply.status).toBe(403);
    });

    test('GET /follow-ups?awaitingMyReview=true lists what waits for the caller: the chef’s lists leave out their own', async () => {
      const others = await write();
      const own = (
        await (await h.as('chef')).post('/follow-ups', { controlId, periodId: h.tenant.periodIds.q1, body: 'Egen.' })
      ).body;
      const ids = async (who: string) =>
        (
          (await (await h.as(who)).get('/follow-ups?awaitingMyReview=true&limit=100')).body.items as {
            id: string;
            reviewState: string;
          }[]
        ).map((item) => {
          expect(item.reviewState).toBe('submitted');
          return item.id;
        });
      const chefs = await ids('chef');
      expect(chefs).toContain(others.id);
      expect(chefs).not.toContain(own.id);
      expect(await ids('coordinator')).toEqual(expect.arrayContaining([others.id, own.id]));
      expect(await ids('responsible')).toEqual([]);
      expect(await ids('reader')).toEqual([]);
    });

    test('a function held only from a later date does not make its holder the chef today', async () => {
      const admin = await h.as('tenantAdmin');
      const later = (
        await admin.post('/unit-functions', { unitId: h.tenant.unitA, name: 'Tillträdande chef', isManager: true })
      ).body;
      const held = await admin.post(`/unit-functions/${later.id}/holders`, {
        userId: h.userIds.responsible,
        validFrom: '2026-07-01',
      });
      expect(held.status, JSON.stringify(held.body)).toBe(201);
      const written = await (
        await h.as('chef')
      ).post('/follow-ups', { controlId, periodId: h.tenant.periodIds.q1, body: 'Skriven av chefen.' });
      const early = await (
        await h.as('responsible')
      ).post(`/follow-ups/${written.body.id}/approve`, { version: written.body.version });
      expect(early.status).toBe(403);
      expect((await (await h.as('responsible')).get('/me')).body.chefOf).toEqual([]);
      // From the first day the holding runs, the same step is allowed.
      h.clock.set('2026-07-01T08:00:00Z');
      try {
        const inTime = await (
          await h.signIn('responsible')
        ).post(`/follow-ups/${written.body.id}/approve`, { version: written.body.version });
        expect(inTime.status, JSON.stringify(inTime.body)).toBe(200);
      } finally {
        h.clock.set('2026-06-15T10:00:00Z');
      }
    });

    test('an archived manager function makes no chef', async () => {
      const admin = await h.as('tenantAdmin');
      const fn = (await admin.get(`/unit-functions/${chefFunctionId}`)).body;
      const archived = await admin.post(`/unit-functions/${chefFunctionId}/archive`, { version: fn.version });
      expect([200, 204]).toContain(archived.status);
      try {
        const written = await write();
        const reply = await (
          await h.as('chef')
        ).post(`/follow-ups/${written.id}/approve`, { version: written.version });
        expect(reply.status).toBe(403);
      } finally {
        const now = (await admin.get(`/unit-functions/${chefFunctionId}?includeArchived=true`)).body;
        await admin.post(`/unit-functions/${chefFunctionId}/restore`, { version: now.version });
      }
    });
  });

  test('an approved follow-up its author rewrites goes back for review; a coordinator’s edit keeps it approved', async () => {
    const written = await write();
    const coordinator = await h.as('coordinator');
    const approved = (await coordinator.post(`/follow-ups/${written.id}/approve`, { version: written.version })).body;
    const tidied = (
      await coordinator.patch(`/follow-ups/${written.id}`, { version: approved.version, body: 'Stavfel rättat.' })
    ).body;
    expect(tidied.reviewState).toBe('approved');
    const rewritten = await (
      await h.as('responsible')
    ).patch(`/follow-ups/${written.id}`, { version: tidied.version, body: 'Helt ny text.' });
    expect(rewritten.status).toBe(200);
    expect(rewritten.body.reviewState).toBe('submitted');
  });

  test('GET /follow-ups?reviewState= filters by the state', async () => {
    const sent = await write();
    await (
      await h.as('coordinator')
    ).post(`/follow-ups/${sent.id}/return`, { version: sent.version, comment: 'Komplettera.' });
    const reader = await h.as('reader');
    for (const state of ['draft', 'submitted', 'returned', 'approved']) {
      const reply = await reader.get(`/follow-ups?controlId=${controlId}&reviewState=${state}&limit=100`);
      expect(reply.status).toBe(200);
      expect(reply.body.items.length).toBeGreaterThan(0);
      expect(reply.body.items.every((item: { reviewState: string }) => item.reviewState === state)).toBe(true);
    }
    const wrong = await reader.get('/follow-ups?reviewState=godkand');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('reviewState');
  });

  test('the plan overview shows the review state of each item’s latest follow-up', async () => {
    const written = await write(true);
    const overview = (await (await h.as('reader')).get(`/plans/${planId}/overview`)).body;
    const control = overview.risks[0].controls.find((entry: { id: string }) => entry.id === controlId);
    expect(control.latestFollowUp).toMatchObject({ id: written.id, reviewState: 'draft' });
  });
});
