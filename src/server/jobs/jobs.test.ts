import { eq, notInArray, sql, TransactionRollbackError } from 'drizzle-orm';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { queryRows, type Transaction } from '../db/client.ts';
import { actions } from '../db/schema/actions.ts';
import { activities } from '../db/schema/activities.ts';
import { assignments } from '../db/schema/assignments.ts';
import { calendarEvents } from '../db/schema/calendar-events.ts';
import { checkpoints } from '../db/schema/checkpoints.ts';
import { controls } from '../db/schema/controls.ts';
import { outboxMessages } from '../db/schema/outbox-messages.ts';
import { plans } from '../db/schema/plans.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';
import { functionHolders, unitFunctions } from '../db/schema/unit-functions.ts';
import { users } from '../db/schema/users.ts';
import { createPlan, createRisk, createTenant } from '../../../test/support/factories.ts';
import { urlOfTestDatabase } from '../../../test/support/test-database.ts';
import { createHarness, type Harness } from '../../../test/support/harness.ts';
import { queueMessages, type MailTransport } from '../mail/outbox.ts';
import { newRunnerName, runJobs, startJobRunner } from './job-runner.ts';
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
    const planId = (
      await admin.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: 'Internkontrollplan 2026',
        startYear: 2026,
      })
    ).body.id;
    const riskId = (await admin.post('/risks', { planId, title: 'Risk' })).body.id;
    const responsible = [h.userIds.responsible];
    await admin.post('/controls', {
      riskId,
      title: 'Slutar om fem dagar',
      endDate: '2026-03-07',
      responsibleIds: responsible,
    });
    await admin.post('/controls', {
      riskId,
      title: 'Avstämning om tjugo dagar',
      endDate: '2026-12-31',
      checkpoints: ['2026-03-22'],
      responsibleIds: responsible,
    });
    await admin.post('/controls', { riskId, title: 'Långt borta', endDate: '2026-04-11', responsibleIds: responsible });
    await admin.post('/actions', {
      planId,
      riskId,
      title: 'Försenad åtgärd',
      endDate: '2026-02-27',
      statusId: h.tenant.statusIds.pagaende,
      responsibleIds: responsible,
    });
    await admin.post('/actions', {
      planId,
      riskId,
      title: 'Klar åtgärd',
      endDate: '2026-02-20',
      statusId: h.tenant.statusIds.klar,
      responsibleIds: responsible,
    });
    const deadline = await admin.post('/reporting-calendar/events', {
      kind: 'deadline',
      unitId: h.tenant.unitA,
      role: 'responsible',
      date: '2026-03-12',
      title: 'Kontrollansvariga rapporterar kvartal 1',
    });
    expect(deadline.status).toBe(201);
  });
  afterAll(() => h.close());

  test('the digest is written from Monday 06:00, once a week, with what is overdue and what is due within each lead time', async () => {
    const before = await runJobs(h.db, {
      clock: fixedClock(MONDAY_0500),
      reminderLeadDays: LEAD,
      mailFrom: 'Uppsikt <u@kommun.se>',
    });
    expect(before).toEqual({ ran: true, digests: 0, sent: 0, failed: 0 });
    const monday = await runJobs(h.db, {
      clock: fixedClock(MONDAY_0700),
      reminderLeadDays: LEAD,
      mailFrom: 'Uppsikt <u@kommun.se>',
    });
    expect(monday.digests).toBe(1);
    const outbox = (await (await h.as('tenantAdmin')).get('/outbox')).body.items;
    expect(outbox).toHaveLength(1);
    const [digest] = outbox;
    expect(digest).toMatchObject({
      kind: 'digest',
      userId: h.userIds.responsible,
      subject: 'Uppsikt: dina påminnelser vecka 10',
      sentAt: null,
    });
    const body: string = digest.body;
    expect(body).toMatch(/^Hej Person responsible!/);
    const section = (title: string) => body.split('\n\n').find((part) => part.startsWith(title)) ?? '';
    expect(section('Försenat:')).toContain('Åtgärd "Försenad åtgärd"');
    expect(section('Inom 7 dagar:')).toContain('Kontrollmoment "Slutar om fem dagar"');
    expect(section('Inom 28 dagar:')).toContain('avstämning 2026-03-22');
    expect(section('Inom 28 dagar:')).toContain(
      'Sista dag att rapportera: Kontrollansvariga rapporterar kvartal 1 2026-03-12',
    );
    expect(body).not.toContain('Långt borta');
    expect(body).not.toContain('Klar åtgärd');

    expect((await runJobs(h.db, { clock: fixedClock(TUESDAY), reminderLeadDays: LEAD, mailFrom: 'x' })).digests).toBe(
      0,
    );
    expect(
      (await runJobs(h.db, { clock: fixedClock(NEXT_MONDAY), reminderLeadDays: LEAD, mailFrom: 'x' })).digests,
    ).toBe(1);
  });

  test('two job runners started together write and send each message exactly once', async () => {
    const { sent, transport } = recordingTransport();
    const options = {
      clock: fixedClock(new Date('2026-03-16T08:00:00Z')),
      reminderLeadDays: LEAD,
      mailFrom: 'Uppsikt <u@kommun.se>',
      transport,
    };
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

  // Only PostgreSQL has a second session to hold the lock from: on PGlite every transaction is the one session's.
  test.runIf(process.env.DATABASE_URL)(
    'a runner that finds another writing the digests (its lock held) writes none and only sends',
    async () => {
      const other = new pg.Client({ connectionString: (await urlOfTestDatabase(h.database))! });
      await other.connect();
      try {
        await other.query('begin');
        await other.query('select pg_advisory_xact_lock(7164220002)');
        const { sent, transport } = recordingTransport();
        const result = await runJobs(h.db, {
          clock: fixedClock(new Date('2026-03-23T08:00:00Z')),
          reminderLeadDays: LEAD,
          mailFrom: 'x',
          transport,
        });
        expect(result).toEqual({ ran: false, digests: 0, sent: 0, failed: 0 });
        expect(sent).toEqual([]);
      } finally {
        await other.query('rollback');
        await other.end();
      }
      // Once the other runner is done, the next run writes the week's digest.
      const next = await runJobs(h.db, {
        clock: fixedClock(new Date('2026-03-23T08:00:00Z')),
        reminderLeadDays: LEAD,
        mailFrom: 'x',
      });
      expect(next).toMatchObject({ ran: true });
      expect(next.digests).toBeGreaterThan(0);
    },
  );

  test('a failed delivery is recorded and tried again on the next run', async () => {
    const admin = await h.as('tenantAdmin');
    const planId = (await admin.get('/plans')).body.items[0].id;
    const riskId = (await admin.post('/risks', { planId, title: 'R2' })).body.id;
    await admin.post('/controls', {
      riskId,
      title: 'Ny kontroll',
      endDate: '2026-03-25',
      responsibleIds: [h.userIds.coordinator],
    });
    let fail = true;
    const delivered: string[] = [];
    const flaky: MailTransport = {
      send: (message) => {
        if (fail) return Promise.reject(new Error('SMTP 451 prova senare'));
        delivered.push(message.to);
        return Promise.resolve();
      },
    };
    const first = await runJobs(h.db, {
      clock: fixedClock(new Date('2026-03-23T08:00:00Z')),
      reminderLeadDays: LEAD,
      mailFrom: 'x',
      transport: flaky,
    });
    expect(first.failed).toBeGreaterThan(0);
    const failed = (await admin.get('/outbox')).body.items.filter(
      (message: { error: string | null }) => message.error !== null,
    );
    expect(failed[0].error).toBe('SMTP 451 prova senare');
    fail = false;
    const second = await runJobs(h.db, {
      clock: fixedClock(new Date('2026-03-23T08:05:00Z')),
      reminderLeadDays: LEAD,
      mailFrom: 'x',
      transport: flaky,
    });
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
          await tx
            .insert(controls)
            .values({ tenantId, id, planId, riskId, title, endDate, statusId: h.tenant.statusIds.pagaende });
          await tx.insert(assignments).values({ tenantId, controlId: id, userId, role: 'responsible' });
        }
        await writeWeeklyDigests(tx, moment, LEAD);
        const [message] = await tx
          .select({ body: outboxMessages.body })
          .from(outboxMessages)
          .where(eq(outboxMessages.userId, userId));
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
    {
      name: 'summer time begins (29 March)',
      moment: '2026-03-23T23:30:00Z',
      yesterday: '2026-03-23',
      today: '2026-03-24',
      tomorrow: '2026-03-25',
      lead7: '2026-03-31',
      lead8: '2026-04-01',
      lead28: '2026-04-21',
      lead29: '2026-04-22',
    },
    {
      name: 'summer time ends (25 October)',
      moment: '2026-10-19T22:30:00Z',
      yesterday: '2026-10-19',
      today: '2026-10-20',
      tomorrow: '2026-10-21',
      lead7: '2026-10-27',
      lead8: '2026-10-28',
      lead28: '2026-11-17',
      lead29: '2026-11-18',
    },
  ];

  test.each(digestDays)(
    'digest, overdue in Swedish time: an end date yesterday is overdue, today and tomorrow are not ($name)',
    async (day) => {
      const section = await digestWith(new Date(day.moment), {
        'Slut i går': day.yesterday,
        'Slut i dag': day.today,
        'Slut i morgon': day.tomorrow,
      });
      expect(section('Försenat:')).toContain('"Slut i går"');
      expect(section('Försenat:')).not.toContain('"Slut i dag"');
      expect(section('Försenat:')).not.toContain('"Slut i morgon"');
      expect(section('Inom 7 dagar:')).toContain('"Slut i dag"');
      expect(section('Inom 7 dagar:')).toContain('"Slut i morgon"');
      expect(section('Inom 7 dagar:')).not.toContain('"Slut i går"');
    },
  );

  test.each(digestDays)(
    'digest, REMINDER_LEAD_DAYS: an end date exactly at a lead time is within it, one day later is not ($name)',
    async (day) => {
      const section = await digestWith(new Date(day.moment), {
        'Om 7 dagar': day.lead7,
        'Om 8 dagar': day.lead8,
        'Om 28 dagar': day.lead28,
        'Om 29 dagar': day.lead29,
      });
      expect(section('Inom 7 dagar:')).toContain(
        `"Om 7 dagar" (Internkontrollplan 2026, Nämnd A): slutdatum ${day.lead7}`,
      );
      expect(section('Inom 7 dagar:')).not.toContain('"Om 8 dagar"');
      expect(section('Inom 28 dagar:')).toContain('"Om 8 dagar"');
      expect(section('Inom 28 dagar:')).toContain(
        `"Om 28 dagar" (Internkontrollplan 2026, Nämnd A): slutdatum ${day.lead28}`,
      );
      expect(section('Inom 28 dagar:')).not.toContain('"Om 29 dagar"');
      expect(section('Inom 28 dagar:')).not.toContain('"Om 7 dagar"');
    },
  );

  /** What a test puts into the rolled-back world of `digestsOf`. */
  interface DigestWorld {
    tx: Transaction;
    planId: string;
    riskId: string;
    person: (
      name: string,
      options?: { email?: string | null; locale?: 'sv' | 'en'; deactivated?: boolean },
    ) => Promise<string>;
    item: (
      kind: 'control' | 'action' | 'activity',
      title: string,
      options: {
        endDate?: string | null;
        status?: string | null;
        people: string[];
        checkpoints?: string[];
        archived?: boolean;
        planId?: string;
        role?: 'responsible' | 'reporting';
      },
    ) => Promise<string>;
  }

  /**
   * The digests written at a moment for what `setup` adds (new people, items, events), read and
   * rolled back in one transaction like `digestWith`; only the messages this call wrote.
   */
  async function digestsOf(moment: Date, setup: (world: DigestWorld) => Promise<void>, lead: readonly number[] = LEAD) {
    let result:
      | {
          count: number;
          messages: {
            userId: string | null;
            toAddress: string;
            subject: string;
            body: string;
            dedupeKey: string;
            kind: string;
          }[];
        }
      | undefined;
    const { tenantId } = h.tenant;
    try {
      await h.db.transaction(async (tx) => {
        const planId = await createPlan(tx, tenantId, h.tenant.unitA);
        const riskId = await createRisk(tx, tenantId, planId);
        let n = 0;
        const people: string[] = [];
        const world: DigestWorld = {
          tx,
          planId,
          riskId,
          person: async (name, options = {}) => {
            const id = uuidv7();
            n += 1;
            const email = options.email === undefined ? `digest-${n}-${id.slice(-8)}@example.se` : options.email;
            await tx.insert(users).values({
              tenantId,
              id,
              name,
              email,
              locale: options.locale ?? 'sv',
              deactivatedAt: options.deactivated ? new Date('2026-01-01T00:00:00Z') : null,
            });
            people.push(id);
            return id;
          },
          item: async (kind, title, options) => {
            const id = uuidv7();
            n += 1;
            const values = {
              tenantId,
              id,
              planId: options.planId ?? planId,
              title,
              endDate: options.endDate ?? null,
              statusId: options.status === undefined ? h.tenant.statusIds.pagaende : options.status,
              archivedAt: options.archived ? new Date('2026-01-01T00:00:00Z') : null,
            };
            if (kind === 'control') await tx.insert(controls).values({ ...values, riskId });
            else if (kind === 'action') await tx.insert(actions).values(values);
            else await tx.insert(activities).values({ ...values, number: String(n) });
            const column = kind === 'control' ? 'controlId' : kind === 'action' ? 'actionId' : 'activityId';
            for (const userId of options.people)
              await tx
                .insert(assignments)
                .values({ tenantId, [column]: id, userId, role: options.role ?? 'responsible' });
            for (const date of options.checkpoints ?? [])
              await tx.insert(checkpoints).values({ tenantId, [column]: id, date });
            return id;
          },
        };
        const before = (await tx.select({ id: outboxMessages.id }).from(outboxMessages)).map((row) => row.id);
        await setup(world);
        const count = await writeWeeklyDigests(tx, moment, lead);
        const written = await tx
          .select({
            userId: outboxMessages.userId,
            toAddress: outboxMessages.toAddress,
            subject: outboxMessages.subject,
            body: outboxMessages.body,
            dedupeKey: outboxMessages.dedupeKey,
            kind: outboxMessages.kind,
          })
          .from(outboxMessages)
          .where(before.length === 0 ? undefined : notInArray(outboxMessages.id, before));
        const messages = written.filter((message) => message.userId !== null && people.includes(message.userId));
        // The harness's people have things due too: the count is of every message written, theirs included.
        result = { count: count - (written.length - messages.length), messages };
        tx.rollback();
      });
    } catch (error) {
      if (!(error instanceof TransactionRollbackError)) throw error;
    }
    return result!;
  }

  // Tuesday 24 February 2026, 10:00 in Sweden (UTC+1): ISO week 9; the lead times reach 3 and 24 March.
  const WEEK_9 = new Date('2026-02-24T09:00:00Z');

  test('the digest in full: greeting, introduction, overdue first, then each lead time nearest first, closing; subject with the week', async () => {
    let personId = '';
    const { count, messages } = await digestsOf(WEEK_9, async ({ person, item }) => {
      personId = await person('Karin Ek');
      // Written in an order other than the digest's: by days left, then alphabetically.
      await item('control', 'Inventering', {
        endDate: '2026-03-20',
        people: [personId],
        checkpoints: ['2026-03-02', '2026-02-23'],
      });
      await item('action', 'Rutin', { endDate: '2026-02-20', people: [personId] });
      await item('action', 'Avtal', { endDate: '2026-02-20', people: [personId] });
      await item('action', 'Bokslut', { endDate: '2026-02-10', people: [personId] });
      await item('activity', 'Utbildning', { endDate: '2026-02-26', people: [personId] });
    });
    expect(count).toBe(1);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({
      kind: 'digest',
      userId: personId,
      dedupeKey: `digest:${personId}:2026-W09`,
      subject: 'Uppsikt: dina påminnelser vecka 9',
    });
    expect(message!.toAddress).toMatch(/^digest-1-.*@example\.se$/);
    expect(message!.body).toBe(
      [
        'Hej Karin Ek!',
        '',
        'Det här är din veckosammanfattning från Uppsikt.',
        '',
        'Försenat:',
        '- Åtgärd "Bokslut" (Internkontrollplan 2026, Nämnd A): slutdatum 2026-02-10',
        '- Åtgärd "Avtal" (Internkontrollplan 2026, Nämnd A): slutdatum 2026-02-20',
        '- Åtgärd "Rutin" (Internkontrollplan 2026, Nämnd A): slutdatum 2026-02-20',
        '',
        'Inom 7 dagar:',
        '- Aktivitet "Utbildning" (Internkontrollplan 2026, Nämnd A): slutdatum 2026-02-26',
        '- Kontrollmoment "Inventering" (Internkontrollplan 2026, Nämnd A): avstämning 2026-03-02',
        '',
        'Inom 28 dagar:',
        '- Kontrollmoment "Inventering" (Internkontrollplan 2026, Nämnd A): slutdatum 2026-03-20',
        '',
        'Du får det här brevet varje måndag när något väntar på dig.',
      ].join('\n'),
    );
  });

  test('a person whose language is English gets the digest in English', async () => {
    const { messages } = await digestsOf(WEEK_9, async ({ tx, person, item }) => {
      const personId = await person('Karin Ek', { locale: 'en' });
      await item('control', 'Inventory', { endDate: '2026-03-20', people: [personId], checkpoints: ['2026-02-26'] });
      await item('action', 'Routine', { endDate: '2026-02-10', people: [personId] });
      await item('activity', 'Training', { endDate: '2026-03-03', people: [personId] });
      await tx
        .insert(roleAssignments)
        .values({ tenantId: h.tenant.tenantId, userId: personId, unitId: h.tenant.unitA, role: 'coordinator' });
      await tx.insert(calendarEvents).values({
        tenantId: h.tenant.tenantId,
        kind: 'deadline',
        year: 2026,
        unitId: h.tenant.unitA,
        periodId: h.tenant.periodIds.q1,
        role: 'coordinator',
        date: '2026-03-10',
        title: 'Q1 report',
      });
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe('Uppsikt: your reminders, week 9');
    expect(messages[0]!.body).toBe(
      [
        'Hello Karin Ek,',
        '',
        'This is your weekly summary from Uppsikt.',
        '',
        'Overdue:',
        '- Action "Routine" (Internkontrollplan 2026, Nämnd A): end date 2026-02-10',
        '',
        'Within 7 days:',
        '- Control "Inventory" (Internkontrollplan 2026, Nämnd A): checkpoint 2026-02-26',
        '- Activity "Training" (Internkontrollplan 2026, Nämnd A): end date 2026-03-03',
        '',
        'Within 28 days:',
        '- Last day to report: Q1 report (Quarter 1 2026) 2026-03-10',
        '- Control "Inventory" (Internkontrollplan 2026, Nämnd A): end date 2026-03-20',
        '',
        'You receive this e-mail every Monday when something is waiting for you.',
      ].join('\n'),
    );
  });

  test('the lead times are taken in order whatever order they are configured in; a week of two digits keeps both', async () => {
    const { messages } = await digestsOf(
      new Date('2026-03-17T09:00:00Z'),
      async ({ person, item }) => {
        const personId = await person('Karin Ek');
        await item('control', 'Nära', { endDate: '2026-03-20', people: [personId] });
        await item('control', 'Längre bort', { endDate: '2026-04-10', people: [personId] });
      },
      [28, 7],
    );
    expect(messages[0]!.subject).toBe('Uppsikt: dina påminnelser vecka 12');
    const body = messages[0]!.body;
    expect(body).toContain(
      'Inom 7 dagar:\n- Kontrollmoment "Nära" (Internkontrollplan 2026, Nämnd A): slutdatum 2026-03-20\n\nInom 28 dagar:\n- Kontrollmoment "Längre bort"',
    );
  });

  test('without lead times only what is overdue or ends today is in the digest', async () => {
    const { messages } = await digestsOf(
      WEEK_9,
      async ({ person, item }) => {
        const personId = await person('Karin Ek');
        await item('control', 'I går', { endDate: '2026-02-23', people: [personId] });
        await item('control', 'I dag', {
          endDate: '2026-02-24',
          people: [personId],
          checkpoints: ['2026-02-24', '2026-02-25'],
        });
        await item('control', 'I morgon', { endDate: '2026-02-25', people: [personId] });
      },
      [],
    );
    const body = messages[0]!.body;
    expect(body).toContain('"I går"');
    expect(body).not.toContain('"I morgon"');
    expect(body).not.toContain('avstämning 2026-02-25');
    // Nothing is within a lead time, so there is no section for what ends today either.
    expect(body.split('\n\n').map((part) => part.split('\n')[0])).toEqual([
      'Hej Karin Ek!',
      'Det här är din veckosammanfattning från Uppsikt.',
      'Försenat:',
      'Du får det här brevet varje måndag när något väntar på dig.',
    ]);
  });

  test('what is done, archived, in an archived or closed plan, or without an end date is left out; an item without a status is not done', async () => {
    const { messages } = await digestsOf(WEEK_9, async ({ tx, person, item }) => {
      const personId = await person('Karin Ek');
      const closedPlan = await createPlan(tx, h.tenant.tenantId, h.tenant.unitA);
      await tx.update(plans).set({ state: 'closed' }).where(eq(plans.id, closedPlan));
      const archivedPlan = await createPlan(tx, h.tenant.tenantId, h.tenant.unitA);
      await tx
        .update(plans)
        .set({ archivedAt: new Date('2026-01-01T00:00:00Z') })
        .where(eq(plans.id, archivedPlan));
      const adoptedPlan = await createPlan(tx, h.tenant.tenantId, h.tenant.unitA);
      await tx.update(plans).set({ state: 'adopted' }).where(eq(plans.id, adoptedPlan));
      await item('action', 'Utan status', { endDate: '2026-02-20', status: null, people: [personId] });
      await item('action', 'Klar', { endDate: '2026-02-20', status: h.tenant.statusIds.klar, people: [personId] });
      await item('action', 'Arkiverad', { endDate: '2026-02-20', archived: true, people: [personId] });
      await item('action', 'I avslutad plan', { endDate: '2026-02-20', planId: closedPlan, people: [personId] });
      await item('action', 'I arkiverad plan', { endDate: '2026-02-20', planId: archivedPlan, people: [personId] });
      await item('action', 'I beslutad plan', { endDate: '2026-02-20', planId: adoptedPlan, people: [personId] });
      await item('action', 'Utan slutdatum', { endDate: null, people: [personId], checkpoints: ['2026-02-26'] });
    });
    const body = messages[0]!.body;
    expect(body).toContain('"Utan status"');
    expect(body).toContain('"I beslutad plan"');
    expect(body).toContain('"Utan slutdatum" (Internkontrollplan 2026, Nämnd A): avstämning 2026-02-26');
    expect(body).not.toContain('"Utan slutdatum" (Internkontrollplan 2026, Nämnd A): slutdatum');
    for (const title of ['Klar', 'Arkiverad', 'I avslutad plan', 'I arkiverad plan'])
      expect(body).not.toContain(`"${title}"`);
  });

  test('a checkpoint is a reminder until its day and within the longest lead time, never after it', async () => {
    const { messages } = await digestsOf(WEEK_9, async ({ person, item }) => {
      const personId = await person('Karin Ek');
      await item('control', 'Avstämningar', {
        endDate: '2026-12-31',
        people: [personId],
        checkpoints: ['2026-02-23', '2026-02-24', '2026-03-24', '2026-03-25'],
      });
    });
    const body = messages[0]!.body;
    expect(body).not.toContain('avstämning 2026-02-23');
    expect(body).toContain('avstämning 2026-02-24');
    expect(body).toContain('avstämning 2026-03-24');
    expect(body).not.toContain('avstämning 2026-03-25');
    expect(body).not.toContain('Försenat');
  });

  test('Monday’s digest is written from 06:00 in Sweden on the dot, not a second before', async () => {
    const setup = async ({ person, item }: DigestWorld) => {
      const personId = await person('Karin Ek');
      await item('action', 'Försenad', { endDate: '2026-02-20', people: [personId] });
    };
    // Monday 2 March 2026: Sweden is at UTC+1.
    expect((await digestsOf(new Date('2026-03-02T04:59:59Z'), setup)).count).toBe(0);
    expect((await digestsOf(new Date('2026-03-02T05:00:00Z'), setup)).count).toBe(1);
  });

  test('what lies beyond the longest lead time makes no digest, whether end date, checkpoint or reporting deadline', async () => {
    // Tuesday 24 February: the longest lead time (28 days) reaches Tuesday 24 March.
    const beyond = await digestsOf(WEEK_9, async ({ tx, person, item }) => {
      const personId = await person('Karin Ek');
      await item('control', 'Avstämning långt fram', {
        endDate: null,
        people: [personId],
        checkpoints: ['2026-03-25'],
      });
      await tx
        .insert(roleAssignments)
        .values({ tenantId: h.tenant.tenantId, userId: personId, unitId: h.tenant.unitA, role: 'coordinator' });
      await tx.insert(calendarEvents).values({
        tenantId: h.tenant.tenantId,
        kind: 'deadline',
        year: 2026,
        unitId: h.tenant.unitA,
        role: 'coordinator',
        date: '2026-03-25',
        title: 'Långt fram',
      });
    });
    expect(beyond.messages).toEqual([]);
  });

  test('a lead time with nothing in it has no heading; an activity’s checkpoints count as a control’s do', async () => {
    const { messages } = await digestsOf(WEEK_9, async ({ person, item }) => {
      const personId = await person('Karin Ek');
      await item('activity', 'Workshop', { endDate: null, people: [personId], checkpoints: ['2026-03-20'] });
      await item('action', 'Handlingsplan', { endDate: null, people: [personId], checkpoints: ['2026-03-21'] });
    });
    expect(messages[0]!.body.split('\n').filter((line) => line.startsWith('- ') || line.endsWith(':'))).toEqual([
      'Inom 28 dagar:',
      '- Aktivitet "Workshop" (Internkontrollplan 2026, Nämnd A): avstämning 2026-03-20',
      '- Åtgärd "Handlingsplan" (Internkontrollplan 2026, Nämnd A): avstämning 2026-03-21',
    ]);
  });

  test('a reporting deadline names its period in Swedish, and one without a period reads cleanly in English', async () => {
    const ids = { sv: '', en: '' };
    const { messages } = await digestsOf(WEEK_9, async ({ tx, person }) => {
      ids.sv = await person('Karin Ek');
      ids.en = await person('Kim Lee', { locale: 'en' });
      for (const userId of [ids.sv, ids.en])
        await tx
          .insert(roleAssignments)
          .values({ tenantId: h.tenant.tenantId, userId, unitId: h.tenant.unitA, role: 'coordinator' });
      await tx.insert(calendarEvents).values({
        tenantId: h.tenant.tenantId,
        kind: 'deadline',
        year: 2026,
        unitId: h.tenant.unitA,
        periodId: h.tenant.periodIds.q1,
        role: 'coordinator',
        date: '2026-03-10',
        title: 'Rapport',
      });
      await tx.insert(calendarEvents).values({
        tenantId: h.tenant.tenantId,
        kind: 'deadline',
        year: 2026,
        unitId: h.tenant.unitA,
        role: 'coordinator',
        date: '2026-03-11',
        title: 'Budget',
      });
    });
    const bodyOf = (userId: string) => messages.find((message) => message.userId === userId)!.body;
    expect(bodyOf(ids.sv)).toContain(
      '- Sista dag att rapportera: Rapport (Kvartal 1 2026) 2026-03-10\n- Sista dag att rapportera: Budget 2026-03-11',
    );
    expect(bodyOf(ids.en)).toContain(
      '- Last day to report: Rapport (Quarter 1 2026) 2026-03-10\n- Last day to report: Budget 2026-03-11',
    );
  });

  test('a control reaches whoever holds its responsible function that day, once even when also named on it', async () => {
    const { messages } = await digestsOf(WEEK_9, async ({ tx, person, item }) => {
      const holder = await person('Karin Ek');
      const earlier = await person('Olle Förr');
      const { tenantId } = h.tenant;
      const functionId = uuidv7();
      await tx.insert(unitFunctions).values({ tenantId, id: functionId, unitId: h.tenant.unitA, name: 'Ekonomichef' });
      await tx.insert(functionHolders).values([
        { tenantId, functionId, userId: earlier, validFrom: '2025-01-01', validTo: '2026-02-23' },
        { tenantId, functionId, userId: holder, validFrom: '2026-02-24' },
      ]);
      const byFunction = await item('control', 'Genom funktionen', { endDate: '2026-02-26', people: [] });
      const both = await item('control', 'Både och', { endDate: '2026-02-26', people: [holder] });
      for (const id of [byFunction, both])
        await tx.update(controls).set({ responsibleFunctionId: functionId }).where(eq(controls.id, id));
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toContain('"Genom funktionen"');
    expect(messages[0]!.body.match(/"Både och"/g)).toHaveLength(1);
  });

  test('one line per item and person, even when the person is both responsible and reporting for it', async () => {
    const { messages } = await digestsOf(WEEK_9, async ({ tx, person, item }) => {
      const personId = await person('Karin Ek');
      const id = await item('control', 'Dubbel', { endDate: '2026-02-26', people: [personId] });
      await tx
        .insert(assignments)
        .values({ tenantId: h.tenant.tenantId, controlId: id, userId: personId, role: 'reporting' });
    });
    expect(messages[0]!.body.match(/"Dubbel"/g)).toHaveLength(1);
  });

  test('nothing due, no digest; nobody without an e-mail address or deactivated gets one; each person gets their own', async () => {
    const nothing = await digestsOf(WEEK_9, async ({ person, item }) => {
      const personId = await person('Karin Ek');
      await item('control', 'Långt borta', { endDate: '2026-06-30', people: [personId] });
    });
    expect(nothing).toEqual({ count: 0, messages: [] });

    const ids = { first: '', second: '', noEmail: '', gone: '' };
    const some = await digestsOf(WEEK_9, async ({ person, item }) => {
      ids.first = await person('Första');
      ids.second = await person('Andra');
      ids.noEmail = await person('Utan e-post', { email: null });
      ids.gone = await person('Slutat', { deactivated: true });
      await item('control', 'Första kontrollen', { endDate: '2026-02-26', people: [ids.first] });
      await item('control', 'Andra kontrollen', { endDate: '2026-02-26', people: [ids.second, ids.noEmail, ids.gone] });
    });
    expect(some.count).toBe(2);
    const byUser = new Map(some.messages.map((message) => [message.userId, message]));
    expect([...byUser.keys()].sort()).toEqual([ids.first, ids.second].sort());
    expect(byUser.get(ids.first)!.body).toContain('"Första kontrollen"');
    expect(byUser.get(ids.first)!.body).not.toContain('"Andra kontrollen"');
    expect(byUser.get(ids.second)!.body).toMatch(/^Hej Andra!/);
    expect(byUser.get(ids.second)!.body).not.toContain('"Första kontrollen"');
  });

  test('a reporting deadline reaches the holders of its role on its unit and the units above it, within the lead time, while the role is held', async () => {
    const { tenantId, unitA, unitA1, unitB, rootId } = h.tenant;
    const ids: Record<string, string> = {};
    const { messages } = await digestsOf(WEEK_9, async ({ tx, person }) => {
      const hold = async (
        key: string,
        role: 'administrator' | 'coordinator' | 'responsible' | 'reader' | 'auditor',
        unitId: string,
        revoked = false,
      ) => {
        ids[key] = await person(key);
        await tx.insert(roleAssignments).values({
          tenantId,
          userId: ids[key],
          unitId,
          role,
          revokedAt: revoked ? new Date('2026-01-01T00:00:00Z') : null,
        });
      };
      await hold('coordinatorOnA', 'coordinator', unitA);
      await hold('coordinatorOnA1', 'coordinator', unitA1);
      await hold('coordinatorOnRoot', 'coordinator', rootId);
      await hold('coordinatorOnB', 'coordinator', unitB);
      await hold('responsibleOnA1', 'responsible', unitA1);
      await hold('revokedOnA1', 'coordinator', unitA1, true);
      await hold('readerOnB', 'reader', unitB);
      await hold('auditorOnB', 'auditor', unitB);
      await hold('administratorOnB', 'administrator', unitB);
      await hold('responsibleOnB', 'responsible', unitB);
      const event = (title: string, date: string, unitId: string | null, role: 'coordinator' | null) =>
        tx.insert(calendarEvents).values({ tenantId, kind: 'deadline', year: 2026, unitId, role, date, title });
      // For coordinators on A1 and above it.
      await event('Samordnarna på A1', '2026-03-24', unitA1, 'coordinator');
      // For everyone who reports, in every unit; no period.
      await event('Alla som rapporterar', '2026-02-24', null, null);
      // Passed, or beyond the lead time: for nobody.
      await event('Redan passerad', '2026-02-23', null, null);
      await event('För långt fram', '2026-03-25', null, null);
      // Not a deadline.
      await tx.insert(calendarEvents).values({
        tenantId,
        kind: 'namnd_meeting',
        year: 2026,
        unitId: null,
        date: '2026-02-26',
        title: 'Sammanträde',
      });
      // Another municipality's deadline for everyone who reports there.
      const other = await createTenant(tx);
      await tx.insert(calendarEvents).values({
        tenantId: other.tenantId,
        kind: 'deadline',
        year: 2026,
        unitId: null,
        role: null,
        date: '2026-02-26',
        title: 'Annan kommun',
      });
    });
    const bodyOf = (key: string) => messages.find((message) => message.userId === ids[key])?.body ?? '';
    const gets = (title: string) =>
      Object.keys(ids)
        .filter((key) => bodyOf(key).includes(title))
        .sort();
    expect(gets('Sista dag att rapportera: Samordnarna på A1 2026-03-24')).toEqual([
      'coordinatorOnA',
      'coordinatorOnA1',
      'coordinatorOnRoot',
    ]);
    expect(gets('Sista dag att rapportera: Alla som rapporterar 2026-02-24')).toEqual(
      [
        'administratorOnB',
        'coordinatorOnA',
        'coordinatorOnA1',
        'coordinatorOnB',
        'coordinatorOnRoot',
        'responsibleOnA1',
        'responsibleOnB',
      ].sort(),
    );
    expect(gets('Redan passerad')).toEqual([]);
    expect(gets('För långt fram')).toEqual([]);
    expect(gets('Sammanträde')).toEqual([]);
    // The deadline of today is due within the first lead time, not overdue.
    expect(bodyOf('coordinatorOnB')).toContain(
      'Inom 7 dagar:\n- Sista dag att rapportera: Alla som rapporterar 2026-02-24',
    );
    expect(gets('Annan kommun')).toEqual([]);
  });

  test('only the tenant administrator reads the outbox', async () => {
    expect((await (await h.as('coordinator')).get('/outbox')).status).toBe(403);
    expect((await (await h.as('otherAdmin')).get('/outbox')).body.items).toEqual([]);
  });

  describe('the scheduled job runner', () => {
    // Monday 4 May 2026, 10:00 in Sweden: week 19, which no other test of this file runs in.
    const WEEK_19 = fixedClock('2026-05-04T08:00:00Z');
    const digestsOfWeek19 = async () => ({
      rows: await queryRows<{ n: number }>(
        h.db,
        sql`select count(*)::int as n from outbox_messages where dedupe_key like '%:2026-W19'`,
      ),
    });
    const options = (log: string[], transport?: MailTransport) => ({
      clock: WEEK_19,
      reminderLeadDays: LEAD,
      mailFrom: 'Uppsikt <u@kommun.se>',
      transport,
      intervalSeconds: 3600,
      log: (line: string) => log.push(line),
    });

    test('a runner is named by host, process and a random part, new for each', () => {
      const name = newRunnerName();
      expect(name).toMatch(new RegExp(`^[^:]+:${process.pid}:[0-9a-f]{8}$`));
      expect(newRunnerName()).not.toBe(name);
    });

    test('without an interval the runner never runs', async () => {
      const log: string[] = [];
      const stop = startJobRunner(h.database, { ...options(log), intervalSeconds: 0 });
      await stop();
      expect(log).toEqual([]);
      expect((await digestsOfWeek19()).rows[0]!.n).toBe(0);
    });

    test('it runs at once and logs what a run did, and only when it did something', async () => {
      const { sent, transport } = recordingTransport();
      const log: string[] = [];
      await startJobRunner(h.database, options(log, transport))();
      const digests = (await digestsOfWeek19()).rows[0]!.n;
      expect(digests).toBeGreaterThan(0);
      expect(sent).toHaveLength(digests);
      expect(log).toEqual([
        `Jobs: weekly digests written: ${digests}; e-mails sent: ${digests}; failed: 0 (tried again on the next run).`,
      ]);

      // Nothing left to do: nothing logged.
      await startJobRunner(h.database, options(log, transport))();
      expect(log).toHaveLength(1);

      // Digests only (no mail server configured).
      const nextWeek = { ...options(log), clock: fixedClock('2026-05-11T08:00:00Z') };
      await startJobRunner(h.database, nextWeek)();
      expect(log[1]).toMatch(
        /^Jobs: weekly digests written: [1-9]\d*; e-mails sent: 0; failed: 0 \(tried again on the next run\)\.$/,
      );
      const waiting = Number(/written: (\d+)/.exec(log[1]!)![1]);

      // Failures only, then sending only.
      const refusing: MailTransport = { send: () => Promise.reject(new Error('SMTP 554')) };
      await startJobRunner(h.database, { ...nextWeek, transport: refusing })();
      expect(log[2]).toBe(
        `Jobs: weekly digests written: 0; e-mails sent: 0; failed: ${waiting} (tried again on the next run).`,
      );
      await startJobRunner(h.database, { ...nextWeek, transport })();
      expect(log[3]).toBe(
        `Jobs: weekly digests written: 0; e-mails sent: ${waiting}; failed: 0 (tried again on the next run).`,
      );
      expect(log).toHaveLength(4);
    });

    test('a failed run is logged with its reason', async () => {
      const log: string[] = [];
      // A database whose transactions fail; what is thrown need not be an Error, and the log says what it was.
      const broken = (reason: unknown) => ({
        ...h.database,
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        db: { ...h.db, transaction: () => Promise.reject(reason) } as unknown as typeof h.db,
      });
      await startJobRunner(broken(new Error('databasen svarar inte')), options(log))();
      await startJobRunner(broken('anslutningen bröts'), options(log))();
      expect(log).toEqual([
        'Jobs failed and will be tried again: databasen svarar inte',
        'Jobs failed and will be tried again: anslutningen bröts',
      ]);
    });

    test('queueing no messages writes nothing, and a message queued twice is written once', async () => {
      expect(await h.db.transaction((tx) => queueMessages(tx, []))).toBe(0);
      const message = {
        tenantId: h.tenant.tenantId,
        kind: 'deviation' as const,
        dedupeKey: 'runner:twice',
        userId: null,
        toAddress: 'a@example.se',
        subject: 'S',
        body: 'B',
      };
      expect(await h.db.transaction((tx) => queueMessages(tx, [message]))).toBe(1);
      expect(
        await h.db.transaction((tx) => queueMessages(tx, [message, { ...message, dedupeKey: 'runner:once' }])),
      ).toBe(1);
    });

    test('a run without a mail server leaves the messages in the outbox', async () => {
      await h.db.transaction((tx) =>
        queueMessages(tx, [
          {
            tenantId: h.tenant.tenantId,
            kind: 'deviation',
            dedupeKey: 'runner:unsent',
            userId: null,
            toAddress: 'a@example.se',
            subject: 'S',
            body: 'B',
          },
        ]),
      );
      const result = await runJobs(h.db, { clock: WEEK_19, reminderLeadDays: LEAD, mailFrom: 'x' });
      expect(result).toEqual({ ran: true, digests: 0, sent: 0, failed: 0 });
      const [row] = await h.db
        .select({ sentAt: outboxMessages.sentAt })
        .from(outboxMessages)
        .where(eq(outboxMessages.dedupeKey, 'runner:unsent'));
      expect(row!.sentAt).toBeNull();
    });

    test('the first run of a day refreshes the planner statistics (PGlite has no autovacuum to do it)', async () => {
      // Rows the planner has never counted: a table of its own, so no earlier test has analysed it.
      await h.db.execute(sql`create table statistics_probe (n integer)`);
      await h.db.execute(sql`insert into statistics_probe select generate_series(1, 500)`);
      const counted = async () =>
        (
          await queryRows<{ counted: number }>(
            h.db,
            sql`select count(*)::int as counted from pg_stats where tablename = 'statistics_probe'`,
          )
        )[0]!.counted;
      expect(await counted()).toBe(0);
      await startJobRunner(h.database, options([]))();
      // On PostgreSQL it is autovacuum's work (which may or may not have come by yet); there the run only must not fail.
      if (h.database.kind === 'pglite') expect(await counted()).toBe(1);
      await h.db.execute(sql`drop table statistics_probe`);
    });
  });
});
