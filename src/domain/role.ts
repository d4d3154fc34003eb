import { foldWords } from './table-headings.ts';
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

/** The words people write for each role, folded (lower case, å ä ö as a a o, no signs). */
const ROLE_WORDS: Record<string, Role> = {
  administrator: 'administrator',
  admin: 'administrator',
  systemadministrator: 'administrator',
  samordnare: 'coordinator',
  internkontrollsamordnare: 'coordinator',
  iksamordnare: 'coordinator',
  coordinator: 'coordinator',
  ansvarig: 'responsible',
  kontrollansvarig: 'responsible',
  responsible: 'responsible',
  lasare: 'reader',
  lasbehorighet: 'reader',
  reader: 'reader',
  revisor: 'auditor',
  auditor: 'auditor',
};

/**
 * Reads a role as a person writes it in a list of people: "Samordnare", "IK-samordnare",
 * "läsare", "Auditor" …; null when it is none of them.
 */
export function parseRole(text: string): Role | null {
  return ROLE_WORDS[foldWords(text)] ?? null;
}

/**
 * Whether a role reaches beyond the unit's subtree: a revisor reads the whole tenant and its
 * audit log, and an administrator of a root unit administers the tenant. Only the tenant
 * administrator gives or takes such a role; nobody hands out more reach than their own.
 */
export function isTenantWideRole(role: Role, unit: { parentId: string | null }): boolean {
  return role === 'auditor' || (role === 'administrator' && unit.parentId === null);
}
