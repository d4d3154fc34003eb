import { pgTable, text, uuid, jsonb, timestamp, primaryKey, index, check } from 'drizzle-orm/pg-core';
import { tenantKey, tenantReference } from './columns.ts';
import { users } from './users.ts';
import { inList } from './sql-helpers.ts';

/** Who or what made a change: a signed-in person, an API token, or the system (imports, jobs). */
export const ACTOR_KINDS = ['user', 'token', 'system'] as const;

/** Field name → [value before, value after]; a created entity has only after-values (before null). */
export type AuditChanges = Record<string, [unknown, unknown]>;

/**
 * Who changed what, when, from which value to which. Written in the same transaction as the
 * change itself, never updated and never deleted.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    ...tenantKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorKind: text({ enum: ACTOR_KINDS }).notNull(),
    actorUserId: uuid(),
    /** For system actors: what acted, e.g. "seed:demo". */
    actorLabel: text(),
    /** The table-level noun, e.g. "risk", "action". */
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    /** "create", "update", "archive", "adopt" … */
    operation: text().notNull(),
    changes: jsonb().$type<AuditChanges>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('audit_events_actor_fk', t, t.actorUserId, users),
    index('audit_events_entity_idx').on(t.tenantId, t.entityType, t.entityId),
    index('audit_events_time_idx').on(t.tenantId, t.occurredAt),
    check('audit_events_actor_kind_check', inList(t.actorKind, ACTOR_KINDS)),
  ],
);
