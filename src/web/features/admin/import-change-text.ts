import { ORG_UNIT_KINDS, ORG_UNIT_KIND_LABELS, type OrgUnitKind } from '../../../domain/org-unit.ts';
import { ROLES, ROLE_LABELS, type Role } from '../../../domain/role.ts';
import type { OrgImportField, OrgImportRow } from '../../api/org-import.ts';
import type { Translate } from '../../i18n/i18n.tsx';

type Label = (text: { sv: string; en: string }) => string;
type Change = OrgImportRow['changes'][number];
type RowError = OrgImportRow['errors'][number];

// What an import does to one field of a unit or person, as a sentence: "Byter namn: A → B",
// "Flyttas: från X till Y", "Ny roll: Samordnare – Socialnämnden".

const isKind = (value: string): value is OrgUnitKind => (ORG_UNIT_KINDS as readonly string[]).includes(value);
const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** A value as people read it: a unit kind or role given by its key in the interface language, anything else as written. */
function shown(field: OrgImportField, value: string, label: Label): string {
  if (field === 'kind' && isKind(value)) return label(ORG_UNIT_KIND_LABELS[value]);
  if (field === 'role' && isRole(value)) return label(ROLE_LABELS[value]);
  return value;
}

/** One change of a row as a sentence in the interface language. */
export function changeText(change: Change, t: Translate, label: Label): string {
  const from = change.from === null || change.from === '' ? null : shown(change.field, change.from, label);
  const to = change.to === null || change.to === '' ? null : shown(change.field, change.to, label);
  const field = t(`import.field.${change.field}`);
  if (change.field === 'role')
    return to !== null ? t('import.change.newRole', { role: to }) : t('import.change.roleEnds', { role: from ?? '–' });
  if (from === null) return t('import.change.set', { field, value: to ?? '–' });
  if (to === null) return t('import.change.cleared', { field, from });
  if (change.field === 'name') return t('import.change.renamed', { from, to });
  if (change.field === 'parent') return t('import.change.moved', { from, to });
  return t('import.change.changed', { field, from, to });
}

/** An error of a row, naming its column when it has one. */
export function rowErrorText(error: RowError, t: Translate): string {
  return error.field === null
    ? error.message
    : t('import.rowError', { field: t(`import.field.${error.field}`), message: error.message });
}
