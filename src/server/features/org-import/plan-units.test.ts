import { describe, expect, test } from 'vitest';
import type { OrgUnitKind } from '../../../domain/org-unit.ts';
import type { UnitField } from './headings.ts';
import { planUnitImport, type ExistingUnit } from './plan-units.ts';

function unit(id: string, name: string, kind: OrgUnitKind, parentId: string | null, extra: Partial<ExistingUnit> = {}) {
  return { id, name, kind, parentId, shortName: null, version: 1, archivedAt: null, ...extra } satisfies ExistingUnit;
}

/** Kommun → Socialnämnden (SN) → Socialförvaltningen; Kommun → Kulturnämnden. */
const EXISTING = [
  unit('root', 'Lunds kommun', 'kommun', null),
  unit('sn', 'Socialnämnden', 'namnd', 'root', { shortName: 'SN' }),
  unit('sf', 'Socialförvaltningen', 'forvaltning', 'sn', { version: 4 }),
  unit('kn', 'Kulturnämnden', 'namnd', 'root'),
];

function rows(...values: [string, string?, string?, string?][]) {
  return values.map(([name, kind = '', parent = '', code = ''], index) => ({
    row: index + 2,
    values: { name, kind, parent, code } satisfies Record<UnitField, string>,
  }));
}

const sv = (plan: ReturnType<typeof planUnitImport>) =>
  plan.rows.map((row) => ({
    row: row.row,
    outcome: row.outcome,
    errors: row.errors.map((error) => `${error.field}: ${error.message.sv}`),
  }));

describe('planning the import of a unit tree', () => {
  test('new units: parents from the file in any order, or from Uppsikt; no parent means below the top unit', () => {
    const plan = planUnitImport(
      rows(
        ['Äldreomsorg', 'Avdelning', 'Vård och omsorg'],
        ['Vård och omsorg', 'Förvaltning', 'SN'],
        ['Miljönämnden', 'Nämnd'],
      ),
      EXISTING,
    );
    expect(plan.rows.map((row) => row.outcome)).toEqual(['create', 'create', 'create']);
    // Parents are created before their children.
    const order = plan.creates.map((create) => create.name);
    expect(order.indexOf('Vård och omsorg')).toBeLessThan(order.indexOf('Äldreomsorg'));
    expect(plan.creates.find((create) => create.name === 'Äldreomsorg')!.parent).toEqual({ row: 3 });
    expect(plan.creates.find((create) => create.name === 'Vård och omsorg')!.parent).toEqual({ existing: 'sn' });
    expect(plan.creates.find((create) => create.name === 'Miljönämnden')!.parent).toEqual({ existing: 'root' });
    expect(plan.rows[0]!.changes).toEqual([
      { field: 'kind', from: null, to: { sv: 'Avdelning', en: 'Department' } },
      { field: 'parent', from: null, to: 'Vård och omsorg' },
    ]);
    expect(plan.updates).toEqual([]);
  });

  test('an existing unit is known by its code or its name in any case: renamed, moved, re-classified, given a code', () => {
    const plan = planUnitImport(
      rows(
        ['Social- och omsorgsnämnden', 'Nämnd', '', 'sn'],
        ['socialförvaltningen', 'Förvaltning', 'Kulturnämnden', 'SOF'],
        ['Kulturnämnden', 'Nämnd', 'Lunds kommun'],
      ),
      EXISTING,
    );
    expect(plan.rows.map((row) => row.outcome)).toEqual(['change', 'change', 'unchanged']);
    expect(plan.rows[0]!.changes).toEqual([{ field: 'name', from: 'Socialnämnden', to: 'Social- och omsorgsnämnden' }]);
    expect(plan.rows[1]!.changes).toEqual([
      { field: 'name', from: 'Socialförvaltningen', to: 'socialförvaltningen' },
      { field: 'parent', from: 'Socialnämnden', to: 'Kulturnämnden' },
      { field: 'code', from: null, to: 'SOF' },
    ]);
    expect(plan.updates.map((update) => [update.current.id, update.values])).toEqual([
      ['sn', { name: 'Social- och omsorgsnämnden' }],
      ['sf', { name: 'socialförvaltningen', parent: { existing: 'kn' }, shortName: 'SOF' }],
    ]);
    expect(plan.creates).toEqual([]);
  });

  test('a row of the top unit’s kind without a parent is the top unit; it may be renamed but never moved', () => {
    const renamed = planUnitImport(rows(['Lund', 'Kommun']), EXISTING);
    expect(renamed.rows[0]!.changes).toEqual([{ field: 'name', from: 'Lunds kommun', to: 'Lund' }]);
    const moved = planUnitImport(rows(['Lunds kommun', 'Kommun', 'Kulturnämnden']), EXISTING);
    expect(sv(moved)[0]!.errors).toEqual(['parent: Den översta enheten kan inte flyttas.']);
    const second = planUnitImport(rows(['Region Skåne', 'Region']), EXISTING);
    expect(sv(second)[0]!.errors[0]).toMatch(/^parent: Organisationen har redan en översta enhet/);
  });

  test('what is wrong is named per row and column', () => {
    const plan = planUnitImport(
      rows(
        ['', 'Enhet', 'SN'],
        ['Skolan', 'Skola', 'SN'],
        ['Fritid', '', 'SN'],
        ['Bibliotek', 'Enhet', 'Biblioteksnämnden'],
        ['Museet', 'Nämnd', 'Socialförvaltningen'],
        ['Kulturnämnden', 'Kommun'],
      ),
      EXISTING,
    );
    expect(sv(plan)).toEqual([
      { row: 2, outcome: 'error', errors: ['name: Måste anges.'] },
      {
        row: 3,
        outcome: 'error',
        errors: [
          'kind: "Skola" är inget känt slag av enhet. Ange ett av: Kommun, Region, Nämnd/styrelse, Bolag, Kommunalförbund, Förvaltning, Avdelning, Enhet.',
        ],
      },
      { row: 4, outcome: 'error', errors: ['kind: Ange slaget för en ny enhet.'] },
      {
        row: 5,
        outcome: 'error',
        errors: [
          'parent: Det finns ingen enhet "Biblioteksnämnden", varken i filen eller i Uppsikt. Lägg till den eller rätta namnet.',
        ],
      },
      {
        row: 6,
        outcome: 'error',
        errors: ['kind: En enhet av slaget nämnd/styrelse kan inte ligga under en förvaltning.'],
      },
      {
        row: 7,
        outcome: 'error',
        errors: [
          'kind: En enhet av slaget kommun står överst i organisationen och kan inte ligga under en annan enhet.',
        ],
      },
    ]);
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([]);
  });

  test('a changed kind must still fit the units below it', () => {
    const plan = planUnitImport(rows(['Socialnämnden', 'Enhet', 'Lunds kommun']), EXISTING);
    expect(sv(plan)[0]!.errors).toContain(
      'kind: Enheten Socialförvaltningen ligger under den och kan inte ligga under en enhet.',
    );
  });

  test('the same unit twice, a unit below itself and ambiguous names are refused', () => {
    const twice = planUnitImport(rows(['Kulturnämnden'], ['KULTURNÄMNDEN']), EXISTING);
    expect(sv(twice)[1]!.errors).toEqual(['name: Samma enhet står redan på rad 2.']);
    const newTwice = planUnitImport(rows(['Fritid', 'Enhet', 'SN'], ['Fritid', 'Enhet', 'sn']), EXISTING);
    expect(sv(newTwice)[1]!.errors).toEqual(['name: Samma enhet står redan på rad 2.']);
    const ownParent = planUnitImport(rows(['Fritid', 'Enhet', 'Fritid']), EXISTING);
    expect(sv(ownParent)[0]!.errors).toEqual(['parent: En enhet kan inte ligga under sig själv.']);
    const cycle = planUnitImport(rows(['Socialnämnden', 'Nämnd', 'Socialförvaltningen']), EXISTING);
    expect(sv(cycle)[0]!.errors).toEqual(['parent: Enheten skulle hamna under sig själv.']);
    const twins = [...EXISTING, unit('ek1', 'Ekonomi', 'avdelning', 'sf'), unit('ek2', 'Ekonomi', 'avdelning', 'sf')];
    const ambiguous = planUnitImport(rows(['Ekonomi', 'Avdelning']), twins);
    expect(sv(ambiguous)[0]!.errors[0]).toMatch(/^name: Flera enheter heter "Ekonomi"/);
    const ambiguousParent = planUnitImport(rows(['Lön', 'Enhet', 'Ekonomi']), twins);
    expect(sv(ambiguousParent)[0]!.errors[0]).toMatch(/^parent: Flera enheter heter "Ekonomi"/);
    const inFile = planUnitImport(
      rows(['Lön', 'Enhet', 'Stöd'], ['Stöd', 'Avdelning', 'SN'], ['Stöd', 'Avdelning', 'Kulturnämnden']),
      EXISTING,
    );
    expect(sv(inFile)[0]!.errors).toEqual([
      'parent: Flera rader i filen heter "Stöd" (rad 3, 4). Ange koden i stället.',
    ]);
  });

  test('among units of the same name, the named parent tells which one is meant', () => {
    const twins = [...EXISTING, unit('ek1', 'Ekonomi', 'avdelning', 'sf'), unit('ek2', 'Ekonomi', 'avdelning', 'kn')];
    const plan = planUnitImport(rows(['Ekonomi', 'Enhet', 'Kulturnämnden']), twins);
    expect(plan.updates).toEqual([
      expect.objectContaining({ current: expect.objectContaining({ id: 'ek2' }), values: { kind: 'enhet' } }),
    ]);
  });

  test('archived units are not matched; units missing from the file stay as they are', () => {
    const plan = planUnitImport(rows(['Fritid', 'Enhet', 'SN']), [
      ...EXISTING,
      unit('old', 'Fritid', 'enhet', 'sn', { archivedAt: new Date('2025-01-01') }),
    ]);
    expect(plan.rows[0]!.outcome).toBe('create');
    expect(plan.updates).toEqual([]);
  });
});
