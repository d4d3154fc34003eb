import type { z } from 'zod';
import type { reportingPeriodUpdate } from '../../../domain/contracts/reporting-calendar.ts';
import type { Access } from '../../access/access.ts';
import { updateAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { findReportingPeriod } from './find-reporting-period.ts';
import { presentPeriod } from './present.ts';
import { assertNoSamePeriod, periodDates } from './reporting-calendar-rules.ts';

export interface UpdateReportingPeriodOptions {
  periodId: string;
  /** The version the caller read; a stale one is refused with 409. */
  version: number;
  /** The fields to change (dates, name); those left out stay as they are. */
  changes: Omit<z.infer<typeof reportingPeriodUpdate>, 'version'>;
}

/**
 * Changes a reporting period's dates or name: for the tenant administrator. The dates stay in
 * order, a custom period keeps a name, and a new name does not make it a duplicate.
 */
export async function updateReportingPeriod(
  tx: Transaction,
  access: Access,
  { periodId, version, changes }: UpdateReportingPeriodOptions,
) {
  const current = await findReportingPeriod(tx, access, { periodId });
  access.assertTenantAdministrator();
  const { errors } = periodDates({
    ...current,
    startDate: changes.startDate ?? current.startDate,
    endDate: changes.endDate ?? current.endDate,
  });
  if (errors.length > 0) throw new AppError('validation_failed', undefined, errors);
  if (changes.name === null && current.kind === 'custom') {
    throw new AppError('validation_failed', undefined, [
      { path: 'name', message: localize((m) => m.reportingCalendar.customPeriodNeedsName) },
    ]);
  }
  if (changes.name !== undefined && changes.name !== current.name)
    await assertNoSamePeriod(tx, access.tenantId, { ...current, name: changes.name });
  return updateAudited(
    tx,
    reportingPeriods,
    { current, expectedVersion: version, values: changes, present: presentPeriod },
    { actor: access.actor, entityType: 'reporting_period', unitId: null },
  );
}
