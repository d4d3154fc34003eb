import { queryOptions } from '@tanstack/react-query';
import type {
  importMappingList,
  planImport,
  planImportConfirm,
  planImportCreate,
  planImportList,
  planImportMappingUpdate,
  planImportRows,
} from '../../domain/contracts/plan-imports.ts';
import type { ImportOutcome, PlanImportState, PlanTableField } from '../../domain/plan-import.ts';
import { api, apiPath } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type { ImportOutcome, PlanImportState, PlanTableField };
export type PlanImport = Answer<typeof planImport>;
export type PlanImportListItem = Answer<typeof planImportList>['imports'][number];
export type PlanImportRows = Answer<typeof planImportRows>;
export type PlanImportRow = PlanImportRows['rows'][number];
export type PlanImportIssue = PlanImport['errors'][number];
export type PlanImportMapping = NonNullable<PlanImport['mapping']>;
export type PlanImportResult = NonNullable<PlanImport['result']>;
export type ImportMapping = Answer<typeof importMappingList>['mappings'][number];
export type PlanImportCreate = Body<typeof planImportCreate>;

// A plan imported from a file is a job on the server: the upload answers at once (state
// `reading`), and the screen asks again every second while the file is read or written. The
// preview's rows are fetched a page at a time, under the preview's fingerprint, so that a renewed
// preview never shows the rows of the one before.

/** The states in which the server is still working: the import is asked for again until it leaves them. */
export const RUNNING_STATES: readonly PlanImportState[] = ['reading', 'writing'];

/** How often a running import is asked for; a test may shorten it. */
export const importPolling = { intervalMs: 1000 };

/** The filter of the preview's rows: the outcomes shown (none: all of them), and the page. */
export interface PlanImportRowsQuery {
  outcomes: readonly ImportOutcome[];
  offset: number;
  limit: number;
}

/** The plan imports' query keys: everything of one import lies under `planImportKeys.import(id)`. */
export const planImportKeys = {
  all: ['plan-imports'] as const,
  list: () => [...planImportKeys.all, 'list'] as const,
  import: (id: string) => [...planImportKeys.all, id] as const,
  detail: (id: string) => [...planImportKeys.import(id), 'detail'] as const,
  rows: (id: string, fingerprint: string | null, query: PlanImportRowsQuery) =>
    [...planImportKeys.import(id), 'rows', fingerprint, query] as const,
  mappings: () => [...planImportKeys.all, 'mappings'] as const,
};

/** Starts an import of a file into a plan, or into a unit's plan of a year (202: it is being read). */
export function createPlanImport(body: PlanImportCreate) {
  return api<PlanImport>('/imports', { method: 'POST', body });
}

/** The signed-in person's imports, newest first. */
export function listPlanImports(signal?: AbortSignal) {
  return api<Answer<typeof planImportList>>('/imports', { signal });
}

export function getPlanImport(id: string, signal?: AbortSignal) {
  return api<PlanImport>(`/imports/${id}`, { signal });
}

/** A page of the preview's rows, only those of `outcomes` when some are given. */
export function getPlanImportRows(id: string, query: PlanImportRowsQuery, signal?: AbortSignal) {
  return api<PlanImportRows>(`/imports/${id}/rows`, {
    query: {
      outcome: query.outcomes.length > 0 ? query.outcomes.join(',') : undefined,
      offset: query.offset,
      limit: query.limit,
    },
    signal,
  });
}

/** Reads the table again with these columns' fields (202: it is being read again). */
export function updatePlanImportMapping(id: string, body: Body<typeof planImportMappingUpdate>) {
  return api<PlanImport | undefined>(`/imports/${id}/mapping`, { method: 'PUT', body });
}

/**
 * Writes the import as previewed (202: it is being written). Refused when the preview's
 * fingerprint no longer holds: the preview is renewed and the import's `problem` says why.
 */
export function confirmPlanImport(id: string, body: Body<typeof planImportConfirm>) {
  return api<PlanImport | undefined>(`/imports/${id}/confirm`, { method: 'POST', body });
}

export function cancelPlanImport(id: string) {
  return api<PlanImport | undefined>(`/imports/${id}/cancel`, { method: 'POST' });
}

/** The organisation's saved column mappings. */
export function listImportMappings(signal?: AbortSignal) {
  return api<Answer<typeof importMappingList>>('/import-mappings', { signal });
}

export function deleteImportMapping(id: string) {
  return api<void>(`/import-mappings/${id}`, { method: 'DELETE' });
}

/** The plan as a workbook to edit in Excel and import again (a download, not a fetch). */
export function planWorkbookHref(planId: string): string {
  return apiPath(`/plans/${planId}/workbook`);
}

export const planImportQueries = {
  list: () =>
    queryOptions({
      queryKey: planImportKeys.list(),
      queryFn: async ({ signal }) => (await listPlanImports(signal)).imports,
      refetchInterval: (query) =>
        query.state.data?.some((item) => RUNNING_STATES.includes(item.state)) ? importPolling.intervalMs : false,
    }),
  /** One import, asked for again every second while it is read or written. */
  detail: (id: string) =>
    queryOptions({
      queryKey: planImportKeys.detail(id),
      queryFn: ({ signal }) => getPlanImport(id, signal),
      refetchInterval: (query) =>
        query.state.data && RUNNING_STATES.includes(query.state.data.state) ? importPolling.intervalMs : false,
    }),
  rows: (id: string, fingerprint: string | null, query: PlanImportRowsQuery) =>
    queryOptions({
      queryKey: planImportKeys.rows(id, fingerprint, query),
      queryFn: ({ signal }) => getPlanImportRows(id, query, signal),
      staleTime: Infinity,
    }),
  mappings: () =>
    queryOptions({
      queryKey: planImportKeys.mappings(),
      queryFn: async ({ signal }) => (await listImportMappings(signal)).mappings,
    }),
};
