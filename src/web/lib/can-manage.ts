import type { Me } from './use-me.ts';
import type { OrgUnit } from './reference-data.ts';

/** The roles that may change a unit's plans, as the server's access rules have them. */
const MANAGING_ROLES = new Set(['administrator', 'coordinator']);

/**
 * The units whose plans the signed-in person may change: the subtrees of the units on which
 * they are administrator or coordinator (the server's rule; the screens offer nothing it refuses).
 */
export function managedUnits(me: Me, units: OrgUnit[]): OrgUnit[] {
  return unitsWithRole(me, units, MANAGING_ROLES);
}

/** The units on which the signed-in person holds one of `roles`, directly or through an ancestor. */
function unitsWithRole(me: Me, units: OrgUnit[], roles: ReadonlySet<string>): OrgUnit[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const roots = new Set(me.roles.filter((role) => roles.has(role.role)).map((role) => role.unitId));
  const managed = (unit: OrgUnit | undefined): boolean => {
    for (let current = unit; current; current = current.parentId === null ? undefined : byId.get(current.parentId))
      if (roots.has(current.id)) return true;
    return false;
  };
  return units.filter((unit) => managed(unit));
}

/** Whether the signed-in person may change the unit's plans. */
export function canManageUnit(me: Me | undefined, units: OrgUnit[] | undefined, unitId: string): boolean {
  if (!me || !units) return false;
  return managedUnits(me, units).some((unit) => unit.id === unitId);
}

/** Roles that write a unit's own answers and follow-ups: its managers and responsible people. */
const ANSWERING_ROLES = new Set([...MANAGING_ROLES, 'responsible']);

/** Whether the signed-in person may write the unit's answer (as a manager or a responsible person there). */
export function canAnswerForUnit(me: Me | undefined, units: OrgUnit[] | undefined, unitId: string): boolean {
  if (!me || !units) return false;
  return unitsWithRole(me, units, ANSWERING_ROLES).some((unit) => unit.id === unitId);
}

/**
 * Whether the signed-in person is the unit's chef today (holds one of its manager functions): the
 * chef approves and sends back the unit's follow-ups written by others.
 */
export function isChefOfUnit(me: Me | undefined, unitId: string): boolean {
  return me?.chefOf.some((unit) => unit.unitId === unitId) ?? false;
}
