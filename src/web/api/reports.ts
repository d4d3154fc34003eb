import { queryOptions } from '@tanstack/react-query';
import type {
  issueReportBody,
  issuedReport,
  issuedReportDecisionPut,
  reportQuery,
  reportText,
  reportTextPut,
} from '../../domain/contracts/reports.ts';
import type { ReportKind } from '../../domain/report-kind.ts';
import { api, apiPath, ApiError, type Problem } from '../lib/api.ts';
import type { Answer, Body, ListFilters } from './shared.ts';

export type IssuedReport = Answer<typeof issuedReport>;
export type ReportText = Answer<typeof reportText>;
/** The report kinds that have texts of their own. */
export type ReportTextKind = Body<typeof reportTextPut>['reportKind'];
/** The formats a report is sent to the nämnd in. */
export type IssueFormat = NonNullable<Body<typeof issueReportBody>['format']>;

/** The reports: their previews, the copies sent to the nämnd and the tenant's own texts. */
export const reportKeys = {
  all: ['reports'] as const,
  /** Every preview: a report shows plan data, so any change to it makes them stale. */
  previews: () => [...reportKeys.all, 'preview'] as const,
  preview: (url: string) => [...reportKeys.previews(), url] as const,
  issued: () => [...reportKeys.all, 'issued'] as const,
  issuedList: (filters: { kind?: ReportKind; unit?: string }) => [...reportKeys.issued(), filters] as const,
  texts: (kind: ReportKind, unitId: string) => [...reportKeys.all, 'texts', kind, unitId] as const,
};

/** The address of a report in a format (pdf, docx, xlsx, md, html), for a link or a download. */
export function reportUrl(kind: ReportKind, query: ListFilters<typeof reportQuery>): string {
  return apiPath(`/reports/${kind}`, query);
}

/** The address of the exact file that was sent to the nämnd. */
export function issuedReportFileUrl(id: string): string {
  return apiPath(`/issued-reports/${id}/file`);
}

/** A report as HTML (its address from `reportUrl`), to be shown in a frame. */
export async function getReportHtml(url: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin', signal });
  const text = await response.text();
  if (!response.ok) throw new ApiError(JSON.parse(text) as Problem);
  return text;
}

export function listIssuedReports(filters: { kind?: ReportKind; unit?: string }, signal?: AbortSignal) {
  return api<{ items: IssuedReport[] }>('/issued-reports', { query: filters, signal });
}

/** Sends a report to the nämnd: the exact file is kept with its SHA-256. */
export function issueReport(kind: ReportKind, body: Body<typeof issueReportBody>) {
  return api<IssuedReport>(`/reports/${kind}/issue`, { method: 'POST', body });
}

/** Records the decision taken on an issued report, or replaces the recorded one (naming its version). */
export function putIssuedReportDecision(id: string, body: Body<typeof issuedReportDecisionPut>) {
  return api<NonNullable<IssuedReport['decision']>>(`/issued-reports/${id}/decision`, { method: 'PUT', body });
}

export function listReportTexts(kind: ReportKind, unitId: string, signal?: AbortSignal) {
  return api<{ items: ReportText[] }>('/report-texts', { query: { reportKind: kind, unit: unitId }, signal });
}

export function putReportText(body: Body<typeof reportTextPut>) {
  return api<ReportText>('/report-texts', { method: 'PUT', body });
}

export const reportQueries = {
  preview: (url: string) =>
    queryOptions({ queryKey: reportKeys.preview(url), queryFn: ({ signal }) => getReportHtml(url, signal) }),
  issuedList: (filters: { kind?: ReportKind; unit?: string }) =>
    queryOptions({
      queryKey: reportKeys.issuedList(filters),
      queryFn: ({ signal }) => listIssuedReports(filters, signal),
    }),
  texts: (kind: ReportKind, unitId: string) =>
    queryOptions({
      queryKey: reportKeys.texts(kind, unitId),
      queryFn: ({ signal }) => listReportTexts(kind, unitId, signal),
    }),
};
