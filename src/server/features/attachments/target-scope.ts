import { sql, type SQL } from 'drizzle-orm';
import type { AttachmentTarget } from '../../../domain/control-result.ts';
import type { Role } from '../../../domain/role.ts';
import type { Access } from '../../access/access.ts';
import { queryRows, type Database } from '../../db/client.ts';
import { attachments } from '../../db/schema/attachments.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** Who may add evidence to a thing and archive it: those who write in the thing's unit. */
export const ATTACHMENT_WRITING_ROLES: readonly Role[] = ['administrator', 'coordinator', 'responsible'];

/** The column of `attachments` that points at each kind of target. */
export const TARGET_COLUMNS = {
  plan: attachments.planId,
  follow_up: attachments.followUpId,
  control_result: attachments.controlResultId,
  deviation: attachments.deviationId,
  review: attachments.reviewId,
  recommendation: attachments.recommendationId,
} as const satisfies Record<AttachmentTarget, unknown>;

/** The field of an attachment row that points at each kind of target. */
export const TARGET_FIELDS = {
  plan: 'planId',
  follow_up: 'followUpId',
  control_result: 'controlResultId',
  deviation: 'deviationId',
  review: 'reviewId',
  recommendation: 'recommendationId',
} as const satisfies Record<AttachmentTarget, string>;

/**
 * The unit a target belongs to, as SQL giving one `unit_id`: a plan's own; a follow-up's,
 * result's or deviation's through its item's plan; a review's through its plan; a
 * recommendation's through its review. The same unit the thing itself is read and written by.
 */
function unitOfTarget(tenantId: string, type: AttachmentTarget, targetId: string): SQL {
  switch (type) {
    case 'plan':
      return sql`select p.unit_id from plans p where p.tenant_id = ${tenantId} and p.id = ${targetId}`;
    case 'follow_up':
      return sql`select p.unit_id from follow_ups f
        left join controls c on c.tenant_id = f.tenant_id and c.id = f.control_id
        left join actions a on a.tenant_id = f.tenant_id and a.id = f.action_id
        left join activities v on v.tenant_id = f.tenant_id and v.id = f.activity_id
        join plans p on p.tenant_id = f.tenant_id and p.id = coalesce(c.plan_id, a.plan_id, v.plan_id)
        where f.tenant_id = ${tenantId} and f.id = ${targetId}`;
    case 'control_result':
      return sql`select p.unit_id from control_results r
        join controls c on c.tenant_id = r.tenant_id and c.id = r.control_id
        join plans p on p.tenant_id = c.tenant_id and p.id = c.plan_id
        where r.tenant_id = ${tenantId} and r.id = ${targetId}`;
    case 'deviation':
      return sql`select p.unit_id from deviations d
        join controls c on c.tenant_id = d.tenant_id and c.id = d.control_id
        join plans p on p.tenant_id = c.tenant_id and p.id = c.plan_id
        where d.tenant_id = ${tenantId} and d.id = ${targetId}`;
    case 'review':
      return sql`select p.unit_id from reviews r
        join plans p on p.tenant_id = r.tenant_id and p.id = r.plan_id
        where r.tenant_id = ${tenantId} and r.id = ${targetId}`;
    case 'recommendation':
      return sql`select p.unit_id from recommendations x
        join reviews r on r.tenant_id = x.tenant_id and r.id = x.review_id
        join plans p on p.tenant_id = r.tenant_id and p.id = r.plan_id
        where x.tenant_id = ${tenantId} and x.id = ${targetId}`;
  }
}

/** The unit of a target of the caller's tenant, or null when there is no such target. */
export async function findTargetUnit(
  db: Database,
  tenantId: string,
  type: AttachmentTarget,
  targetId: string,
): Promise<string | null> {
  const [row] = await queryRows<{ unit_id: string }>(db, unitOfTarget(tenantId, type, targetId));
  return row?.unit_id ?? null;
}

/**
 * The unit of a target the caller reads; otherwise not found, or (with `field`, for a target
 * named in a request body) 400 naming the field, as any reference to something unseen.
 */
export async function findReadableTargetUnit(
  db: Database,
  access: Access,
  type: AttachmentTarget,
  targetId: string,
  field?: string,
): Promise<string> {
  const unitId = await findTargetUnit(db, access.tenantId, type, targetId);
  if (unitId === null || !access.canRead(unitId)) {
    if (field)
      throw new AppError('validation_failed', undefined, [
        { path: field, message: localize((m) => m.validation.doesNotExist) },
      ]);
    throw new AppError('not_found');
  }
  return unitId;
}

/** Whether the caller may add evidence to things of the unit (and archive it), without throwing. */
export function mayWriteEvidence(access: Access, unitId: string): boolean {
  return access.principal.mayWrite && access.hasRole(unitId, ATTACHMENT_WRITING_ROLES);
}
