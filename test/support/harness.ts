import { expect } from 'vitest';
import { hash } from '@node-rs/argon2';
import { uuidv7 } from 'uuidv7';
import type { Role } from '../../src/domain/role.ts';
import { createApp } from '../../src/server/app.ts';
import { CSRF_HEADER } from '../../src/server/auth/authenticate.ts';
import type { LinkMail } from '../../src/server/auth/link-mail.ts';
import { createSession, SESSION_COOKIE } from '../../src/server/auth/sessions.ts';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../../src/server/auth/auth-settings.ts';
import type { Database, DatabaseHandle } from '../../src/server/db/client.ts';
import { orgUnits } from '../../src/server/db/schema/org-units.ts';
import { roleAssignments } from '../../src/server/db/schema/role-assignments.ts';
import { reportingPeriods } from '../../src/server/db/schema/reporting-periods.ts';
import { vocabularyEntries } from '../../src/server/db/schema/vocabulary-entries.ts';
import { defaultVocabularyRows } from '../../src/server/vocabulary/vocabulary-refs.ts';
import type { VocabularyKind } from '../../src/domain/vocabulary.ts';
import { statuses } from '../../src/server/db/schema/statuses.ts';
import { tenants } from '../../src/server/db/schema/tenants.ts';
import { users } from '../../src/server/db/schema/users.ts';
import { createTestDatabase } from './test-database.ts';
import { DEFAULT_STATUSES } from '../../src/domain/status.ts';
import { adjustableClock } from '../../src/domain/clock.ts';

/** The moment every harness starts at, unless a test says otherwise: mid-June 2026, within the harness's periods. */
export const HARNESS_NOW = '2026-06-15T10:00:00Z';

/** The password of every person the harness creates. */
export const HARNESS_PASSWORD = 'rätt-lösenord-123';

/** An answer as the tests look at it. */
export interface Reply {
  status: number;
  /** Whatever the API answered, parsed as JSON when it was JSON. */
  body: any;
  headers: Headers;
  /** The body's bytes, for files (reports). */
  bytes: Uint8Array;
}

/** The body of a reply that must have succeeded (2xx); a failure shows the problem the API answered. */
export async function ok(reply: Promise<Reply>): Promise<Record<string, any>> {
  const answer = await reply;
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return answer.body as Record<string, unknown>;
}

/** A signed-in browser (cookie + CSRF token) or an anonymous caller. */
export interface Client {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  patch(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  delete(path: string, headers?: Record<string, string>): Promise<Reply>;
}

type App = ReturnType<typeof createApp>;

/** A client that sends the given headers with every request. */
export function clientFor(app: App, fixedHeaders: Record<string, string>): Client {
  const request = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...fixedHeaders, ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers, bytes };
  };
  return {
    request,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body ?? {}, headers),
    patch: (path, body, headers) => request('PATCH', path, body, headers),
    delete: (path, headers) => request('DELETE', path, undefined, headers),
  };
}

/** The roles of the role matrix, each held on unit A only (an administrator of the tenant is separate). */
export const MATRIX_ROLES = [
  'administrator',
  'coordinator',
  'responsible',
  'reader',
  'auditor',
] as const satisfies readonly Role[];

export interface HarnessTenant {
  tenantId: string;
  /** The root unit (kommun). */
  rootId: string;
  /** A nämnd with a förvaltning below it: the subtree the matrix roles hold. */
  unitA: string;
  unitA1: string;
  /** A sibling nämnd, outside the matrix roles' subtree. */
  unitB: string;
  statusIds: Record<string, string>;
  /** The default vocabularies' entries, by kind and key (e.g. vocabularyIds.process.ekonomi). */
  vocabularyIds: Record<VocabularyKind, Record<string, string>>;
  /** Kvartal 1 and Kvartal 2 2026. */
  periodIds: { q1: string; q2: string };
}

async function insertTenant(db: Database, passwordHash: string, slug: string) {
  const tenantId = uuidv7();
  await db.insert(tenants).values({ id: tenantId, slug, name: `Kommun ${slug}` });
  const unit = async (name: string, kind: 'kommun' | 'namnd' | 'forvaltning', parentId: string | null) => {
    const id = uuidv7();
    await db.insert(orgUnits).values({ tenantId, id, kind, name, parentId });
    return id;
  };
  const rootId = await unit(`Kommun ${slug}`, 'kommun', null);
  const unitA = await unit('Nämnd A', 'namnd', rootId);
  const unitA1 = await unit('Förvaltning A1', 'forvaltning', unitA);
  const unitB = await unit('Nämnd B', 'namnd', rootId);
  const statusIds: Record<string, string> = {};
  for (const [index, status] of DEFAULT_STATUSES.entries()) {
    const id = uuidv7();
    statusIds[status.key] = id;
    await db.insert(statuses).values({ tenantId, id, ...status, sortOrder: index });
  }
  const vocabularyIds = { process: {}, risk_category: {}, control_method: {}, deviation_severity: {} } as Record<
    VocabularyKind,
    Record<string, string>
  >;
  const vocabularyRows = defaultVocabularyRows();
  await db.insert(vocabularyEntries).values(vocabularyRows.map((row) => ({ ...row, tenantId })));
  for (const row of vocabularyRows) vocabularyIds[row.kind][row.key] = row.id;
  const periodIds = { q1: uuidv7(), q2: uuidv7() };
  await db.insert(reportingPeriods).values([
    {
      tenantId,
      id: periodIds.q1,
      kind: 'quarter',
      year: 2026,
      number: 1,
      startDate: '2026-01-01',
      endDate: '2026-03-31',
    },
    {
      tenantId,
      id: periodIds.q2,
      kind: 'quarter',
      year: 2026,
      number: 2,
      startDate: '2026-04-01',
      endDate: '2026-06-30',
    },
  ]);
  const person = async (name: string, email: string | null, role?: Role, unitId?: string) => {
    const id = uuidv7();
    await db.insert(users).values({ tenantId, id, name, email, passwordHash: email ? passwordHash : null });
    if (role && unitId) await db.insert(roleAssignments).values({ tenantId, userId: id, unitId, role });
    return id;
  };
  return {
    tenant: { tenantId, rootId, unitA, unitA1, unitB, statusIds, vocabularyIds, periodIds } satisfies HarnessTenant,
    person,
  };
}

/**
 * A test world: a tenant with units root → A → A1 and root → B, one person per role on A,
 * a tenant administrator on the root, a person with no role, and a second tenant with its
 * own administrator. Sessions are created directly, so tests do not pay for argon2 each time.
 */
export async function createHarness(options: { now?: string; auth?: Partial<AuthSettings>; linkMail?: LinkMail } = {}) {
  const database: DatabaseHandle = await createTestDatabase();
  const { db } = database;
  // Tests never depend on the real date: the harness's clock is fixed, and a test moves it by hand.
  const clock = adjustableClock(options.now ?? HARNESS_NOW);
  const auth: AuthSettings = { ...DEFAULT_AUTH_SETTINGS, ...options.auth };
  const app = createApp({ database, clock, auth, ...(options.linkMail ? { linkMail: options.linkMail } : {}) });
  const passwordHash = await hash(HARNESS_PASSWORD);
  const suffix = uuidv7().slice(-8);

  const main = await insertTenant(db, passwordHash, `huvud-${suffix}`);
  const userIds: Record<string, string> = {};
  for (const role of MATRIX_ROLES)
    userIds[role] = await main.person(`Person ${role}`, `${role}-${suffix}@example.se`, role, main.tenant.unitA);
  userIds.tenantAdmin = await main.person(
    'Kommunens administratör',
    `kommunadmin-${suffix}@example.se`,
    'administrator',
    main.tenant.rootId,
  );
  userIds.nobody = await main.person('Utan roll', `utan-roll-${suffix}@example.se`);
  userIds.unassigned = await main.person('Gunnar Utan Konto', null);

  const other = await insertTenant(db, passwordHash, `annan-${suffix}`);
  userIds.otherAdmin = await other.person(
    'Annan administratör',
    `admin-${suffix}@annan.example.se`,
    'administrator',
    other.tenant.rootId,
  );

  const sessionClients = new Map<string, Client>();
  const signIn = async (who: string): Promise<Client> => {
    const userId = userIds[who];
    if (!userId) throw new Error(`no harness person ${who}`);
    const tenantId = who === 'otherAdmin' ? other.tenant.tenantId : main.tenant.tenantId;
    const session = await createSession(db, tenantId, userId, clock.now(), auth.session);
    return clientFor(app, { cookie: `${SESSION_COOKIE}=${session.secret}`, [CSRF_HEADER]: session.csrfToken });
  };
  const as = async (who: string): Promise<Client> => {
    const client = sessionClients.get(who) ?? (await signIn(who));
    sessionClients.set(who, client);
    return client;
  };

  return {
    database,
    db,
    app,
    /** The app's clock: fixed at HARNESS_NOW until a test sets or advances it. */
    clock,
    suffix,
    tenant: main.tenant,
    otherTenant: other.tenant,
    userIds,
    /** A signed-in client for a harness person: a role name, "tenantAdmin", "nobody" or "otherAdmin". */
    as,
    /** A new session of its own for a harness person, begun at the clock's present moment (after a test moved the clock). */
    signIn,
    anonymous: clientFor(app, {}),
    close: () => database.close(),
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
