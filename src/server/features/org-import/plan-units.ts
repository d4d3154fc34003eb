import {
  mayNestUnder,
  ORG_UNIT_KIND_LABELS,
  ORG_UNIT_KINDS,
  parseOrgUnitKind,
  type OrgUnitKind,
} from '../../../domain/org-unit.ts';
import type { LocalizedText } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import type { UnitField } from './headings.ts';
import { groupBy, nameKey, outcomeOf, type ImportRecord, type ImportValue, type PlannedRow } from './plan-types.ts';

/** A unit as the import finds it in the database. */
export interface ExistingUnit {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  shortName: string | null;
  version: number;
  archivedAt: Date | null;
}

/** A unit the import refers to: one that exists, or the new one of a row of the file. */
export type UnitRef = { existing: string } | { row: number };

export interface UnitCreate {
  row: number;
  name: string;
  kind: OrgUnitKind;
  shortName: string | null;
  parent: UnitRef;
}

export interface UnitUpdate {
  row: number;
  current: ExistingUnit;
  values: { name?: string; kind?: OrgUnitKind; shortName?: string; parent?: UnitRef };
}

/** What importing a list of units does: per row, and the writes in the order they are made. */
export interface UnitImportPlan {
  rows: PlannedRow[];
  /** New units, every parent before its children. */
  creates: UnitCreate[];
  updates: UnitUpdate[];
}

/** A row of the file while it is planned. */
interface Work {
  row: number;
  name: string;
  kind: OrgUnitKind | null;
  parentText: string;
  code: string | null;
  errors: PlannedRow['errors'];
  match?: ExistingUnit;
  /** Where the unit will sit; 'keep' for an existing unit whose row names no parent. */
  parent?: UnitRef | 'keep';
}

/**
 * Plans the import of a unit tree. A row is an existing unit when its code, or else its name
 * (under the named parent, if several units share the name), is that of an active unit, and the
 * top unit when it names none of them and no parent and is of the top unit's kind; any other row
 * is a new unit. The parent is looked for in the file first (by code, then by name) and then
 * among the units in Uppsikt; a new unit without a parent goes directly below the top unit, an
 * existing one stays where it is. Units missing from the file are left as they are: an import
 * creates, moves, renames and re-classifies, it never archives.
 */
export function planUnitImport(records: ImportRecord<UnitField>[], existingUnits: ExistingUnit[]): UnitImportPlan {
  const active = existingUnits.filter((unit) => unit.archivedAt === null);
  const byId = new Map(active.map((unit) => [unit.id, unit]));
  const roots = active.filter((unit) => unit.parentId === null);
  const existingByCode = groupBy(
    active.filter((unit) => unit.shortName),
    (unit) => nameKey(unit.shortName!),
  );
  const existingByName = groupBy(active, (unit) => nameKey(unit.name));

  const works = records.map((record) => parseRow(record));
  const rowsByCode = groupBy(
    works.filter((work) => work.code !== null),
    (work) => nameKey(work.code!),
  );
  const rowsByName = groupBy(
    works.filter((work) => work.name !== ''),
    (work) => nameKey(work.name),
  );

  // Which existing unit each row is.
  const rowOfUnit = new Map<string, number>();
  const rowOfNew = new Map<string, number>();
  for (const work of works) {
    if (work.name === '') continue;
    const match = matchExisting(work);
    if (match === 'ambiguous') {
      work.errors.push({ field: 'name', message: localize((m) => m.orgImport.ambiguousUnit(work.name)) });
      continue;
    }
    if (match) {
      const earlier = rowOfUnit.get(match.id);
      if (earlier !== undefined)
        work.errors.push({ field: 'name', message: localize((m) => m.orgImport.sameUnitTwice(earlier)) });
      else {
        rowOfUnit.set(match.id, work.row);
        work.match = match;
      }
      continue;
    }
    const key = `${nameKey(work.name)}|${nameKey(work.parentText)}`;
    const earlier = rowOfNew.get(key);
    if (earlier !== undefined)
      work.errors.push({ field: 'name', message: localize((m) => m.orgImport.sameUnitTwice(earlier)) });
    else rowOfNew.set(key, work.row);
    if (work.kind === null && work.errors.length === 0)
      work.errors.push({ field: 'kind', message: localize((m) => m.orgImport.kindNeeded) });
  }

  // Where each row's unit will sit.
  for (const work of works) {
    if (work.name === '' || work.errors.length > 0) continue;
    const parent = resolveParent(work);
    if (parent !== undefined && parent !== 'keep' && work.match?.parentId === null)
      work.errors.push({ field: 'parent', message: localize((m) => m.orgUnits.topUnitCannotMove) });
    else work.parent = parent;
  }

  // The tree as it will be: every active unit and every new one, by key.
  const parentOf = new Map<string, string | null>();
  const kindOf = new Map<string, OrgUnitKind>();
  const nameOf = new Map<string, string>();
  for (const unit of active) {
    const key = unitKey(unit.id);
    parentOf.set(key, unit.parentId && byId.has(unit.parentId) ? unitKey(unit.parentId) : null);
    kindOf.set(key, unit.kind);
    nameOf.set(key, unit.name);
  }
  const planned = works.filter((work) => work.errors.length === 0 && work.parent !== undefined);
  for (const work of planned) {
    const key = keyOf(work);
    if (work.parent !== 'keep') parentOf.set(key, refKey(work.parent!));
    if (work.kind) kindOf.set(key, work.kind);
    nameOf.set(key, work.name);
  }

  for (const work of planned) {
    const key = keyOf(work);
    if (leadsBackTo(key, parentOf)) {
      work.errors.push({ field: 'parent', message: localize((m) => m.orgImport.belowItself) });
      parentOf.set(key, work.match?.parentId ? unitKey(work.match.parentId) : null);
    }
  }
  for (const work of planned) {
    if (work.errors.length > 0) continue;
    const key = keyOf(work);
    const parent = parentOf.get(key);
    const kind = kindOf.get(key)!;
    // A parent whose own row has an error has no kind yet; that row's error stops the import.
    const parentKind = parent ? kindOf.get(parent) : undefined;
    if (parentKind) {
      if (!mayNestUnder(kind, parentKind))
        work.errors.push({ field: work.kind ? 'kind' : 'parent', message: nestingMessage(kind, parentKind) });
    }
    if (work.match && work.kind && work.kind !== work.match.kind)
      for (const [child, childParent] of parentOf)
        if (childParent === key && !mayNestUnder(kindOf.get(child)!, kind))
          work.errors.push({
            field: 'kind',
            message: localize((m, locale) =>
              m.orgImport.childDoesNotFit(nameOf.get(child)!, ORG_UNIT_KIND_LABELS[kind][locale].toLowerCase()),
            ),
          });
  }

  // Each row's outcome and the writes.
  const rows: PlannedRow[] = [];
  const creates: UnitCreate[] = [];
  const updates: UnitUpdate[] = [];
  for (const work of works) {
    const changes: { field: UnitField; from: ImportValue; to: ImportValue }[] = [];
    const key = keyOf(work);
    const parentName = (ref: string | null | undefined) => (ref ? (nameOf.get(ref) ?? null) : null);
    if (work.errors.length === 0 && work.parent !== undefined) {
      if (!work.match) {
        changes.push({ field: 'kind', from: null, to: kindLabel(work.kind!) });
        changes.push({ field: 'parent', from: null, to: parentName(parentOf.get(key)) });
        if (work.code) changes.push({ field: 'code', from: null, to: work.code });
        creates.push({
          row: work.row,
          name: work.name,
          kind: work.kind!,
          shortName: work.code,
          parent: work.parent as UnitRef,
        });
      } else {
        const current = work.match;
        const values: UnitUpdate['values'] = {};
        if (work.name !== current.name) {
          changes.push({ field: 'name', from: current.name, to: work.name });
          values.name = work.name;
        }
        if (work.kind && work.kind !== current.kind) {
          changes.push({ field: 'kind', from: kindLabel(current.kind), to: kindLabel(work.kind) });
          values.kind = work.kind;
        }
        const currentParent = current.parentId ? unitKey(current.parentId) : null;
        if (work.parent !== 'keep' && refKey(work.parent) !== currentParent) {
          changes.push({
            field: 'parent',
            from: current.parentId ? (byId.get(current.parentId)?.name ?? null) : null,
            to: parentName(refKey(work.parent)),
          });
          values.parent = work.parent;
        }
        if (work.code && nameKey(work.code) !== nameKey(current.shortName ?? '')) {
          changes.push({ field: 'code', from: current.shortName, to: work.code });
          values.shortName = work.code;
        }
        if (changes.length > 0) updates.push({ row: work.row, current, values });
      }
    }
    rows.push({
      row: work.row,
      outcome: outcomeOf({ changes, errors: work.errors }, !work.match),
      label: work.name,
      changes: work.errors.length > 0 ? [] : changes,
      errors: work.errors,
    });
  }
  creates.sort((a, b) => depth(rowKey(a.row), parentOf) - depth(rowKey(b.row), parentOf));
  return { rows, creates, updates };

  function matchExisting(work: Work): ExistingUnit | undefined | 'ambiguous' {
    if (work.code) {
      const byCode = existingByCode.get(nameKey(work.code)) ?? [];
      if (byCode.length > 1) return 'ambiguous';
      if (byCode.length === 1) return byCode[0];
    }
    let candidates = (existingByName.get(nameKey(work.name)) ?? []).filter(
      (unit) => !work.code || !unit.shortName || nameKey(unit.shortName) === nameKey(work.code),
    );
    if (candidates.length > 1 && work.parentText) {
      const parentName = nameKey(work.parentText);
      candidates = candidates.filter((unit) => {
        const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
        return parent && (nameKey(parent.name) === parentName || nameKey(parent.shortName ?? '') === parentName);
      });
    }
    if (candidates.length > 1) return 'ambiguous';
    if (candidates.length === 1) return candidates[0];
    // A row of the top unit's kind without a parent is the top unit, renamed.
    if (!work.parentText && roots.length === 1 && work.kind === roots[0]!.kind) return roots[0];
    return undefined;
  }

  function resolveParent(work: Work): UnitRef | 'keep' | undefined {
    if (!work.parentText) {
      if (work.match) return 'keep';
      if (work.kind === 'kommun' || work.kind === 'region' || roots.length !== 1) {
        work.errors.push({ field: 'parent', message: localize((m) => m.orgImport.secondTop) });
        return undefined;
      }
      return { existing: roots[0]!.id };
    }
    const key = nameKey(work.parentText);
    const named = (rowsByCode.get(key) ?? []).length > 0 ? rowsByCode.get(key)! : (rowsByName.get(key) ?? []);
    const others = named.filter((other) => other !== work);
    if (named.length > 0 && others.length === 0) {
      work.errors.push({ field: 'parent', message: localize((m) => m.orgImport.ownParent) });
      return undefined;
    }
    if (others.length > 1) {
      const list = others.map((other) => other.row).join(', ');
      work.errors.push({
        field: 'parent',
        message: localize((m) => m.orgImport.ambiguousInFile(work.parentText, list)),
      });
      return undefined;
    }
    if (others.length === 1) {
      const parent = others[0]!;
      return parent.match ? { existing: parent.match.id } : { row: parent.row };
    }
    const found =
      (existingByCode.get(key) ?? []).length > 0 ? existingByCode.get(key)! : (existingByName.get(key) ?? []);
    if (found.length === 1) {
      if (work.match && found[0]!.id === work.match.id) {
        work.errors.push({ field: 'parent', message: localize((m) => m.orgImport.ownParent) });
        return undefined;
      }
      return { existing: found[0]!.id };
    }
    work.errors.push({
      field: 'parent',
      message:
        found.length > 1
          ? localize((m) => m.orgImport.ambiguousUnit(work.parentText))
          : localize((m) => m.orgImport.parentNotFound(work.parentText)),
    });
    return undefined;
  }
}

function parseRow(record: ImportRecord<UnitField>): Work {
  const values = record.values;
  const name = values.name ?? '';
  const kindText = values.kind ?? '';
  const kind = kindText === '' ? null : parseOrgUnitKind(kindText);
  const work: Work = {
    row: record.row,
    name,
    kind,
    parentText: values.parent ?? '',
    code: values.code ? values.code : null,
    errors: [],
  };
  if (name === '') work.errors.push({ field: 'name', message: localize((m) => m.orgImport.required) });
  if (kindText !== '' && kind === null)
    work.errors.push({
      field: 'kind',
      message: localize((m, locale) =>
        m.orgImport.unknownKind(kindText, ORG_UNIT_KINDS.map((each) => ORG_UNIT_KIND_LABELS[each][locale]).join(', ')),
      ),
    });
  return work;
}

function nestingMessage(kind: OrgUnitKind, parentKind: OrgUnitKind) {
  return localize((m, locale) => {
    const child = ORG_UNIT_KIND_LABELS[kind][locale].toLowerCase();
    const parent = ORG_UNIT_KIND_LABELS[parentKind][locale].toLowerCase();
    return kind === 'kommun' || kind === 'region'
      ? m.orgUnits.topKindCannotNest(child)
      : m.orgUnits.cannotNestUnder(child, parent);
  });
}

function kindLabel(kind: OrgUnitKind): LocalizedText {
  return ORG_UNIT_KIND_LABELS[kind];
}

function unitKey(id: string) {
  return `unit:${id}`;
}

function rowKey(row: number) {
  return `row:${row}`;
}

function keyOf(work: Work) {
  return work.match ? unitKey(work.match.id) : rowKey(work.row);
}

function refKey(ref: UnitRef) {
  return 'existing' in ref ? unitKey(ref.existing) : rowKey(ref.row);
}

/** Whether following the parents from `key` comes back to it. */
function leadsBackTo(key: string, parentOf: Map<string, string | null>) {
  const seen = new Set<string>();
  for (let current = parentOf.get(key); current; current = parentOf.get(current)) {
    if (current === key) return true;
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}

function depth(key: string, parentOf: Map<string, string | null>) {
  let steps = 0;
  for (let current = parentOf.get(key); current && steps <= parentOf.size; current = parentOf.get(current)) steps++;
  return steps;
}
