import { pgTable, text, uuid, jsonb, timestamp, primaryKey, index, check } from 'drizzle-orm/pg-core';
import { tenantKey, tenantReference } from './columns.ts';
import { users } from './users.ts';
import { orgUnits } from './org-units.ts';
import { apiTokens } from './api-tokens.ts';
import { inList } from './sql-helpers.ts';
import { ACTOR_KINDS } from '../../../domain/audit.ts';

export { ACTOR_KINDS };

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
    /**
     * For a change made with an API token: the token, so that the log names it (and through it
     * its name and who created it), not only the person it acts as. Tokens are never deleted.
     */
    actorTokenId: uuid(),
    /** For system actors: what acted, e.g. "seed:demo". */
    actorLabel: text(),
    /** The table-level noun, e.g. "risk", "action". */
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    /** "create", "update", "archive", "adopt" … */
    operation: text().notNull(),
    /**
     * The unit the entity belonged to when it changed, so that people who may read that unit
     * may read its history. Null for tenant-wide entities (users, statuses …).
     */
    unitId: uuid(),
    changes: jsonb().$type<AuditChanges>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    tenantReference('audit_events_actor_fk', t, t.actorUserId, users),
    tenantReference('audit_events_actor_token_fk', t, t.actorTokenId, apiTokens),
    index('audit_events_entity_idx').on(t.tenantId, t.entityType, t.entityId),
    // The events of given rows whatever their kind: the årsarkiv's audit trail of a plan's data.
    index('audit_events_entity_id_idx').on(t.tenantId, t.entityId),
    tenantReference('audit_events_unit_fk', t, t.unitId, orgUnits),
    index('audit_events_time_idx').on(t.tenantId, t.occurredAt),
    check('audit_events_actor_kind_check', inList(t.actorKind, ACTOR_KINDS)),
  ],
);
