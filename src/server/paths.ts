import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder, found by walking up from this module: the same answer whether
 * the code runs from `src/` (tests, tsx) or from the bundle in `dist/`.
 */
function findPackageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, 'package.json');
    if (
      existsSync(candidate) &&
      (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'uppsikt'
    ) {
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder)
      throw new Error('Cannot find the uppsikt package root above ' + fileURLToPath(import.meta.url));
    folder = parent;
  }
}

export const packageRoot = findPackageRoot();
export const migrationsFolder = join(packageRoot, 'src/server/db/migrations');
export const demoFixturesFolder = join(packageRoot, 'src/server/demo/fixtures');
export const packageVersion = (
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;
