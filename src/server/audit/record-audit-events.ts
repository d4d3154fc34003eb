import type { Transaction } from '../db/client.ts';
import { auditEvents, type AuditChanges } from '../db/schema/audit-events.ts';

/** Who made a change. */
export type Actor =
  | { kind: 'user'; tenantId: string; userId: string }
  | { kind: 'token'; tenantId: string; userId: string }
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

// Secrets never enter the audit log, not even hashed.
const REDACTED_FIELDS = new Set(['passwordHash', 'tokenHash']);

/** The changes of a newly created row: every set field, from nothing to its value. */
export function creationChanges(row: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(row)) {
    if (value === undefined || value === null || field === 'tenantId' || field === 'id') continue;
    changes[field] = [null, REDACTED_FIELDS.has(field) ? '[redacted]' : value];
  }
  return changes;
}

/** Writes audit events inside the caller's transaction, so they commit or roll back with the change. */
export async function recordAuditEvents(tx: Transaction, actor: Actor, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((entry) => ({
    tenantId: actor.tenantId,
    actorKind: actor.kind,
    actorUserId: actor.kind === 'system' ? null : actor.userId,
    actorLabel: actor.kind === 'system' ? actor.label : null,
    entityType: entry.entityType,
    entityId: entry.entityId,
    operation: entry.operation,
    unitId: entry.unitId ?? null,
    changes: entry.changes,
  }));
  // Bounded batches keep each statement under the parameter limit of the wire protocol.
  for (let start = 0; start < rows.length; start += 500) {
    await tx.insert(auditEvents).values(rows.slice(start, start + 500));
  }
}
