import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { outboxMessages } from './db/schema/outbox-messages.ts';
import { createHarness, HARNESS_NOW, type Client, type Harness, type Reply } from '../../test/support/harness.ts';
import { runJobs } from './jobs/job-runner.ts';
import { meetingsReportedTo } from './overview/plan-year.ts';

// The server's date rules at their edges: the day before, the day of and the day after, in
// Sweden's time zone, with the harness's clock moved by hand (every moment is written in UTC).
// The pure rules (today in Sweden, period dates, the running period, ISO weeks) are tested in
// src/domain/date-boundaries.test.ts and src/server/jobs/calendar-time.test.ts; overdue and the
// digest's lead times have tests of their own.

describe('date rules at their edges', () => {
  let h: Harness;
  let admin: Client;
  let coordinator: Client;
  let planId: string;
  let riskId: string;
  const periods: Record<string, string> = {};
  let counter = 0;
  const unique = (what: string) => `${what} ${++counter}`;
  const ok = (reply: Reply) => {
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
    return reply.body as Record<string, any>;
  };
  const newPlan = async (startYear: number, endYear = startYear) =>
    ok(
      await coordinator.post('/plans', {
        unitId: h.tenant.unitA,
        kind: 'internal_control',
        title: unique('Plan'),
        startYear,
        endYear,
      }),
    ).id as string;

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
    coordinator = await h.as('coordinator');
    planId = await newPlan(2026);
    riskId = ok(await coordinator.post('/risks', { planId, title: 'Risk' })).id;
    periods['Kvartal 1 2026'] = h.tenant.periodIds.q1;
    periods['Kvartal 2 2026'] = h.tenant.periodIds.q2;
    for (const [year, number] of [
      [2024, 4],
      [2025, 1],
      [2025, 4],
      [2026, 4],
      [2027, 1],
    ] as const) {
      periods[`Kvartal ${number} ${year}`] = ok(
        await admin.post('/reporting-calendar/periods', { kind: 'quarter', year, number }),
      ).id;
    }
  });
  afterAll(() => h?.close());

  describe('a follow-up is for a period within its plan’s years', () => {
    const followUp = async (plan: string, period: string) => {
      const actionId = ok(await coordinator.post('/actions', { planId: plan, title: unique('Åtgärd') })).id;
      return coordinator.post('/follow-ups', { actionId, periodId: periods[period], body: 'Uppföljt.' });
    };
    const refused = (reply: Reply, message: string) => {
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([{ path: 'periodId', message }]);
    };

    test('a plan for one year: the last period before it and the first after it are refused, its first and last are taken', async () => {
      refused(await followUp(planId, 'Kvartal 4 2025'), 'Kvartal 4 2025 ligger utanför planens period (2026).');
      expect((await followUp(planId, 'Kvartal 1 2026')).status).toBe(201);
      expect((await followUp(planId, 'Kvartal 4 2026')).status).toBe(201);
      refused(await followUp(planId, 'Kvartal 1 2027'), 'Kvartal 1 2027 ligger utanför planens period (2026).');
    });

    test('a plan for two years: from the first period of its first year to the last of its last', async () => {
      const twoYears = await newPlan(2025, 2026);
      refused(await followUp(twoYears, 'Kvartal 4 2024'), 'Kvartal 4 2024 ligger utanför planens period (2025–2026).');
      expect((await followUp(twoYears, 'Kvartal 1 2025')).status).toBe(201);
      expect((await followUp(twoYears, 'Kvartal 4 2026')).status).toBe(201);
      refused(await followUp(twoYears, 'Kvartal 1 2027'), 'Kvartal 1 2027 ligger utanför planens period (2025–2026).');
    });

    test('moving a follow-up to another period obeys the same edges', async () => {
      const written = ok(await followUp(planId, 'Kvartal 2 2026'));
      refused(
        await coordinator.patch(`/follow-ups/${written.id}`, {
          version: written.version,
          periodId: periods['Kvartal 1 2027'],
        }),
        'Kvartal 1 2027 ligger utanför planens period (2026).',
      );
      refused(
        await coordinator.patch(`/follow-ups/${written.id}`, {
          version: written.version,
          periodId: periods['Kvartal 4 2025'],
        }),
        'Kvartal 4 2025 ligger utanför planens period (2026).',
      );
      expect(
        (
          await coordinator.patch(`/follow-ups/${written.id}`, {
            version: written.version,
            periodId: periods['Kvartal 4 2026'],
          })
        ).status,
      ).toBe(200);
    });
  });

  describe('what needs its follow-up for a period (Kvartal 2 2026: 1 April – 30 June)', () => {
    const due = async () =>
      ok(await coordinator.get(`/follow-ups/due?periodId=${h.tenant.periodIds.q2}`)).items as {
        id: string;
        checkpoints: string[];
      }[];

    test('an item that starts on the period’s last day is due; one that starts the day after is not', async () => {
      const lastDay = ok(
        await coordinator.post('/controls', {
          riskId,
          title: unique('Börjar sista dagen'),
          startDate: '2026-06-30',
          endDate: '2026-12-31',
        }),
      ).id;
      const dayAfter = ok(
        await coordinator.post('/controls', {
          riskId,
          title: unique('Börjar dagen efter'),
          startDate: '2026-07-01',
          endDate: '2026-12-31',
        }),
      ).id;
      const ids = (await due()).map((item) => item.id);
      expect(ids).toContain(lastDay);
      expect(ids).not.toContain(dayAfter);
    });

    test('its checkpoints from the period’s first to its last day are listed, not those the day before or after', async () => {
      const id = ok(
        await coordinator.post('/controls', {
          riskId,
          title: unique('Avstämningar'),
          checkpoints: ['2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01'],
        }),
      ).id;
      expect((await due()).find((item) => item.id === id)?.checkpoints).toEqual(['2026-04-01', '2026-06-30']);
    });

    test('items of plans whose years include 2026 are due; of plans that end the year before or begin the year after, not', async () => {
      const action = async (plan: string) =>
        ok(await coordinator.post('/actions', { planId: plan, title: unique('Åtgärd') })).id as string;
      const [before, covering, starting, after] = [
        await action(await newPlan(2025)),
        await action(await newPlan(2025, 2026)),
        await action(await newPlan(2026, 2027)),
        await action(await newPlan(2027)),
      ];
      const ids = (await due()).map((item) => item.id);
      expect(ids).toContain(covering);
      expect(ids).toContain(starting);
      expect(ids).not.toContain(before);
      expect(ids).not.toContain(after);
    });
  });

  test('a plan belongs to every year of its period and to no other', async () => {
    const twoYears = await newPlan(2025, 2026);
    const listed = async (year: number) =>
      (ok(await coordinator.get(`/plans?year=${year}&limit=500`)).items as { id: string }[]).some(
        (plan) => plan.id === twoYears,
      );
    expect([await listed(2024), await listed(2025), await listed(2026), await listed(2027)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  describe('“today” is the date in Sweden when the request is made', () => {
    const at = async (moment: string) => {
      h.clock.set(moment);
      return h.signIn('coordinator');
    };
    afterAll(() => h.clock.set(HARNESS_NOW));

    test('a deviation found today: 22:59:59 UTC on New Year’s Eve is still the old year, 23:00 UTC the new one', async () => {
      const controlId = ok(await coordinator.post('/controls', { riskId, title: unique('Kontroll') })).id;
      const found = async (moment: string) =>
        ok(
          await (
            await at(moment)
          ).post('/deviations', {
            controlId,
            title: unique('Avvikelse'),
            severityId: h.tenant.vocabularyIds.deviation_severity.minor,
          }),
        ).foundOn as string;
      expect(await found('2026-12-31T22:59:59Z')).toBe('2026-12-31');
      expect(await found('2026-12-31T23:00:00Z')).toBe('2027-01-01');
      // In summer time the day turns at 22:00 UTC.
      expect(await found('2026-06-30T21:59:59Z')).toBe('2026-06-30');
      expect(await found('2026-06-30T22:00:00Z')).toBe('2026-07-01');
    });

    test('a follow-up reported today, on the days the clocks change', async () => {
      const reported = async (moment: string) => {
        const client = await at(moment);
        const actionId = ok(await client.post('/actions', { planId, title: unique('Åtgärd') })).id;
        return ok(await client.post('/follow-ups', { actionId, periodId: h.tenant.periodIds.q1, body: 'Uppföljt.' }))
          .reportedOn as string;
      };
      expect(await reported('2026-03-28T22:59:59Z')).toBe('2026-03-28');
      expect(await reported('2026-03-28T23:00:00Z')).toBe('2026-03-29');
      expect(await reported('2026-03-29T21:59:59Z')).toBe('2026-03-29');
      expect(await reported('2026-03-29T22:00:00Z')).toBe('2026-03-30');
      expect(await reported('2026-10-24T21:59:59Z')).toBe('2026-10-24');
      expect(await reported('2026-10-24T22:00:00Z')).toBe('2026-10-25');
      expect(await reported('2026-10-25T22:59:59Z')).toBe('2026-10-25');
      expect(await reported('2026-10-25T23:00:00Z')).toBe('2026-10-26');
    });
  });

  describe('the weekly digest is written from Monday 06:00 in Sweden', () => {
    let personId: string;
    beforeAll(async () => {
      personId = h.userIds.responsible!;
      // Overdue all through the weeks below, so the person has a digest every week.
      ok(
        await coordinator.post('/controls', {
          riskId,
          title: unique('Försenad'),
          endDate: '2026-01-15',
          responsibleIds: [personId],
        }),
      );
    });
    const run = (moment: string) =>
      runJobs(h.db, { clock: fixedClock(moment), reminderLeadDays: [7], mailFrom: 'Uppsikt <u@kommun.se>' });
    const written = async (week: string) =>
      (
        await h.db
          .select({ id: outboxMessages.id })
          .from(outboxMessages)
          .where(
            and(
              eq(outboxMessages.tenantId, h.tenant.tenantId),
              eq(outboxMessages.dedupeKey, `digest:${personId}:${week}`),
            ),
          )
      ).length;

    const weeks = [
      {
        name: 'in winter time (Monday 23 March 2026, UTC+1)',
        week: '2026-W13',
        sunday: '2026-03-22T22:59:59Z',
        before: '2026-03-23T04:59:59Z',
        at: '2026-03-23T05:00:00Z',
        tuesday: '2026-03-23T23:00:00Z',
      },
      {
        name: 'the day after summer time begins (Monday 30 March 2026, UTC+2)',
        week: '2026-W14',
        sunday: '2026-03-29T21:59:59Z',
        before: '2026-03-30T03:59:59Z',
        at: '2026-03-30T04:00:00Z',
        tuesday: '2026-03-30T22:00:00Z',
      },
      {
        name: 'in summer time (Monday 19 October 2026, UTC+2)',
        week: '2026-W43',
        sunday: '2026-10-18T21:59:59Z',
        before: '2026-10-19T03:59:59Z',
        at: '2026-10-19T04:00:00Z',
        tuesday: '2026-10-19T22:00:00Z',
      },
      {
        name: 'the day after summer time ends (Monday 26 October 2026, UTC+1)',
        week: '2026-W44',
        sunday: '2026-10-25T22:59:59Z',
        before: '2026-10-26T04:59:59Z',
        at: '2026-10-26T05:00:00Z',
        tuesday: '2026-10-26T23:00:00Z',
      },
    ];
    test.each(weeks)(
      '$name: not on Sunday, not at 05:59, at 06:00, once',
      async ({ week, sunday, before, at, tuesday }) => {
        await run(sunday);
        expect(await written(week), 'Sunday 23:59:59 belongs to the week before').toBe(0);
        await run(before);
        expect(await written(week), 'Monday 05:59:59').toBe(0);
        await run(at);
        expect(await written(week), 'Monday 06:00').toBe(1);
        await run(tuesday);
        expect(await written(week), 'Tuesday 00:00, once a week').toBe(1);
      },
    );

    test('the hour is Swedish: 04:00 UTC on the Monday after summer time ends is only 05:00', async () => {
      // Week 45: Monday 2 November 2026, UTC+1.
      await run('2026-11-02T04:00:00Z');
      expect(await written('2026-W45')).toBe(0);
      await run('2026-11-02T05:00:00Z');
      expect(await written('2026-W45')).toBe(1);
    });
  });

  describe('the reporting calendar’s dates', () => {
    test('a period may last one day, not end before it begins', async () => {
      const oneDay = await admin.post('/reporting-calendar/periods', {
        kind: 'custom',
        year: 2026,
        name: unique('Bokslutsdag'),
        startDate: '2026-12-31',
        endDate: '2026-12-31',
      });
      expect(oneDay.status).toBe(201);
      const backwards = await admin.post('/reporting-calendar/periods', {
        kind: 'custom',
        year: 2026,
        name: unique('Baklänges'),
        startDate: '2026-12-31',
        endDate: '2026-12-30',
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors.map((error: { path: string }) => error.path)).toEqual(['endDate']);
    });

    test('a meeting belongs to the year of its date: 31 December to the old year, 1 January to the new', async () => {
      const meeting = async (date: string) =>
        ok(
          await coordinator.post('/reporting-calendar/events', {
            kind: 'namnd_meeting',
            unitId: h.tenant.unitA,
            date,
            title: unique('Sammanträde'),
          }),
        ).id as string;
      const [lastDay, firstDay] = [await meeting('2026-12-31'), await meeting('2027-01-01')];
      const eventsOf = async (year: number) =>
        (ok(await coordinator.get(`/reporting-calendar?year=${year}`)).events as { id: string }[]).map(
          (event) => event.id,
        );
      expect(await eventsOf(2026)).toContain(lastDay);
      expect(await eventsOf(2026)).not.toContain(firstDay);
      expect(await eventsOf(2027)).toContain(firstDay);
      expect(await eventsOf(2027)).not.toContain(lastDay);
    });

    test('a meeting reports on the year of the period it is linked to, else on the year of its date', async () => {
      const annual = ok(await admin.post('/reporting-calendar/periods', { kind: 'annual', year: 2026 })).id;
      const event = async (kind: 'namnd_meeting' | 'ks_meeting', date: string, periodId?: string) =>
        ok(
          await admin.post('/reporting-calendar/events', {
            kind,
            unitId: kind === 'ks_meeting' ? null : h.tenant.unitA,
            date,
            title: unique('Sammanträde'),
            ...(periodId ? { periodId } : {}),
          }),
        ).date as string;
      const [december, january, boardOnLastYear] = [
        await event('namnd_meeting', '2026-12-17'),
        await event('namnd_meeting', '2027-01-21'),
        await event('ks_meeting', '2027-02-10', annual),
      ];
      const of2026 = await meetingsReportedTo(h.db, h.tenant.tenantId, h.tenant.unitA, 2026, 2026);
      const of2027 = await meetingsReportedTo(h.db, h.tenant.tenantId, h.tenant.unitA, 2027, 2027);
      expect(of2026.committee.map((meeting) => meeting.date)).toContain(december);
      expect(of2026.committee.map((meeting) => meeting.date)).not.toContain(january);
      expect(of2027.committee.map((meeting) => meeting.date)).toContain(january);
      // The KS meeting in February 2027 that takes up Helår 2026 reports on 2026.
      expect(of2026.board.map((meeting) => meeting.date)).toContain(boardOnLastYear);
      expect(of2027.board.map((meeting) => meeting.date)).not.toContain(boardOnLastYear);
    });
  });
});
