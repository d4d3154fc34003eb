/**
 * Roles a person holds on an organisation unit; a role is valid for the unit's whole subtree.
 * - administrator (administratör): administers the tenant.
 * - coordinator (samordnare): internal-control coordinator, edits plans, risks and everything in their units.
 * - responsible (ansvarig): edits the items they are responsible for and writes their follow-ups and deviations.
 * - reader (läsare): reads.
 * - auditor (revisor): reads everything in the tenant including the audit log, writes nothing.
 */
export const ROLES = ['administrator', 'coordinator', 'responsible', 'reader', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { sv: string; en: string }> = {
  administrator: { sv: 'Administratör', en: 'Administrator' },
  coordinator: { sv: 'Samordnare', en: 'Coordinator' },
  responsible: { sv: 'Ansvarig', en: 'Responsible' },
  reader: { sv: 'Läsare', en: 'Reader' },
  auditor: { sv: 'Revisor', en: 'Auditor' },
};

/**
 * Whether a role reaches beyond the unit's subtree: a revisor reads the whole tenant and its
 * audit log, and an administrator of a root unit administers the tenant. Only the tenant
 * administrator gives or takes such a role; nobody hands out more reach than their own.
 */
export function isTenantWideRole(role: Role, unit: { parentId: string | null }): boolean {
  return role === 'auditor' || (role === 'administrator' && unit.parentId === null);
}
