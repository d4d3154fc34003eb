import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { apiTokens } from '../db/schema/api-tokens.ts';
import { auditEvents } from '../db/schema/audit-events.ts';
import { risks } from '../db/schema/risks.ts';
import { users } from '../db/schema/users.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { createPlan, createRisk, createTenant, createUnit } from '../../../test/support/factories.ts';
import { AppError } from '../errors.ts';
import {
  assertCurrentVersion,
  changedFields,
  expectedVersion,
  insertAudited,
  setArchived,
  updateAudited,
  type AuditTarget,
} from './audited-writes.ts';
import { creationChanges, recordAuditEvents, type Actor } from './record-audit-events.ts';

// The audit log's own rules, on the functions every write goes through: what an event says,
// who it names, that secrets never enter it, and that a change based on an old version is
// refused with the current state. A real database, no HTTP.

const thrown = (action: () => unknown): AppError => {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError, nothing was thrown');
};

describe('the fields an event records', () => {
  test('a created row: every set field from nothing to its value, never the tenant or the id', () => {
    expect(
      creationChanges({
        tenantId: 't',
        id: 'i',
        title: 'Risk',
        likelihood: 0,
        description: null,
        process: undefined,
        sortOrder: 2,
      }),
    ).toEqual({
      title: [null, 'Risk'],
      likelihood: [null, 0],
      sortOrder: [null, 2],
    });
  });

  test('a change: only the fields whose value really changes, as [before, after]; a field not sent is left alone', () => {
    const current = { title: 'Risk', description: null, likelihood: 2, tags: ['a'], dueDate: '2026-05-01' };
    expect(changedFields(current, { title: 'Risk', description: undefined, likelihood: 3, tags: ['a'] })).toEqual({
      likelihood: [2, 3],
    });
    expect(changedFields(current, { title: undefined, likelihood: undefined })).toEqual({});
    expect(changedFields(current, { tags: ['a', 'b'], description: 'Text', title: null })).toEqual({
      tags: [['a'], ['a', 'b']],
      description: [null, 'Text'],
      title: ['Risk', null],
    });
    // A field the row does not have yet (undefined) changes from null.
    expect(changedFields(current, { process: 'Ekonomi' })).toEqual({ process: [null, 'Ekonomi'] });
    // Null and a missing value are the same: nothing to record.
    expect(changedFields(current, { process: null })).toEqual({});
  });

  test('a date is the same moment whether it comes as a Date or as its ISO text', () => {
    const at = new Date('2026-03-01T10:00:00.000Z');
    expect(changedFields({ archivedAt: at }, { archivedAt: '2026-03-01T10:00:00.000Z' })).toEqual({});
    expect(changedFields({ archivedAt: '2026-03-01T10:00:00.000Z' }, { archivedAt: new Date(at) })).toEqual({});
    expect(changedFields({ archivedAt: at }, { archivedAt: new Date('2026-03-01T10:00:01.000Z') })).toEqual({
      archivedAt: [at, new Date('2026-03-01T10:00:01.000Z')],
    });
    expect(changedFields({ archivedAt: at }, { archivedAt: null })).toEqual({ archivedAt: [at, null] });
  });
});

describe('the version a change is based on', () => {
  test('the body’s version first, even 0, then If-Match as "3", W/"3" or 3', () => {
    expect(expectedVersion(4, '"9"')).toBe(4);
    expect(expectedVersion(0, undefined)).toBe(0);
    expect(expectedVersion(undefined, '"3"')).toBe(3);
    expect(expectedVersion(undefined, 'W/"12"')).toBe(12);
    expect(expectedVersion(undefined, ' 7 ')).toBe(7);
  });

  test('without either, or with an If-Match that is not a version: 400 naming the field version', () => {
    for (const ifMatch of [undefined, '', '*', 'W/', '"3a"', 'x"3"', '"3"x', 'w/"3"', '3.5']) {
      const error = thrown(() => expectedVersion(undefined, ifMatch));
      expect(error.code, String(ifMatch)).toBe('validation_failed');
      expect(error.errors).toEqual([
        {
          path: 'version',
          message: {
            sv: 'Ange versionen du utgick från (fältet version eller rubriken If-Match).',
            en: 'Give the version you started from (the version field or an If-Match header).',
          },
        },
      ]);
    }
  });

  test('a row at another version: 409 saying both versions, with the row as it is now', () => {
    const present = (row: Record<string, unknown>) => ({ shown: row.title });
    expect(() => assertCurrentVersion({ version: 3, title: 'Nu' }, 3, present)).not.toThrow();
    const error = thrown(() => assertCurrentVersion({ version: 4, title: 'Nu' }, 3, present));
    expect(error.code).toBe('conflict');
    expect(error.detail).toEqual({
      sv: 'Du utgick från version 3, men den är nu version 4. Läs in den igen och gör om ändringen.',
      en: 'You started from version 3, but it is now version 4. Reload it and make the change again.',
    });
    expect(error.extensions).toEqual({ current: { shown: 'Nu' } });
  });
});

describe('audited writes in a real database', () => {
  let database: DatabaseHandle;
  let tenantId: string;
  let unitId: string;
  let planId: string;
  let userId: string;
  let tokenId: string;
  let person: Actor;

  const eventsOf = (entityId: string) =>
    database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.entityId, entityId)))
      .orderBy(asc(auditEvents.id));
  const riskRow = async (id: string) =>
    (
      await database.db
        .select()
        .from(risks)
        .where(and(eq(risks.tenantId, tenantId), eq(risks.id, id)))
    )[0]! as Record<string, unknown>;
  const target = (): AuditTarget => ({ actor: person, entityType: 'risk', unitId });
  const present = (row: Record<string, unknown>) => ({ id: row.id, title: row.title, version: row.version });

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ tenantId } = await createTenant(database.db));
    unitId = await createUnit(database.db, tenantId);
    planId = await createPlan(database.db, tenantId, unitId);
    userId = uuidv7();
    await database.db.insert(users).values({ tenantId, id: userId, name: 'Handläggare' });
    tokenId = uuidv7();
    await database.db.insert(apiTokens).values({
      tenantId,
      id: tokenId,
      name: 'Integration',
      userId,
      access: 'read_write',
      secretHash: 'h',
      prefix: 'upp_x',
      createdById: userId,
    });
    person = { kind: 'user', tenantId, userId };
  });
  afterAll(() => database.close());

  test('each kind of actor is named as what it is: a person, a token and the person it acts as, or a system label', async () => {
    const entityId = uuidv7();
    await database.db.transaction(async (tx) => {
      await recordAuditEvents(tx, { kind: 'user', tenantId, userId }, [
        { entityType: 'risk', entityId, operation: 'update', unitId, changes: { title: ['a', 'b'] } },
      ]);
      await recordAuditEvents(tx, { kind: 'token', tenantId, userId, tokenId }, [
        { entityType: 'risk', entityId, operation: 'update', changes: { title: ['b', 'c'] } },
      ]);
      await recordAuditEvents(tx, { kind: 'system', tenantId, label: 'job:roll-over' }, [
        { entityType: 'risk', entityId, operation: 'archive', unitId: null, changes: {} },
      ]);
    });
    const events = await eventsOf(entityId);
    expect(
      events.map(
        ({ actorKind, actorUserId, actorTokenId, actorLabel, operation, unitId: unit, entityType, changes }) => ({
          actorKind,
          actorUserId,
          actorTokenId,
          actorLabel,
          operation,
          unit,
          entityType,
          changes,
        }),
      ),
    ).toEqual([
      {
        actorKind: 'user',
        actorUserId: userId,
        actorTokenId: null,
        actorLabel: null,
        operation: 'update',
        unit: unitId,
        entityType: 'risk',
        changes: { title: ['a', 'b'] },
      },
      {
        actorKind: 'token',
        actorUserId: userId,
        actorTokenId: tokenId,
        actorLabel: null,
        operation: 'update',
        unit: null,
        entityType: 'risk',
        changes: { title: ['b', 'c'] },
      },
      {
        actorKind: 'system',
        actorUserId: null,
        actorTokenId: null,
        actorLabel: 'job:roll-over',
        operation: 'archive',
        unit: null,
        entityType: 'risk',
        changes: {},
      },
    ]);
    expect(events.every((event) => event.tenantId === tenantId)).toBe(true);
  });

  test('a secret is recorded as [redacted], never its value or hash; a secret set from or to nothing stays null', async () => {
    const entityId = uuidv7();
    const changes = {
      password: [null, 'Hemligt-123'],
      passwordHash: ['$argon2id$old', '$argon2id$new'],
      secret: ['s1', null],
      secretHash: [undefined, 'h'],
      token: ['t', 't2'],
      tokenHash: ['a', undefined],
      csrfToken: [null, null],
      name: ['Anna', 'Anna B'],
    } as Record<string, [unknown, unknown]>;
    await database.db.transaction((tx) =>
      recordAuditEvents(tx, person, [{ entityType: 'user', entityId, operation: 'update', changes }]),
    );
    const [event] = await eventsOf(entityId);
    expect(event!.changes).toEqual({
      password: [null, '[redacted]'],
      passwordHash: ['[redacted]', '[redacted]'],
      secret: ['[redacted]', null],
      secretHash: [null, '[redacted]'],
      token: ['[redacted]', '[redacted]'],
      tokenHash: ['[redacted]', null],
      csrfToken: [null, null],
      name: ['Anna', 'Anna B'],
    });
  });

  test('many events at once are all written, across the batches that keep a statement within the protocol’s limits', async () => {
    const entityId = uuidv7();
    const entries = Array.from({ length: 1000 }, (_, index) => ({
      entityType: 'risk',
      entityId,
      operation: 'update',
      changes: { sortOrder: [index, index + 1] as [unknown, unknown] },
    }));
    await database.db.transaction((tx) => recordAuditEvents(tx, person, entries));
    const events = await eventsOf(entityId);
    expect(events).toHaveLength(1000);
    expect(new Set(events.map((event) => (event.changes.sortOrder as number[])[0])).size).toBe(1000);
    // No events: nothing written, no empty statement.
    await database.db.transaction((tx) => recordAuditEvents(tx, person, []));
  });

  test('a create writes the row and one event with its fields and any extra changes, in the unit given', async () => {
    const id = uuidv7();
    const row = await database.db.transaction((tx) =>
      insertAudited(tx, risks, { tenantId, id, planId, title: 'Felaktiga utbetalningar', likelihood: 2 }, target(), {
        responsible: [null, ['Anna']],
      }),
    );
    expect(row).toMatchObject({ id, title: 'Felaktiga utbetalningar', likelihood: 2, version: 1 });
    const [event] = await eventsOf(id);
    expect(event).toMatchObject({ entityType: 'risk', entityId: id, operation: 'create', unitId, actorUserId: userId });
    expect(event!.changes).toMatchObject({
      title: [null, 'Felaktiga utbetalningar'],
      likelihood: [null, 2],
      planId: [null, planId],
      responsible: [null, ['Anna']],
    });
    expect(event!.changes).not.toHaveProperty('id');
    expect(event!.changes).not.toHaveProperty('tenantId');
    expect(event!.changes).not.toHaveProperty('consequence');
  });

  test('an update writes only what changes, raises the version by one and records one event', async () => {
    const id = await createRisk(database.db, tenantId, planId, { likelihood: 2 });
    const current = await riskRow(id);
    const row = await database.db.transaction((tx) =>
      updateAudited(
        tx,
        risks,
        { current, expectedVersion: 1, values: { title: 'Risk', likelihood: 4, description: undefined }, present },
        target(),
      ),
    );
    expect(row).toMatchObject({ version: 2, likelihood: 4, title: 'Risk' });
    expect((row.updatedAt as Date).getTime()).toBeGreaterThanOrEqual((current.updatedAt as Date).getTime());
    expect(await riskRow(id)).toMatchObject({ version: 2, likelihood: 4 });
    const events = await eventsOf(id);
    expect(events.map((event) => [event.operation, event.changes])).toEqual([['update', { likelihood: [2, 4] }]]);
    expect(events[0]).toMatchObject({ unitId, entityType: 'risk' });
  });

  test('an update that changes nothing writes nothing: same version, no event', async () => {
    const id = await createRisk(database.db, tenantId, planId, { likelihood: 2 });
    const current = await riskRow(id);
    const row = await database.db.transaction((tx) =>
      updateAudited(
        tx,
        risks,
        { current, expectedVersion: 1, values: { title: 'Risk', likelihood: 2 }, present },
        target(),
      ),
    );
    expect(row).toBe(current);
    expect((await riskRow(id)).version).toBe(1);
    expect(await eventsOf(id)).toEqual([]);
  });

  test('changes kept outside the row count as a change of it: the version rises and they share its event, under the operation named', async () => {
    const id = await createRisk(database.db, tenantId, planId);
    const current = await riskRow(id);
    const row = await database.db.transaction((tx) =>
      updateAudited(
        tx,
        risks,
        {
          current,
          expectedVersion: 1,
          values: { title: 'Risk' },
          present,
          operation: 'assign',
          writeAlongside: () => Promise.resolve({ responsible: [['Anna'], ['Bo']] }),
        },
        target(),
      ),
    );
    expect(row.version).toBe(2);
    expect((await eventsOf(id)).map((event) => [event.operation, event.changes])).toEqual([
      ['assign', { responsible: [['Anna'], ['Bo']] }],
    ]);
  });

  test('an update based on an old version is refused with 409 and the current state, and writes nothing', async () => {
    const id = await createRisk(database.db, tenantId, planId);
    const current = await riskRow(id);
    let wroteAlongside = false;
    const writeAlongside = () => {
      wroteAlongside = true;
      return Promise.resolve({});
    };
    const attempt = database.db.transaction((tx) =>
      updateAudited(
        tx,
        risks,
        { current, expectedVersion: 0, values: { title: 'Ny' }, present, writeAlongside },
        target(),
      ),
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      extensions: { current: { id, title: 'Risk', version: 1 } },
    });
    // What is kept outside the row is written only once the version is known to be current.
    expect(wroteAlongside).toBe(false);
    expect(await riskRow(id)).toMatchObject({ title: 'Risk', version: 1 });
    expect(await eventsOf(id)).toEqual([]);
  });

  test('a row changed by someone else after it was read is not overwritten: 409, the other change stays', async () => {
    const id = await createRisk(database.db, tenantId, planId);
    const readEarlier = await riskRow(id);
    await database.db
      .update(risks)
      .set({ title: 'Ändrad av någon annan', version: 2 })
      .where(and(eq(risks.tenantId, tenantId), eq(risks.id, id)));
    const attempt = database.db.transaction((tx) =>
      updateAudited(
        tx,
        risks,
        { current: readEarlier, expectedVersion: 1, values: { title: 'Min ändring' }, present },
        target(),
      ),
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      detail: { sv: 'Du utgick från version 1, men den är nu version 1. Läs in den igen och gör om ändringen.' },
    });
    expect(await riskRow(id)).toMatchObject({ title: 'Ändrad av någon annan', version: 2 });
    expect(await eventsOf(id)).toEqual([]);
  });

  /** A risk of another tenant with the same id (ids are unique per tenant, not across tenants). */
  const twinInOtherTenant = async (id: string) => {
    const other = await createTenant(database.db);
    const otherUnit = await createUnit(database.db, other.tenantId);
    const otherPlan = await createPlan(database.db, other.tenantId, otherUnit);
    await database.db.insert(risks).values({ tenantId: other.tenantId, id, planId: otherPlan, title: 'Risk' });
    return async () =>
      (
        await database.db
          .select()
          .from(risks)
          .where(and(eq(risks.tenantId, other.tenantId), eq(risks.id, id)))
      )[0]!;
  };

  test('an update touches only its own row, in its own tenant', async () => {
    const id = await createRisk(database.db, tenantId, planId);
    const neighbour = await createRisk(database.db, tenantId, planId);
    const twin = await twinInOtherTenant(id);
    const current = await riskRow(id);
    await database.db.transaction((tx) =>
      updateAudited(tx, risks, { current, expectedVersion: 1, values: { title: 'Ändrad' }, present }, target()),
    );
    expect((await riskRow(neighbour)).title).toBe('Risk');
    expect(await twin()).toMatchObject({ title: 'Risk', version: 1 });
  });

  test('archive and restore: archivedAt set and cleared, the version rises, each recorded; asking for the state it has changes nothing', async () => {
    const id = await createRisk(database.db, tenantId, planId);
    // (Read before the transaction: embedded PGlite has one connection, which the transaction holds.)
    const active = await riskRow(id);
    const archived = await database.db.transaction((tx) => setArchived(tx, risks, active, true, target()));
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(archived.version).toBe(2);
    const again = await riskRow(id);
    expect(await database.db.transaction((tx) => setArchived(tx, risks, again, true, target()))).toBe(again);
    const restored = await database.db.transaction((tx) => setArchived(tx, risks, again, false, target()));
    expect(restored).toMatchObject({ archivedAt: null, version: 3 });
    const stillActive = await riskRow(id);
    expect(await database.db.transaction((tx) => setArchived(tx, risks, stillActive, false, target()))).toBe(
      stillActive,
    );
    const events = await eventsOf(id);
    expect(events.map((event) => event.operation)).toEqual(['archive', 'restore']);
    expect(events[0]!.changes.archivedAt).toEqual([null, (archived.archivedAt as Date).toISOString()]);
    expect(events[1]!.changes.archivedAt).toEqual([(archived.archivedAt as Date).toISOString(), null]);
    expect(events.every((event) => event.unitId === unitId && event.entityType === 'risk')).toBe(true);
  });

  test('archiving touches only its own row, in its own tenant', async () => {
    const id = await createRisk(database.db, tenantId, planId);
    const neighbour = await createRisk(database.db, tenantId, planId);
    const twin = await twinInOtherTenant(id);
    const current = await riskRow(id);
    await database.db.transaction((tx) => setArchived(tx, risks, current, true, target()));
    expect((await riskRow(neighbour)).archivedAt).toBeNull();
    expect(await twin()).toMatchObject({ archivedAt: null, version: 1 });
  });
});
