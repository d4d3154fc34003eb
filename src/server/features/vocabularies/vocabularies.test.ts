import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, MATRIX_ROLES, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract } from '../../../../test/support/resource-contract.ts';
import { DEFAULT_VOCABULARY, VOCABULARY_KINDS } from '../../../domain/vocabulary.ts';
import { auditEvents } from '../../db/schema/audit-events.ts';
import { controls } from '../../db/schema/controls.ts';
import { deviations } from '../../db/schema/deviations.ts';
import { plans } from '../../db/schema/plans.ts';
import { risks } from '../../db/schema/risks.ts';

interface Entry {
  id: string;
  kind: string;
  key: string;
  version: number;
  archivedAt: string | null;
}

describe('vocabularies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const readOnly = { read: true, write: false };
  let created = 0;
  // Tenant-wide like statuses: everyone in the tenant reads, only the tenant administrator
  // (on the root, not the matrix "administrator" of unit A) writes and archives.
  describeResourceContract(
    {
      resource: 'vocabularies',
      entityType: 'vocabulary_entry',
      tenantWide: true,
      async create(harness) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/vocabularies', { kind: 'process', labelSv: `Lokalförsörjning ${++created}` });
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ labelSv: `Lokaler ${n}` }),
      changedField: 'labelSv',
      roles: {
        administrator: readOnly,
        coordinator: readOnly,
        responsible: readOnly,
        reader: readOnly,
        auditor: readOnly,
      },
    },
    () => h,
  );

  const names = (reply: { body: { items: Entry[] } }) => reply.body.items.map((entry) => entry.key);

  test('a new tenant has the default vocabularies, each kind in its order, readable by every role', async () => {
    for (const kind of VOCABULARY_KINDS) {
      const expected = DEFAULT_VOCABULARY.filter((entry) => entry.kind === kind).map((entry) => entry.key);
      expect(Object.keys(h.tenant.vocabularyIds[kind])).toEqual(expected);
      for (const role of MATRIX_ROLES) {
        const reply = await (await h.as(role)).get(`/vocabularies?kind=${kind}`);
        expect(reply.status).toBe(200);
        expect(names(reply).slice(0, expected.length)).toEqual(expected);
      }
    }
    const severity = (
      await (await h.as('reader')).get(`/vocabularies/${h.tenant.vocabularyIds.deviation_severity.very_significant}`)
    ).body;
    expect(severity).toMatchObject({
      kind: 'deviation_severity',
      labelSv: 'Mycket väsentlig',
      reportImmediately: true,
    });
  });

  test('a key is made from the Swedish label, the English label defaults to it, and a new entry goes last', async () => {
    const admin = await h.as('tenantAdmin');
    const reply = await admin.post('/vocabularies', { kind: 'control_method', labelSv: 'Kontroll på plats, årlig' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      key: 'kontroll-pa-plats-arlig',
      labelEn: 'Kontroll på plats, årlig',
      description: null,
      reportImmediately: false,
      sortOrder: 7,
      validFromYear: null,
      validToYear: null,
      archivedAt: null,
      version: 1,
    });
  });

  test('a key already in the kind is refused naming key, also when made from the label; another kind may use it', async () => {
    const admin = await h.as('tenantAdmin');
    const given = await admin.post('/vocabularies', { kind: 'process', key: 'ekonomi', labelSv: 'Ekonomi och budget' });
    expect(given.status).toBe(400);
    expect(given.body.errors).toEqual([
      { path: 'key', message: 'Nyckeln ekonomi används redan i den här listan. Ange en annan nyckel eller benämning.' },
    ]);
    const made = await admin.post('/vocabularies', { kind: 'risk_category', labelSv: 'Legal risk' });
    expect(made.status).toBe(400);
    expect(made.body.errors[0].path).toBe('key');
    const otherKind = await admin.post('/vocabularies', { kind: 'risk_category', labelSv: 'Ekonomi' });
    expect(otherKind.status).toBe(201);
    expect(otherKind.body.key).toBe('ekonomi');
  });

  test('the last year before the first is refused naming validToYear, on create and on change', async () => {
    const admin = await h.as('tenantAdmin');
    const reply = await admin.post('/vocabularies', {
      kind: 'process',
      labelSv: 'Skolskjuts',
      validFromYear: 2027,
      validToYear: 2025,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([
      { path: 'validToYear', message: 'Sista året (2025) ligger före första året (2027).' },
    ]);
    const entry = (await admin.post('/vocabularies', { kind: 'process', labelSv: 'Skolskjuts', validFromYear: 2027 }))
      .body;
    const change = await admin.patch(`/vocabularies/${entry.id}`, { validToYear: 2026, version: entry.version });
    expect(change.status).toBe(400);
    expect(change.body.errors[0].path).toBe('validToYear');
    const ok = await admin.patch(`/vocabularies/${entry.id}`, { validToYear: 2027, version: entry.version });
    expect(ok.status).toBe(200);
  });

  test('only a deviation severity can require immediate reporting', async () => {
    const reply = await (
      await h.as('tenantAdmin')
    ).post('/vocabularies', { kind: 'control_method', labelSv: 'Genast', reportImmediately: true });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].path).toBe('reportImmediately');
  });

  test('the year filter offers the entries valid that year and not archived', async () => {
    const admin = await h.as('tenantAdmin');
    const until2025 = (
      await admin.post('/vocabularies', { kind: 'control_method', labelSv: 'Gammal metod', validToYear: 2025 })
    ).body;
    const from2027 = (
      await admin.post('/vocabularies', { kind: 'control_method', labelSv: 'Ny metod', validFromYear: 2027 })
    ).body;
    const archived = (await admin.post('/vocabularies', { kind: 'control_method', labelSv: 'Avvecklad metod' })).body;
    await admin.post(`/vocabularies/${archived.id}/archive`);
    const offered = async (year: number) => names(await admin.get(`/vocabularies?kind=control_method&year=${year}`));
    expect(await offered(2025)).toContain(until2025.key);
    expect(await offered(2025)).not.toContain(from2027.key);
    expect(await offered(2026)).not.toContain(until2025.key);
    expect(await offered(2026)).toContain('stickprov');
    expect(await offered(2026)).not.toContain(from2027.key);
    expect(await offered(2027)).toContain(from2027.key);
    expect(await offered(2027)).not.toContain(archived.key);
    expect(names(await admin.get('/vocabularies?kind=control_method&year=2027&includeArchived=true'))).toContain(
      archived.key,
    );
  });

  test('only the tenant administrator archives and restores; an entry in use can be archived, and stays readable', async () => {
    const admin = await h.as('tenantAdmin');
    const entryId = h.tenant.vocabularyIds.risk_category.omvarldsrisk!;
    for (const role of MATRIX_ROLES) {
      const reply = await (await h.as(role)).post(`/vocabularies/${entryId}/archive`);
      expect(reply.status, role).toBe(403);
    }
    const archived = await admin.post(`/vocabularies/${entryId}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(names(await admin.get('/vocabularies?kind=risk_category'))).not.toContain('omvarldsrisk');
    expect((await (await h.as('reader')).get(`/vocabularies/${entryId}`)).status).toBe(200);
    for (const role of MATRIX_ROLES)
      expect((await (await h.as(role)).post(`/vocabularies/${entryId}/restore`)).status, role).toBe(403);
    const restored = await admin.post(`/vocabularies/${entryId}/restore`);
    expect(restored.body.archivedAt).toBeNull();
    const events = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, h.tenant.tenantId), eq(auditEvents.entityId, entryId)))
      .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
    expect(events.map((event) => [event.entityType, event.operation])).toEqual([
      ['vocabulary_entry', 'archive'],
      ['vocabulary_entry', 'restore'],
    ]);
  });

  test('inUse lists the entries a risk, a control or a deviation refers to, archived items included', async () => {
    const { tenantId, unitA, vocabularyIds } = h.tenant;
    const planId = uuidv7();
    const riskId = uuidv7();
    const controlId = uuidv7();
    await h.db.insert(plans).values({
      tenantId,
      id: planId,
      unitId: unitA,
      kind: 'internal_control',
      title: 'Internkontrollplan 2026',
      startYear: 2026,
      endYear: 2026,
    });
    await h.db.insert(risks).values({
      tenantId,
      id: riskId,
      planId,
      title: 'Felaktiga utbetalningar',
      processId: vocabularyIds.process.ekonomi,
      categoryId: vocabularyIds.risk_category['finansiell-risk'],
      archivedAt: new Date('2026-05-01T00:00:00Z'),
    });
    await h.db.insert(controls).values({
      tenantId,
      id: controlId,
      planId,
      riskId,
      title: 'Stickprov på utbetalningar',
      methodId: vocabularyIds.control_method.stickprov,
    });
    await h.db.insert(deviations).values({
      tenantId,
      id: uuidv7(),
      controlId,
      title: 'Dubbel utbetalning',
      foundOn: '2026-05-10',
      severityId: vocabularyIds.deviation_severity.significant!,
    });
    const reader = await h.as('reader');
    expect(names(await reader.get('/vocabularies?inUse=true&limit=500'))).toEqual([
      'stickprov',
      'significant',
      'ekonomi',
      'finansiell-risk',
    ]);
    const unused = names(await reader.get('/vocabularies?kind=process&inUse=false'));
    expect(unused).toContain('personal');
    expect(unused).not.toContain('ekonomi');
    // Another tenant's items do not make this tenant's entries used, nor the other way round.
    const other = await h.as('otherAdmin');
    expect(names(await other.get('/vocabularies?inUse=true'))).toEqual([]);
  });

  test('the tenants are isolated: each lists only its own entries, and an id of the other is not found', async () => {
    const admin = await h.as('tenantAdmin');
    const other = await h.as('otherAdmin');
    const mine = (await admin.get('/vocabularies?limit=500')).body.items as Entry[];
    const theirs = (await other.get('/vocabularies?limit=500')).body.items as Entry[];
    expect(theirs).toHaveLength(DEFAULT_VOCABULARY.length);
    expect(theirs.map((entry) => entry.id)).not.toContain(h.tenant.vocabularyIds.process.ekonomi);
    expect(mine.map((entry) => entry.id)).not.toContain(h.otherTenant.vocabularyIds.process.ekonomi);
    const foreign = h.otherTenant.vocabularyIds.process.ekonomi;
    expect((await admin.get(`/vocabularies/${foreign}`)).status).toBe(404);
    expect((await admin.post(`/vocabularies/${foreign}/archive`)).status).toBe(404);
    expect((await admin.patch(`/vocabularies/${foreign}`, { labelSv: 'X', version: 1 })).status).toBe(404);
  });

  test('a stale If-Match on a change is refused with 409', async () => {
    const admin = await h.as('tenantAdmin');
    const entryId = h.tenant.vocabularyIds.process.personal!;
    const entry = (await admin.get(`/vocabularies/${entryId}`)).body;
    expect(
      (await admin.patch(`/vocabularies/${entryId}`, { labelEn: 'HR' }, { 'if-match': `"${entry.version}"` })).status,
    ).toBe(200);
    const stale = await admin.patch(
      `/vocabularies/${entryId}`,
      { labelEn: 'People' },
      { 'if-match': `"${entry.version}"` },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.current.labelEn).toBe('HR');
  });
});
