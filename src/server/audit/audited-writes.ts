import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { localize } from '../messages/messages.ts';
import { creationChanges, recordAuditEvents, type Actor } from './record-audit-events.ts';
import type { AuditChanges } from '../db/schema/audit-events.ts';

export type Row = Record<string, unknown>;

/** A tenant-owned table: every one has (tenant_id, id). */
export type TenantTable = PgTable & { tenantId: PgColumn; id: PgColumn };
/** A table whose rows carry `version` and `updatedAt`. */
export type VersionedTable = TenantTable & { version: PgColumn; updatedAt: PgColumn };

/** Where a change is recorded in the audit log. */
export interface AuditTarget {
  actor: Actor;
  /** The noun, e.g. "risk". */
  entityType: string;
  /** The unit the entity belongs to, so that those who read the unit can read its history. */
  unitId: string | null;
}

/** Inserts one row and its audit event in the caller's transaction; returns the row. */
export async function insertAudited(
  tx: Transaction,
  table: TenantTable,
  values: Row,
  audit: AuditTarget,
  extraChanges: AuditChanges = {},
): Promise<Row> {
  const [row] = (await tx
    .insert(table)
    .values(values as never)
    .returning()) as Row[];
  await recordAuditEvents(tx, audit.actor, [
    {
      entityType: audit.entityType,
      entityId: row!.id as string,
      operation: 'create',
      unitId: audit.unitId,
      changes: { ...creationChanges(row!), ...extraChanges },
    },
  ]);
  return row!;
}

/** Equal as JSON; a Date is its ISO text there, so a Date and the same moment as text are the same value. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields whose value would change, as [before, after]. */
export function changedFields(current: Row, values: Row): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (!sameValue(current[field], value)) changes[field] = [current[field] ?? null, value];
  }
  return changes;
}

/**
 * The version a change was based on: the body's `version`, or else the `If-Match` header
 * ("3" or W/"3"). Without either, a change could silently overwrite someone else's.
 */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const match = ifMatch ? /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim()) : null;
  if (match) return Number(match[1]);
  throw new AppError('validation_failed', undefined, [
    {
      path: 'version',
      message: localize((m) => m.versions.required),
    },
  ]);
}

function conflictError(current: Row, expected: number, present: (row: Row) => unknown): AppError {
  return new AppError(
    'conflict',
    localize((m) => m.versions.stale(expected, String(current.version))),
    [],
    { current: present(current) },
  );
}

/** Throws 409 with the current state unless the row is still at the version the client read. */
export function assertCurrentVersion(current: Row, expected: number, present: (row: Row) => unknown): void {
  if (current.version !== expected) throw conflictError(current, expected, present);
}

export interface UpdateOptions {
  /** The row as read in this transaction (with its `version`). */
  current: Row;
  /** The version the client started from. */
  expectedVersion: number;
  /** The fields to set; undefined ones are left alone. */
  values: Row;
  /** How the entity is shown in a 409, so the client can merge without another request. */
  present: (row: Row) => unknown;
  operation?: string;
  /**
   * Writes what the entity keeps outside its row (responsible persons, checkpoints) once the
   * version has been checked, returning those changes: they count as a change of the entity and
   * share its event.
   */
  writeAlongside?: () => Promise<AuditChanges>;
}

/**
 * Changes a row if nobody else has changed it since `expectedVersion`: otherwise 409 with the
 * current state. Only fields that really change are written and audited; the version rises by one.
 */
export async function updateAudited(
  tx: Transaction,
  table: VersionedTable,
  options: UpdateOptions,
  audit: AuditTarget,
): Promise<Row> {
  const { current } = options;
  assertCurrentVersion(current, options.expectedVersion, options.present);
  const rowChanges = changedFields(current, options.values);
  const changes = { ...rowChanges, ...(options.writeAlongside ? await options.writeAlongside() : {}) };
  if (Object.keys(changes).length === 0) return current;
  const set: Row = { updatedAt: sql`now()`, version: sql`${table.version} + 1` };
  for (const field of Object.keys(rowChanges)) set[field] = options.values[field];
  const [row] = (await tx
    .update(table)
    .set(set as never)
    .where(
      and(eq(table.tenantId, current.tenantId), eq(table.id, current.id), eq(table.version, options.expectedVersion)),
    )
    .returning()) as Row[];
  // Read at the same version but changed by a concurrent transaction before ours could write.
  if (!row) throw conflictError(current, options.expectedVersion, options.present);
  await recordAuditEvents(tx, audit.actor, [
    {
      entityType: audit.entityType,
      entityId: current.id as string,
      operation: options.operation ?? 'update',
      unitId: audit.unitId,
      changes,
    },
  ]);
  return row;
}

/**
 * Sets or clears `archivedAt` (archive / restore). Plan data is never deleted; an archived
 * entity disappears from lists unless asked for, and its history stays.
 */
export async function setArchived(
  tx: Transaction,
  table: VersionedTable & { archivedAt: PgColumn },
  current: Row,
  archived: boolean,
  audit: AuditTarget,
): Promise<Row> {
  if ((current.archivedAt !== null) === archived) return current;
  const [row] = (await tx
    .update(table)
    .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()`, version: sql`${table.version} + 1` })
    .where(and(eq(table.tenantId, current.tenantId), eq(table.id, current.id)))
    .returning()) as Row[];
  await recordAuditEvents(tx, audit.actor, [
    {
      entityType: audit.entityType,
      entityId: current.id as string,
      operation: archived ? 'archive' : 'restore',
      unitId: audit.unitId,
      changes: { archivedAt: [current.archivedAt ?? null, row!.archivedAt ?? null] },
    },
  ]);
  return row!;
}
