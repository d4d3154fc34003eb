import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../src/server/db/schema/audit-events.ts';
import { changedTables, fingerprintDatabase, withInsertsFailingAtCommit } from './failures.ts';
import { MATRIX_ROLES, type Harness } from './harness.ts';

type MatrixRole = (typeof MATRIX_ROLES)[number];

/** What a role may do with an entity in its own unit (A); in a sibling unit (B) only an auditor reads. */
export type RoleExpectations = Record<MatrixRole, { read: boolean; write: boolean }>;

export interface ResourceSpec {
  /** e.g. "org-units". */
  resource: string;
  /** The entity type in the audit log, e.g. "org_unit". */
  entityType: string;
  /** Creates an entity through the API as the tenant administrator, in unit A or B of the main tenant; returns its id. */
  create(h: Harness, unit: 'unitA' | 'unitB'): Promise<string>;
  /** A valid change, different for each `n`. */
  change(n: number): Record<string, unknown>;
  /** Who may do what inside their unit A. */
  roles: RoleExpectations;
  /** The field `change` sets, to check the audit's before/after. */
  changedField: string;
  /**
   * Tenant-wide resources (persons, statuses, risk matrices) belong to no unit: the same
   * expectations hold for the "outside" entity as for the "inside" one.
   */
  tenantWide?: boolean;
  /**
   * The resource has POST /{id}/archive and /restore: checks the one archiving rule, that in
   * their unit A only its managers (administrator, coordinator) may archive and restore.
   */
  archivable?: boolean;
}

/**
 * Plan items and what is written about them (controls, actions, activities, follow-ups,
 * deviations): everyone on the unit reads; managers and responsible people write; readers and
 * auditors only read.
 */
export const ITEM_ROLES: RoleExpectations = {
  administrator: { read: true, write: true },
  coordinator: { read: true, write: true },
  responsible: { read: true, write: true },
  reader: { read: true, write: false },
  auditor: { read: true, write: false },
};

/**
 * Resources the unit's managers keep (plans, goals, common controls): everyone on the unit reads;
 * only administrators and coordinators write.
 */
export const MANAGER_ROLES: RoleExpectations = {
  administrator: { read: true, write: true },
  coordinator: { read: true, write: true },
  responsible: { read: true, write: false },
  reader: { read: true, write: false },
  auditor: { read: true, write: false },
};

/** Who may archive plan data in their own unit: the unit's managers (the ARCHIVING_ROLES rule). */
const MAY_ARCHIVE: Record<MatrixRole, boolean> = {
  administrator: true,
  coordinator: true,
  responsible: false,
  reader: false,
  auditor: false,
};

/**
 * The checks every resource must pass at the HTTP level: the role matrix (each role × a unit
 * inside and outside its subtree × read and write), another tenant's id → 404, a stale
 * version → 409 with the current state, If-Match, and an audit event for every write.
 */
export function describeResourceContract(spec: ResourceSpec, harness: () => Harness) {
  describe(`${spec.resource}: the resource contract`, () => {
    let h: Harness;
    const ids = { unitA: '', unitB: '' };
    let changes = 0;
    const path = (id: string) => `/${spec.resource}/${id}`;
    const currentVersion = async (id: string): Promise<number> => {
      const reply = await (await h.as('tenantAdmin')).get(path(id));
      expect(reply.status).toBe(200);
      return reply.body.version as number;
    };

    beforeAll(async () => {
      h = harness();
      ids.unitA = await spec.create(h, 'unitA');
      ids.unitB = await spec.create(h, 'unitB');
    });

    for (const role of MATRIX_ROLES) {
      for (const where of ['unitA', 'unitB'] as const) {
        const inside = where === 'unitA' || spec.tenantWide === true;
        const mayRead = inside ? spec.roles[role].read : role === 'auditor';
        const mayWrite = inside && spec.roles[role].write;
        test(`${role} ${where === 'unitA' ? 'inside' : 'outside'} their subtree: read ${mayRead ? 200 : 404}, write ${mayWrite ? 200 : mayRead ? 403 : 404}`, async () => {
          const client = await h.as(role);
          const id = ids[where];
          expect((await client.get(path(id))).status).toBe(mayRead ? 200 : 404);
          const version = await currentVersion(id);
          const reply = await client.patch(path(id), { ...spec.change(++changes), version });
          expect(reply.status, JSON.stringify(reply.body)).toBe(mayWrite ? 200 : mayRead ? 403 : 404);
          if (!mayWrite) expect(await currentVersion(id)).toBe(version);
        });
      }
    }

    if (spec.archivable) {
      for (const role of MATRIX_ROLES) {
        const may = MAY_ARCHIVE[role];
        test(`${role} inside their subtree: archive and restore ${may ? 200 : 403}`, async () => {
          const client = await h.as(role);
          const archived = await client.post(`${path(ids.unitA)}/archive`);
          expect(archived.status, JSON.stringify(archived.body)).toBe(may ? 200 : 403);
          const stored = (await (await h.as('tenantAdmin')).get(path(ids.unitA))).body;
          expect(stored.archivedAt === null).toBe(!may);
          if (!may) await (await h.as('tenantAdmin')).post(`${path(ids.unitA)}/archive`);
          const restored = await client.post(`${path(ids.unitA)}/restore`);
          expect(restored.status, JSON.stringify(restored.body)).toBe(may ? 200 : 403);
          if (!may) expect((await (await h.as('tenantAdmin')).post(`${path(ids.unitA)}/restore`)).status).toBe(200);
          expect((await (await h.as('tenantAdmin')).get(path(ids.unitA))).body.archivedAt).toBeNull();
        });
      }
    }

    test('another tenant’s administrator gets 404 for the id, reading and writing', async () => {
      const client = await h.as('otherAdmin');
      expect((await client.get(path(ids.unitA))).status).toBe(404);
      const reply = await client.patch(path(ids.unitA), { ...spec.change(++changes), version: 1 });
      expect(reply.status).toBe(404);
      expect(reply.body.type).toBe('urn:uppsikt:problem:not_found');
    });

    test('a stale version gets 409 with the current state, and nothing is overwritten', async () => {
      const client = await h.as('tenantAdmin');
      const version = await currentVersion(ids.unitA);
      const first = await client.patch(path(ids.unitA), { ...spec.change(++changes), version });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(version + 1);
      const stale = await client.patch(path(ids.unitA), { ...spec.change(++changes), version });
      expect(stale.status).toBe(409);
      expect(stale.body.type).toBe('urn:uppsikt:problem:conflict');
      expect(stale.body.current).toEqual(first.body);
      expect((await client.get(path(ids.unitA))).body).toEqual(first.body);
    });

    test('If-Match carries the version too; without any version the change is refused naming "version"', async () => {
      const client = await h.as('tenantAdmin');
      const version = await currentVersion(ids.unitA);
      expect((await client.patch(path(ids.unitA), spec.change(++changes), { 'if-match': `"${version}"` })).status).toBe(
        200,
      );
      const missing = await client.patch(path(ids.unitA), spec.change(++changes));
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].path).toBe('version');
    });

    test('a GET gives the version as ETag', async () => {
      const reply = await (await h.as('tenantAdmin')).get(path(ids.unitA));
      expect(reply.headers.get('etag')).toBe(`"${reply.body.version}"`);
    });

    test('a create is atomic: when its transaction fails at commit, after all its writes, nothing of it remains', async () => {
      await h.as('tenantAdmin');
      const before = await fingerprintDatabase(h.db);
      // The audit event is written last (or nearly); failing at commit covers whatever came before it.
      const outcome = await withInsertsFailingAtCommit(h.db, 'audit_events', () =>
        spec.create(h, 'unitB').then(
          () => 'created',
          () => 'failed',
        ),
      );
      expect(outcome).toBe('failed');
      expect(changedTables(before, await fingerprintDatabase(h.db))).toEqual([]);
    });

    test('every write is in the audit log with the actor and the changed field before and after', async () => {
      const client = await h.as('tenantAdmin');
      const before = (await client.get(path(ids.unitB))).body;
      const change = spec.change(++changes);
      const reply = await client.patch(path(ids.unitB), { ...change, version: before.version });
      expect(reply.status).toBe(200);
      const events = await h.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityId, ids.unitB)))
        .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
      expect(events[0]).toMatchObject({
        operation: 'create',
        entityType: spec.entityType,
        actorKind: 'user',
        actorUserId: h.userIds.tenantAdmin,
      });
      const last = events.at(-1)!;
      expect(last).toMatchObject({
        operation: 'update',
        entityType: spec.entityType,
        actorUserId: h.userIds.tenantAdmin,
      });
      expect(last.changes[spec.changedField]).toEqual([before[spec.changedField], reply.body[spec.changedField]]);
    });
  });
}
