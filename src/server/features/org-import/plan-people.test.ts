import { describe, expect, test } from 'vitest';
import type { PeopleField } from './headings.ts';
import { planPeopleImport, type ExistingPerson, type HeldRole, type RoleUnit } from './plan-people.ts';

const UNITS: RoleUnit[] = [
  { id: 'sn', name: 'Socialnämnden', shortName: 'SN', archivedAt: null },
  { id: 'kn', name: 'Kulturnämnden', shortName: null, archivedAt: null },
  { id: 'ek1', name: 'Ekonomi', shortName: null, archivedAt: null },
  { id: 'ek2', name: 'Ekonomi', shortName: null, archivedAt: null },
  { id: 'old', name: 'Fritid', shortName: null, archivedAt: new Date('2025-01-01') },
];

function person(id: string, name: string, email: string, extra: Partial<ExistingPerson> = {}): ExistingPerson {
  return { id, name, email, title: null, version: 2, deactivatedAt: null, ...extra };
}

const PEOPLE = [
  person('ada', 'Ada Lind', 'ada.lind@lund.se', { title: 'Controller' }),
  person('bo', 'Bo Ek', 'bo.ek@lund.se', { deactivatedAt: new Date('2026-01-01') }),
];
const ROLES: HeldRole[] = [{ userId: 'ada', unitId: 'sn', role: 'coordinator' }];

function rows(...values: [string, string, string?, string?, string?][]) {
  return values.map(([name, email, title = '', unit = '', role = ''], index) => ({
    row: index + 2,
    values: { name, email, title, unit, role } satisfies Record<PeopleField, string>,
  }));
}

function plan(...values: [string, string, string?, string?, string?][]) {
  return planPeopleImport(rows(...values), { people: PEOPLE, units: UNITS, roles: ROLES });
}

const errorsIn = (result: ReturnType<typeof planPeopleImport>) =>
  result.rows.map((row) => row.errors.map((error) => `${error.field}: ${error.message.sv}`));

describe('planning the import of people and their roles', () => {
  test('a new person with roles on several rows; units by code or name', () => {
    const result = plan(
      ['Cecilia Holm', 'Cecilia.Holm@lund.se', 'Enhetschef', 'sn', 'Ansvarig'],
      ['Cecilia Holm', 'cecilia.holm@lund.se', '', 'Kulturnämnden', 'läsare'],
    );
    expect(result.rows.map((row) => row.outcome)).toEqual(['create', 'change']);
    expect(result.creates).toEqual([
      { row: 2, name: 'Cecilia Holm', email: 'Cecilia.Holm@lund.se', title: 'Enhetschef' },
    ]);
    expect(result.grants).toEqual([
      { row: 2, person: { row: 2 }, unitId: 'sn', role: 'responsible' },
      { row: 3, person: { row: 2 }, unitId: 'kn', role: 'reader' },
    ]);
    expect(result.rows[0]!.changes).toEqual([
      { field: 'email', from: null, to: 'Cecilia.Holm@lund.se' },
      { field: 'title', from: null, to: 'Enhetschef' },
      { field: 'role', from: null, to: { sv: 'Ansvarig – Socialnämnden', en: 'Responsible – Socialnämnden' } },
    ]);
  });

  test('a known person by address in any case: name and title updated, a role held already left alone', () => {
    const result = plan(['Ada Lind-Berg', 'ADA.LIND@lund.se', 'Ekonomichef', 'SN', 'Samordnare']);
    expect(result.rows[0]!.outcome).toBe('change');
    expect(result.rows[0]!.changes).toEqual([
      { field: 'name', from: 'Ada Lind', to: 'Ada Lind-Berg' },
      { field: 'title', from: 'Controller', to: 'Ekonomichef' },
    ]);
    expect(result.updates).toEqual([
      { row: 2, current: PEOPLE[0], values: { name: 'Ada Lind-Berg', title: 'Ekonomichef' } },
    ]);
    expect(result.grants).toEqual([]);
    expect(result.creates).toEqual([]);
  });

  test('an empty title leaves the title alone; the same person and role again is unchanged', () => {
    const result = plan(['Ada Lind', 'ada.lind@lund.se', '', 'SN', 'Samordnare']);
    expect(result.rows[0]!.outcome).toBe('unchanged');
    const twice = plan(
      ['Ada Lind', 'ada.lind@lund.se', '', 'Kulturnämnden', 'Läsare'],
      ['Ada Lind', 'ada.lind@lund.se', '', 'KULTURNÄMNDEN', 'läsare'],
    );
    expect(twice.rows.map((row) => row.outcome)).toEqual(['change', 'unchanged']);
    expect(twice.grants).toHaveLength(1);
  });

  test('what is wrong is named per row and column', () => {
    const result = plan(
      ['', 'utan.namn@lund.se'],
      ['Utan Adress', ''],
      ['Fel Adress', 'fel.adress@'],
      ['Bo Ek', 'bo.ek@lund.se'],
      ['Okänd Roll', 'roll@lund.se', '', 'SN', 'Chef'],
      ['Roll Utan Enhet', 'roll2@lund.se', '', '', 'Läsare'],
      ['Enhet Utan Roll', 'roll3@lund.se', '', 'SN'],
      ['Tvetydig', 'roll4@lund.se', '', 'Ekonomi', 'Läsare'],
      ['Arkiverad', 'roll5@lund.se', '', 'Fritid', 'Läsare'],
      ['Ett Namn', 'samma@lund.se', 'Chef'],
      ['Annat Namn', 'samma@lund.se', 'Handläggare'],
    );
    expect(errorsIn(result)).toEqual([
      ['name: Måste anges.'],
      ['email: Måste anges.'],
      ['email: Ange en giltig e-postadress.'],
      ['email: Personen är inaktiverad. Återaktivera personen under Användare först.'],
      ['role: "Chef" är ingen känd roll. Ange en av: Administratör, Samordnare, Ansvarig, Läsare, Revisor.'],
      ['unit: Ange enheten där personen ska ha rollen.'],
      ['role: Ange vilken roll personen ska ha på enheten, eller lämna enheten tom.'],
      ['unit: Flera enheter heter "Ekonomi". Ange enhetens kod i stället, eller den överordnade enheten.'],
      ['unit: Det finns ingen enhet "Fritid", varken i filen eller i Uppsikt.'],
      [],
      [
        'name: Rad 11 anger ett annat namn för samma e-postadress.',
        'title: Rad 11 anger en annan titel för samma e-postadress.',
      ],
    ]);
    expect(result.rows.map((row) => row.outcome).filter((outcome) => outcome !== 'error')).toEqual(['create']);
    expect(result.rows[0]!.label).toBe('utan.namn@lund.se');
  });
});
