import { eq } from 'drizzle-orm';
import { mayNestUnder, ORG_UNIT_KIND_LABELS, type OrgUnitKind } from '../../../domain/org-unit.ts';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** Units are sorted by their Swedish names. */
export const collator = new Intl.Collator('sv');

/** Every unit of the tenant the caller may read (units are few; filtering happens here). */
export async function readableUnits(db: Database, access: Access, includeArchived: boolean) {
  const rows = await db.select().from(orgUnits).where(eq(orgUnits.tenantId, access.tenantId));
  return rows.filter((row) => access.canRead(row.id) && (includeArchived || row.archivedAt === null));
}

/** Refuses a unit of `kind` directly below a unit of `parentKind`, naming the field that was given. */
export function assertNesting(kind: OrgUnitKind, parentKind: OrgUnitKind, path: 'kind' | 'parentId') {
  if (mayNestUnder(kind, parentKind)) return;
  const message = localize((m, locale) => {
    const child = ORG_UNIT_KIND_LABELS[kind][locale].toLowerCase();
    const parent = ORG_UNIT_KIND_LABELS[parentKind][locale].toLowerCase();
    return kind === 'kommun' || kind === 'region'
      ? m.orgUnits.topKindCannotNest(child)
      : m.orgUnits.cannotNestUnder(child, parent);
  });
  throw new AppError('validation_failed', undefined, [{ path, message }]);
}

/** The refusal of an archived unit as the parent of a new or moved unit. */
export function archivedParent() {
  return new AppError('validation_failed', undefined, [
    { path: 'parentId', message: localize((m) => m.orgUnits.archivedParent) },
  ]);
}
