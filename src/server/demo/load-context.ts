import type { PgTable } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { defaultReportingPeriodDates, parseReportingPeriodLabel } from '../../domain/reporting-period.ts';
import { creationChanges, type AuditEntry } from '../audit/record-audit-events.ts';
import type { Transaction } from '../db/client.ts';
import { reportingPeriods } from '../db/schema/reporting-periods.ts';
import { FixtureError } from './read-demo-fixtures.ts';

/** What the loader needs while it writes one tenant: the transaction and the names it has resolved. */
export interface LoadContext {
  tx: Transaction;
  tenantId: string;
  file: string;
  audit: AuditEntry[];
  units: Map<string, string>;
  people: Map<string, string>;
  statuses: Map<string, string>;
  focusAreas: Map<string, string>;
  periods: Map<string, string>;
  /** The functions of units (by name, e.g. "Förvaltningschef") a control may name as kontrollansvarig. */
  functions: Map<string, string>;
  riskMatrixId: string;
  /** The unit whose readers see the audit events of what is inserted (a plan's unit); none for tenant-wide data. */
  auditUnitId?: string | null;
}

/** Inserts rows (with their ids set) and notes an audit event for each, under `unitOf` or the context's unit. */
export async function insertRows<Row extends { id: string }>(
  context: LoadContext,
  table: PgTable,
  entityType: string,
  rows: Row[],
  unitOf: (row: Row) => string | null = () => context.auditUnitId ?? null,
): Promise<void> {
  if (rows.length === 0) return;
  const withTenant = rows.map((row) => ({ ...row, tenantId: context.tenantId }));
  for (let start = 0; start < withTenant.length; start += 200) {
    await context.tx.insert(table).values(withTenant.slice(start, start + 200));
  }
  for (const row of rows)
    context.audit.push({
      entityType,
      entityId: row.id,
      operation: 'create',
      unitId: unitOf(row),
      changes: creationChanges(row),
    });
}

/** Resolves a name the fixture uses to the id of what it names, or fails naming the field. */
export function resolve(
  context: LoadContext,
  map: Map<string, string>,
  what: string,
  name: string,
  field: string,
): string {
  const id = map.get(what === 'focus area' ? name.toLowerCase() : name);
  if (id === undefined) throw new FixtureError(context.file, field, `unknown ${what} "${name}"`);
  return id;
}

/** The id of a reporting period named as printed ("Kvartal 3 2020"), created on first use. */
export async function resolvePeriod(context: LoadContext, label: string, field: string): Promise<string> {
  const known = context.periods.get(label);
  if (known !== undefined) return known;
  const parsed = parseReportingPeriodLabel(label);
  const dates = parsed && defaultReportingPeriodDates(parsed.kind, parsed.number, parsed.year);
  if (!parsed || !dates)
    throw new FixtureError(context.file, field, `"${label}" is not a period such as "Kvartal 3 2020" or "Helår 2021"`);
  const id = uuidv7();
  await insertRows(
    context,
    reportingPeriods,
    'reporting_period',
    [{ id, kind: parsed.kind, year: parsed.year, number: parsed.number, ...dates }],
    () => null,
  );
  context.periods.set(label, id);
  return id;
}
