import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AppError } from '../errors.ts';
import { fieldsOfUniqueViolation, problemFromDatabaseError } from './database-errors.ts';
import { createHarness, type Harness } from '../../../test/support/harness.ts';

describe('a unique rule the database enforces becomes a clear duplicate, not a stale write', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  test('the fields are read from the database’s key, also inside expressions, without tenant_id', () => {
    expect(
      fieldsOfUniqueViolation(
        `Key (tenant_id, kind, year, COALESCE(number, 0), COALESCE(name, ''::text))=(x, interim, 2026, 0, ) already exists.`,
      ),
    ).toEqual(['kind', 'year', 'number', 'name']);
    expect(fieldsOfUniqueViolation('Key (tenant_id, lower(email))=(x, a@b.se) already exists.')).toEqual(['email']);
    expect(fieldsOfUniqueViolation('Key (tenant_id, valid_from_year)=(x, 2026) already exists.')).toEqual([
      'validFromYear',
    ]);
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
    expect(twice.body).toMatchObject({
      type: 'urn:uppsikt:problem:duplicate',
      detail: 'Personen har redan den rollen på enheten.',
    });
  });
});

// The rules on the function itself: no database needed, so each case states exactly one rule.

/** A driver error as PostgreSQL reports it (node-postgres and PGlite both give these members). */
const pgError = (fields: { code: string; constraint?: string; table?: string; detail?: string }) =>
  Object.assign(new Error('database error'), fields);

const problem = (error: unknown): AppError => {
  const found = problemFromDatabaseError(error);
  expect(found).toBeInstanceOf(AppError);
  return found!;
};

describe('a constraint the database enforced becomes a problem naming the field', () => {
  test('anything that is not a database error is left alone (null), whatever its shape', () => {
    expect(problemFromDatabaseError(null)).toBeNull();
    expect(problemFromDatabaseError(undefined)).toBeNull();
    expect(problemFromDatabaseError('23505')).toBeNull();
    expect(problemFromDatabaseError(new Error('boom'))).toBeNull();
    expect(problemFromDatabaseError({ code: 23505 })).toBeNull();
    // A Node error code is not a PostgreSQL SQLSTATE (five digits or capitals).
    expect(problemFromDatabaseError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBeNull();
    expect(problemFromDatabaseError({ code: '2350' })).toBeNull();
    expect(problemFromDatabaseError({ code: '235050' })).toBeNull();
    expect(problemFromDatabaseError({ code: 'abcde' })).toBeNull();
  });

  test('the database error is found below the wrappers the query builder puts around it', () => {
    const wrapped = new Error('Failed query', { cause: new Error('inner', { cause: pgError({ code: '23505' }) }) });
    expect(problem(wrapped).code).toBe('duplicate');
    // A wrapper with a code of another kind does not hide the database error below it.
    const nodeWrapped = Object.assign(new Error('outer', { cause: pgError({ code: '40001' }) }), { code: 'ERR_QUERY' });
    expect(problem(nodeWrapped).code).toBe('conflict');
    // Plain objects (not Error instances) are followed too.
    expect(problem({ cause: { code: '40P01' } }).code).toBe('conflict');
    // A Node error code that begins with five capitals is not a SQLSTATE either.
    expect(
      problem(Object.assign(new Error('outer', { cause: pgError({ code: '23505' }) }), { code: 'ECONNRESET' })).code,
    ).toBe('duplicate');
    // A chain that ends without one gives null.
    expect(problemFromDatabaseError(new Error('outer', { cause: new Error('inner') }))).toBeNull();
    expect(problemFromDatabaseError(new Error('outer', { cause: 'text' }))).toBeNull();
  });

  test('a foreign key (23503): validation_failed on the field the constraint guards, "Finns inte."', () => {
    const error = problem(pgError({ code: '23503', constraint: 'plans_decision_unit_fk', table: 'plans' }));
    expect(error.code).toBe('validation_failed');
    expect(error.detail).toBeUndefined();
    expect(error.errors).toEqual([{ path: 'decisionUnitId', message: { sv: 'Finns inte.', en: 'Does not exist.' } }]);
    // Without the table, or when the name does not start with it, the whole name minus _fk is the field.
    expect(problem(pgError({ code: '23503', constraint: 'owner_unit_fk' })).errors[0]!.path).toBe('ownerUnitId');
    expect(problem(pgError({ code: '23503', constraint: 'owner_unit_fk', table: 'risks' })).errors[0]!.path).toBe(
      'ownerUnitId',
    );
    // Only "_fk" at the end is taken off, and only the table's prefix followed by "_".
    expect(problem(pgError({ code: '23503', constraint: 'risks_fk_owner_fk', table: 'risks' })).errors[0]!.path).toBe(
      'fkOwnerId',
    );
    expect(problem(pgError({ code: '23503', constraint: 'riskscore_unit_fk', table: 'risks' })).errors[0]!.path).toBe(
      'riskscoreUnitId',
    );
    expect(problem(pgError({ code: '23503', constraint: 'owner_fk_unit_fk' })).errors[0]!.path).toBe('ownerFkUnitId');
    // A foreign-key error without a constraint's name cannot name a field: not ours to answer.
    expect(problemFromDatabaseError(pgError({ code: '23503' }))).toBeNull();
  });

  test('a unique violation (23505): duplicate, naming one field, several fields, or none', () => {
    const one = problem(pgError({ code: '23505', detail: 'Key (tenant_id, lower(name))=(t, x) already exists.' }));
    expect(one.code).toBe('duplicate');
    expect(one.detail).toEqual({
      sv: 'Det finns redan en post med samma värde i fältet name.',
      en: 'An entry with the same value in the field name already exists.',
    });
    expect(one.errors).toEqual([
      {
        path: 'name',
        message: { sv: 'Det finns redan en post med samma värde.', en: 'An entry with the same value already exists.' },
      },
    ]);

    const two = problem(
      pgError({ code: '23505', detail: 'Key (tenant_id, plan_id, sort_order)=(t, p, 1) already exists.' }),
    );
    expect(two.detail).toEqual({
      sv: 'Det finns redan en post med samma värde i fälten planId, sortOrder.',
      en: 'An entry with the same value in the fields planId, sortOrder already exists.',
    });
    expect(two.errors.map((fieldError) => fieldError.path)).toEqual(['planId', 'sortOrder']);

    const none = problem(pgError({ code: '23505' }));
    expect(none.code).toBe('duplicate');
    expect(none.detail).toEqual({ sv: 'Det finns redan en likadan post.', en: 'An identical entry already exists.' });
    expect(none.errors).toEqual([]);
  });

  test('a check, a malformed value or a date out of range (23514, 22P02, 22007, 22008): validation_failed naming the rule', () => {
    expect(problem(pgError({ code: '23514', constraint: 'plans_years_in_order' })).detail).toEqual({
      sv: 'Uppgifterna bryter mot en regel (plans_years_in_order).',
      en: 'The input breaks a rule (plans_years_in_order).',
    });
    for (const code of ['23514', '22P02', '22007', '22008']) {
      const error = problem(pgError({ code }));
      expect(error.code).toBe('validation_failed');
      expect(error.detail).toEqual({
        sv: `Uppgifterna bryter mot en regel (${code}).`,
        en: `The input breaks a rule (${code}).`,
      });
    }
  });

  test('a serialization failure or a deadlock (40001, 40P01): conflict, try again', () => {
    for (const code of ['40001', '40P01']) {
      const error = problem(pgError({ code }));
      expect(error.code).toBe('conflict');
      expect(error.detail).toEqual({
        sv: 'Någon annan ändrade samtidigt. Försök igen.',
        en: 'Someone else changed it at the same time. Try again.',
      });
    }
  });

  test('any other database error is not turned into a field problem (it stays an internal error)', () => {
    for (const code of ['42P01', '08006', '53300', '23502'])
      expect(problemFromDatabaseError(pgError({ code }))).toBeNull();
  });
});

describe('the fields of a unique key, read from the database’s description', () => {
  test('commas inside an expression do not split the key; each part gives its column once', () => {
    expect(
      fieldsOfUniqueViolation('Key (tenant_id, COALESCE(parent_id, unit_id), year)=(t, p, 2026) already exists.'),
    ).toEqual(['parentId', 'year']);
    expect(fieldsOfUniqueViolation('Key (tenant_id, year, year)=(t, 2026, 2026) already exists.')).toEqual(['year']);
    expect(fieldsOfUniqueViolation('Key (tenant_id, lower((email)::text))=(t, a@b.se) already exists.')).toEqual([
      'email',
    ]);
  });

  test('the type of a cast and a quoted literal are not columns; tenant_id is never named', () => {
    expect(
      fieldsOfUniqueViolation(
        `Key (tenant_id, (kind)::text, COALESCE(code, 'none'::character varying))=(t, a, b) already exists.`,
      ),
    ).toEqual(['kind', 'code']);
    expect(fieldsOfUniqueViolation('Key (tenant_id)=(t) already exists.')).toEqual([]);
    // A type with a precision is not a function call of the column before it.
    expect(fieldsOfUniqueViolation('Key (tenant_id, (year)::numeric(4,0))=(t, 2026) already exists.')).toEqual([
      'year',
    ]);
    // A function is a function also with a space before its parenthesis.
    expect(fieldsOfUniqueViolation('Key (tenant_id, lower (email))=(t, a@b.se) already exists.')).toEqual(['email']);
    // A column may itself be called text.
    expect(fieldsOfUniqueViolation('Key (tenant_id, text)=(t, x) already exists.')).toEqual(['text']);
  });

  test('a description in another form, or across lines, is read only when it is the key', () => {
    expect(fieldsOfUniqueViolation('Key (tenant_id,\nname)=(t,\nx) already exists.')).toEqual(['name']);
    expect(fieldsOfUniqueViolation('Failing row contains (x).')).toEqual([]);
    expect(fieldsOfUniqueViolation('Some Key (name)=(x) already exists.')).toEqual([]);
    expect(fieldsOfUniqueViolation('')).toEqual([]);
  });
});
