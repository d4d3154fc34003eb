import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { listQuery, timestamp } from '../../domain/contracts/common.ts';
import type { Access } from '../access/access.ts';
import { AppError, problemResponse } from '../errors.ts';
import { createRouter } from './api-router.ts';
import { orderBy, pageOf } from './list-helpers.ts';
import { createProblems, json, jsonBody, problems, readProblems, updateProblems } from './openapi-helpers.ts';
import { presentAs } from './present.ts';
import { addStandardRoutes } from './standard-routes.ts';

// The HTTP contract's shared parts on their own: the five standard routes of a resource (what
// they validate, call and present), the whitelist that presents a row, the problems a route
// declares, and sorting and paging. The use cases here are small functions that record what
// they were given; the features' own tests run the real ones.

type Row = Record<string, unknown>;
const ID = '0195f4a0-0000-7000-8000-000000000001';
const OTHER_ID = '0195f4a0-0000-7000-8000-000000000002';

describe('presenting a row through its contract', () => {
  const present = presentAs(
    z.object({
      id: z.string(),
      title: z.string(),
      dueDate: z.string().nullable(),
      updatedAt: timestamp,
      count: z.number(),
    }),
  );

  test('exactly the contract’s fields: a column it does not name never leaks', () => {
    expect(
      present({
        id: 'a',
        title: 'T',
        dueDate: '2026-05-01',
        updatedAt: '2026-01-01T00:00:00.000Z',
        count: 0,
        passwordHash: 'x',
        tenantId: 't',
      }),
    ).toEqual({
      id: 'a',
      title: 'T',
      dueDate: '2026-05-01',
      updatedAt: '2026-01-01T00:00:00.000Z',
      count: 0,
    });
  });

  test('a time becomes its ISO text; a field the row lacks becomes null; false, 0 and "" stay as they are', () => {
    expect(present({ id: 'a', title: '', updatedAt: new Date('2026-03-29T01:30:00Z'), count: 0 })).toEqual({
      id: 'a',
      title: '',
      dueDate: null,
      updatedAt: '2026-03-29T01:30:00.000Z',
      count: 0,
    });
    expect(presentAs(z.object({ done: z.boolean() }))({ done: false })).toEqual({ done: false });
  });
});

describe('the problems a route declares in the OpenAPI document', () => {
  test('every route can answer 401; each code is described under its status', () => {
    const declared = problems('validation_failed', 'not_found');
    expect(Object.keys(declared).map(Number).sort()).toEqual([400, 401, 404]);
    expect(declared[401]!.description).toBe('You need to sign in.');
    expect(declared[400]!.description).toBe('The input is not valid.');
    expect(declared[404]!.content['application/problem+json'].schema).toBeDefined();
  });

  test('codes that share a status are all described', () => {
    expect(problems('conflict', 'duplicate')[409]!.description).toBe(
      'Someone else changed this in the meantime. Or: Such an entry already exists.',
    );
    expect(problems()).toEqual({ 401: expect.objectContaining({ description: 'You need to sign in.' }) });
  });

  test('a read, a create and a change declare what each can answer', () => {
    expect(Object.keys(readProblems).map(Number)).toEqual([401, 404]);
    expect(Object.keys(createProblems).map(Number)).toEqual([400, 401, 403, 404, 409]);
    expect(createProblems[409]!.description).toBe('Such an entry already exists.');
    expect(Object.keys(updateProblems).map(Number)).toEqual([400, 401, 403, 404, 409]);
    expect(updateProblems[409]!.description).toBe('Someone else changed this in the meantime.');
  });

  test('a JSON body is required and typed; a JSON response is described', () => {
    const schema = z.object({ a: z.string() });
    expect(jsonBody(schema)).toEqual({ body: { content: { 'application/json': { schema } }, required: true } });
    expect(json(schema, 'The thing')).toEqual({
      description: 'The thing',
      content: { 'application/json': { schema } },
    });
  });
});

describe('sorting and paging a list', () => {
  let client: PGlite;
  let db: ReturnType<typeof drizzle>;
  const things = pgTable('things', { id: integer().primaryKey(), name: text(), rank: integer() });
  const sorted = async (sort: string | undefined) =>
    (
      await db
        .select({ id: things.id })
        .from(things)
        .orderBy(...orderBy(sort, { name: things.name, rank: things.rank }, '-rank', things.id))
    ).map((row) => row.id);

  beforeAll(async () => {
    client = new PGlite();
    db = drizzle(client);
    await db.execute(sql`create table things (id integer primary key, name text, rank integer)`);
    await db.insert(things).values([
      { id: 1, name: 'b', rank: 2 },
      { id: 2, name: null, rank: 1 },
      { id: 3, name: 'a', rank: 2 },
      { id: 4, name: 'b', rank: null },
    ]);
  });
  afterAll(() => client.close());

  test('by a field, ascending or with "-" descending; empty values last either way; ties by id', async () => {
    expect(await sorted('name')).toEqual([3, 1, 4, 2]);
    expect(await sorted('-name')).toEqual([1, 4, 3, 2]);
    expect(await sorted('rank')).toEqual([2, 1, 3, 4]);
  });

  test('without a sort the fallback, which may itself be descending; a field that is not allowed sorts by the fallback’s field in the direction asked', async () => {
    expect(await sorted(undefined)).toEqual([1, 3, 2, 4]);
    expect(await sorted('secret')).toEqual([2, 1, 3, 4]);
    expect(await sorted('-secret')).toEqual([1, 3, 2, 4]);
  });

  test('only a leading "-" means descending; a field may have a dash inside its name', async () => {
    const dashed = (
      await db
        .select({ id: things.id })
        .from(things)
        .orderBy(...orderBy(undefined, { 'sort-rank': things.rank }, '-sort-rank', things.id))
    ).map((row) => row.id);
    expect(dashed).toEqual([1, 3, 2, 4]);
    const ascending = (
      await db
        .select({ id: things.id })
        .from(things)
        .orderBy(...orderBy('secret', { 'sort-rank': things.rank }, 'sort-rank', things.id))
    ).map((row) => row.id);
    expect(ascending).toEqual([2, 1, 3, 4]);
  });

  test('a page: the items presented, the total counted over all pages, or 0 when the page is empty', () => {
    expect(
      pageOf(
        [
          { total: 7, n: 1 },
          { total: 7, n: 2 },
        ],
        2,
        4,
        (row) => row.n,
      ),
    ).toEqual({ items: [1, 2], total: 7, limit: 2, offset: 4 });
    // The database may return the count as text (bigint).
    expect(pageOf([{ total: '12' as unknown as number }], 1, 0, () => 'x').total).toBe(12);
    expect(pageOf([], 50, 100, () => 'x')).toEqual({ items: [], total: 0, limit: 50, offset: 100 });
  });
});

describe('the five standard routes of a resource', () => {
  const output = z.object({
    id: z.string(),
    title: z.string(),
    version: z.number(),
    archivedAt: z.string().nullable(),
  });
  const calls: Array<{ use: string; inTransaction: boolean; args: unknown[] }> = [];
  const TX = { kind: 'transaction' };
  const DB = { kind: 'database', transaction: <T>(work: (tx: unknown) => Promise<T>) => work(TX) };
  const ACCESS = { userId: 'u' } as unknown as Access;
  const inTx = (tx: unknown) => tx === TX;
  const row = (extra: Row = {}): Row => ({
    id: ID,
    title: 'Risk',
    version: 3,
    archivedAt: null,
    tenantId: 't',
    secretHash: 'never shown',
    ...extra,
  });

  const build = (withArchive: boolean) => {
    const router = createRouter();
    router.use('*', async (c, next) => {
      c.set('database', { db: DB } as never);
      c.set('access', ACCESS);
      await next();
    });
    addStandardRoutes(router, {
      path: '/things',
      tags: ['Things'],
      noun: 'thing',
      output,
      createInput: z.strictObject({ title: z.string().min(1) }),
      updateInput: z.strictObject({ title: z.string().min(1).optional(), version: z.int().min(1).optional() }),
      listQuery: z.object(listQuery(['title'])),
      present: presentAs(output),
      list: (db, access, query) => {
        calls.push({ use: 'list', inTransaction: db !== (DB as never), args: [access, query] });
        return Promise.resolve({ items: [row(), row({ id: OTHER_ID, title: 'Annan' })], total: 9 });
      },
      find: (db, access, id) => {
        calls.push({ use: 'find', inTransaction: db !== (DB as never), args: [access, id] });
        return id === OTHER_ID ? Promise.reject(new AppError('not_found')) : Promise.resolve(row());
      },
      create: (tx, access, input) => {
        calls.push({ use: 'create', inTransaction: inTx(tx), args: [access, input] });
        return Promise.resolve(row({ ...(input as Row), version: 1 }));
      },
      update: (tx, access, id, version, changes) => {
        calls.push({ use: 'update', inTransaction: inTx(tx), args: [access, id, version, changes] });
        return Promise.resolve(row({ ...changes, version: version + 1 }));
      },
      ...(withArchive
        ? {
            archive: (tx: unknown, access: Access, id: string, archived: boolean) => {
              calls.push({ use: 'archive', inTransaction: inTx(tx), args: [access, id, archived] });
              return Promise.resolve(
                row({ archivedAt: archived ? new Date('2026-02-01T08:00:00Z') : null, version: 4 }),
              );
            },
          }
        : {}),
    });
    router.onError((error, c) =>
      error instanceof AppError ? problemResponse(c, error) : c.json({ crash: String(error) }, 500),
    );
    return router;
  };
  // Built inside each test, not once for the file: the routes are what is tested.
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    calls.length = 0;
    const response = await build(true).request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      body: (await response.json()) as Record<string, any>,
    };
  };

  test('GET /things: a page of presented items with the total, limit and offset; the query validated with its defaults', async () => {
    const reply = await send('GET', '/things?sort=-title&offset=5');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      items: [
        { id: ID, title: 'Risk', version: 3, archivedAt: null },
        { id: OTHER_ID, title: 'Annan', version: 3, archivedAt: null },
      ],
      total: 9,
      limit: 50,
      offset: 5,
    });
    expect(calls).toEqual([
      { use: 'list', inTransaction: false, args: [ACCESS, { sort: '-title', limit: 50, offset: 5 }] },
    ]);
  });

  test('a query that breaks the contract: 400 "Frågeparametrarna är inte giltiga." naming the parameter, and the use case is not called', async () => {
    const reply = await send('GET', '/things?limit=0&sort=secret');
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toBe('Frågeparametrarna är inte giltiga.');
    expect(reply.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['limit', 'sort']);
    expect(calls).toEqual([]);
    const english = await send('GET', '/things?limit=x', undefined, { 'accept-language': 'en' });
    expect(english.body.detail).toBe('The query parameters are not valid.');
  });

  test('GET /things/{id}: the presented row with its version as ETag', async () => {
    const reply = await send('GET', `/things/${ID}`);
    expect(reply).toEqual({ status: 200, etag: '"3"', body: { id: ID, title: 'Risk', version: 3, archivedAt: null } });
    expect(calls).toEqual([{ use: 'find', inTransaction: false, args: [ACCESS, ID] }]);
    expect((await send('GET', `/things/${OTHER_ID}`)).status).toBe(404);
  });

  test('an id that is not an id: 400 "Adressen är inte giltig." naming id', async () => {
    const reply = await send('GET', '/things/abc');
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toBe('Adressen är inte giltig.');
    expect(reply.body.errors).toEqual([{ path: 'id', message: 'Ska vara ett id (UUID).' }]);
    expect((await send('GET', '/things/abc', undefined, { 'accept-language': 'en' })).body.detail).toBe(
      'The address is not valid.',
    );
    expect(calls).toEqual([]);
  });

  test('POST /things: 201 with the presented row, created inside a transaction', async () => {
    const reply = await send('POST', '/things', { title: 'Ny' });
    expect(reply).toMatchObject({ status: 201, body: { id: ID, title: 'Ny', version: 1, archivedAt: null } });
    expect(reply.body).not.toHaveProperty('secretHash');
    expect(calls).toEqual([{ use: 'create', inTransaction: true, args: [ACCESS, { title: 'Ny' }] }]);
  });

  test('a body that breaks the contract: 400 naming each field, and nothing is called', async () => {
    const reply = await send('POST', '/things', { title: '', extra: 1 });
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toBe('Varje fel står vid sitt fält.');
    expect(reply.body.errors).toEqual([
      { path: 'title', message: 'Får inte vara tomt.' },
      { path: 'extra', message: 'Okänt fält.' },
    ]);
    expect((await send('POST', '/things', {})).body.errors).toEqual([{ path: 'title', message: 'Måste anges.' }]);
    expect(calls).toEqual([]);
  });

  test('PATCH /things/{id}: the version from the body, the changes without it, inside a transaction', async () => {
    const reply = await send('PATCH', `/things/${ID}`, { title: 'Ändrad', version: 3 });
    expect(reply).toMatchObject({ status: 200, body: { title: 'Ändrad', version: 4 } });
    expect(calls).toEqual([{ use: 'update', inTransaction: true, args: [ACCESS, ID, 3, { title: 'Ändrad' }] }]);
  });

  test('PATCH: the version from If-Match when the body has none; without either, 400 naming version and nothing is called', async () => {
    await send('PATCH', `/things/${ID}`, { title: 'Ändrad' }, { 'if-match': 'W/"7"' });
    expect(calls).toEqual([{ use: 'update', inTransaction: true, args: [ACCESS, ID, 7, { title: 'Ändrad' }] }]);
    const missing = await send('PATCH', `/things/${ID}`, { title: 'Ändrad' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error: { path: string }) => error.path)).toEqual(['version']);
    expect(calls).toEqual([]);
  });

  test('archive and restore: the use case is told which, inside a transaction, and the presented row comes back', async () => {
    const archived = await send('POST', `/things/${ID}/archive`);
    expect(archived).toMatchObject({ status: 200, body: { archivedAt: '2026-02-01T08:00:00.000Z', version: 4 } });
    expect(calls).toEqual([{ use: 'archive', inTransaction: true, args: [ACCESS, ID, true] }]);
    const restored = await send('POST', `/things/${ID}/restore`);
    expect(restored).toMatchObject({ status: 200, body: { archivedAt: null } });
    expect(calls).toEqual([{ use: 'archive', inTransaction: true, args: [ACCESS, ID, false] }]);
  });

  test('a resource that is never archived has no archive or restore route', async () => {
    const app = build(false);
    expect((await app.request(`/things/${ID}/archive`, { method: 'POST' })).status).toBe(404);
    expect((await app.request(`/things/${ID}/restore`, { method: 'POST' })).status).toBe(404);
  });

  test('the OpenAPI document names each route for the resource', () => {
    const document = build(true).getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const summaries = Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
      Object.entries(
        operations as Record<
          string,
          { summary?: string; tags?: string[]; responses: Record<string, { description: string }> }
        >,
      ).map(([method, operation]) => [
        `${method.toUpperCase()} ${path}`,
        operation.summary,
        operation.tags,
        operation.responses['200']?.description ?? operation.responses['201']?.description,
      ]),
    );
    expect(summaries).toEqual([
      ['GET /things', 'List things', ['Things'], 'A page of things'],
      ['POST /things', 'Create a thing', ['Things'], 'Created'],
      ['GET /things/{id}', 'One thing', ['Things'], 'The thing'],
      ['PATCH /things/{id}', 'Change a thing', ['Things'], 'Changed'],
      ['POST /things/{id}/archive', 'Archive a thing (it is kept, never deleted)', ['Things'], 'Archived'],
      ['POST /things/{id}/restore', 'Restore an archived thing', ['Things'], 'Restored'],
    ]);
  });
});
