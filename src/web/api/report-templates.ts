import { queryOptions } from '@tanstack/react-query';
import type {
  reportTemplate,
  reportTemplateLogoPut,
  reportTemplatePreview,
  reportTemplatePut,
  reportTemplateRead,
} from '../../domain/contracts/report-templates.ts';
import { api, apiPath, apiText } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type ReportTemplate = Answer<typeof reportTemplate>;
export type ReportTemplateRead = Answer<typeof reportTemplateRead>;
export type ReportTemplateSettingsInput = Body<typeof reportTemplatePut>['settings'];

/** The tenant's and the units' report templates. */
export const reportTemplateKeys = {
  all: ['report-templates'] as const,
  scope: (unitId: string | null) => [...reportTemplateKeys.all, unitId ?? 'tenant'] as const,
};

export function getReportTemplate(unitId: string | null, signal?: AbortSignal) {
  return api<ReportTemplateRead>('/report-templates', { query: unitId ? { unit: unitId } : {}, signal });
}

export function putReportTemplate(body: Body<typeof reportTemplatePut>) {
  return api<ReportTemplate>('/report-templates', { method: 'PUT', body });
}

export function putReportTemplateLogo(body: Body<typeof reportTemplateLogoPut>) {
  return api<ReportTemplate>('/report-templates/logo', { method: 'PUT', body });
}

/** The address of a template's logo, for an image (the server answers it never cached). */
export function reportTemplateLogoUrl(unitId: string | null): string {
  return apiPath('/report-templates/logo', unitId ? { unit: unitId } : {});
}

/** A report as HTML in a template not saved yet. */
export function previewReportTemplate(body: Body<typeof reportTemplatePreview>, signal?: AbortSignal) {
  return apiText('/report-templates/preview', { method: 'POST', body, signal });
}

export const reportTemplateQueries = {
  scope: (unitId: string | null) =>
    queryOptions({
      queryKey: reportTemplateKeys.scope(unitId),
      queryFn: ({ signal }) => getReportTemplate(unitId, signal),
    }),
  preview: (body: Body<typeof reportTemplatePreview>) =>
    queryOptions({
      queryKey: [...reportTemplateKeys.all, 'preview', body] as const,
      queryFn: ({ signal }) => previewReportTemplate(body, signal),
      // A preview of settings being typed: the last one stays on screen while the next is made.
      placeholderData: (previous) => previous,
      retry: false,
    }),
};
