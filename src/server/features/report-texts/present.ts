import { reportText } from '../../../domain/contracts/reports.ts';
import type { reportTexts } from '../../db/schema/report-texts.ts';

type Row = typeof reportTexts.$inferSelect;

/** A report text as the contract shows it, its time of change as an ISO string. */
export function presentReportText(row: Record<string, unknown>) {
  const text = row as unknown as Row;
  return reportText.parse({ ...text, updatedAt: text.updatedAt.toISOString() });
}
