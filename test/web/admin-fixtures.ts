/** Two units of a tenant as GET /org-units gives them: the top unit and a nämnd below it. */
export const ROOT_UNIT = {
  id: 'u-root',
  parentId: null,
  kind: 'kommun',
  name: 'Exempelkommun',
  shortName: null,
  sortOrder: 0,
};
export const NAMND_UNIT = { ...ROOT_UNIT, id: 'u-sn', parentId: ROOT_UNIT.id, kind: 'namnd', name: 'Socialnämnden' };

/**
 * The signed-in person as GET /me gives it: administrator of the top unit (the tenant
 * administrator), or of another unit only.
 */
export function administratorOf(unitId: string = ROOT_UNIT.id) {
  return {
    user: { id: 'p1', name: 'Ada Admin', email: 'ada@kommun.example', title: null, locale: 'sv', version: 1 },
    tenant: { id: 't1', slug: 'exempelkommun', name: 'Exempelkommun' },
    roles: [{ id: 'r1', unitId, unitName: 'Exempelkommun', role: 'administrator' }],
    chefOf: [] as { unitId: string; unitName: string }[],
    secondFactor: { enabled: false, required: false },
    via: 'session',
    mayWrite: true,
    csrfToken: 'csrf-1',
    now: '2026-03-02T09:00:00.000Z',
  };
}
