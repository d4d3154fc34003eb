import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client.ts';
import { migrationsFolder, packageRoot } from '../../src/server/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a migrated PGlite data directory (a tar file), which each test file loads. */
    pgliteTemplate: string;
    /** The name of a migrated database on the PostgreSQL server, which each test file copies. */
    postgresTemplate: string;
  }
}

/**
 * Vitest global setup of the projects whose tests use a database: the migrations run once per
 * run (and on PGlite once per change of the migrations), not once per test file. Creating and
 * migrating an embedded database costs a test file 10–20 s on a busy 2-core machine; loading a
 * dump of one, or `CREATE DATABASE … TEMPLATE` on PostgreSQL, a fraction of that.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const serverUrl = project.config.env?.DATABASE_URL;
  if (serverUrl) return postgresTemplate(project, serverUrl);
  project.provide('pgliteTemplate', await pgliteTemplate());
}

/** What decides the template's content: the migrations and the PGlite build that wrote it. */
function templateKey(): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(
    readFileSync(join(packageRoot, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  hash.update(pglite.version);
  const files = readdirSync(migrationsFolder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(migrationsFolder.length)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The path of a dump of a migrated PGlite data directory, kept in node_modules/.cache between
 * runs and made again whenever a migration (or PGlite) changes.
 */
async function pgliteTemplate(): Promise<string> {
  const folder = join(packageRoot, 'node_modules/.cache/uppsikt-test');
  const path = join(folder, `pglite-${templateKey()}.tar`);
  if (existsSync(path)) return path;
  mkdirSync(folder, { recursive: true });
  const database = await openDatabase({ dataDir: null });
  try {
    await database.migrate();
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    // Written aside and renamed: a run that stops half-way never leaves a broken template.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  } finally {
    await database.close();
  }
  return path;
}

/** A migrated database on the server for this run, dropped again when the run ends. */
async function postgresTemplate(project: TestProject, serverUrl: string): Promise<() => Promise<void>> {
  const name = `uppsikt_template_${templateKey()}_${process.pid}`;
  await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  try {
    await database.migrate();
  } finally {
    // A template can be copied only while nobody is connected to it.
    await database.close();
  }
  project.provide('postgresTemplate', name);
  return () => onServer(serverUrl, `drop database if exists ${name} with (force)`);
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
