import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, test } from 'vitest';
import { architecture } from '../eslint.config.js';

// The boundaries of docs/architecture.md, as `npm run lint` enforces them: each forbidden
// import below is linted as if it were written in the named file, and must fail; each allowed
// one must pass. The rules are those of eslint.config.js itself, not a copy.

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }, architecture],
});

/** The boundary messages ESLint gives for `source` written in `file`. */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages
    .filter((message) => message.ruleId === 'boundaries/dependencies')
    .map((message) => message.message);
}

describe('forbidden imports fail lint', () => {
  test.each([
    [
      'the domain imports the server',
      'src/domain/example.ts',
      "import { AppError } from '../server/errors.ts';",
      'The domain (src/domain) imports only the domain',
    ],
    [
      'the domain imports the web app',
      'src/domain/example.ts',
      "import { api } from '../web/lib/api.ts';",
      'The domain (src/domain) imports only the domain',
    ],
    [
      'the web app imports the server',
      'src/web/lib/example.ts',
      "import { AppError } from '../../server/errors.ts';",
      'The web app (src/web) imports only src/domain and src/web',
    ],
    [
      'a screen imports the shell',
      'src/web/features/plans/example.tsx',
      "import { router } from '../../app/router.tsx';",
      'A screen does not import the shell',
    ],
    [
      'a screen imports another screen',
      'src/web/features/plans/example.tsx',
      "import { RiskPage } from '../risks/risk-page.tsx';",
      'A screen does not import another screen',
    ],
    [
      'a feature imports another feature',
      'src/server/features/risks/example.ts',
      "import { presentPlan } from '../plans/present.ts';",
      'A feature does not import another feature',
    ],
    [
      'shared server code imports a feature',
      'src/server/reports/example.ts',
      "import { presentPlan } from '../features/plans/present.ts';",
      'Only src/server/app.ts imports the features',
    ],
    [
      'storage imports the server above it',
      'src/server/db/example.ts',
      "import { AppError } from '../errors.ts';",
      'Storage (src/server/db) imports only the domain and itself',
    ],
    [
      'the web app imports a web test helper',
      'src/web/lib/example.ts',
      "import { renderWithApp } from '../../../test/web/render.tsx';",
      'Production code does not import tests or test helpers',
    ],
    [
      'production code imports a test helper',
      'src/server/http/example.ts',
      "import { createHarness } from '../../../test/support/harness.ts';",
      'Production code does not import tests or test helpers',
    ],
  ])('%s', async (_name, file, source, message) => {
    const errors = await boundaryErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });
});

describe('the allowed directions pass', () => {
  test.each([
    ['the domain imports the domain', 'src/domain/example.ts', "import { ROLES } from './role.ts';"],
    ['the web app imports the domain', 'src/web/lib/example.ts', "import { ROLES } from '../../domain/role.ts';"],
    [
      'a screen imports components and the library',
      'src/web/features/plans/example.tsx',
      "import { Page } from '../../components/page.tsx';\nimport { api } from '../../lib/api.ts';",
    ],
    [
      'a screen imports the API modules',
      'src/web/features/plans/example.tsx',
      "import { planQueries } from '../../api/plans.ts';\nimport { invalidatePlan } from '../../api/invalidation.ts';",
    ],
    [
      'a web unit test uses the web test helpers',
      'src/web/lib/example.test.tsx',
      "import { renderWithApp } from '../../../test/web/render.tsx';",
    ],
    [
      'a feature imports its own files and shared server code',
      'src/server/features/plans/example.ts',
      "import { presentPlan } from './present.ts';\nimport { AppError } from '../../errors.ts';",
    ],
    ['the app mounts the features', 'src/server/app.ts', "import { presentPlan } from './features/plans/present.ts';"],
    [
      'storage knows where the package is',
      'src/server/db/example.ts',
      "import { migrationsFolder } from '../paths.ts';",
    ],
    [
      'a test uses the test helpers',
      'src/server/http/example.test.ts',
      "import { createHarness } from '../../../test/support/harness.ts';",
    ],
  ])('%s', async (_name, file, source) => {
    expect(await boundaryErrors(file, source)).toEqual([]);
  });
});
