import { parseRole, ROLE_LABELS, ROLES, type Role } from '../../../domain/role.ts';
import { localize } from '../../messages/messages.ts';
import type { PeopleField } from './headings.ts';
import { groupBy, nameKey, outcomeOf, type ImportRecord, type ImportValue, type PlannedRow } from './plan-types.ts';

/** A person as the import finds them in the database. */
export interface ExistingPerson {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  version: number;
  deactivatedAt: Date | null;
}

/** A unit people can be given a role on. */
export interface RoleUnit {
  id: string;
  name: string;
  shortName: string | null;
  archivedAt: Date | null;
}

/** A role someone holds now. */
export interface HeldRole {
  userId: string;
  unitId: string;
  role: Role;
}

/** A person the import refers to: one that exists, or the new one of a row of the file. */
export type PersonRef = { existing: string } | { row: number };

export interface PeopleImportPlan {
  rows: PlannedRow[];
  creates: { row: number; name: string; email: string; title: string | null }[];
  updates: { row: number; current: ExistingPerson; values: { name?: string; title?: string } }[];
  grants: { row: number; person: PersonRef; unitId: string; role: Role }[];
}

/** The same rule the database holds: something, one @, something with a dot after it. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Plans the import of people and their roles. A person is known by their e-mail address (any
 * case); several rows of one address give one person several roles and must agree on the name
 * and title. A known person's name and a given title are updated; an empty title leaves the
 * title alone. A role is given on the named unit (by code, then by name) unless the person holds
 * it there already. Nobody is deactivated and no role is taken away: the import only adds.
 */
export function planPeopleImport(
  records: ImportRecord<PeopleField>[],
  existing: { people: ExistingPerson[]; units: RoleUnit[]; roles: HeldRole[] },
): PeopleImportPlan {
  const personByEmail = new Map(
    existing.people.flatMap((person) => (person.email ? [[person.email.toLowerCase(), person] as const] : [])),
  );
  const activeUnits = existing.units.filter((unit) => unit.archivedAt === null);
  const unitsByCode = groupBy(
    activeUnits.filter((unit) => unit.shortName),
    (unit) => nameKey(unit.shortName!),
  );
  const unitsByName = groupBy(activeUnits, (unit) => nameKey(unit.name));
  const held = new Set(existing.roles.map((role) => `${role.userId}|${role.unitId}|${role.role}`));

  /** The first row of each address, and how it refers to the person. */
  const firstRow = new Map<string, { row: number; name: string; title: string; ref: PersonRef }>();
  const plan: PeopleImportPlan = { rows: [], creates: [], updates: [], grants: [] };
  const granted = new Set<string>();

  for (const record of records) {
    const values = record.values;
    const name = values.name ?? '';
    const email = values.email ?? '';
    const title = values.title ?? '';
    const unitText = values.unit ?? '';
    const roleText = values.role ?? '';
    const errors: PlannedRow['errors'] = [];
    const changes: { field: PeopleField; from: ImportValue; to: ImportValue }[] = [];
    if (name === '') errors.push({ field: 'name', message: localize((m) => m.orgImport.required) });
    if (email === '') errors.push({ field: 'email', message: localize((m) => m.orgImport.required) });
    else if (!EMAIL.test(email)) errors.push({ field: 'email', message: localize((m) => m.orgImport.invalidEmail) });

    const role = roleText === '' ? null : parseRole(roleText);
    if (roleText !== '' && role === null)
      errors.push({
        field: 'role',
        message: localize((m, locale) =>
          m.orgImport.unknownRole(roleText, ROLES.map((each) => ROLE_LABELS[each][locale]).join(', ')),
        ),
      });
    if (roleText !== '' && unitText === '')
      errors.push({ field: 'unit', message: localize((m) => m.orgImport.roleNeedsUnit) });
    if (unitText !== '' && roleText === '')
      errors.push({ field: 'role', message: localize((m) => m.orgImport.unitNeedsRole) });
    const unit = unitText === '' ? undefined : findUnit(unitText, errors);

    const key = email.toLowerCase();
    const person = personByEmail.get(key);
    if (person?.deactivatedAt) errors.push({ field: 'email', message: localize((m) => m.orgImport.deactivated) });
    const first = email === '' ? undefined : firstRow.get(key);
    if (first && name !== '' && nameKey(name) !== nameKey(first.name))
      errors.push({ field: 'name', message: localize((m) => m.orgImport.otherName(first.row)) });
    if (first && title !== '' && first.title !== '' && nameKey(title) !== nameKey(first.title))
      errors.push({ field: 'title', message: localize((m) => m.orgImport.otherTitle(first.row)) });

    let creates = false;
    if (errors.length === 0) {
      let ref: PersonRef;
      if (first) ref = first.ref;
      else if (person) {
        ref = { existing: person.id };
        const update: PeopleImportPlan['updates'][number]['values'] = {};
        if (name !== person.name) {
          changes.push({ field: 'name', from: person.name, to: name });
          update.name = name;
        }
        if (title !== '' && title !== (person.title ?? '')) {
          changes.push({ field: 'title', from: person.title, to: title });
          update.title = title;
        }
        if (changes.length > 0) plan.updates.push({ row: record.row, current: person, values: update });
      } else {
        ref = { row: record.row };
        creates = true;
        changes.push({ field: 'email', from: null, to: email });
        if (title !== '') changes.push({ field: 'title', from: null, to: title });
        plan.creates.push({ row: record.row, name, email, title: title === '' ? null : title });
      }
      if (!first) firstRow.set(key, { row: record.row, name, title, ref });
      if (unit && role) {
        const grantKey = `${'existing' in ref ? ref.existing : `row${ref.row}`}|${unit.id}|${role}`;
        if (!held.has(grantKey) && !granted.has(grantKey)) {
          granted.add(grantKey);
          changes.push({
            field: 'role',
            from: null,
            to: localize((m, locale) => m.orgImport.roleOnUnit(ROLE_LABELS[role][locale], unit.name)),
          });
          plan.grants.push({ row: record.row, person: ref, unitId: unit.id, role });
        }
      }
    }
    plan.rows.push({
      row: record.row,
      outcome: outcomeOf({ changes, errors }, creates),
      label: name === '' ? email : name,
      changes: errors.length > 0 ? [] : changes,
      errors,
    });
  }
  return plan;

  function findUnit(text: string, errors: PlannedRow['errors']) {
    const key = nameKey(text);
    const found = (unitsByCode.get(key) ?? []).length > 0 ? unitsByCode.get(key)! : (unitsByName.get(key) ?? []);
    if (found.length === 1) return found[0];
    errors.push({
      field: 'unit',
      message:
        found.length > 1
          ? localize((m) => m.orgImport.ambiguousUnit(text))
          : localize((m) => m.orgImport.unitNotFound(text)),
    });
    return undefined;
  }
}
