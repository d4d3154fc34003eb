import { calendarEvent, reportingPeriod } from '../../../domain/contracts/reporting-calendar.ts';
import { reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import type { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { presentAs } from '../../http/present.ts';

const presentPeriodFields = presentAs(reportingPeriod);

/** A reporting period as the contract gives it, with its printed name in Swedish and English ("Kvartal 1 2026", "Quarter 1 2026"). */
export const presentPeriod = (row: Record<string, unknown>) => {
  const period = row as unknown as typeof reportingPeriods.$inferSelect;
  return presentPeriodFields({
    ...row,
    label: reportingPeriodLabel(period, 'sv'),
    labelEn: reportingPeriodLabel(period, 'en'),
  });
};

/** A meeting or deadline of the årshjul as the contract gives it. */
export const presentEvent = presentAs(calendarEvent);
