import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as drizzleKit from 'drizzle-kit/api';
import { queryRows, type DatabaseHandle } from './client.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { migrationsFolder, packageRoot } from '../paths.ts';

/** The part of drizzle-kit's schema JSON this test reads (its own types do not resolve under NodeNext). */
interface DrizzleJson {
  tables: Record<
    string,
    {
      name: string;
      columns: Record<string, { name: string; type: string; notNull: boolean; primaryKey: boolean }>;
      compositePrimaryKeys: Record<string, unknown>;
      foreignKeys: Record<string, unknown>;
      uniqueConstraints: Record<string, unknown>;
      checkConstraints: Record<string, unknown>;
      indexes: Record<string, unknown>;
    }
  >;
}
const kit = drizzleKit as unknown as {
  generateDrizzleJson(
    imports: Record<string, unknown>,
    prevId?: string,
    schemaFilters?: string[],
    casing?: 'snake_case',
  ): DrizzleJson;
  generateMigration(previous: DrizzleJson, current: DrizzleJson): Promise<string[]>;
};

const schemaFolder = join(packageRoot, 'src/server/db/schema');

async function schemaFromTypeScript(): Promise<DrizzleJson> {
  const modules: Record<string, unknown> = {};
  for (const file of readdirSync(schemaFolder).filter((name) => name.endsWith('.ts'))) {
    Object.assign(modules, await import(join(schemaFolder, file)));
  }
  return kit.generateDrizzleJson(modules, undefined, undefined, 'snake_case');
}

/** The latest snapshot drizzle-kit wrote beside the migrations. */
function latestSnapshot(): DrizzleJson {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number }[];
  };
  const last = journal.entries.at(-1);
  if (!last) throw new Error('no migrations');
  const file = join(migrationsFolder, `meta/${String(last.idx).padStart(4, '0')}_snapshot.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as DrizzleJson;
}

describe('the database migrated from zero', () => {
  let database: DatabaseHandle;
  let expected: DrizzleJson;
  beforeAll(async () => {
    database = await createTestDatabase();
    expected = await schemaFromTypeScript();
  });
  afterAll(() => database.close());

  test('the migrations hold every change of the TypeScript schema', async () => {
    const pending = await kit.generateMigration(latestSnapshot(), expected);
    expect(pending, 'run `npm run db:generate` and commit the migration').toEqual([]);
  });

  test('has exactly the tables and columns of the schema, with their types and nullability', async () => {
    const rows = await queryRows<{ table_name: string; column_name: string; type: string; not_null: boolean }>(
      database.db,
      sql`
      select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped`,
    );
    const actual = new Map<string, string>();
    for (const row of rows)
      actual.set(`${row.table_name}.${row.column_name}`, `${row.type}${row.not_null ? ' not null' : ''}`);
    const wanted = new Map<string, string>();
    for (const table of Object.values(expected.tables)) {
      for (const column of Object.values(table.columns)) {
        wanted.set(
          `${table.name}.${column.name}`,
          `${column.type}${column.notNull || column.primaryKey ? ' not null' : ''}`,
        );
      }
    }
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...wanted].sort()));
    expect(wanted.size).toBeGreaterThan(200);
  });

  test('has every constraint and index of the schema, and no other', async () => {
    const constraints = await queryRows<{ name: string }>(
      database.db,
      sql`
      select con.conname as name from pg_constraint con
      join pg_namespace n on n.oid = con.connamespace
      where n.nspname = 'public' and con.contype in ('p', 'f', 'u', 'c')`,
    );
    const indexes = await queryRows<{ name: string }>(
      database.db,
      sql`
      select indexname as name from pg_indexes
      where schemaname = 'public' and indexname not in (select conname from pg_constraint)`,
    );
    const wanted: string[] = [];
    for (const table of Object.values(expected.tables)) {
      const hasColumnKey = Object.values(table.columns).some((column) => column.primaryKey);
      wanted.push(
        ...(hasColumnKey ? [`${table.name}_pkey`] : []),
        ...Object.keys(table.compositePrimaryKeys),
        ...Object.keys(table.foreignKeys),
        ...Object.keys(table.uniqueConstraints),
        ...Object.keys(table.checkConstraints),
        ...Object.keys(table.indexes),
      );
    }
    const actual = [...constraints, ...indexes].map((row) => row.name);
    expect(actual.sort()).toEqual(wanted.sort());
  });
});
