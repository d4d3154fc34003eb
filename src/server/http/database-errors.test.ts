import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fieldsOfUniqueViolation } from './database-errors.ts';
import { createHarness, type Harness } from './test-harness.ts';

describe('a unique rule the database enforces becomes a clear duplicate, not a stale write', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  test('the fields are read from the database’s key, also inside expressions, without tenant_id', () => {
    expect(fieldsOfUniqueViolation(`Key (tenant_id, kind, year, COALESCE(number, 0), COALESCE(name, ''::text))=(x, interim, 2026, 0, ) already exists.`)).toEqual(['kind', 'year', 'number', 'name']);
    expect(fieldsOfUniqueViolation('Key (tenant_id, lower(email))=(x, a@b.se) already exists.')).toEqual(['email']);
    expect(fieldsOfUniqueViolation('Key (tenant_id, valid_from_year)=(x, 2026) already exists.')).toEqual(['validFromYear']);
    expect(fieldsOfUniqueViolation(undefined)).toEqual([]);
  });

  test('a second focus area of the same name: 409 duplicate naming "name", never "someone else changed this"', async () => {
    const admin = await h.as('tenantAdmin');
    expect((await admin.post('/focus-areas', { name: 'Attrahera & rekrytera' })).status).toBe(201);
    const again = await admin.post('/focus-areas', { name: 'attrahera & rekrytera' });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:uppsikt:problem:duplicate');
    expect(again.body.title).toBe('Det finns redan en sådan post.');
    expect(again.body.detail).toBe('Det finns redan en post med samma värde i fältet name.');
    expect(again.body.errors).toEqual([{ path: 'name', message: 'Det finns redan en post med samma värde.' }]);
    expect(JSON.stringify(again.body)).not.toContain('Någon annan');
  });

  test('a role a person already holds: 409 duplicate saying so', async () => {
    const admin = await h.as('tenantAdmin');
    const role = { userId: h.userIds.nobody, unitId: h.tenant.unitB, role: 'reader' };
    expect((await admin.post('/role-assignments', role)).status).toBe(201);
    const twice = await admin.post('/role-assignments', role);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ type: 'urn:uppsikt:problem:duplicate', detail: 'Personen har redan den rollen på enheten.' });
  });
});
