import { and, eq } from 'drizzle-orm';
import type { Access } from '../../access/access.ts';
import type { Database } from '../../db/client.ts';
import { issuedReports } from '../../db/schema/issued-reports.ts';
import { AppError } from '../../errors.ts';
import { issuedQuery } from './present.ts';

/** An issued report of a unit the caller reads; otherwise not found. */
export async function findIssuedReport(db: Database, access: Access, { issuedReportId }: { issuedReportId: string }) {
  const [row] = await issuedQuery(db).where(
    and(eq(issuedReports.tenantId, access.tenantId), eq(issuedReports.id, issuedReportId)),
  );
  if (!row || !access.canRead(row.unitId)) throw new AppError('not_found');
  return row;
}

/** The issued file, byte for byte as it was sent, with what its download needs. */
export async function readIssuedReportFile(
  db: Database,
  access: Access,
  { issuedReportId }: { issuedReportId: string },
) {
  const meta = await findIssuedReport(db, access, { issuedReportId });
  const [row] = await db
    .select({ content: issuedReports.content, contentType: issuedReports.contentType })
    .from(issuedReports)
    .where(and(eq(issuedReports.tenantId, access.tenantId), eq(issuedReports.id, issuedReportId)));
  return { content: row!.content, contentType: row!.contentType, fileName: meta.fileName, sha256: meta.sha256 };
}
