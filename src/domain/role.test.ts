import { describe, expect, test } from 'vitest';
import { isTenantWideRole, parseRole, ROLE_LABELS, ROLES } from './role.ts';

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

describe('a role as people write it in their lists', () => {
  test('the Swedish and English names of every role, in any case and with or without å ä ö', () => {
    for (const role of ROLES) {
      expect(parseRole(ROLE_LABELS[role].sv)).toBe(role);
      expect(parseRole(ROLE_LABELS[role].en.toLowerCase())).toBe(role);
    }
    expect(parseRole('LÄSARE')).toBe('reader');
    expect(parseRole('lasare')).toBe('reader');
  });

  test('the titles of the roles in municipal instructions', () => {
    expect(parseRole('Internkontrollsamordnare')).toBe('coordinator');
    expect(parseRole('IK-samordnare')).toBe('coordinator');
    expect(parseRole('Kontrollansvarig')).toBe('responsible');
    expect(parseRole('Admin')).toBe('administrator');
  });

  test('anything else is no role', () => {
    expect(parseRole('')).toBeNull();
    expect(parseRole('Chef')).toBeNull();
  });
});
