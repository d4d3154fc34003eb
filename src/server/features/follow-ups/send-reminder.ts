import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { REMINDABLE_STATES, type followUpReminder } from '../../../domain/contracts/follow-up-board.ts';
import { reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import type { Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Transaction } from '../../db/client.ts';
import { users } from '../../db/schema/users.ts';
import { AppError } from '../../errors.ts';
import { queueMessages, type OutgoingMessage } from '../../mail/outbox.ts';
import { localize, messagesIn } from '../../messages/messages.ts';
import { findItemScope } from '../../plan-items/item-commands.ts';
import type { ItemKind } from '../../plan-items/item-details.ts';
import {
  assertFollowsUp,
  boardItems,
  findBoardPeriod,
  lastReminders,
  loadResponsible,
  reminderKeyPrefix,
} from './period-board.ts';

const ITEM_FIELD: Record<ItemKind, string> = { control: 'controlId', action: 'actionId', activity: 'activityId' };

/**
 * Påminn: writes a reminder to everyone who answers for an item whose follow-up for the period is
 * missing, overdue or sent back, through the outbox (sent by the job runner when SMTP is set).
 * A person is reminded about an item at most once a day: pressing again the same day writes
 * nothing new and answers with the reminder already sent. Recorded in the audit log.
 */
export async function sendFollowUpReminder(
  tx: Transaction,
  access: Access,
  input: { periodId: string; kind: ItemKind; itemId: string },
): Promise<z.infer<typeof followUpReminder>> {
  const { tenantId, today } = access;
  const period = await findBoardPeriod(tx, access, input.periodId);
  const scope = await findItemScope(tx, access, input.kind, input.itemId, 'itemId');
  assertFollowsUp(access, scope.unitId);
  access.assertMayWrite();
  const [item] = await boardItems(tx, access, period, scope.unitId, { kind: input.kind, id: input.itemId });
  if (!item)
    throw new AppError('validation_failed', undefined, [
      { path: 'itemId', message: localize((m) => m.followUpBoard.notDue) },
    ]);
  if (!REMINDABLE_STATES.includes(item.state)) {
    const message = localize((m) => m.followUpBoard.alreadyWritten);
    throw new AppError('not_yet', message, [{ path: 'itemId', message }]);
  }
  const people = ((await loadResponsible(tx, tenantId, [item], today)).get(item.id) ?? []).filter(
    (person) => person.reachable,
  );
  if (people.length === 0) {
    const message = localize((m) => m.followUpBoard.nobodyToRemind);
    throw new AppError('not_yet', message, [{ path: 'itemId', message }]);
  }
  const [sender] = await tx
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, access.userId)));
  const now = access.clock.now();
  const messages: OutgoingMessage[] = people.map((person) => {
    const m = messagesIn(person.locale);
    const words = m.followUpBoard;
    const periodName = reportingPeriodLabel(period, person.locale);
    const line = m.digest.item(m.digest[item.kind], item.title, item.planTitle, item.unitName);
    return {
      tenantId,
      kind: 'reminder',
      dedupeKey: `${reminderKeyPrefix(period.id)}${item.id}:${person.userId}:${today}`,
      userId: person.userId,
      toAddress: person.email!,
      subject: words.subject(periodName),
      body: [
        m.digest.greeting(person.name),
        '',
        words.intro(sender?.name ?? '', periodName),
        `- ${line}`,
        '',
        words.deadline(item.deadline),
        ...(item.state === 'returned' && item.reviewComment ? ['', words.returned(item.reviewComment)] : []),
        '',
        words.closing,
      ].join('\n'),
      createdAt: now,
    };
  });
  const queued = await queueMessages(tx, messages);
  if (queued > 0) {
    await recordAuditEvents(tx, access.actor, [
      {
        entityType: input.kind,
        entityId: item.id,
        operation: 'remind',
        unitId: scope.unitId,
        changes: {
          [ITEM_FIELD[input.kind]]: [null, item.id],
          periodId: [null, period.id],
          recipientIds: [null, people.map((person) => person.userId)],
        },
      },
    ]);
  }
  const remindedAt = (await lastReminders(tx, tenantId, period.id)).get(item.id) ?? now;
  return {
    remindedAt: remindedAt.toISOString(),
    queued,
    recipients: people.map((person) => ({ userId: person.userId, name: person.name })),
  };
}
