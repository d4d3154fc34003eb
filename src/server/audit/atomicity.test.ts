import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { CSRF_HEADER } from '../auth/authenticate.ts';
import { createSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { demoFixturesFolder } from '../paths.ts';
import { loadDemoData } from '../demo/load-demo-data.ts';
import {
  changedTables,
  errorMessages,
  fingerprintDatabase,
  INJECTED_FAILURE,
  injectFailure,
  type FailurePoint,
} from '../../../test/support/failures.ts';
import {
  clientFor,
  createHarness,
  HARNESS_PASSWORD,
  type Client,
  type Harness,
  type Reply,
} from '../../../test/support/harness.ts';
import { runJobs } from '../jobs/job-runner.ts';
import { demoClock } from '../../../test/support/demo-clock.ts';

// Every use case that writes more than one row does so in one transaction: when a later write
// fails (a full disk, a lost connection, a violated constraint), nothing of the earlier ones may
// remain. Each case below names a request, the tables it writes when it succeeds, and the later
// writes to make fail on purpose. For each failure point the test makes that write raise an
// exception in the database, makes the request, and proves that no table changed at all; then it
// makes the same request without the failure and proves that it writes exactly those tables (so
// the failure really came after the earlier writes). Adding a multi-row write means adding a case.
// The standard create (one row and its audit event) and the year roll-over have tests of their own.

/** One way to make the request: an HTTP request (an injected failure answers 500) or a job. */
type Attempt =
  { kind: 'request'; send: () => Promise<Reply>; succeeds: number } | { kind: 'job'; run: () => Promise<unknown> };

interface Case {
  name: string;
  /** The tables the request writes when it succeeds, sorted. */
  writes: string[];
  /** Writes after the first one, each made to fail in a run of its own. */
  failAt: FailurePoint[];
  /** Prepares what the request needs (a fresh set for every failure point) and returns it. */
  prepare: () => Promise<Attempt>;
}

const auditOf = (entityType: string): FailurePoint => ({
  table: 'audit_events',
  operation: 'insert',
  when: `new.entity_type = '${entityType}'`,
});
const anyAudit: FailurePoint = { table: 'audit_events', operation: 'insert' };

describe('atomicity: a multi-row write fails as a whole when a later write of it fails', () => {
  let h: Harness;
  let admin: Client;
  let coordinator: Client;
  let planId: string;
  let riskId: string;
  let counter = 0;
  const unique = (what: string) => `${what} ${++counter}`;

  /** A session of its own for any person, begun now (sessions are rows the tests count too). */
  const sessionOf = async (userId: string): Promise<Client> => {
    const session = await createSession(h.db, h.tenant.tenantId, userId, h.clock.now());
    return clientFor(h.app, { cookie: `${SESSION_COOKIE}=${session.secret}`, [CSRF_HEADER]: session.csrfToken });
  };
  const created = (reply: Reply) => {
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
    return reply.body as Record<string, any>;
  };
  const newPlan = async (kind: 'internal_control' | 'activity' = 'internal_control') =>
    created(await coordinator.post('/plans', { unitId: h.tenant.unitA, kind, title: unique('Plan'), startYear: 2026 }));
  const newControl = async (extra: Record<string, unknown> = {}) =>
    created(await coordinator.post('/controls', { riskId, title: unique('Kontrollmoment'), ...extra }));
  const newPerson = async (password?: string) =>
    created(
      await admin.post('/users', {
        name: unique('Person'),
        email: `person-${++counter}-${h.suffix}@example.se`,
        ...(password ? { password } : {}),
      }),
    );

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.as('tenantAdmin');
    coordinator = await h.as('coordinator');
    planId = (await newPlan()).id;
    riskId = created(await coordinator.post('/risks', { planId, title: 'Risk', likelihood: 2, consequence: 2 })).id;
  });
  afterAll(() => h?.close());

  const cases: Case[] = [
    {
      name: 'adopting a plan (decision, revision 1 and their audit events)',
      writes: ['audit_events', 'plan_versions', 'plans'],
      failAt: [{ table: 'plan_versions', operation: 'insert' }, auditOf('plan_version')],
      prepare: async () => {
        const plan = await newPlan();
        return {
          kind: 'request',
          succeeds: 200,
          send: () =>
            coordinator.post(`/plans/${plan.id}/adopt`, {
              version: plan.version,
              decisionDate: '2026-02-12',
              diarienummer: 'KS-2026-1',
            }),
        };
      },
    },
    {
      name: 'revising an adopted plan with a corrected decision (the plan, the new revision, their audit events)',
      writes: ['audit_events', 'plan_versions', 'plans'],
      failAt: [{ table: 'plan_versions', operation: 'insert' }, auditOf('plan_version')],
      prepare: async () => {
        const plan = await newPlan();
        created(
          await coordinator.post(`/plans/${plan.id}/adopt`, { version: plan.version, decisionDate: '2026-02-12' }),
        );
        return {
          kind: 'request',
          succeeds: 201,
          send: () => coordinator.post(`/plans/${plan.id}/revisions`, { reason: 'Ny risk', decisionParagraph: '§ 80' }),
        };
      },
    },
    {
      name: 'closing an adopted plan (the plan and its audit event)',
      writes: ['audit_events', 'plans'],
      failAt: [anyAudit],
      prepare: async () => {
        const plan = await newPlan();
        const adopted = created(
          await coordinator.post(`/plans/${plan.id}/adopt`, { version: plan.version, decisionDate: '2026-02-12' }),
        );
        return {
          kind: 'request',
          succeeds: 200,
          send: () => coordinator.post(`/plans/${plan.id}/close`, { version: adopted.version }),
        };
      },
    },
    {
      name: 'recording a deviation with its notices (the deviation, its audit event, the messages to the responsible and the coordinator)',
      writes: ['audit_events', 'deviations', 'outbox_messages'],
      failAt: [
        { table: 'outbox_messages', operation: 'insert' },
        {
          table: 'outbox_messages',
          operation: 'insert',
          when: "new.user_id = (select id from users where email like 'coordinator-%')",
        },
      ],
      prepare: async () => {
        const control = await newControl({ responsibleIds: [h.userIds.responsible] });
        return {
          kind: 'request',
          succeeds: 201,
          send: () =>
            coordinator.post('/deviations', {
              controlId: control.id,
              title: unique('Avvikelse'),
              severityId: h.tenant.vocabularyIds.deviation_severity.significant,
            }),
        };
      },
    },
    {
      name: 'a follow-up that sets its item’s status (the follow-up, the item, both audit events)',
      writes: ['audit_events', 'controls', 'follow_ups'],
      failAt: [{ table: 'controls', operation: 'update' }, auditOf('control')],
      prepare: async () => {
        const control = await newControl({ responsibleIds: [h.userIds.responsible] });
        const responsible = await h.as('responsible');
        return {
          kind: 'request',
          succeeds: 201,
          send: () =>
            responsible.post('/follow-ups', {
              controlId: control.id,
              periodId: h.tenant.periodIds.q2,
              body: 'Kontrollen är gjord.',
              statusId: h.tenant.statusIds.klar,
            }),
        };
      },
    },
    {
      name: 'changing a control’s responsible persons and checkpoints (assignments, checkpoints, the control, its audit event)',
      writes: ['assignments', 'audit_events', 'checkpoints', 'controls'],
      failAt: [{ table: 'controls', operation: 'update' }, anyAudit],
      prepare: async () => {
        const control = await newControl({ responsibleIds: [h.userIds.responsible], checkpoints: ['2026-09-01'] });
        return {
          kind: 'request',
          succeeds: 200,
          send: () =>
            coordinator.patch(`/controls/${control.id}`, {
              version: control.version,
              title: unique('Omdöpt'),
              responsibleIds: [h.userIds.coordinator],
              checkpoints: ['2026-10-01', '2026-11-01'],
            }),
        };
      },
    },
    {
      name: 'reassessing a risk (the risk, its assessment history, both audit events)',
      writes: ['audit_events', 'risk_assessments', 'risks'],
      failAt: [{ table: 'risk_assessments', operation: 'update' }, auditOf('risk_assessment')],
      prepare: async () => {
        const risk = created(
          await coordinator.post('/risks', { planId, title: unique('Risk'), likelihood: 1, consequence: 1 }),
        );
        return {
          kind: 'request',
          succeeds: 200,
          send: () => coordinator.patch(`/risks/${risk.id}`, { version: risk.version, likelihood: 4, consequence: 3 }),
        };
      },
    },
    {
      name: 'changing an activity’s focus areas (the tags, the activity, its audit event)',
      writes: ['activities', 'activity_focus_areas', 'audit_events'],
      failAt: [{ table: 'activities', operation: 'update' }, anyAudit],
      prepare: async () => {
        const activityPlan = await newPlan('activity');
        const focus = [
          created(await admin.post('/focus-areas', { name: unique('Fokus') })),
          created(await admin.post('/focus-areas', { name: unique('Fokus') })),
        ];
        const activity = created(
          await coordinator.post('/activities', {
            planId: activityPlan.id,
            number: '1.1',
            title: unique('Aktivitet'),
            focusAreaIds: [focus[0]!.id],
          }),
        );
        return {
          kind: 'request',
          succeeds: 200,
          send: () =>
            coordinator.patch(`/activities/${activity.id}`, {
              version: activity.version,
              title: unique('Aktivitet'),
              focusAreaIds: [focus[1]!.id],
            }),
        };
      },
    },
    {
      name: 'changing a recommendation (the recommendation and its audit event)',
      writes: ['audit_events', 'recommendations'],
      failAt: [anyAudit],
      prepare: async () => {
        const review = created(await coordinator.post('/reviews', { planId, title: unique('Granskning') }));
        const recommendation = created(
          await coordinator.post('/recommendations', { reviewId: review.id, recommendation: 'Följ upp rutinen.' }),
        );
        return {
          kind: 'request',
          succeeds: 200,
          send: () =>
            coordinator.patch(`/recommendations/${recommendation.id}`, {
              version: recommendation.version,
              dueDate: '2026-12-31',
              statusId: h.tenant.statusIds.pagaende,
            }),
        };
      },
    },
    {
      name: 'closing a deviation (the deviation with its closing time, and its audit event)',
      writes: ['audit_events', 'deviations'],
      failAt: [anyAudit],
      prepare: async () => {
        const control = await newControl();
        const action = created(
          await coordinator.post('/actions', {
            planId,
            riskId,
            title: unique('Åtgärd'),
            endDate: '2026-09-30',
            responsibleIds: [h.userIds.responsible],
          }),
        );
        const deviation = created(
          await coordinator.post('/deviations', {
            controlId: control.id,
            title: unique('Avvikelse'),
            severityId: h.tenant.vocabularyIds.deviation_severity.minor,
            actionId: action.id,
          }),
        );
        return {
          kind: 'request',
          succeeds: 200,
          send: () => coordinator.patch(`/deviations/${deviation.id}`, { version: deviation.version, state: 'closed' }),
        };
      },
    },
    {
      name: 'changing a plan (the plan and its audit event)',
      writes: ['audit_events', 'plans'],
      failAt: [anyAudit],
      prepare: async () => {
        const plan = await newPlan();
        return {
          kind: 'request',
          succeeds: 200,
          send: () => coordinator.patch(`/plans/${plan.id}`, { version: plan.version, title: unique('Plan') }),
        };
      },
    },
    {
      name: 'correcting a follow-up (the follow-up and its audit event)',
      writes: ['audit_events', 'follow_ups'],
      failAt: [anyAudit],
      prepare: async () => {
        const control = await newControl();
        const followUp = created(
          await coordinator.post('/follow-ups', {
            controlId: control.id,
            periodId: h.tenant.periodIds.q1,
            body: 'Första.',
          }),
        );
        return {
          kind: 'request',
          succeeds: 200,
          send: () =>
            coordinator.patch(`/follow-ups/${followUp.id}`, {
              version: followUp.version,
              body: 'Rättad.',
              periodId: h.tenant.periodIds.q2,
            }),
        };
      },
    },
    {
      name: 'moving a meeting in the reporting calendar (the event with its year, and its audit event)',
      writes: ['audit_events', 'calendar_events'],
      failAt: [anyAudit],
      prepare: async () => {
        const event = created(
          await coordinator.post('/reporting-calendar/events', {
            kind: 'namnd_meeting',
            unitId: h.tenant.unitA,
            date: '2026-12-10',
            title: unique('Nämndsammanträde'),
          }),
        );
        return {
          kind: 'request',
          succeeds: 200,
          send: () =>
            coordinator.patch(`/reporting-calendar/events/${event.id}`, { version: event.version, date: '2027-01-14' }),
        };
      },
    },
    {
      name: 'changing a reporting period’s dates (the period and its audit event)',
      writes: ['audit_events', 'reporting_periods'],
      failAt: [anyAudit],
      prepare: async () => {
        const period = created(
          await admin.post('/reporting-calendar/periods', {
            kind: 'custom',
            year: 2026,
            name: unique('Läsår'),
            startDate: '2026-08-15',
            endDate: '2026-12-20',
          }),
        );
        return {
          kind: 'request',
          succeeds: 200,
          send: () =>
            admin.patch(`/reporting-calendar/periods/${period.id}`, { version: period.version, endDate: '2026-12-22' }),
        };
      },
    },
    {
      name: 'renaming an organisation unit (the unit and its audit event)',
      writes: ['audit_events', 'org_units'],
      failAt: [anyAudit],
      prepare: async () => {
        const unit = created(
          await admin.post('/org-units', {
            parentId: h.tenant.unitA,
            kind: 'forvaltning',
            name: unique('Förvaltning'),
          }),
        );
        return {
          kind: 'request',
          succeeds: 200,
          send: () => admin.patch(`/org-units/${unit.id}`, { version: unit.version, name: unique('Förvaltning') }),
        };
      },
    },
    {
      name: 'reactivating a person (the person and the audit event)',
      writes: ['audit_events', 'users'],
      failAt: [anyAudit],
      prepare: async () => {
        const person = await newPerson();
        created(await admin.post(`/users/${person.id}/deactivate`));
        return { kind: 'request', succeeds: 200, send: () => admin.post(`/users/${person.id}/reactivate`) };
      },
    },
    {
      name: 'archiving a control (the control and its audit event)',
      writes: ['audit_events', 'controls'],
      failAt: [anyAudit],
      prepare: async () => {
        const control = await newControl();
        return { kind: 'request', succeeds: 200, send: () => coordinator.post(`/controls/${control.id}/archive`) };
      },
    },
    {
      name: 'giving a role (the grant and its audit event)',
      writes: ['audit_events', 'role_assignments'],
      failAt: [anyAudit],
      prepare: async () => {
        const person = await newPerson();
        return {
          kind: 'request',
          succeeds: 201,
          send: () => admin.post('/role-assignments', { userId: person.id, unitId: h.tenant.unitA, role: 'reader' }),
        };
      },
    },
    {
      name: 'revoking a role (the grant and its audit event)',
      writes: ['audit_events', 'role_assignments'],
      failAt: [anyAudit],
      prepare: async () => {
        const person = await newPerson();
        const grant = created(
          await admin.post('/role-assignments', { userId: person.id, unitId: h.tenant.unitA, role: 'reader' }),
        );
        return { kind: 'request', succeeds: 200, send: () => admin.post(`/role-assignments/${grant.id}/revoke`) };
      },
    },
    {
      name: 'creating an API token (the token and its audit event)',
      writes: ['api_tokens', 'audit_events'],
      failAt: [anyAudit],
      prepare: () =>
        Promise.resolve({
          kind: 'request',
          succeeds: 201,
          send: () => admin.post('/api-tokens', { name: unique('Power BI'), access: 'read' }),
        }),
    },
    {
      name: 'revoking an API token (the token and its audit event)',
      writes: ['api_tokens', 'audit_events'],
      failAt: [anyAudit],
      prepare: async () => {
        const token = created(await admin.post('/api-tokens', { name: unique('Power BI'), access: 'read' }));
        return { kind: 'request', succeeds: 200, send: () => admin.post(`/api-tokens/${token.id}/revoke`) };
      },
    },
    {
      name: 'issuing a report (the stored document and its audit event)',
      writes: ['audit_events', 'issued_reports'],
      failAt: [anyAudit],
      prepare: () =>
        Promise.resolve({
          kind: 'request',
          succeeds: 201,
          send: () =>
            coordinator.post('/reports/control-follow-up/issue', {
              unitId: h.tenant.unitA,
              period: '2026',
              format: 'docx',
            }),
        }),
    },
    {
      name: 'changing a report text (the text and its audit event)',
      writes: ['audit_events', 'report_texts'],
      failAt: [anyAudit],
      prepare: async () => {
        const text = {
          reportKind: 'control-follow-up',
          section: 'guidance',
          unitId: h.tenant.unitA,
          year: 2026 + ++counter,
          body: 'Första versionen.',
        };
        const first = created(await coordinator.request('PUT', '/report-texts', text));
        return {
          kind: 'request',
          succeeds: 200,
          send: () =>
            coordinator.request('PUT', '/report-texts', { ...text, body: 'Andra versionen.', version: first.version }),
        };
      },
    },
    {
      name: 'changing the report template (the template and its audit event)',
      writes: ['audit_events', 'report_templates'],
      failAt: [anyAudit],
      prepare: async () => {
        const current =
          (await admin.get('/report-templates')).body.template ??
          created(await admin.request('PUT', '/report-templates', { settings: {} }));
        return {
          kind: 'request',
          succeeds: 200,
          send: () =>
            admin.request('PUT', '/report-templates', {
              settings: { letterhead: unique('Exempelby kommun') },
              version: current.version,
            }),
        };
      },
    },
    {
      name: 'removing a calendar event (the event and its audit event)',
      writes: ['audit_events', 'calendar_events'],
      failAt: [anyAudit],
      prepare: async () => {
        const event = created(
          await coordinator.post('/reporting-calendar/events', {
            kind: 'namnd_meeting',
            unitId: h.tenant.unitA,
            date: '2026-09-16',
            title: unique('Nämndsammanträde'),
          }),
        );
        return {
          kind: 'request',
          succeeds: 204,
          send: () => coordinator.delete(`/reporting-calendar/events/${event.id}`),
        };
      },
    },
    {
      name: 'archiving an organisation unit (the unit and its audit event)',
      writes: ['audit_events', 'org_units'],
      failAt: [anyAudit],
      prepare: async () => {
        const unit = created(
          await admin.post('/org-units', {
            parentId: h.tenant.unitA,
            kind: 'forvaltning',
            name: unique('Förvaltning'),
          }),
        );
        return { kind: 'request', succeeds: 200, send: () => admin.post(`/org-units/${unit.id}/archive`) };
      },
    },
    {
      name: 'deactivating a person (their sessions end, the person, the audit event)',
      writes: ['audit_events', 'sessions', 'users'],
      failAt: [{ table: 'users', operation: 'update' }, anyAudit],
      prepare: async () => {
        const person = await newPerson();
        await sessionOf(person.id);
        return { kind: 'request', succeeds: 200, send: () => admin.post(`/users/${person.id}/deactivate`) };
      },
    },
    {
      name: 'an administrator setting a person’s password (their sessions end, the person, the audit event)',
      writes: ['audit_events', 'sessions', 'users'],
      failAt: [{ table: 'users', operation: 'update' }, anyAudit],
      prepare: async () => {
        const person = await newPerson();
        await sessionOf(person.id);
        return {
          kind: 'request',
          succeeds: 200,
          send: () =>
            admin.patch(`/users/${person.id}`, { version: person.version, password: 'ett-nytt-lösenord-456' }),
        };
      },
    },
    {
      name: 'changing one’s own password (the person, the audit event, the other sessions end)',
      writes: ['audit_events', 'sessions', 'users'],
      failAt: [
        anyAudit,
        { table: 'sessions', operation: 'update', when: 'old.revoked_at is null and new.revoked_at is not null' },
      ],
      prepare: async () => {
        const person = await newPerson(HARNESS_PASSWORD);
        const browser = await sessionOf(person.id);
        await sessionOf(person.id);
        return {
          kind: 'request',
          succeeds: 204,
          send: () =>
            browser.post('/me/password', { currentPassword: HARNESS_PASSWORD, newPassword: 'ett-nytt-lösenord-456' }),
        };
      },
    },
    {
      name: 'the reminders job writing the week’s digests into the outbox',
      writes: ['outbox_messages'],
      failAt: [
        {
          table: 'outbox_messages',
          operation: 'insert',
          when: `new.kind = 'digest' and new.user_id = (select id from users where email like 'coordinator-%')`,
        },
      ],
      prepare: async () => {
        await newControl({ endDate: '2026-09-10', responsibleIds: [h.userIds.responsible, h.userIds.coordinator] });
        // Monday 7 September 2026, 08:00 in Sweden.
        return {
          kind: 'job',
          run: () =>
            runJobs(h.db, {
              clock: fixedClock('2026-09-07T06:00:00Z'),
              reminderLeadDays: [7],
              mailFrom: 'Uppsikt <u@kommun.se>',
            }),
        };
      },
    },
    {
      name: 'loading the demo data (a tenant with its units, people, plans and audit events)',
      // Only the failure is run here: the demo load's success is the subject of its own tests.
      writes: [],
      failAt: [{ table: 'audit_events', operation: 'insert', when: `new.actor_label = 'seed:demo'` }],
      prepare: () =>
        Promise.resolve({
          kind: 'job',
          run: () => loadDemoData(h.db, { fixturesFolder: demoFixturesFolder, clock: demoClock }),
        }),
    },
  ];

  const runs = cases.flatMap((entry) =>
    entry.failAt.map((point) => ({
      entry,
      point,
      label: `${entry.name}: fails at ${point.operation} into ${point.table}${point.when ? ` where ${point.when}` : ''}`,
    })),
  );

  test.each(runs)('$label', async ({ entry, point }) => {
    const attempt = await entry.prepare();
    const before = await fingerprintDatabase(h.db);
    const failure = await injectFailure(h.db, point);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      if (attempt.kind === 'request') {
        const reply = await attempt.send();
        // The database failed: an internal error in the problem shape, not a crash, not a success.
        expect(reply.status, JSON.stringify(reply.body)).toBe(500);
        expect(reply.headers.get('content-type')).toContain('application/problem+json');
        // And it was the injected failure, reached after the earlier writes, not an earlier refusal.
        expect(logged.mock.calls.flat().flatMap(errorMessages).join('\n')).toContain(INJECTED_FAILURE);
      } else {
        const error: unknown = await attempt.run().then(
          () => null,
          (reason: unknown) => reason,
        );
        expect(errorMessages(error).join('\n')).toContain(INJECTED_FAILURE);
      }
    } finally {
      logged.mockRestore();
      await failure.clear();
    }
    const afterFailure = await fingerprintDatabase(h.db);
    expect(changedTables(before, afterFailure), 'tables changed by a request that failed').toEqual([]);

    if (entry.writes.length === 0) return;
    // The same request without the failure writes exactly these tables: the failure came after writes that were undone.
    if (attempt.kind === 'request') {
      const reply = await attempt.send();
      expect(reply.status, JSON.stringify(reply.body)).toBe(attempt.succeeds);
    } else {
      await attempt.run();
    }
    expect(changedTables(afterFailure, await fingerprintDatabase(h.db))).toEqual(entry.writes);
  });
});
