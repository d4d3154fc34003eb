import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HARNESS_PASSWORD, createHarness, type Harness } from '../../../../test/support/harness.ts';
import { describeResourceContract } from '../../../../test/support/resource-contract.ts';

const ONLY_TENANT_ADMIN_WRITES = {
  administrator: { read: true, write: false },
  coordinator: { read: true, write: false },
  responsible: { read: true, write: false },
  reader: { read: true, write: false },
  auditor: { read: true, write: false },
};

describe('users', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  let created = 0;
  describeResourceContract(
    {
      resource: 'users',
      entityType: 'user',
      tenantWide: true,
      async create(harness) {
        const reply = await (
          await harness.as('tenantAdmin')
        ).post('/users', {
          name: `Ny Person ${++created}`,
          email: `ny-${created}-${harness.suffix}@example.se`,
          title: 'Rektor',
        });
        expect(reply.status).toBe(201);
        return reply.body.id as string;
      },
      change: (n) => ({ title: `Rektor ${n}` }),
      changedField: 'title',
      roles: ONLY_TENANT_ADMIN_WRITES,
    },
    () => h,
  );

  test('a new person with a password can sign in; the hash never leaves the server, not even into the audit log', async () => {
    const admin = await h.as('tenantAdmin');
    const email = `larare-${h.suffix}@example.se`;
    const reply = await admin.post('/users', { name: 'Lärare Lärarsson', email, password: 'ett-långt-lösenord' });
    expect(reply.status).toBe(201);
    expect(reply.body.canSignIn).toBe(true);
    expect(JSON.stringify(reply.body)).not.toMatch(/argon2|passwordHash/);
    const login = await h.anonymous.post('/auth/login', { email, password: 'ett-långt-lösenord' });
    expect(login.status).toBe(200);
    const history = await admin.get(`/audit-events?entityId=${reply.body.id}`);
    const created = history.body.items.find((event: { operation: string }) => event.operation === 'create');
    expect(created.changes.passwordHash).toEqual([null, '[redacted]']);
  });

  test('validation: a real address, used by nobody else; a password of at least 12 characters', async () => {
    const admin = await h.as('tenantAdmin');
    const bad = await admin.post(
      '/users',
      { name: 'X', email: 'inte-en-adress', password: 'kort' },
      { 'accept-language': 'en' },
    );
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'email', message: 'Must be an e-mail address.' },
        { path: 'password', message: 'Must have at least 12 characters.' },
      ]),
    );
    const taken = await admin.post('/users', { name: 'X', email: `COORDINATOR-${h.suffix}@example.se` });
    expect(taken.body.errors).toEqual([{ path: 'email', message: 'Adressen används redan av en annan person.' }]);
  });

  test('deactivating ends the person’s sessions and sign-ins; they stay listed with includeDeactivated', async () => {
    const admin = await h.as('tenantAdmin');
    const email = `slutar-${h.suffix}@example.se`;
    const person = (await admin.post('/users', { name: 'Elvis Slutar', email, password: HARNESS_PASSWORD })).body;
    const login = await h.anonymous.post('/auth/login', { email, password: HARNESS_PASSWORD });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const deactivated = await admin.post(`/users/${person.id}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.deactivatedAt).not.toBeNull();
    expect((await h.anonymous.get('/me', { cookie })).status).toBe(401);
    expect((await h.anonymous.post('/auth/login', { email, password: HARNESS_PASSWORD })).status).toBe(401);
    const listed = await admin.get(`/users?search=Elvis`);
    expect(listed.body.items).toEqual([]);
    const all = await admin.get(`/users?search=Elvis&includeDeactivated=true`);
    expect(all.body.items.map((u: { id: string }) => u.id)).toEqual([person.id]);
    expect((await admin.post(`/users/${h.userIds.tenantAdmin}/deactivate`)).status).toBe(403);
  });
});
