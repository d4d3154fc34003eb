import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { OrgUnit } from '../lib/reference-data.ts';

/** The units as an indented list of options, the tree's order kept, for "under this unit" filters. */
export function unitOptions(units: OrgUnit[]): { value: string; label: string }[] {
  // A person may see only part of the tree: a unit whose parent they cannot see is a root here.
  const visible = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const parentId = unit.parentId !== null && visible.has(unit.parentId) ? unit.parentId : null;
    children.set(parentId, [...(children.get(parentId) ?? []), unit]);
  }
  const options: { value: string; label: string }[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const unit of (children.get(parentId) ?? []).sort(
      (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'sv'),
    )) {
      options.push({ value: unit.id, label: `${'\u00a0\u00a0'.repeat(depth)}${unit.name}` });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return options;
}

/** A labelled select in a filter bar; the empty choice means "all" (left out with `includeAll={false}`). */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  allLabel,
  includeAll = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  allLabel?: string;
  includeAll?: boolean;
}) {
  const { t } = useI18n();
  // Labelled by id, not by wrapping, so that the name is the label alone and not every option's text too.
  const id = useId();
  return (
    <div className="field field-inline">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="field-input" value={value} onChange={(event) => onChange(event.target.value)}>
        {includeAll && <option value="">{allLabel ?? t('filters.all')}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
