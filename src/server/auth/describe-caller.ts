import { and, asc, eq, isNull } from 'drizzle-orm';
import { swedishDateOf } from '../../domain/clock.ts';
import type { Database } from '../db/client.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { roleAssignments } from '../db/schema/role-assignments.ts';
import { tenants } from '../db/schema/tenants.ts';
import { users } from '../db/schema/users.ts';
import { unitsChefedBy } from '../functions/function-holders.ts';
import { secondFactorState } from './second-factor.ts';

export interface DescribeCallerOptions {
  tenantId: string;
  userId: string;
  /** How the caller came: with the session cookie or an API token. */
  via: 'session' | 'token';
  /** False for a read-only API token. */
  mayWrite: boolean;
  /** The session's CSRF token, which a browser sends with every write; null for an API token. */
  csrfToken: string | null;
  /** The server clock's present moment: the web app reckons "today" from it, so that it and the server agree on what is overdue. */
  now: Date;
}

/** Who is calling, as sign-in and "who am I" answer: the person, their tenant, their roles by unit, the units whose chef they are today, their second factor, and how they came. */
export async function describeCaller(
  db: Database,
  { tenantId, userId, via, mayWrite, csrfToken, now }: DescribeCallerOptions,
) {
  const [row] = await db
    .select({
      user: {
        id: users.id,
        name: users.name,
        email: users.email,
        title: users.title,
        locale: users.locale,
        version: users.version,
      },
      tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name },
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  const roles = await db
    .select({
      id: roleAssignments.id,
      unitId: roleAssignments.unitId,
      unitName: orgUnits.name,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, roleAssignments.tenantId), eq(orgUnits.id, roleAssignments.unitId)))
    .where(
      and(
        eq(roleAssignments.tenantId, tenantId),
        eq(roleAssignments.userId, userId),
        isNull(roleAssignments.revokedAt),
      ),
    )
    .orderBy(asc(orgUnits.name), asc(roleAssignments.role));
  const secondFactor = await secondFactorState(db, { tenantId, userId });
  const chefOf = await unitsChefedBy(db, tenantId, userId, swedishDateOf(now));
  return { ...row!, roles, chefOf, secondFactor, via, mayWrite, csrfToken, now: now.toISOString() };
}
