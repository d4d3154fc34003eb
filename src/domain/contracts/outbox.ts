import { z } from 'zod';
import { id, timestamp } from './common.ts';

export const outboxMessage = z
  .object({
    id,
    kind: z
      .enum(['digest', 'deviation'])
      .meta({ description: 'The weekly digest of reminders, or the notice of a deviation.' }),
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
  kind: z.enum(['digest', 'deviation']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
