import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { REPORT_KINDS } from '../../domain/report-kind.ts';
import { DEFAULT_RISK_MATRIX } from '../../domain/risk-matrix.ts';
import { riskMatrices } from '../db/schema/risk-matrices.ts';
import { createHarness, type Client, type Harness, type Reply } from '../../../test/support/harness.ts';

// A bounded property-based fuzz of the whole write surface and the report endpoint. The
// endpoints come from the OpenAPI document, so a new endpoint is fuzzed without a change here.
// Bodies are nasty JSON (NUL, lone surrogates, huge numbers, wrong types, deep nesting, long
// strings, impossible dates) or near-valid (a valid shape with one field spoiled), so that
// requests get past validation into the use cases. For every request: never 5xx; every 4xx is
// problem+json with a detail; a refused write leaves every tenant table as it was; a successful
// write leaves its audit event.

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_615);
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 700);

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

interface Endpoint {
  method: string;
  /** The OpenAPI path, e.g. /plans/{id}/adopt. */
  path: string;
  body: JsonSchema | null;
}

/** Where the ids a field or a path names come from: the collection's last path segment. */
const POOL_OF_FIELD: Record<string, string> = {
  planId: 'plans',
  riskId: 'risks',
  controlId: 'controls',
  actionId: 'actions',
  activityId: 'activities',
  followUpId: 'follow-ups',
  reviewId: 'reviews',
  statusId: 'statuses',
  unitId: 'org-units',
  parentId: 'org-units',
  decisionUnitId: 'org-units',
  responsibleUnitId: 'org-units',
  userId: 'users',
  foundById: 'users',
  reportedToId: 'users',
  responsibleIds: 'users',
  reportingIds: 'users',
  riskMatrixId: 'risk-matrices',
  periodId: 'periods',
  focusAreaIds: 'focus-areas',
};

/** Sign-in bookkeeping changes on a refused sign-in by design; everything else must not. */
const TABLES_NOT_COMPARED = new Set(['sessions', 'sign_in_failures']);

/** A small deterministic generator for the choices made from the world as it is at run time. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof randomFrom>;

const nastyString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udc00',
    '\udbff\udbff',
    '\ufffe',
    '\u202e',
    '',
    ' ',
    '\n',
    'NULL',
    "'; drop table plans; --",
    '%00',
    '../../etc/passwd',
    '<script>alert(1)</script>',
  ),
  fc.constantFrom(
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '0000-01-01',
    '9999-12-31',
    '+275760-09-13',
    '2026-6-1',
    '2026-06-15T10:00:00Z',
    '1900-02-29',
    '2024-02-29',
  ),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '0196a0e0-0000-7000-8000-000000000000',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1, max: 4 }).map((n) => 'å'.repeat(10 ** n + 1)),
  fc.constant('x'.repeat(100_001)),
);
const nastyNumber = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1,
    0.5,
    1e308,
    -1e308,
    2 ** 31,
    2 ** 31 - 1,
    2 ** 53 + 2,
    32_767,
    32_768,
    1990,
    2100,
    2101,
    1e21,
    -0,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
// Deep nesting is built only when a request is sent: fast-check prints its values recursively.
class DeepNesting {
  constructor(readonly depth: number) {}
  toJSON(): unknown {
    let value: unknown = 'botten';
    for (let level = 0; level < this.depth; level++) value = level % 2 === 0 ? [value] : { n: value };
    return value;
  }
  toString() {
    return `DeepNesting(${this.depth})`;
  }
}
const deepNesting = fc.integer({ min: 10, max: 3000 }).map((depth) => new DeepNesting(depth));
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { version: 1 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 120 }) },
);

const requestArbitrary = fc.record({
  endpoint: fc.nat(),
  shape: fc.constantFrom(
    'near-valid',
    'near-valid',
    'bad-text',
    'valid',
    'valid',
    'valid',
    'nasty-fields',
    'nasty-body',
  ),
  badCharacter: fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d'),
  seed: fc.integer(),
  spoilt: nastyValue,
  extra: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), nastyValue) },
  ),
  nastyBody: nastyValue,
  role: fc.constantFrom('tenantAdmin', 'tenantAdmin', 'tenantAdmin', 'coordinator', 'responsible'),
  pathId: fc.constantFrom('pool', 'pool', 'pool', 'pool', 'any', 'random', 'other-tenant'),
});

const reportArbitrary = fc.record({
  kind: fc.oneof(fc.constantFrom(...REPORT_KINDS), nastyString),
  unit: fc.constantFrom('unitA', 'unitB', 'rootId', 'unitA1', 'random', 'other-tenant', 'nasty'),
  period: fc.oneof(
    fc.constantFrom(
      '2026',
      '2025-2026',
      '2026-2025',
      '2026-2027',
      '1989',
      '99999',
      '2026-',
      '0',
      '2026-2026',
      '2026-Q1',
      '2026-Q5',
      '2026-H2',
      '2026-D',
      '2026-P1',
      'Kvartal 2 2026',
    ),
    nastyString,
  ),
  format: fc.option(fc.oneof(fc.constantFrom('docx', 'pdf', 'xlsx', 'html', 'md', 'html', 'md'), nastyString), {
    freq: 5,
  }),
  archival: fc.option(fc.constantFrom('true', 'false', 'ja', ''), { freq: 2 }),
  lang: fc.option(fc.constantFrom('sv', 'en', 'de', ''), { freq: 2 }),
  revision: fc.option(
    fc.oneof(
      fc.constantFrom('1', '2', '999999', '0', '-1', '1e3', '1.5', 'abc', '99999999999999999999'),
      fc.nat().map(String),
    ),
    { freq: 2 },
  ),
  garbage: nastyString,
  useGarbage: fc.constantFrom('unit', 'period', 'format', 'none', 'none', 'none', 'none'),
});

function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate has no UTF-8 form; send the bytes a careless client would.
    return value
      .replace(/[^\ud800-\udfff]+/g, (part) => encodeURIComponent(part))
      .replace(/[\ud800-\udfff]/g, '%ED%A0%80');
  }
}

describe('API fuzz: nasty and near-valid input never gives 5xx, half-written data or unaudited writes', () => {
  let h: Harness;
  let endpoints: Endpoint[];
  let components: Record<string, JsonSchema>;
  const pools = new Map<string, string[]>();
  let tables: string[];

  const add = (pool: string, id: string) => {
    const ids = pools.get(pool) ?? [];
    ids.push(id);
    pools.set(pool, ids);
  };

  /** Per tenant table: its row count and a hash of every row, so that an update shows too. */
  async function state(): Promise<Record<string, string>> {
    const parts = tables.map((table) => {
      // An issued report is immutable and carries a whole file; its id stands for the row.
      const row = table === 'issued_reports' ? 't.id::text' : 't::text';
      return `select '${table}' as name, count(*)::text || '/' || coalesce(sum(hashtext(${row})::bigint), 0)::text as value from "${table}" t`;
    });
    const result = await h.db.execute(sql.raw(parts.join(' union all ')));
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
      name: string;
      value: string;
    }>;
    return Object.fromEntries(rows.map((row) => [row.name, row.value]));
  }

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.as('tenantAdmin');
    const document = (await h.anonymous.get('/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
      components: { schemas: Record<string, JsonSchema> };
    };
    components = document.components.schemas;
    endpoints = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        // Signing out would end the fuzzing administrator's own session.
        if (method === 'get' || path === '/auth/logout') continue;
        endpoints.push({
          method: method.toUpperCase(),
          path,
          body: operation.requestBody?.content['application/json']?.schema ?? null,
        });
      }
    }

    // The world the ids come from: one of every noun, an adopted plan, both tenants' units.
    const [matrix] = await h.db
      .insert(riskMatrices)
      .values({ tenantId: h.tenant.tenantId, validFromYear: 2020, ...DEFAULT_RISK_MATRIX })
      .returning({ id: riskMatrices.id });
    add('risk-matrices', matrix!.id);
    for (const unit of [h.tenant.unitA, h.tenant.unitA1, h.tenant.unitB]) add('org-units', unit);
    for (const [who, id] of Object.entries(h.userIds))
      if (who !== 'tenantAdmin' && who !== 'otherAdmin') add('users', id);
    for (const id of Object.values(h.tenant.statusIds)) add('statuses', id);
    for (const id of Object.values(h.tenant.periodIds)) add('periods', id);
    const created = async (pool: string, path: string, body: unknown) => {
      const reply = await admin.post(path, body);
      expect(reply.status, `${path}: ${JSON.stringify(reply.body)}`).toBe(201);
      add(pool, reply.body.id as string);
      return reply.body.id as string;
    };
    const planA = await created('plans', '/plans', {
      unitId: h.tenant.unitA,
      kind: 'internal_control',
      title: 'IK-plan A',
      startYear: 2026,
    });
    const planB = await created('plans', '/plans', {
      unitId: h.tenant.unitB,
      kind: 'internal_control',
      title: 'IK-plan B',
      startYear: 2026,
    });
    const activityPlan = await created('plans', '/plans', {
      unitId: h.tenant.unitA,
      kind: 'activity',
      title: 'Aktivitetsplan',
      startYear: 2026,
    });
    const risk = await created('risks', '/risks', {
      planId: planA,
      title: 'Felaktiga utbetalningar',
      likelihood: 2,
      consequence: 3,
    });
    await created('risks', '/risks', { planId: planB, title: 'Mutor', likelihood: 3, consequence: 4 });
    const control = await created('controls', '/controls', {
      riskId: risk,
      title: 'Stickprov',
      responsibleIds: [h.userIds.responsible],
      checkpoints: ['2026-03-31'],
    });
    await created('actions', '/actions', { planId: planA, riskId: risk, title: 'Rutin för attest' });
    const review = await created('reviews', '/reviews', {
      planId: planA,
      title: 'Granskning',
      diarienummer: 'GRF-2026-1',
    });
    const recommendation = await created('recommendations', '/recommendations', {
      reviewId: review,
      recommendation: 'Inför rutin',
    });
    await created('recommendation-addressees', `/recommendations/${recommendation}/addressees`, {
      unitId: h.tenant.unitB,
    });
    const focusArea = await created('focus-areas', '/focus-areas', { name: 'Attrahera' });
    const activity = await created('activities', '/activities', {
      planId: activityPlan,
      number: '1',
      title: 'Introduktion',
      focusAreaIds: [focusArea],
    });
    await created('sub-activities', '/sub-activities', { activityId: activity, number: '1.1', title: 'Mentor' });
    const followUp = await created('follow-ups', '/follow-ups', {
      controlId: control,
      periodId: h.tenant.periodIds.q2,
      body: 'Genomförd.',
    });
    await created('deviations', '/deviations', {
      controlId: control,
      followUpId: followUp,
      title: 'Fel attest',
      severityId: h.tenant.vocabularyIds.deviation_severity.minor,
    });
    await created('events', '/reporting-calendar/events', {
      kind: 'council_meeting',
      date: '2026-09-15',
      title: 'Nämndsammanträde',
    }).catch(() => undefined);
    const planBVersion = (await admin.get(`/plans/${planB}`)).body.version as number;
    expect(
      (await admin.post(`/plans/${planB}/adopt`, { version: planBVersion, decisionDate: '2026-02-10' })).status,
    ).toBe(200);

    const tableRows = await h.db.execute(
      sql`select table_name as name from information_schema.columns where column_name = 'tenant_id' and table_schema = current_schema() order by table_name`,
    );
    tables = (
      (Array.isArray(tableRows) ? tableRows : (tableRows as { rows: unknown[] }).rows) as Array<{ name: string }>
    )
      .map((row) => row.name)
      .filter((name) => !TABLES_NOT_COMPARED.has(name));
    // The tenants themselves (their settings) have no tenant_id column: their own id is it.
    tables.push('tenants');
    expect(tables).toContain('audit_events');
  }, 120_000);
  afterAll(() => h?.close());

  function resolve(schema: JsonSchema): JsonSchema {
    if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!]!);
    return schema;
  }

  function idFor(field: string, random: Random): string {
    const pool = pools.get(POOL_OF_FIELD[field] ?? '') ?? [];
    if (pool.length > 0 && random.chance(0.9)) return random.pick(pool);
    return random.chance(0.5) ? uuidv7() : random.pick([...pools.values()].flat());
  }

  /** A value that passes the contract where it can, with ids from the world. */
  function validValue(schema: JsonSchema, field: string, random: Random, version: number | undefined): unknown {
    const resolved = resolve(schema);
    const variants = resolved.anyOf ?? resolved.oneOf;
    if (variants)
      return validValue(
        random.pick(variants.filter((variant) => resolve(variant).type !== 'null')),
        field,
        random,
        version,
      );
    if (resolved.enum) return random.pick(resolved.enum.filter((value) => value !== null));
    const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
    const type = types.find((candidate) => candidate !== 'null') ?? 'string';
    switch (type) {
      case 'string': {
        if (resolved.format === 'uuid') return idFor(field, random);
        if (resolved.format === 'date')
          return `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
        if (resolved.format === 'email') return `fuzz-${uuidv7().slice(-12)}@example.se`;
        if (resolved.pattern === '^#[0-9a-fA-F]{6}$') return '#336699';
        if (field === 'period') return random.pick(['2026', '2026', '2025-2026']);
        if (field === 'number') return random.pick(['1', '2.1', '3']);
        if (field === 'key') return `fuzz-${random.int(1, 1_000_000)}`;
        if (field === 'password') return 'ett-långt-lösenord-123';
        const text = random.pick([
          'Rutin för attest',
          'Ny text',
          'Uppföljning av kontroll',
          '## Rubrik\n\n- punkt',
          'Å ä ö 😀',
        ]);
        return text.slice(0, resolved.maxLength ?? text.length).padEnd(resolved.minLength ?? 0, 'x');
      }
      case 'integer':
      case 'number': {
        if (field === 'version' && version !== undefined) return version;
        if (/year$/i.test(field)) return random.pick([2026, 2026, 2027, 2025]);
        if (field === 'likelihood' || field === 'consequence') return random.int(1, 4);
        const min = resolved.minimum ?? 0;
        return random.int(min, Math.min(resolved.maximum ?? min + 3, min + 3));
      }
      case 'boolean':
        return random.chance(0.5);
      case 'array': {
        const count = random.int(
          resolved.minItems ?? 0,
          Math.min(resolved.maxItems ?? 2, (resolved.minItems ?? 0) + 2),
        );
        return Array.from({ length: count }, (_, index) => {
          const item = validValue(resolved.items ?? {}, field, random, version);
          if (item !== null && typeof item === 'object' && 'value' in item)
            (item as { value: number }).value = index + 1;
          return item;
        });
      }
      case 'object': {
        const body: Record<string, unknown> = {};
        for (const [name, property] of Object.entries(resolved.properties ?? {})) {
          if (resolved.required?.includes(name) || name === 'version' || random.chance(0.5))
            body[name] = validValue(property, name, random, version);
        }
        return body;
      }
      default:
        return null;
    }
  }

  /** The pool of a path: the collection named before {id}, or the path's last literal segment. */
  function poolOfPath(path: string): string {
    const segments = path.split('/').filter((segment) => segment !== '');
    const at = segments.indexOf('{id}');
    return at > 0 ? segments[at - 1]! : segments.filter((segment) => !segment.startsWith('{')).at(-1)!;
  }

  function pathId(endpoint: Endpoint, how: string, random: Random): string {
    const pool = (pools.get(poolOfPath(endpoint.path)) ?? []).filter((id) => id !== h.tenant.rootId);
    if (how === 'pool' && pool.length > 0) return random.pick(pool);
    if (how === 'any') return random.pick([...pools.values()].flat());
    if (how === 'other-tenant') return random.pick([h.otherTenant.unitA, h.otherTenant.rootId, h.userIds.otherAdmin!]);
    return uuidv7();
  }

  test(`${NUM_RUNS} fuzzed writes and ${Math.round(NUM_RUNS / 3)} fuzzed reports: only 2xx/4xx, problems on 4xx, nothing half-written, every write audited`, async () => {
    // One example of each kind of failure per endpoint, so that a run reads as a list of bugs.
    const failureByKind = new Map<string, string>();
    const failures = {
      push(message: string) {
        const kind = message
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')
          .replace(/ as .*$| [{[].*$/s, '');
        if (!failureByKind.has(kind)) failureByKind.set(kind, message);
      },
    };
    let requests = 0;
    let serverErrors = 0;
    let successes = 0;
    let current = await state();
    const recorded = async (run: () => Promise<void>) => {
      try {
        await run();
      } catch (error) {
        failures.push(`the test itself failed: ${(error as Error).stack ?? String(error)}`);
      }
    };

    const check = async (label: string, reply: Reply, isWrite: boolean, anonymous: boolean) => {
      requests++;
      if (process.env.FUZZ_DEBUG)
        console.log(`FUZZ ${reply.status} ${label.slice(0, 200)} => ${JSON.stringify(reply.body).slice(0, 200)}`);
      const after = await state();
      if (reply.status >= 500) {
        serverErrors++;
        failures.push(`${reply.status} ${label}: ${JSON.stringify(reply.body).slice(0, 300)}`);
      } else if (reply.status >= 400) {
        if (
          !reply.headers.get('content-type')?.startsWith('application/problem+json') ||
          typeof reply.body?.detail !== 'string' ||
          reply.body.detail === ''
        ) {
          failures.push(
            `${reply.status} without a problem detail ${label}: ${JSON.stringify(reply.body).slice(0, 300)}`,
          );
        }
        const changed = Object.keys(after).filter((table) => after[table] !== current[table]);
        if (changed.length > 0) failures.push(`${reply.status} but ${changed.join(', ')} changed ${label}`);
      } else if (reply.status >= 200 && reply.status < 300 && !isWrite) {
        const changed = Object.keys(after).filter((table) => after[table] !== current[table]);
        if (changed.length > 0) failures.push(`a read changed ${changed.join(', ')} ${label}`);
      } else if (reply.status >= 200 && reply.status < 300 && isWrite) {
        successes++;
        const auditBefore = Number(current.audit_events!.split('/')[0]);
        const auditAfter = Number(after.audit_events!.split('/')[0]);
        const dataChanged = Object.keys(after).some(
          (table) => table !== 'audit_events' && after[table] !== current[table],
        );
        if (!anonymous && dataChanged && auditAfter <= auditBefore)
          failures.push(`${reply.status} changed data without an audit event ${label}`);
        if (auditAfter > auditBefore && !dataChanged)
          failures.push(`${reply.status} audit event without a change ${label}`);
      }
      current = after;
    };

    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (input) => {
        await recorded(() => writeRequest(input));
      }),
      { seed: SEED, numRuns: NUM_RUNS, endOnFailure: true },
    );
    async function writeRequest(input: typeof requestArbitrary extends fc.Arbitrary<infer T> ? T : never) {
      const endpoint = endpoints[input.endpoint % endpoints.length]!;
      const random = randomFrom(input.seed);
      const anonymous = endpoint.path === '/auth/login';
      const client: Client = anonymous ? h.anonymous : await h.as(input.role);
      let path = endpoint.path.replace('{id}', pathId(endpoint, input.pathId, random));
      path = path.replace('{kind}', random.pick([...REPORT_KINDS, 'nonsense']));
      let version: number | undefined;
      if (endpoint.method === 'PATCH' || path.endsWith('/adopt') || path.endsWith('/close')) {
        const read = await client.get(path.replace(/\/(adopt|close)$/, ''));
        if (read.status === 200 && typeof read.body?.version === 'number') version = read.body.version as number;
      }
      let body: unknown;
      if (input.shape === 'nasty-body' || endpoint.body === null) {
        body = endpoint.body === null && random.chance(0.7) ? undefined : input.nastyBody;
      } else {
        const valid = validValue(endpoint.body, '', random, version) as Record<string, unknown>;
        body = valid;
        const fields = Object.keys(resolve(endpoint.body).properties ?? {});
        if (input.shape === 'near-valid' && fields.length > 0) valid[random.pick(fields)] = input.spoilt;
        const texts = Object.keys(valid).filter((field) => typeof valid[field] === 'string');
        if (input.shape === 'bad-text' && texts.length > 0) {
          const field = random.pick(texts);
          const text = valid[field] as string;
          const at = random.int(0, text.length);
          valid[field] = text.slice(0, at) + input.badCharacter + text.slice(at);
        }
        if (input.shape === 'nasty-fields')
          for (const field of fields)
            if (random.chance(0.4)) valid[field] = random.chance(0.5) ? input.spoilt : input.nastyBody;
        if (input.extra) valid[input.extra[0]] = input.extra[1];
      }
      const reply = await client.request(endpoint.method, path, body === undefined ? undefined : JSON.stringify(body));
      if (
        reply.status >= 200 &&
        reply.status < 300 &&
        endpoint.method === 'POST' &&
        !endpoint.path.includes('{') &&
        typeof reply.body?.id === 'string'
      )
        add(poolOfPath(endpoint.path), reply.body.id as string);
      await check(
        `${endpoint.method} ${path} as ${anonymous ? 'anonymous' : input.role} ${JSON.stringify(body)?.slice(0, 400)}`,
        reply,
        true,
        anonymous,
      );
    }

    const admin = await h.as('tenantAdmin');
    await fc.assert(
      fc.asyncProperty(reportArbitrary, (input) =>
        recorded(async () => {
          const unitIds: Record<string, string> = {
            unitA: h.tenant.unitA,
            unitB: h.tenant.unitB,
            rootId: h.tenant.rootId,
            unitA1: h.tenant.unitA1,
            random: uuidv7(),
            'other-tenant': h.otherTenant.unitA,
            nasty: input.garbage,
          };
          const parameters: Array<[string, string]> = [
            ['unit', input.useGarbage === 'unit' ? input.garbage : unitIds[input.unit]!],
            ['period', input.useGarbage === 'period' ? input.garbage : input.period],
          ];
          if (input.format !== null || input.useGarbage === 'format')
            parameters.push(['format', input.useGarbage === 'format' ? input.garbage : input.format!]);
          if (input.archival !== null) parameters.push(['archival', input.archival]);
          if (input.lang !== null) parameters.push(['lang', input.lang]);
          if (input.revision !== null) parameters.push(['revision', input.revision]);
          const search = parameters.map(([name, value]) => `${name}=${encode(value)}`).join('&');
          const reply = await admin.get(`/reports/${encode(input.kind)}?${search}`);
          await check(`GET /reports/${input.kind}?${search.slice(0, 300)}`, reply, false, false);
        }),
      ),
      { seed: SEED, numRuns: Math.round(NUM_RUNS / 3), endOnFailure: true },
    );

    console.log(
      `API fuzz on ${h.database.kind}: ${requests} requests, ${serverErrors} with 5xx, ${successes} successful writes`,
    );
    expect([...failureByKind.values()]).toEqual([]);
  }, 600_000);
});
