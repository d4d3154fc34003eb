import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../db/client.ts';
import { orgUnits } from '../db/schema/org-units.ts';
import { tenants } from '../db/schema/tenants.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { createTenant, createUnit } from '../../../test/support/factories.ts';
import { findScopeByNames, ScopeError } from './report-scope.ts';

// The tenant and unit a script names: found by the names people use, and when a name does not
// match, an error that lists what there is, so the next attempt can be right.

describe('the tenant and unit a script names', () => {
  let database: DatabaseHandle;
  let tenantId: string;
  let unitId: string;
  const refusal = async (tenant: string, unit: string) => {
    const error = await findScopeByNames(database.db, tenant, unit).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ScopeError);
    expect((error as ScopeError).name).toBe('ScopeError');
    return (error as ScopeError).message;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ tenantId } = await createTenant(database.db, 'vaxjo'));
    unitId = await createUnit(database.db, tenantId, { name: 'Utbildningsnämnden' });
    await createUnit(database.db, tenantId, { name: 'Socialnämnden' });
    const archived = await createUnit(database.db, tenantId, { name: 'Gamla nämnden' });
    await database.db
      .update(orgUnits)
      .set({ archivedAt: new Date('2026-01-01T00:00:00Z') })
      .where(eq(orgUnits.id, archived));
    const other = await createTenant(database.db, 'kalmar');
    await createUnit(database.db, other.tenantId, { name: 'Kalmars nämnd' });
  });
  afterAll(() => database.close());

  test('the unit by its exact name, else by its name in any case', async () => {
    expect(await findScopeByNames(database.db, 'vaxjo', 'Utbildningsnämnden')).toEqual({ tenantId, unitId });
    expect(await findScopeByNames(database.db, 'vaxjo', 'UTBILDNINGSNÄMNDEN')).toEqual({ tenantId, unitId });
  });

  test('an unknown tenant: the error lists the tenants there are, in order', async () => {
    expect(await refusal('malmo', 'Utbildningsnämnden')).toBe('No tenant "malmo". Tenants: kalmar, vaxjo.');
  });

  test('an unknown unit: the error lists the tenant’s units in order (not another tenant’s, not archived ones)', async () => {
    expect(await refusal('vaxjo', 'Kalmars nämnd')).toBe(
      'No unit "Kalmars nämnd" in vaxjo. Units: "Socialnämnden", "Utbildningsnämnden".',
    );
    expect(await refusal('vaxjo', 'Gamla nämnden')).toContain('No unit "Gamla nämnden" in vaxjo.');
  });

  test('two units whose names differ only in case: the one named exactly', async () => {
    const shouting = await createUnit(database.db, tenantId, { name: 'SOCIALNÄMNDEN' });
    expect((await findScopeByNames(database.db, 'vaxjo', 'SOCIALNÄMNDEN')).unitId).toBe(shouting);
    expect((await findScopeByNames(database.db, 'vaxjo', 'Socialnämnden')).unitId).not.toBe(shouting);
  });

  test('an empty database: the error says how to load the demo data', async () => {
    await database.db.delete(orgUnits);
    await database.db.delete(tenants);
    expect(await refusal('vaxjo', 'x')).toBe(
      'No tenant "vaxjo". Tenants: none (load the demo data with "uppsikt seed --demo").',
    );
  });
});
