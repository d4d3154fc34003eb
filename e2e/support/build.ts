import { execFileSync } from 'node:child_process';
import { packageRoot } from '../../src/server/paths.ts';

/** Vitest global setup of the browser journeys: build the server and the web app once. */
export default function buildOnce(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: packageRoot, stdio: 'inherit' });
}
