import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, HARNESS_NOW, type Harness } from '../../../../test/support/harness.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { outboxMessages } from '../../db/schema/outbox-messages.ts';

// Periodens uppföljning: the coordinator's board of who has written the period's follow-up, and Påminn.

describe('the period board (Periodens uppföljning)', () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  const board = async (who: string, query: string) => (await h.as(who)).get(`/follow-up-board?${query}`);
  const q2 = () => `unitId=${h.tenant.unitA}&periodId=${h.tenant.periodIds.q2}`;
  const stateOf = (body: { items: { id: string; state: string }[] }, id: string) =>
    body.items.find((item) => item.id === id)?.state;

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const plan = async (unitId: string) =>
      (
        await admin.post('/plans', {
          unitId,
          kind: 'internal_control',
          title: 'Internkontrollplan 2026',
          startYear: 2026,
        })
      ).body.id as string;
    const planA1 = await plan(h.tenant.unitA1);
    const planB = await plan(h.tenant.unitB);
    const riskA1 = (await admin.post('/risks', { planId: planA1, title: 'Risk A1' })).body.id;
    const riskB = (await admin.post('/risks', { planId: planB, title: 'Risk B' })).body.id;
    const control = async (riskId: string, title: string, extra: Record<string, unknown> = {}) => {
      const reply = await admin.post('/controls', {
        riskId,
        title,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        responsibleIds: [h.userIds.responsible],
        ...extra,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body.id as string;
    };
    ids.missing = await control(riskA1, 'Attestkontroll');
    ids.written = await control(riskA1, 'Avtalskontroll');
    ids.returned = await control(riskA1, 'Inköpskontroll');
    ids.approved = await control(riskA1, 'Lönekontroll');
    const fn = (await admin.post('/unit-functions', { unitId: h.tenant.unitA1, name: 'Ekonomichef' })).body;
    await admin.post(`/unit-functions/${fn.id}/holders`, { userId: h.userIds.reader, validFrom: '2026-01-01' });
    ids.viaFunction = await control(riskA1, 'Kassakontroll', { responsibleIds: [], responsibleFunctionId: fn.id });
    ids.elsewhere = await control(riskB, 'Kontroll i nämnd B');
    ids.later = await control(riskA1, 'Börjar i höst', { startDate: '2026-09-01' });
    const write = async (controlId: string) =>
      (
        await (
          await h.as('responsible')
        ).post('/follow-ups', { controlId, periodId: h.tenant.periodIds.q2, body: 'Genomförd utan anmärkning.' })
      ).body as { id: string; version: number };
    await write(ids.written);
    const returned = await write(ids.returned);
    const coordinator = await h.as('coordinator');
    expect(
      (
        await coordinator.post(`/follow-ups/${returned.id}/return`, {
          version: returned.version,
          comment: 'Beskriv urvalet.',
        })
      ).status,
    ).toBe(200);
    const approved = await write(ids.approved);
    expect((await coordinator.post(`/follow-ups/${approved.id}/approve`, { version: approved.version })).status).toBe(
      200,
    );
  });
  afterAll(() => h.close());

  test('each item of the unit and the units below has its state, its responsible persons and the counts', async () => {
    const reply = await board('coordinator', q2());
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({
      unit: { id: h.tenant.unitA, name: 'Nämnd A' },
      period: { id: h.tenant.periodIds.q2, label: 'Kvartal 2 2026', labelEn: 'Quarter 2 2026' },
      today: '2026-06-15',
      deadline: '2026-06-30',
      counts: { written: 1, missing: 2, overdue: 0, returned: 1, approved: 1 },
    });
    const body = reply.body;
    expect(stateOf(body, ids.missing!)).toBe('missing');
    expect(stateOf(body, ids.written!)).toBe('written');
    expect(stateOf(body, ids.returned!)).toBe('returned');
    expect(stateOf(body, ids.approved!)).toBe('approved');
    expect(stateOf(body, ids.elsewhere!)).toBeUndefined();
    const missing = body.items.find((item: { id: string }) => item.id === ids.missing);
    expect(missing).toMatchObject({
      kind: 'control',
      unitName: 'Förvaltning A1',
      deadline: '2026-06-30',
      followUpId: null,
      lastRemindedAt: null,
      mayRemind: true,
      responsible: [{ userId: h.userIds.responsible, name: 'Person responsible', functionName: null, reachable: true }],
    });
    expect(body.items.find((item: { id: string }) => item.id === ids.returned)).toMatchObject({
      reviewState: 'returned',
      reviewComment: 'Beskriv urvalet.',
      mayRemind: true,
    });
    expect(body.items.find((item: { id: string }) => item.id === ids.approved).mayRemind).toBe(false);
    // A control of a function: whoever holds the function today, named by it.
    expect(body.items.find((item: { id: string }) => item.id === ids.viaFunction).responsible).toEqual([
      { userId: h.userIds.reader, name: 'Person reader', functionName: 'Ekonomichef', reachable: true },
    ]);
    // Without a period: the one running today by the server's clock.
    const current = await board('coordinator', `unitId=${h.tenant.unitA}`);
    expect(current.body.period.id).toBe(h.tenant.periodIds.q2);
    // The tenant's administrator sees the same, and nämnd B's control with the root.
    expect((await board('tenantAdmin', q2())).body.counts).toEqual(reply.body.counts);
    const whole = await board('tenantAdmin', `unitId=${h.tenant.rootId}&periodId=${h.tenant.periodIds.q2}`);
    expect(stateOf(whole.body, ids.elsewhere!)).toBe('missing');
  });

  test('past the årshjul’s deadline for the period a missing follow-up is overdue', async () => {
    const admin = await h.as('tenantAdmin');
    const event = await admin.post('/reporting-calendar/events', {
      kind: 'deadline',
      date: '2026-06-10',
      title: 'Nämnd A rapporterar',
      role: 'responsible',
      unitId: h.tenant.unitA,
      periodId: h.tenant.periodIds.q2,
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    const reply = await board('coordinator', q2());
    expect(reply.body.deadline).toBe('2026-06-10');
    expect(reply.body.counts).toEqual({ written: 1, missing: 0, overdue: 2, returned: 1, approved: 1 });
    expect(stateOf(reply.body, ids.missing!)).toBe('overdue');
    expect(reply.body.items[0].state).toBe('overdue');
    // Nämnd B's deadline is not nämnd A's: its control is still only missing.
    const whole = await board('tenantAdmin', `unitId=${h.tenant.rootId}&periodId=${h.tenant.periodIds.q2}`);
    expect(stateOf(whole.body, ids.elsewhere!)).toBe('missing');
  });

  test('only the unit’s coordinators and administrators; tenants are apart; bad input names its field', async () => {
    for (const role of ['responsible', 'reader', 'auditor']) expect((await board(role, q2())).status).toBe(403);
    expect((await board('coordinator', `unitId=${h.tenant.unitB}`)).status).toBe(404);
    const other = await board('otherAdmin', q2());
    expect(other.status).toBe(400);
    expect(other.body.errors[0].path).toBe('unitId');
    const foreignPeriod = await board('otherAdmin', `unitId=${h.otherTenant.unitA}&periodId=${h.tenant.periodIds.q2}`);
    expect(foreignPeriod.status).toBe(400);
    expect(foreignPeriod.body.errors[0].path).toBe('periodId');
    const bad = await board('coordinator', 'unitId=inte-ett-id');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('unitId');
  });

  test('Påminn writes a reminder through the outbox, once a day, audited and shown on the board', async () => {
    const coordinator = await h.as('coordinator');
    const remind = (body: Record<string, unknown>, who = coordinator) => who.post('/follow-up-board/reminders', body);
    const input = { periodId: h.tenant.periodIds.q2, kind: 'control', itemId: ids.missing };
    const first = await remind(input);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({
      remindedAt: new Date(HARNESS_NOW).toISOString(),
      queued: 1,
      recipients: [{ userId: h.userIds.responsible, name: 'Person responsible' }],
    });
    const reminders = () =>
      h.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.tenantId, h.tenant.tenantId), eq(outboxMessages.kind, 'reminder')));
    const [message, ...more] = await reminders();
    expect(more).toEqual([]);
    expect(message).toMatchObject({
      userId: h.userIds.responsible,
      toAddress: `responsible-${h.suffix}@example.se`,
      subject: 'Uppsikt: påminnelse om uppföljning för Kvartal 2 2026',
      sentAt: null,
    });
    expect(message!.body).toContain('Person coordinator påminner dig om att skriva uppföljningen för Kvartal 2 2026');
    expect(message!.body).toContain('Kontrollmoment "Attestkontroll" (Internkontrollplan 2026, Förvaltning A1)');
    expect(message!.body).toContain('Sista dag att rapportera: 2026-06-10');
    const audit = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.operation, 'remind')));
    expect(audit).toMatchObject([
      {
        entityType: 'control',
        entityId: ids.missing,
        actorUserId: h.userIds.coordinator,
        unitId: h.tenant.unitA1,
        changes: { periodId: [null, h.tenant.periodIds.q2], recipientIds: [null, [h.userIds.responsible]] },
      },
    ]);
    // Pressed again the same day: nothing new is written, the first reminder is the answer.
    h.clock.set(new Date(new Date(HARNESS_NOW).getTime() + 60_000).toISOString());
    const again = await remind(input);
    expect(again.body).toMatchObject({ remindedAt: new Date(HARNESS_NOW).toISOString(), queued: 0 });
    expect(await reminders()).toHaveLength(1);
    // The next day the same people may be reminded again.
    h.clock.set('2026-06-16T08:00:00Z');
    const nextDay = await remind(input, await h.signIn('coordinator'));
    expect(nextDay.body).toMatchObject({ remindedAt: '2026-06-16T08:00:00.000Z', queued: 1 });
    expect(await reminders()).toHaveLength(2);
    h.clock.set(HARNESS_NOW);
    const shown = await (await h.signIn('coordinator')).get(`/follow-up-board?${q2()}`);
    expect(shown.body.items.find((item: { id: string }) => item.id === ids.missing).lastRemindedAt).toBe(
      '2026-06-16T08:00:00.000Z',
    );
    // A returned follow-up: the reminder says why it was sent back.
    const returned = await remind({ ...input, itemId: ids.returned }, await h.signIn('coordinator'));
    expect(returned.body.queued).toBe(1);
    expect((await reminders()).find((row) => row.body.includes('Inköpskontroll'))!.body).toContain(
      'Uppföljningen har skickats tillbaka till dig: Beskriv urvalet.',
    );
  });

  test('Påminn refuses what is written, what is not due, other roles and bad input', async () => {
    const remind = async (body: Record<string, unknown>, who = 'coordinator') =>
      (await h.signIn(who)).post('/follow-up-board/reminders', body);
    const input = { periodId: h.tenant.periodIds.q2, kind: 'control', itemId: ids.missing };
    const approved = await remind({ ...input, itemId: ids.approved });
    expect(approved.status).toBe(409);
    expect(approved.body.errors[0].path).toBe('itemId');
    expect((await remind(input, 'responsible')).status).toBe(403);
    expect((await remind(input, 'reader')).status).toBe(403);
    expect((await remind({ ...input, itemId: ids.elsewhere })).status).toBe(400);
    const foreign = await remind(input, 'otherAdmin');
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe('periodId');
    const noKind = await remind({ periodId: input.periodId, itemId: input.itemId });
    expect(noKind.status).toBe(400);
    expect(noKind.body.errors[0].path).toBe('kind');
    const wrongKind = await remind({ ...input, kind: 'action' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors[0].path).toBe('itemId');
    const notDue = await remind({ ...input, itemId: ids.later });
    expect(notDue.status, JSON.stringify(notDue.body)).toBe(400);
    expect(notDue.body.errors[0].path).toBe('itemId');
    expect(
      stateOf((await (await h.signIn('coordinator')).get(`/follow-up-board?${q2()}`)).body, ids.later!),
    ).toBeUndefined();
  });
});
