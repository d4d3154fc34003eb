import { z } from 'zod';
import { ROLES } from '../role.ts';
import { booleanQuery, id, timestamp } from './common.ts';

/** A person's role on a unit, valid for the unit's whole subtree. Revoked, never deleted. */
export const roleAssignment = z
  .object({ id, userId: id, unitId: id, role: z.enum(ROLES), createdAt: timestamp, revokedAt: timestamp.nullable() })
  .meta({ id: 'RoleAssignment' });

export const roleAssignmentCreate = z
  .strictObject({ userId: id, unitId: id, role: z.enum(ROLES) })
  .meta({ id: 'RoleAssignmentCreate' });

export const roleAssignmentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  userId: id.optional(),
  unitId: id.optional(),
  includeRevoked: booleanQuery.optional(),
});
