import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { findChartBlocks, parseChartBlock } from '../../domain/chart-block.ts';
import {
  documentFixtureSchema,
  tenantsFixtureSchema,
  type DocumentFixture,
  type TenantsFixture,
} from './fixture-schema.ts';

/** A fixture that cannot be loaded; names the file and the field so that it can be fixed. */
export class FixtureError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'FixtureError';
  }
}

export interface DemoFixtures {
  tenants: TenantsFixture;
  /** The transcribed documents, each with the file it came from. */
  documents: { file: string; fixture: DocumentFixture }[];
}

const TENANTS_FILE = 'tenants.yaml';

/** Reads and validates every fixture file of the folder; throws a FixtureError at the first bad one. */
export function readDemoFixtures(folder: string): DemoFixtures {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  if (!files.includes(TENANTS_FILE)) throw new FixtureError(join(folder, TENANTS_FILE), '(file)', 'is missing');
  const tenants = parseFixtureFile(join(folder, TENANTS_FILE), tenantsFixtureSchema);
  const documents = files
    .filter((name) => name !== TENANTS_FILE)
    .map((name) => {
      const file = join(folder, name);
      const fixture = parseFixtureFile(file, documentFixtureSchema);
      checkChartBlocks(file, fixture, '');
      return { file, fixture };
    });
  return { tenants, documents };
}

function parseFixtureFile<Schema extends z.ZodType>(file: string, schema: Schema): z.output<Schema> {
  const document = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0].line;
    throw new FixtureError(
      file,
      line === undefined ? '(syntax)' : `line ${line}`,
      yamlError.message.split('\n')[0] ?? 'invalid YAML',
    );
  }
  const result = schema.safeParse(document.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new FixtureError(file, issue?.path.join('.') || '(root)', issue?.message ?? 'invalid');
  }
  return result.data;
}

/** Every ```chart block in any text of the fixture must be readable, or reports would fail later. */
function checkChartBlocks(file: string, value: unknown, path: string): void {
  if (typeof value === 'string') {
    for (const block of findChartBlocks(value)) {
      const parsed = parseChartBlock(block);
      if (!parsed.ok) throw new FixtureError(file, path, `chart block line ${parsed.line}: ${parsed.message}`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkChartBlocks(file, item, `${path}.${index}`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) checkChartBlocks(file, item, path ? `${path}.${key}` : key);
  }
}
