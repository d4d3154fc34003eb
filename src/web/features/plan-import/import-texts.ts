import type { PlanImportIssue, PlanImportResult, PlanImportRow } from '../../api/plan-imports.ts';
import type { Translate } from '../../i18n/i18n.tsx';

// The plan import's facts as sentences: where a row or issue is, what a change does, what was written.

/** Where a row of the preview is: its sheet and row in a table, the heading it stands under in a document. */
export function rowPlace(row: Pick<PlanImportRow, 'sheet' | 'row' | 'place'>, t: Translate): string | null {
  if (row.place) return t('planImport.atPlace', { place: row.place });
  if (row.row === null) return null;
  return row.sheet ? t('planImport.at', { sheet: row.sheet, row: row.row }) : t('planImport.atRow', { row: row.row });
}

/** An issue with where it is ("blad ”Plan”, rad 4, kolumn C: …"), or the message alone for the whole file. */
export function issueText(issue: PlanImportIssue, t: Translate): string {
  const place = [
    issue.sheet ? t('planImport.issueSheet', { sheet: issue.sheet }) : null,
    issue.row !== null ? t('planImport.issueRow', { row: issue.row }) : null,
    issue.column ? t('planImport.issueColumn', { column: issue.column }) : null,
  ].filter((part): part is string => part !== null);
  if (place.length === 0) return issue.message;
  const joined = place.join(', ');
  return t('planImport.issueAt', { place: joined.charAt(0).toUpperCase() + joined.slice(1), message: issue.message });
}

/** One change of a row: "Ansvarig: Anna → Bo"; an empty side reads "(tomt)". */
export function changeText(change: PlanImportRow['changes'][number], t: Translate): string {
  const shown = (value: string | null) => (value === null || value === '' ? t('planImport.empty') : value);
  return t('planImport.change', { field: change.label, from: shown(change.from), to: shown(change.to) });
}

const COUNTED = ['risks', 'controls', 'actions', 'activities', 'subActivities', 'followUps'] as const;

/** What was written of each kind, e.g. "2 risker, 5 kontrollmoment"; "inget" when nothing. */
export function countsText(counts: PlanImportResult['created'], t: Translate): string {
  const parts = COUNTED.filter((kind) => counts[kind] > 0).map((kind) =>
    t(`planImport.counted.${kind}`, { count: counts[kind] }),
  );
  return parts.length > 0 ? parts.join(', ') : t('planImport.done.nothing');
}
