import { createRoute } from '@hono/zod-openapi';
import {
  importMappingList,
  importMappingParams,
  planImport,
  planImportConfirm,
  planImportCreate,
  planImportList,
  planImportMappingUpdate,
  planImportParams,
  planImportRows,
  planImportRowsQuery,
} from '../../../domain/contracts/plan-imports.ts';
import type { Context } from 'hono';
import { preferredLocale } from '../../errors.ts';
import { createRouter, type ApiEnv } from '../../http/api-router.ts';
import { json, jsonBody, problems } from '../../http/openapi-helpers.ts';
import {
  archiveImportMapping,
  cancelPlanImport,
  confirmPlanImport,
  findPlanImport,
  listImportMappings,
  listPlanImports,
  mapColumns,
  presentPlanImport,
  previewRows,
  startPlanImport,
  type ImportSettings,
} from './import-jobs.ts';

const tags = ['Imports'];
const listedImport = planImportList.shape.imports.element;

/**
 * Plans and follow-ups from the files municipalities have: upload (the file is read in the
 * background), the column mapping of a plan table, the preview row by row, the confirmation
 * (written in one transaction) and the state to come back to. Managers of the unit only.
 */
export function planImportRoutes(settings: ImportSettings) {
  const router = createRouter();
  const locale = (header: string | undefined) => preferredLocale(header);
  /** The import as the caller sees it: in their language, on the server's clock. */
  const shown = (c: Context<ApiEnv>, row: Parameters<typeof presentPlanImport>[1]) =>
    presentPlanImport(c.get('database').db, row, locale(c.req.header('accept-language')), c.get('clock').now());

  router.openapi(
    createRoute({
      method: 'post',
      path: '/imports',
      tags,
      summary: 'Upload a file to import into a plan (or a unit and year); it is read and previewed in the background',
      description:
        'Answers 202 with the import in state `reading`; follow it with GET /imports/{importId} until it is `ready` (or `mapping`, when a plan table’s columns need to be named, or `failed`). The file is XLSX (Uppsikt’s own workbook of a plan, or a plan table in any layout), CSV or DOCX.',
      request: jsonBody(planImportCreate),
      responses: {
        202: json(planImport, 'The import, being read'),
        ...problems('validation_failed', 'forbidden', 'not_found'),
      },
    }),
    async (c) => {
      const { db } = c.get('database');
      const row = await startPlanImport(db, c.get('access'), c.req.valid('json'), settings);
      return c.json(await shown(c, row), 202);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/imports',
      tags,
      summary: 'The caller’s imports, newest first (to come back to a running or finished one)',
      responses: { 200: json(planImportList, 'The imports') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const rows = await listPlanImports(db, c.get('access'));
      const language = locale(c.req.header('accept-language'));
      const now = c.get('clock').now();
      const imports = [];
      for (const row of rows) {
        // The list leaves out each import's column mapping.
        imports.push(listedImport.parse(await presentPlanImport(db, row, language, now)));
      }
      return c.json({ imports }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/imports/{importId}',
      tags,
      summary: 'An import’s state, progress, column mapping and summary',
      request: { params: planImportParams },
      responses: { 200: json(planImport, 'The import'), ...problems('not_found') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const row = await findPlanImport(db, c.get('access'), c.req.valid('param').importId);
      return c.json(await shown(c, row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/imports/{importId}/rows',
      tags,
      summary: 'The preview row by row: new, changed (field by field), unchanged, archived, conflict or error',
      request: { params: planImportParams, query: planImportRowsQuery },
      responses: { 200: json(planImportRows, 'A page of rows'), ...problems('not_found', 'validation_failed') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const row = await findPlanImport(db, c.get('access'), c.req.valid('param').importId);
      return c.json(previewRows(row, locale(c.req.header('accept-language')), c.req.valid('query')), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/imports/{importId}/mapping',
      tags,
      summary:
        'Say which field each column of a plan table holds (or none), optionally saving the mapping; previews again',
      request: { params: planImportParams, ...jsonBody(planImportMappingUpdate) },
      responses: {
        202: json(planImport, 'The import, being read again'),
        ...problems('validation_failed', 'forbidden', 'not_found', 'conflict'),
      },
    }),
    async (c) => {
      const { db } = c.get('database');
      const row = await mapColumns(db, c.get('access'), c.req.valid('param').importId, c.req.valid('json'));
      return c.json(await shown(c, row), 202);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/imports/{importId}/confirm',
      tags,
      summary: 'Write the import as previewed, in one transaction, in the background',
      description:
        'Answers 202 with the import in state `writing`; it becomes `done` with what was written, or `ready` again with the reason when the plan changed since the preview or rows have errors (then nothing is written).',
      request: { params: planImportParams, ...jsonBody(planImportConfirm) },
      responses: {
        202: json(planImport, 'The import, being written'),
        ...problems('validation_failed', 'forbidden', 'not_found', 'conflict'),
      },
    }),
    async (c) => {
      const { db } = c.get('database');
      const row = await confirmPlanImport(db, c.get('access'), c.req.valid('param').importId, c.req.valid('json'));
      return c.json(await shown(c, row), 202);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/imports/{importId}/cancel',
      tags,
      summary: 'Withdraw an import that has not been written',
      request: { params: planImportParams },
      responses: { 200: json(planImport, 'The import, cancelled'), ...problems('not_found', 'conflict') },
    }),
    async (c) => {
      const { db } = c.get('database');
      const row = await cancelPlanImport(db, c.get('access'), c.req.valid('param').importId);
      return c.json(await shown(c, row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/import-mappings',
      tags,
      summary: 'The organisation’s saved column mappings for plan tables',
      responses: { 200: json(importMappingList, 'The mappings') },
    }),
    async (c) => {
      const rows = await listImportMappings(c.get('database').db, c.get('access'));
      return c.json(
        {
          mappings: rows.map((row) => ({
            id: row.id,
            name: row.name,
            columns: row.columns as Record<string, never>,
            createdAt: row.createdAt.toISOString(),
          })),
        },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/import-mappings/{mappingId}',
      tags,
      summary: 'Archive a saved column mapping',
      request: { params: importMappingParams },
      responses: { 204: { description: 'Archived' }, ...problems('not_found', 'forbidden', 'validation_failed') },
    }),
    async (c) => {
      await archiveImportMapping(c.get('database').db, c.get('access'), c.req.valid('param').mappingId);
      return c.body(null, 204);
    },
  );

  return router;
}
