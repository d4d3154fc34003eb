import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { idParams, page } from '../../domain/contracts/common.ts';
import type { Access } from '../access/access.ts';
import { expectedVersion } from '../audit/audited-writes.ts';
import type { Database, Transaction } from '../db/client.ts';
import type { ApiEnv } from './api-router.ts';
import { createProblems, json, jsonBody, problems, readProblems, updateProblems } from './openapi-helpers.ts';

type Row = Record<string, unknown>;

/**
 * The five routes most resources have, wired to the feature's own use cases:
 * GET /things (a page), GET /things/{id}, POST /things, PATCH /things/{id} (with version or
 * If-Match), and POST /things/{id}/archive and /restore. Each use case authorizes itself and
 * gets the transaction; this only validates, calls, and presents through the whitelist.
 */
export interface StandardRoutes<
  Output extends z.ZodObject,
  CreateInput extends z.ZodType,
  UpdateInput extends z.ZodObject,
  ListQuery extends z.ZodObject,
> {
  /** e.g. "/risks". */
  path: string;
  tags: string[];
  /** e.g. "risk", for the summaries. */
  noun: string;
  output: Output;
  createInput: CreateInput;
  updateInput: UpdateInput;
  listQuery: ListQuery;
  present: (row: Row) => z.infer<Output>;
  list(db: Database, access: Access, query: z.infer<ListQuery>): Promise<{ items: Row[]; total: number }>;
  find(db: Database, access: Access, id: string): Promise<Row>;
  create(tx: Transaction, access: Access, input: z.infer<CreateInput>): Promise<Row>;
  update(
    tx: Transaction,
    access: Access,
    id: string,
    version: number,
    changes: Omit<z.infer<UpdateInput>, 'version'>,
  ): Promise<Row>;
  /** Absent for resources that are never archived. */
  archive?: (tx: Transaction, access: Access, id: string, archived: boolean) => Promise<Row>;
}

// With generic schemas the validated input cannot be typed through Hono's route types; the
// schema that validated it is the one named in the spec, so reading it as that type is sound.
function validated<T>(c: { req: { valid: never } }, target: 'query' | 'json' | 'param'): T {
  return (c.req.valid as (target: string) => T)(target);
}

export function addStandardRoutes<
  Output extends z.ZodObject,
  CreateInput extends z.ZodType,
  UpdateInput extends z.ZodObject,
  ListQuery extends z.ZodObject,
>(router: OpenAPIHono<ApiEnv>, spec: StandardRoutes<Output, CreateInput, UpdateInput, ListQuery>) {
  const { path, tags, noun, output } = spec;

  router.openapi(
    createRoute({
      method: 'get',
      path,
      tags,
      summary: `List ${noun}s`,
      request: { query: spec.listQuery },
      responses: { 200: json(page(output), `A page of ${noun}s`), ...problems('validation_failed', 'not_found') },
    }),
    async (c) => {
      const query = validated<z.infer<ListQuery> & { limit: number; offset: number }>(c as never, 'query');
      const { items, total } = await spec.list(c.get('database').db, c.get('access'), query);
      return c.json({ items: items.map(spec.present), total, limit: query.limit, offset: query.offset }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: `${path}/{id}`,
      tags,
      summary: `One ${noun}`,
      request: { params: idParams },
      responses: { 200: json(output, `The ${noun}`), ...readProblems },
    }),
    async (c) => {
      const row = await spec.find(
        c.get('database').db,
        c.get('access'),
        validated<{ id: string }>(c as never, 'param').id,
      );
      c.header('etag', `"${String(row.version)}"`);
      return c.json(spec.present(row), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path,
      tags,
      summary: `Create a ${noun}`,
      request: jsonBody(spec.createInput),
      responses: { 201: json(output, 'Created'), ...createProblems },
    }),
    async (c) => {
      const input = validated<z.infer<CreateInput>>(c as never, 'json');
      const row = await c.get('database').db.transaction((tx) => spec.create(tx, c.get('access'), input));
      return c.json(spec.present(row), 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: `${path}/{id}`,
      tags,
      summary: `Change a ${noun}`,
      request: { params: idParams, ...jsonBody(spec.updateInput) },
      responses: { 200: json(output, 'Changed'), ...updateProblems },
    }),
    async (c) => {
      const { version, ...changes } = validated<{ version?: number } & Record<string, unknown>>(c as never, 'json');
      const expected = expectedVersion(version, c.req.header('if-match'));
      const { id } = validated<{ id: string }>(c as never, 'param');
      const row = await c
        .get('database')
        .db.transaction((tx) =>
          spec.update(tx, c.get('access'), id, expected, changes as Omit<z.infer<UpdateInput>, 'version'>),
        );
      return c.json(spec.present(row), 200);
    },
  );

  const archive = spec.archive;
  if (archive) {
    for (const [action, archived] of [
      ['archive', true],
      ['restore', false],
    ] as const) {
      router.openapi(
        createRoute({
          method: 'post',
          path: `${path}/{id}/${action}`,
          tags,
          summary: archived ? `Archive a ${noun} (it is kept, never deleted)` : `Restore an archived ${noun}`,
          request: { params: idParams },
          responses: { 200: json(output, archived ? 'Archived' : 'Restored'), ...updateProblems },
        }),
        async (c) => {
          const { id } = validated<{ id: string }>(c as never, 'param');
          const row = await c.get('database').db.transaction((tx) => archive(tx, c.get('access'), id, archived));
          return c.json(spec.present(row), 200);
        },
      );
    }
  }
}
