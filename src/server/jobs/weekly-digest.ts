import { holdsControlFunctionOn } from '../functions/function-holders.ts';
import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { reportingPeriodLabel } from '../../domain/reporting-period.ts';
import type { Transaction } from '../db/client.ts';
import { actions } from '../db/schema/actions.ts';
import { activities } from '../db/schema/activities.ts';
import { assignments } from '../db/schema/assignments.ts';
import { calendarEvents } from '../db/schema/calendar-events.ts';
import { checkpoints } from '../db/schema/checkpoints.ts';
import { controls } from '../db/schema/controls.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { plans } from '../db/schema/plans.ts';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';
import { statuses } from '../db/schema/statuses.ts';
import { functionHolders } from '../db/schema/unit-functions.ts';
import { users } from '../db/schema/users.ts';
import type { LocalizedText } from '../errors.ts';
import { queueMessages, type OutgoingMessage } from '../mail/outbox.ts';
import { localize, messagesIn, type ServerMessages } from '../messages/messages.ts';
import { daysBetween, isoWeek, swedishClock } from './calendar-time.ts';

/** The hour on Monday (Swedish time) from which a week's digest is written. */
export const DIGEST_HOUR = 6;

interface Reminder {
  /** Days until the date; negative when it has passed. */
  days: number;
  date: string;
  line: LocalizedText;
}

/**
 * Writes this week's digest for every person with something due: their controls, actions and
 * activities whose end date or checkpoint falls within the longest lead time or has passed
 * without the item being done, and the reporting deadlines of their roles. Nothing is written
 * before Monday 06:00 (Swedish time), and a person's digest is written once per ISO week.
 */
export async function writeWeeklyDigests(tx: Transaction, now: Date, leadDays: readonly number[]): Promise<number> {
  const clock = swedishClock(now);
  if (clock.weekday === 1 && clock.hour < DIGEST_HOUR) return 0;
  const today = clock.date;
  const week = isoWeek(today);
  const horizon = Math.max(0, ...leadDays);
  const reminders = new Map<string, Reminder[]>();
  const add = (userId: string, reminder: Reminder) =>
    reminders.set(userId, [...(reminders.get(userId) ?? []), reminder]);

  const done = new Set(
    (await tx.select({ id: statuses.id }).from(statuses).where(eq(statuses.category, 'completed'))).map(
      (row) => row.id,
    ),
  );
  for (const [kind, table] of [
    ['control', controls],
    ['action', actions],
    ['activity', activities],
  ] as const) {
    const column =
      kind === 'control' ? assignments.controlId : kind === 'action' ? assignments.actionId : assignments.activityId;
    const checkpointColumn =
      kind === 'control' ? checkpoints.controlId : kind === 'action' ? checkpoints.actionId : checkpoints.activityId;
    const rows = await tx
      .select({
        id: table.id,
        title: table.title,
        endDate: table.endDate,
        statusId: table.statusId,
        userId: assignments.userId,
        planTitle: plans.title,
        unitName: orgUnits.name,
      })
      .from(table)
      .innerJoin(assignments, and(eq(assignments.tenantId, table.tenantId), eq(column, table.id)))
      .innerJoin(plans, and(eq(plans.tenantId, table.tenantId), eq(plans.id, table.planId)))
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
      .where(and(isNull(table.archivedAt), isNull(plans.archivedAt), ne(plans.state, 'closed')));
    // A control whose responsible function someone holds today is theirs too.
    const viaFunctions =
      kind === 'control'
        ? await tx
            .select({
              id: controls.id,
              title: controls.title,
              endDate: controls.endDate,
              statusId: controls.statusId,
              userId: functionHolders.userId,
              planTitle: plans.title,
              unitName: orgUnits.name,
            })
            .from(controls)
            .innerJoin(functionHolders, holdsControlFunctionOn(today))
            .innerJoin(plans, and(eq(plans.tenantId, controls.tenantId), eq(plans.id, controls.planId)))
            .innerJoin(orgUnits, and(eq(orgUnits.tenantId, plans.tenantId), eq(orgUnits.id, plans.unitId)))
            .where(and(isNull(controls.archivedAt), isNull(plans.archivedAt), ne(plans.state, 'closed')))
        : [];
    const named = new Set(rows.map((row) => `${row.id} ${row.userId}`));
    const open = [...rows, ...viaFunctions.filter((row) => !named.has(`${row.id} ${row.userId}`))].filter(
      (row) => row.statusId === null || !done.has(row.statusId),
    );
    const ids = [...new Set(open.map((row) => row.id))];
    // Stryker disable ConditionalExpression: equivalent, a query for no ids finds nothing (this only saves the query)
    const points =
      ids.length === 0
        ? []
        : await tx
            .select({ itemId: checkpointColumn, date: checkpoints.date })
            .from(checkpoints)
            .where(inArray(checkpointColumn, ids));
    // Stryker restore ConditionalExpression
    for (const row of open) {
      const what = ({ digest }: ServerMessages) => digest.item(digest[kind], row.title, row.planTitle, row.unitName);
      const { endDate } = row;
      if (endDate) {
        const days = daysBetween(today, endDate);
        // Overdue (days below 0) or due within the longest lead time.
        if (days <= horizon)
          add(row.userId, {
            days,
            date: endDate,
            line: localize((m) => m.digest.endDateLine(what(m), endDate)),
          });
      }
      for (const point of points.filter((entry) => entry.itemId === row.id)) {
        const days = daysBetween(today, point.date);
        if (days >= 0 && days <= horizon)
          add(row.userId, {
            days,
            date: point.date,
            line: localize((m) => m.digest.checkpointLine(what(m), point.date)),
          });
      }
    }
  }

  // Reporting deadlines of the årshjul, for the people holding the role on the unit or above it.
  const deadlines = await tx
    .select({ event: calendarEvents, period: reportingPeriods })
    .from(calendarEvents)
    .leftJoin(
      reportingPeriods,
      and(eq(reportingPeriods.tenantId, calendarEvents.tenantId), eq(reportingPeriods.id, calendarEvents.periodId)),
    )
    .where(eq(calendarEvents.kind, 'deadline'));
  const upcoming = deadlines.filter(({ event }) => {
    const days = daysBetween(today, event.date);
    return days >= 0 && days <= horizon;
  });
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, with no deadline the loop below adds nothing (this only saves two queries)
  if (upcoming.length > 0) {
    const [units, holders] = [
      await tx.select({ id: orgUnits.id, parentId: orgUnits.parentId }).from(orgUnits),
      await tx
        .select({
          userId: roleAssignments.userId,
          unitId: roleAssignments.unitId,
          role: roleAssignments.role,
          tenantId: roleAssignments.tenantId,
        })
        .from(roleAssignments)
        .where(isNull(roleAssignments.revokedAt)),
    ];
    const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
    const ancestors = (unitId: string) => {
      // Stryker disable next-line ArrayDeclaration: equivalent, an id that is no unit matches no role holder
      const chain: string[] = [];
      for (let at: string | null | undefined = unitId; at; at = parentOf.get(at)) chain.push(at);
      return chain;
    };
    for (const { event, period } of upcoming) {
      const within = event.unitId ? new Set(ancestors(event.unitId)) : null;
      // A deadline without a role is for everyone who reports: administrators, coordinators and the responsible.
      const concerned = (role: string) =>
        event.role === null ? role !== 'reader' && role !== 'auditor' : role === event.role;
      const people = new Set(
        holders
          .filter(
            (holder) =>
              holder.tenantId === event.tenantId &&
              concerned(holder.role) &&
              (within === null || within.has(holder.unitId)),
          )
          .map((holder) => holder.userId),
      );
      const line = localize((m, locale) =>
        period
          ? m.digest.deadlineInPeriodLine(event.title, reportingPeriodLabel(period, locale), event.date)
          : m.digest.deadlineLine(event.title, event.date),
      );
      for (const userId of people) {
        add(userId, {
          days: daysBetween(today, event.date),
          date: event.date,
          line,
        });
      }
    }
  }

  // Stryker disable next-line ConditionalExpression: equivalent, with no reminders no person is read and nothing is written (this only saves the query)
  if (reminders.size === 0) return 0;
  const people = await tx
    .select({ id: users.id, tenantId: users.tenantId, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, [...reminders.keys()]), isNotNull(users.email), isNull(users.deactivatedAt)));
  const messages: OutgoingMessage[] = people.map((person) => {
    const words = messagesIn(person.locale).digest;
    const own = [
      ...new Map(reminders.get(person.id)!.map((reminder) => [`${reminder.line.sv}`, reminder])).values(),
    ].sort((a, b) => a.days - b.days || a.line.sv.localeCompare(b.line.sv, 'sv'));
    const sections: string[] = [];
    const overdue = own.filter((reminder) => reminder.days < 0);
    if (overdue.length > 0)
      sections.push(
        [`${words.overdue}:`, ...overdue.map((reminder) => `- ${reminder.line[person.locale]}`)].join('\n'),
      );
    let from = 0;
    for (const lead of [...leadDays].sort((a, b) => a - b)) {
      const inWindow = own.filter((reminder) => reminder.days >= from && reminder.days <= lead);
      if (inWindow.length > 0)
        sections.push(
          [`${words.within(lead)}:`, ...inWindow.map((reminder) => `- ${reminder.line[person.locale]}`)].join('\n'),
        );
      from = lead + 1;
    }
    return {
      tenantId: person.tenantId,
      kind: 'digest',
      dedupeKey: `digest:${person.id}:${week}`,
      userId: person.id,
      toAddress: person.email!,
      subject: words.subject(week.slice(-2).replace(/^0/, '')),
      body: [words.greeting(person.name), '', words.intro, '', sections.join('\n\n'), '', words.closing].join('\n'),
    };
  });
  return queueMessages(tx, messages);
}
