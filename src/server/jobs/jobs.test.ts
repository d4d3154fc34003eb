import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { assignments } from '../db/schema/assignments.ts';
import { controls } from '../db/schema/controls.ts';
import { outboxMessages } from '../db/schema/outbox-messages.ts';
import { createPlan, createRisk } from '../db/test-factories.ts';
import { createHarness, type Harness } from '../http/test-harness.ts';
import type { MailTransport } from '../mail/outbox.ts';
import { runJobs } from './job-runner.ts';
import { writeWeeklyDigests } from './weekly-digest.ts';

/** A transport that records what it was asked to send. */
function recordingTransport() {
  const sent: { to: string; subject: string; text: string }[] = [];
  const transport: MailTransport = {
    send: (message) => {
      sent.push(message);
      return Promise.resolve();
    },
  };
  return { sent, transport };
}

// Monday 2 March 2026; Sweden is at UTC+1.
const MONDAY_0500 = new Date('2026-03-02T04:00:00Z');
const MONDAY_0700 = new Date('2026-03-02T06:00:00Z');
const TUESDAY = new Date('2026-03-03T09:00:00Z');
const NEXT_MONDAY = new Date('2026-03-09T08:00:00Z');
const LEAD = [7, 28];

describe('reminders: the weekly digest and the job runner', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const planId = (await admin.post('/plans', { unitId: h.tenant.unitA, kind: 'internal_control', title: 'Internkontrollplan 2026', startYear: 2026 })).body.id;
    const riskId = (await admin.post('/risks', { planId, title: 'Risk' })).body.id;
    const responsible = [h.userIds.responsible];
    await admin.post('/controls', { riskId, title: 'Slutar om fem dagar', endDate: '2026-03-07', responsibleIds: responsible });
    await admin.post('/controls', { riskId, title: 'Avstämning om tjugo dagar', endDate: '2026-12-31', checkpoints: ['2026-03-22'], responsibleIds: responsible });
    await admin.post('/controls', { riskId, title: 'Långt borta', endDate: '2026-04-11', responsibleIds: responsible });
    await admin.post('/actions', { planId, riskId, title: 'Försenad åtgärd', endDate: '2026-02-27', statusId: h.tenant.statusIds.pagaende, responsibleIds: responsible });
    await admin.post('/actions', { planId, riskId, title: 'Klar åtgärd', endDate: '2026-02-20', statusId: h.tenant.statusIds.klar, responsibleIds: responsible });
    const deadline = await admin.post('/reporting-calendar/events', { kind: 'deadline', unitId: h.tenant.unitA, role: 'responsible', date: '2026-03-12', title: 'Kontrollansvariga rapporterar kvartal 1' });
    expect(deadline.status).toBe(201);
  });
  afterAll(() => h.close());

  test('the digest is written from Monday 06:00, once a week, with what is overdue and what is due within each lead time', async () => {
    const before = await runJobs(h.db, { clock: fixedClock(MONDAY_0500), reminderLeadDays: LEAD, mailFrom: 'Uppsikt <u@kommun.se>' });
    expect(before).toEqual({ ran: true, digests: 0, sent: 0, failed: 0 });
    const monday = await runJobs(h.db, { clock: fixedClock(MONDAY_0700), reminderLeadDays: LEAD, mailFrom: 'Uppsikt <u@kommun.se>' });
    expect(monday.digests).toBe(1);
    const outbox = (await (await h.as('tenantAdmin')).get('/outbox')).body.items;
    expect(outbox).toHaveLength(1);
    const [digest] = outbox;
    expect(digest).toMatchObject({ kind: 'digest', userId: h.userIds.responsible, subject: 'Uppsikt: dina påminnelser vecka 10', sentAt: null });
    const body: string = digest.body;
    expect(body).toMatch(/^Hej Person responsible!/);
    const section = (title: string) => body.split('\n\n').find((part) => part.startsWith(title)) ?? '';
    expect(section('Försenat:')).toContain('Åtgärd "Försenad åtgärd"');
    expect(section('Inom 7 dagar:')).toContain('Kontrollmoment "Slutar om fem dagar"');
    expect(section('Inom 28 dagar:')).toContain('avstämning 2026-03-22');
    expect(section('Inom 28 dagar:')).toContain('Sista dag att rapportera: Kontrollansvariga rapporterar kvartal 1 2026-03-12');
    expect(body).not.toContain('Långt borta');
    expect(body).not.toContain('Klar åtgärd');

    expect((await runJobs(h.db, { clock: fixedClock(TUESDAY), reminderLeadDays: LEAD, mailFrom: 'x' })).digests).toBe(0);
    expect((await runJobs(h.db, { clock: fixedClock(NEXT_MONDAY), reminderLeadDays: LEAD, mailFrom: 'x' })).digests).toBe(1);
  });

  test('two job runners started together write and send each message exactly once', async () => {
    const { sent, transport } = recordingTransport();
    const options = { clock: fixedClock(new Date('2026-03-16T08:00:00Z')), reminderLeadDays: LEAD, mailFrom: 'Uppsikt <u@kommun.se>', transport };
    const results = await Promise.all([runJobs(h.db, options), runJobs(h.db, options), runJobs(h.db, options)]);
    expect(results.reduce((sum, result) => sum + result.digests, 0)).toBe(1);
    const rows = await h.db.execute(sql`select count(*)::int as n, count(sent_at)::int as sent from outbox_messages`);
    const counts = ((rows as { rows: { n: number; sent: number }[] }).rows ?? [])[0]!;
    expect(counts).toEqual({ n: 3, sent: 3 });
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((message) => `${message.to}|${message.subject}`)).size).toBe(3);
    const again = await runJobs(h.db, options);
    expect(again).toMatchObject({ digests: 0, sent: 0 });
    expect(sent).toHaveLength(3);
  });

  test('a failed delivery is recorded and tried again on the next run', async () => {
    const admin = await h.as('tenantAdmin');
    const planId = (await admin.get('/plans')).body.items[0].id;
    const riskId = (await admin.post('/risks', { planId, title: 'R2' })).body.id;
    await admin.post('/controls', { riskId, title: 'Ny kontroll', endDate: '2026-03-25', responsibleIds: [h.userIds.coordinator] });
    let fail = true;
    const delivered: string[] = [];
    const flaky: MailTransport = {
      send: (message) => {
        if (fail) return Promise.reject(new Error('SMTP 451 prova senare'));
        delivered.push(message.to);
        return Promise.resolve();
      },
    };
    const first = await runJobs(h.db, { clock: fixedClock(new Date('2026-03-23T08:00:00Z')), reminderLeadDays: LEAD, mailFrom: 'x', transport: flaky });
    expect(first.failed).toBeGreaterThan(0);
    const failed = (await admin.get('/outbox')).body.items.filter((message: { error: string | null }) => message.error !== null);
    expect(failed[0].error).toBe('SMTP 451 prova senare');
    fail = false;
    const second = await runJobs(h.db, { clock: fixedClock(new Date('2026-03-23T08:05:00Z')), reminderLeadDays: LEAD, mailFrom: 'x', transport: flaky });
    expect(second.sent).toBe(first.failed);
    expect(second.failed).toBe(0);
  });

  /**
   * The digest the auditor (who has nothing else due) would get at a moment, for open controls
   * ending on the given dates: everything is written and read in one transaction that is then
   * rolled back, so the other tests never see these controls or this message.
   */
  async function digestWith(moment: Date, endDates: Record<string, string>): Promise<(title: string) => string> {
    let body = '';
    const { tenantId } = h.tenant;
    const userId = h.userIds.auditor!;
    try {
      await h.db.transaction(async (tx) => {
        const planId = await createPlan(tx, tenantId, h.tenant.unitA);
        const riskId = await createRisk(tx, tenantId, planId);
        for (const [title, endDate] of Object.entries(endDates)) {
          const id = uuidv7();
          await tx.insert(controls).values({ tenantId, id, planId, riskId, title, endDate, statusId: h.tenant.statusIds.pagaende });
          await tx.insert(assignments).values({ tenantId, controlId: id, userId, role: 'responsible' });
        }
        await writeWeeklyDigests(tx, moment, LEAD);
        const [message] = await tx.select({ body: outboxMessages.body }).from(outboxMessages).where(eq(outboxMessages.userId, userId));
        body = message?.body ?? '';
        tx.rollback();
      });
    } catch (error) {
      if (!(error instanceof TransactionRollbackError)) throw error;
    }
    expect(body).not.toBe('');
    return (title: string) => body.split('\n\n').find((part) => part.startsWith(title)) ?? '';
  }

  // Each case is a Tuesday just after midnight in Sweden, while it is still Monday in UTC, so a
  // "today" taken in UTC would be a day early; the lead-time windows span a change of summer time.
  const digestDays = [
    { name: 'summer time begins (29 March)', moment: '2026-03-23T23:30:00Z', yesterday: '2026-03-23', today: '2026-03-24', tomorrow: '2026-03-25', lead7: '2026-03-31', lead8: '2026-04-01', lead28: '2026-04-21', lead29: '2026-04-22' },
    { name: 'summer time ends (25 October)', moment: '2026-10-19T22:30:00Z', yesterday: '2026-10-19', today: '2026-10-20', tomorrow: '2026-10-21', lead7: '2026-10-27', lead8: '2026-10-28', lead28: '2026-11-17', lead29: '2026-11-18' },
  ];

  test.each(digestDays)('digest, overdue in Swedish time: an end date yesterday is overdue, today and tomorrow are not ($name)', async (day) => {
    const section = await digestWith(new Date(day.moment), { 'Slut i går': day.yesterday, 'Slut i dag': day.today, 'Slut i morgon': day.tomorrow });
    expect(section('Försenat:')).toContain('"Slut i går"');
    expect(section('Försenat:')).not.toContain('"Slut i dag"');
    expect(section('Försenat:')).not.toContain('"Slut i morgon"');
    expect(section('Inom 7 dagar:')).toContain('"Slut i dag"');
    expect(section('Inom 7 dagar:')).toContain('"Slut i morgon"');
    expect(section('Inom 7 dagar:')).not.toContain('"Slut i går"');
  });

  test.each(digestDays)('digest, REMINDER_LEAD_DAYS: an end date exactly at a lead time is within it, one day later is not ($name)', async (day) => {
    const section = await digestWith(new Date(day.moment), { 'Om 7 dagar': day.lead7, 'Om 8 dagar': day.lead8, 'Om 28 dagar': day.lead28, 'Om 29 dagar': day.lead29 });
    expect(section('Inom 7 dagar:')).toContain(`"Om 7 dagar" (Internkontrollplan 2026, Nämnd A): slutdatum ${day.lead7}`);
    expect(section('Inom 7 dagar:')).not.toContain('"Om 8 dagar"');
    expect(section('Inom 28 dagar:')).toContain('"Om 8 dagar"');
    expect(section('Inom 28 dagar:')).toContain(`"Om 28 dagar" (Internkontrollplan 2026, Nämnd A): slutdatum ${day.lead28}`);
    expect(section('Inom 28 dagar:')).not.toContain('"Om 29 dagar"');
    expect(section('Inom 28 dagar:')).not.toContain('"Om 7 dagar"');
  });

  test('only the tenant administrator reads the outbox', async () => {
    expect((await (await h.as('coordinator')).get('/outbox')).status).toBe(403);
    expect((await (await h.as('otherAdmin')).get('/outbox')).body.items).toEqual([]);
  });
});
