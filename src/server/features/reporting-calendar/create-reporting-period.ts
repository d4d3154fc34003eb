import type { z } from 'zod';
import type { reportingPeriodCreate } from '../../../domain/contracts/reporting-calendar.ts';
import type { Access } from '../../access/access.ts';
import { insertAudited } from '../../audit/audited-writes.ts';
import type { Transaction } from '../../db/client.ts';
import { reportingPeriods } from '../../db/schema/reporting-periods.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';
import { assertNoSamePeriod, periodDates } from './reporting-calendar-rules.ts';

/** What a new reporting period is: the request's fields (kind, year, number, name, dates). */
export type CreateReportingPeriodOptions = z.infer<typeof reportingPeriodCreate>;

/**
 * Creates a reporting period of the årshjul (a quarter, tertial, delår, forecast or a custom
 * period): for the tenant administrator, with the kind's standard dates unless others are given.
 */
export async function createReportingPeriod(tx: Transaction, access: Access, options: CreateReportingPeriodOptions) {
  access.assertTenantAdministrator();
  const errors: FieldError[] = [];
  const numbered =
    options.kind === 'quarter' ||
    options.kind === 'tertial' ||
    options.kind === 'half_year' ||
    options.kind === 'forecast';
  if (numbered && !options.number)
    errors.push({ path: 'number', message: localize((m) => m.reportingCalendar.numberNeeded) });
  if (options.kind === 'quarter' && options.number && options.number > 4)
    errors.push({ path: 'number', message: localize((m) => m.reportingCalendar.fourQuarters) });
  if (options.kind === 'tertial' && options.number && options.number > 3)
    errors.push({ path: 'number', message: localize((m) => m.reportingCalendar.threeTertials) });
  if (options.kind === 'half_year' && options.number && options.number > 2)
    errors.push({ path: 'number', message: localize((m) => m.reportingCalendar.twoHalves) });
  if (options.kind === 'custom' && !options.name)
    errors.push({
      path: 'name',
      message: localize((m) => m.reportingCalendar.customPeriodNeedsName),
    });
  // Standard dates exist only for a valid number; with one wrong, the number's error is the one to fix.
  const numberWrong = errors.some((error) => error.path === 'number');
  const { dates, errors: dateErrors } = numberWrong ? { dates: null, errors: [] } : periodDates(options);
  errors.push(...dateErrors);
  if (errors.length > 0 || dates === null) throw new AppError('validation_failed', undefined, errors);
  const values = {
    kind: options.kind,
    year: options.year,
    number: numbered ? options.number! : null,
    name: options.name ?? null,
    ...dates,
  };
  await assertNoSamePeriod(tx, access.tenantId, values);
  return insertAudited(
    tx,
    reportingPeriods,
    { ...values, tenantId: access.tenantId },
    { actor: access.actor, entityType: 'reporting_period', unitId: null },
  );
}
