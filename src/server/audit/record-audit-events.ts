import type { Transaction } from '../db/client.ts';
import { auditEvents, type AuditChanges } from '../db/schema/audit-events.ts';

/** Who made a change. */
export type Actor =
  | { kind: 'user'; tenantId: string; userId: string }
  /** A change made with an API token: the person it acts as, and the token itself. */
  | { kind: 'token'; tenantId: string; userId: string; tokenId: string | null }
  | { kind: 'system'; tenantId: string; label: string };

/** One change to record: the entity, what was done, and the fields before and after. */
export interface AuditEntry {
  entityType: string;
  entityId: string;
  operation: string;
  /** The unit the entity belongs to; null or absent for tenant-wide entities. */
  unitId?: string | null;
  changes: AuditChanges;
}

/**
 * Secrets never enter the audit log, not even hashed: a change of one is recorded as
 * "[redacted]" (null stays null, so the log still shows that a password was set or removed).
 */
const SECRET_FIELDS = new Set([
  'password',
  'passwordHash',
  'secret',
  'secretHash',
  'token',
  'tokenHash',
  'csrfToken',
  'clientSecret',
  'sealedSecret',
  'sealedTotpSecret',
  'code',
  'codeHash',
]);

function withoutSecrets(changes: AuditChanges): AuditChanges {
  const safe: AuditChanges = {};
  for (const [field, [before, after]] of Object.entries(changes)) {
    safe[field] = SECRET_FIELDS.has(field)
      ? [
          before === null || before === undefined ? null : '[redacted]',
          after === null || after === undefined ? null : '[redacted]',
        ]
      : [before, after];
  }
  return safe;
}

/** The changes of a newly created row: every set field, from nothing to its value. */
export function creationChanges(row: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(row)) {
    if (value === undefined || value === null || field === 'tenantId' || field === 'id') continue;
    changes[field] = [null, value];
  }
  return changes;
}

/**
 * Writes audit events inside the caller's transaction, so they commit or roll back with the
 * change. Every event of a token names the token; secret fields are redacted here, whoever calls.
 */
export async function recordAuditEvents(tx: Transaction, actor: Actor, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({
    tenantId: actor.tenantId,
    actorKind: actor.kind,
    actorUserId: actor.kind === 'system' ? null : actor.userId,
    actorTokenId: actor.kind === 'token' ? actor.tokenId : null,
    actorLabel: actor.kind === 'system' ? actor.label : null,
    entityType: entry.entityType,
    entityId: entry.entityId,
    operation: entry.operation,
    unitId: entry.unitId ?? null,
    changes: withoutSecrets(entry.changes),
  }));
  // Bounded batches keep each statement under the parameter limit of the wire protocol.
  for (let start = 0; start < rows.length; start += 500) {
    await tx.insert(auditEvents).values(rows.slice(start, start + 500));
  }
}
