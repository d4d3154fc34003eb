import { and, eq, isNull } from 'drizzle-orm';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/**
 * Who may take out an årsarkiv: the unit's coordinators and administrators (a role on a unit
 * above counts), and for the whole tenant those of its top unit. A unit the caller cannot read is
 * not found; it is a read, so a read-only API token of such a person may take it too.
 */
export async function assertMayArchive(db: Database, access: Access, unitId: string | undefined): Promise<void> {
  if (unitId !== undefined) {
    if (!access.canRead(unitId)) {
      // The same answer for a unit that is not there and one the caller cannot see.
      const message = localize((m) => m.problemTitles.not_found);
      throw new AppError('not_found', message, [{ path: 'unit', message }]);
    }
    if (!access.hasRole(unitId, MANAGING_ROLES))
      throw new AppError(
        'forbidden',
        localize((m) => m.archives.managersOnly),
      );
    return;
  }
  const roots = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, access.tenantId), isNull(orgUnits.parentId), isNull(orgUnits.archivedAt)));
  if (roots.length === 0 || !roots.every((root) => access.hasRole(root.id, MANAGING_ROLES)))
    throw new AppError(
      'forbidden',
      localize((m) => m.archives.tenantManagersOnly),
    );
}
