import { describe, expect, test } from 'vitest';
import { isTenantWideRole, ROLE_LABELS, ROLES } from './role.ts';

describe('roles', () => {
  test('a revisor reads the whole tenant, wherever the role is given', () => {
    expect(isTenantWideRole('auditor', { parentId: null })).toBe(true);
    expect(isTenantWideRole('auditor', { parentId: 'a-committee' })).toBe(true);
  });

  test('an administrator reaches the whole tenant only on the root unit', () => {
    expect(isTenantWideRole('administrator', { parentId: null })).toBe(true);
    expect(isTenantWideRole('administrator', { parentId: 'the-municipality' })).toBe(false);
  });

  test('the other roles stay in their subtree, even on the root unit', () => {
    for (const role of ['coordinator', 'responsible', 'reader'] as const) {
      expect(isTenantWideRole(role, { parentId: null })).toBe(false);
      expect(isTenantWideRole(role, { parentId: 'the-municipality' })).toBe(false);
    }
  });

  test('each role has the name municipal staff use, in Swedish and English', () => {
    expect(ROLES.map((role) => ROLE_LABELS[role])).toEqual([
      { sv: 'Administratör', en: 'Administrator' },
      { sv: 'Samordnare', en: 'Coordinator' },
      { sv: 'Ansvarig', en: 'Responsible' },
      { sv: 'Läsare', en: 'Reader' },
      { sv: 'Revisor', en: 'Auditor' },
    ]);
  });
});
