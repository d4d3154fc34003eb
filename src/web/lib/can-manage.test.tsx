import { describe, expect, test } from 'vitest';
import { administratorOf, NAMND_UNIT, ROOT_UNIT } from '../../../test/web/admin-fixtures.ts';
import type { OrgUnit } from './reference-data.ts';
import type { Me } from './use-me.ts';
import { canManageUnit, managedUnits } from './can-manage.ts';

const FORVALTNING = {
  ...NAMND_UNIT,
  id: 'u-sf',
  parentId: NAMND_UNIT.id,
  kind: 'forvaltning',
  name: 'Socialförvaltningen',
};
const OTHER = { ...NAMND_UNIT, id: 'u-ks', name: 'Kommunstyrelsen' };
const UNITS = [ROOT_UNIT, NAMND_UNIT, FORVALTNING, OTHER].map((unit) => ({
  ...unit,
  archivedAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
})) as OrgUnit[];

/** A person with one role on one unit. */
function withRole(role: string, unitId: string): Me {
  const me = administratorOf(unitId);
  return { ...me, roles: [{ ...me.roles[0]!, role }] } as Me;
}

describe('who may change a unit’s plans', () => {
  test('an administrator or coordinator, on the unit and every unit below it', () => {
    for (const role of ['administrator', 'coordinator']) {
      const me = withRole(role, NAMND_UNIT.id);
      expect(managedUnits(me, UNITS).map((unit) => unit.id)).toEqual([NAMND_UNIT.id, FORVALTNING.id]);
      expect(canManageUnit(me, UNITS, FORVALTNING.id)).toBe(true);
      expect(canManageUnit(me, UNITS, OTHER.id)).toBe(false);
      expect(canManageUnit(me, UNITS, ROOT_UNIT.id)).toBe(false);
    }
  });

  test('not a responsible, reader or auditor, and nobody while who is signed in is unknown', () => {
    for (const role of ['responsible', 'reader', 'auditor'])
      expect(canManageUnit(withRole(role, ROOT_UNIT.id), UNITS, NAMND_UNIT.id)).toBe(false);
    expect(canManageUnit(undefined, UNITS, NAMND_UNIT.id)).toBe(false);
    expect(canManageUnit(withRole('administrator', ROOT_UNIT.id), undefined, NAMND_UNIT.id)).toBe(false);
  });
});
