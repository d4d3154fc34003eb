import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract } from '../../../../test/support/resource-contract.ts';

describe('org-units', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  describeResourceContract(
    {
      resource: 'org-units',
      entityType: 'org_unit',
      async create(harness, unit) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/org-units', { parentId: harness.tenant[unit], kind: 'enhet', name: `Enhet under ${unit}` });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ name: `Nytt namn ${n}` }),
      changedField: 'name',
      roles: {
        administrator: { read: true, write: true },
        coordinator: { read: true, write: false },
        responsible: { read: true, write: false },
        reader: { read: true, write: false },
        auditor: { read: true, write: false },
      },
    },
    () => h,
  );

  test('the tree holds what the caller may read; a coordinator of A sees A and its subtree only', async () => {
    const tree = await (await h.as('coordinator')).get('/org-units/tree');
    expect(tree.status).toBe(200);
    expect(tree.body.map((node: { name: string }) => node.name)).toEqual(['Nämnd A']);
    expect(tree.body[0].children.map((node: { name: string }) => node.name)).toContain('Förvaltning A1');
    const whole = await (await h.as('tenantAdmin')).get('/org-units/tree');
    expect(whole.body).toHaveLength(1);
    expect(whole.body[0].children.map((node: { name: string }) => node.name)).toEqual(
      expect.arrayContaining(['Nämnd A', 'Nämnd B']),
    );
  });

  test('a subtree query lists a unit and everything below it, sorted by name', async () => {
    const reply = await (await h.as('tenantAdmin')).get(`/org-units?under=${h.tenant.unitA}&sort=name`);
    expect(reply.status).toBe(200);
    const names = reply.body.items.map((unit: { name: string }) => unit.name);
    expect(names).toContain('Nämnd A');
    expect(names).toContain('Förvaltning A1');
    expect(names).not.toContain('Nämnd B');
    expect(reply.body.total).toBe(names.length);
  });

  test('a list pages with limit and offset', async () => {
    const client = await h.as('tenantAdmin');
    const all = await client.get('/org-units?sort=name');
    const second = await client.get('/org-units?sort=name&limit=1&offset=1');
    expect(second.body.items).toEqual([all.body.items[1]]);
    expect(second.body.total).toBe(all.body.total);
  });

  test('a subtree outside the caller’s units is not found', async () => {
    expect((await (await h.as('reader')).get(`/org-units?under=${h.tenant.unitB}`)).status).toBe(404);
  });

  test('validation names the fields, in Swedish or English', async () => {
    const client = await h.as('tenantAdmin');
    const reply = await client.post(
      '/org-units',
      { parentId: 'nope', kind: 'by', name: '', colour: 'röd' },
      { 'accept-language': 'en' },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'parentId', message: 'Must be an id (UUID).' },
        { path: 'kind', message: expect.stringMatching(/^Must be one of: "kommun"/) },
        { path: 'name', message: 'Must not be empty.' },
        { path: 'colour', message: 'Unknown field.' },
      ]),
    );
    const swedish = await client.post('/org-units', { parentId: h.tenant.unitA, kind: 'enhet', name: 'x'.repeat(501) });
    expect(swedish.body.errors).toEqual([{ path: 'name', message: 'Får ha högst 500 tecken.' }]);
    const badSort = await client.get('/org-units?sort=colour');
    expect(badSort.status).toBe(400);
    expect(badSort.body.errors[0].path).toBe('sort');
  });

  test('kinds nest as the organisation does: no kommun inside another kommun, no förvaltning under an enhet', async () => {
    const client = await h.as('tenantAdmin');
    const kommun = await client.post('/org-units', {
      parentId: h.tenant.rootId,
      kind: 'kommun',
      name: 'Grannkommunen',
    });
    expect(kommun.status).toBe(400);
    expect(kommun.body.errors).toEqual([
      {
        path: 'kind',
        message: 'En enhet av slaget kommun står överst i organisationen och kan inte ligga under en annan enhet.',
      },
    ]);
    expect((await client.post('/org-units', { parentId: h.tenant.unitA, kind: 'region', name: 'Region' })).status).toBe(
      400,
    );
    const school = (await client.post('/org-units', { parentId: h.tenant.unitA1, kind: 'enhet', name: 'Skolan' })).body;
    const below = await client.post('/org-units', { parentId: school.id, kind: 'forvaltning', name: 'Förvaltning' });
    expect(below.body.errors).toEqual([
      { path: 'kind', message: 'En enhet av slaget förvaltning kan inte ligga under en enhet.' },
    ]);
    // A change of kind or a move is held to the same rule, also for the units below.
    expect(
      (await client.patch(`/org-units/${school.id}`, { version: school.version, kind: 'kommun' })).body.errors[0].path,
    ).toBe('kind');
    const a1 = (await client.get(`/org-units/${h.tenant.unitA1}`)).body;
    expect((await client.patch(`/org-units/${h.tenant.unitA1}`, { version: a1.version, kind: 'enhet' })).status).toBe(
      200,
    );
    const moved = await client.patch(`/org-units/${school.id}`, { version: school.version, parentId: h.tenant.rootId });
    expect(moved.status).toBe(200);
    const a1Again = (await client.get(`/org-units/${h.tenant.unitA1}`)).body;
    expect(
      (await client.patch(`/org-units/${h.tenant.unitA1}`, { version: a1Again.version, kind: 'forvaltning' })).status,
    ).toBe(200);
    expect(
      (await client.post('/org-units', { parentId: h.tenant.unitA, kind: 'avdelning', name: 'Avdelning' })).status,
    ).toBe(201);
  });

  test('a unit cannot be moved below itself', async () => {
    const client = await h.as('tenantAdmin');
    const unit = (await client.get(`/org-units/${h.tenant.unitA}`)).body;
    const reply = await client.patch(`/org-units/${h.tenant.unitA}`, {
      parentId: h.tenant.unitA1,
      version: unit.version,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].path).toBe('parentId');
  });

  test('archiving keeps the unit and hides it from lists unless asked; a unit with active units below must wait', async () => {
    const client = await h.as('tenantAdmin');
    // Not a stale write: the problem says what to do first, under a title that fits.
    const waits = await client.post(`/org-units/${h.tenant.unitA}/archive`);
    expect(waits.status).toBe(409);
    expect(waits.body).toMatchObject({
      type: 'urn:uppsikt:problem:not_yet',
      title: 'Det går inte ännu.',
      detail: 'Arkivera först enheterna under den här.',
    });
    const created = (
      await client.post('/org-units', { parentId: h.tenant.unitB, kind: 'enhet', name: 'Skola som läggs ned' })
    ).body;
    const archived = await client.post(`/org-units/${created.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const listed = await client.get(`/org-units?under=${h.tenant.unitB}`);
    expect(listed.body.items.map((unit: { id: string }) => unit.id)).not.toContain(created.id);
    const withArchived = await client.get(`/org-units?under=${h.tenant.unitB}&includeArchived=true`);
    expect(withArchived.body.items.map((unit: { id: string }) => unit.id)).toContain(created.id);
    expect((await client.post(`/org-units/${created.id}/restore`)).body.archivedAt).toBeNull();
  });
});
