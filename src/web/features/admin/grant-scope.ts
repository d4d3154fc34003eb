import { isTenantWideRole, ROLES, type Role } from '../../../domain/role.ts';
import type { Me } from '../../lib/use-me.ts';
import type { OrgUnit } from '../../lib/reference-data.ts';

/** What the signed-in person may give and take, so that the screens offer nothing the API refuses. */
export interface GrantScope {
  /** Administrator of a root unit: gives every role everywhere, and manages people. */
  isTenantAdministrator: boolean;
  /** The units the person administers (their administrator roles' subtrees). */
  units: OrgUnit[];
  /** The roles that may be given or taken on a unit. */
  rolesOn(unitId: string): Role[];
}

/** The same rule as the server's: roles on the units one administers; tenant-wide roles only by the tenant administrator. */
export function grantScope(me: Me, units: OrgUnit[]): GrantScope {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const administered = new Set(me.roles.filter((role) => role.role === 'administrator').map((role) => role.unitId));
  const isTenantAdministrator = [...administered].some((unitId) => byId.get(unitId)?.parentId === null);
  const isAdministered = (unit: OrgUnit | undefined): boolean => {
    for (let current = unit; current; current = current.parentId === null ? undefined : byId.get(current.parentId)) {
      if (administered.has(current.id)) return true;
    }
    return false;
  };
  return {
    isTenantAdministrator,
    units: units.filter((unit) => isAdministered(unit)),
    rolesOn(unitId) {
      const unit = byId.get(unitId);
      if (!unit || !isAdministered(unit)) return [];
      return ROLES.filter((role) => isTenantAdministrator || !isTenantWideRole(role, unit));
    },
  };
}
