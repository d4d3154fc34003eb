import { and, eq, sql } from 'drizzle-orm';
import { orgUnits } from '../db/schema/org-units.ts';
import { AppError } from '../errors.ts';
import type { Access } from './access.ts';
import { queryRows, type Database } from '../db/client.ts';

/** A unit and every unit below it. */
export async function subtreeUnitIds(db: Database, tenantId: string, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive subtree(id) as (
          select id from org_units where tenant_id = ${tenantId} and id = ${unitId}
          union
          select child.id from org_units child join subtree on child.parent_id = subtree.id where child.tenant_id = ${tenantId}
        ) select id from subtree`,
  );
  return rows.map((row) => row.id);
}

/** A unit and every unit above it, up to the root: the units whose roles hold for it. */
export async function ancestorUnitIds(db: Database, tenantId: string, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive chain(id, parent_id) as (
          select id, parent_id from org_units where tenant_id = ${tenantId} and id = ${unitId}
          union
          select parent.id, parent.parent_id from org_units parent join chain on parent.id = chain.parent_id where parent.tenant_id = ${tenantId}
        ) select id from chain`,
  );
  return rows.map((row) => row.id);
}

/**
 * The units a list may show: those the caller reads (`readable`, or 'all'), narrowed to the
 * subtree of `under` when given. Returns 'all' only when nothing narrows the tenant.
 */
export async function visibleUnitIds(
  db: Database,
  tenantId: string,
  readable: string[] | 'all',
  under: string | undefined,
): Promise<string[] | 'all'> {
  if (under === undefined) return readable;
  const subtree = await subtreeUnitIds(db, tenantId, under);
  if (readable === 'all') return subtree;
  const allowed = new Set(readable);
  return subtree.filter((id) => allowed.has(id));
}

/**
 * The units a list may cover for this caller: all they read, or, with `under`, the readable
 * part of that unit's subtree (not found when `under` itself is unreadable).
 */
export async function findReadableUnitIds(
  db: Database,
  access: Access,
  under: string | undefined,
): Promise<string[] | 'all'> {
  if (under !== undefined) {
    const [unit] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, access.tenantId), eq(orgUnits.id, under)));
    if (!unit || !access.canRead(unit.id)) throw new AppError('not_found');
  }
  return visibleUnitIds(db, access.tenantId, access.readableUnitIds(), under);
}
