import { z } from 'zod';
import { id, timestamp } from './common.ts';

export const outboxMessage = z
  .object({
    id,
    kind: z.enum(['digest', 'deviation', 'invitation', 'password_reset', 'reminder']).meta({
      description:
        'The weekly digest of reminders, the notice of a deviation, an invitation, a new-password link ' +
        '(these two hold a placeholder for the link, filled in only when the message is sent), or a coordinator’s reminder to write a period’s follow-up.',
    }),
    userId: id.nullable(),
    toAddress: z.string(),
    subject: z.string(),
    body: z.string().meta({ description: 'Plain text.' }),
    createdAt: timestamp,
    sentAt: timestamp.nullable().meta({ description: 'Null: not sent (no SMTP configured, or not yet).' }),
    error: z.string().nullable().meta({ description: 'The last sending error.' }),
  })
  .meta({ id: 'OutboxMessage' });

export const outboxQuery = z.strictObject({
  kind: z.enum(['digest', 'deviation', 'invitation', 'password_reset', 'reminder']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
