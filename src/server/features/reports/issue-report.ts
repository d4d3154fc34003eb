import { createHash } from 'node:crypto';
import type { ReportKind } from '../../../domain/contracts/reports.ts';
import { MANAGING_ROLES, type Access } from '../../access/access.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import type { Database } from '../../db/client.ts';
import { issuedReports } from '../../db/schema/issued-reports.ts';
import { generateReport } from '../../reports/generate-report.ts';
import { findIssuedReport } from './find-issued-report.ts';
import { presentIssued } from './present.ts';

/**
 * Skicka till nämnd (the unit's managers): generates the report and stores the exact bytes with
 * their SHA-256, audited, in one transaction.
 */
export interface IssueReportOptions {
  kind: ReportKind;
  unitId: string;
  period: string;
  format: 'docx' | 'pdf' | 'xlsx';
  /** A note kept with the copy ("Skickad till nämnden 16 september"). */
  note?: string | undefined;
  /** The language the report is written in. */
  locale: 'sv' | 'en';
}

export async function issueReport(db: Database, access: Access, { kind, locale, ...input }: IssueReportOptions) {
  access.assertRole(input.unitId, MANAGING_ROLES);
  const report = await generateReport(db, access, {
    kind,
    unitId: input.unitId,
    period: input.period,
    format: input.format,
    locale,
    archival: input.format === 'pdf',
  });
  const sha256 = createHash('sha256').update(report.bytes).digest('hex');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(issuedReports)
      .values({
        tenantId: access.tenantId,
        kind,
        unitId: input.unitId,
        period: input.period,
        format: input.format,
        title: report.title,
        fileName: report.fileName,
        contentType: report.contentType,
        byteSize: report.bytes.length,
        sha256,
        content: report.bytes,
        note: input.note ?? null,
        issuedById: access.userId,
      })
      .returning({ id: issuedReports.id });
    await recordAuditEvents(tx, access.actor, [
      {
        entityType: 'issued_report',
        entityId: row!.id,
        operation: 'create',
        unitId: input.unitId,
        changes: {
          kind: [null, kind],
          period: [null, input.period],
          format: [null, input.format],
          sha256: [null, sha256],
          note: [null, input.note ?? null],
        },
      },
    ]);
    return row!.id;
  });
  return presentIssued(await findIssuedReport(db, access, { issuedReportId: id }));
}
