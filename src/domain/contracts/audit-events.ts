import { z } from 'zod';
import { ACTOR_KINDS } from '../audit.ts';
import { id, listQuery, timestamp } from './common.ts';

/** One change in the audit log: who, when, what, and each changed field before and after. */
export const auditEvent = z
  .object({
    id,
    occurredAt: timestamp,
    actorKind: z.enum(ACTOR_KINDS),
    actorUserId: id.nullable(),
    actorName: z
      .string()
      .nullable()
      .meta({ description: 'The person (or the token’s person); "(borttagen)" marks a deactivated one.' }),
    actorLabel: z.string().nullable().meta({ description: 'For the system: what acted, e.g. "seed:demo".' }),
    actorToken: z
      .object({
        id,
        name: z.string(),
        createdById: id.meta({ description: 'The administrator who created the token.' }),
        createdByName: z.string().meta({ description: 'Their name; "(borttagen)" marks a deactivated one.' }),
      })
      .nullable()
      .meta({
        description:
          'For a change made with an API token: the token and who created it (actorUserId is the person it acts as).',
      }),
    entityType: z.string(),
    entityId: id,
    entityTitle: z
      .string()
      .nullable()
      .meta({ description: 'The entity’s current title or name; null for kinds without one.' }),
    names: z.record(z.string(), z.string()).meta({
      description:
        'Id → name for the ids in the changes that are people, units, statuses or vocabulary entries, in the language asked for.',
    }),
    operation: z.string().meta({ description: 'create, update, archive, restore …' }),
    unitId: id.nullable(),
    changes: z
      .record(z.string(), z.tuple([z.unknown(), z.unknown()]))
      .meta({ description: 'Field → [before, after].' }),
  })
  .meta({ id: 'AuditEvent' });

export const auditEventListQuery = z.strictObject({
  ...listQuery(['occurredAt']),
  entityType: z.string().max(50).optional(),
  entityId: id.optional(),
  actorUserId: id.optional(),
  actorTokenId: id.optional().meta({ description: 'Only the changes made with this API token.' }),
  from: z.iso.datetime({ offset: true }).optional().meta({ description: 'From this time (inclusive), ISO 8601.' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: 'Before this time (exclusive), ISO 8601.' }),
});
