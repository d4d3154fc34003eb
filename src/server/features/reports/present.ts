import { and, eq } from 'drizzle-orm';
import { issuedReport } from '../../../domain/contracts/reports.ts';
import type { Database } from '../../db/client.ts';
import { issuedReports } from '../../db/schema/issued-reports.ts';
import { orgUnits } from '../../db/schema/org-units.ts';
import { users } from '../../db/schema/users.ts';

/** What an issued report is listed with: its facts, the unit's name and who issued it (never the file). */
const issuedColumns = {
  id: issuedReports.id,
  kind: issuedReports.kind,
  unitId: issuedReports.unitId,
  unitName: orgUnits.name,
  period: issuedReports.period,
  format: issuedReports.format,
  title: issuedReports.title,
  fileName: issuedReports.fileName,
  byteSize: issuedReports.byteSize,
  sha256: issuedReports.sha256,
  note: issuedReports.note,
  issuedAt: issuedReports.issuedAt,
  issuedById: issuedReports.issuedById,
  issuedByName: users.name,
};

/** An issued report as the API shows it, with the decision taken on it (null before one is recorded). */
export function presentIssued(row: { issuedAt: Date } & Record<string, unknown>, decision: unknown = null) {
  return issuedReport.parse({ ...row, issuedAt: row.issuedAt.toISOString(), decision });
}

/** The issued reports with their unit and issuer, to be narrowed by the caller. */
export function issuedQuery(db: Database) {
  return db
    .select(issuedColumns)
    .from(issuedReports)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, issuedReports.tenantId), eq(orgUnits.id, issuedReports.unitId)))
    .innerJoin(users, and(eq(users.tenantId, issuedReports.tenantId), eq(users.id, issuedReports.issuedById)))
    .$dynamic();
}
