import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { packageRoot } from '../../src/server/paths.ts';
import { E2E_CLOCK_START, startBuiltServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder where the built server has migrated and loaded the demo data. */
    e2eDemoDataDir: string;
  }
}

/**
 * Vitest global setup of the browser journeys: build the server and the web app once, and let
 * the built server load the demo data once into a data folder that every journey file copies
 * (creating the embedded database and loading the demo is most of a server's start).
 */
export default async function buildOnce(project: TestProject): Promise<() => void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: packageRoot, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'uppsikt-e2e-template-'));
  const server = await startBuiltServer({ DATABASE_URL: '', DATA_DIR: dataDir, CLOCK_START: E2E_CLOCK_START });
  await server.stop();
  project.provide('e2eDemoDataDir', dataDir);
  return () => rmSync(dataDir, { recursive: true, force: true });
}
