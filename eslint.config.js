import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The parts of the code base and which way the arrows between them may point
 * (docs/architecture.md). Exported so that scripts/architecture.test.ts can prove that a
 * forbidden import fails lint.
 */
export const architecture = {
  files: ['**/*.ts', '**/*.tsx'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': [
      // Concepts, pure rules and the API contracts: shared by server and web.
      { type: 'domain', pattern: 'src/domain', partialMatch: false },
      // The server's features: one folder per noun, each a world of its own.
      { type: 'feature', pattern: 'src/server/features/*', partialMatch: false, capture: ['name'] },
      // Storage: the database client, the schema and the migrations. It knows no feature.
      { type: 'storage', pattern: 'src/server/db', partialMatch: false },
      // The rest of the server: the platform (HTTP, auth, access, audit, jobs, mail), the shared
      // plan model and item rules, reports, demo data, the app and main.
      { type: 'server', pattern: 'src/server', partialMatch: false },
      // The web application: screens (web-feature), and the shell, components, library and i18n.
      { type: 'web-feature', pattern: 'src/web/features/*', partialMatch: false, capture: ['name'] },
      { type: 'web-shell', pattern: 'src/web/app', partialMatch: false },
      { type: 'web', pattern: 'src/web', partialMatch: false },
      { type: 'cli', pattern: 'src/cli', partialMatch: false },
      // What only the tests use.
      { type: 'test-support', pattern: 'test', partialMatch: false },
    ],
    'boundaries/files': [
      { category: 'test', pattern: '**/*.test.{ts,tsx}' },
      // The composition root: the one file that mounts every feature's routes.
      { category: 'composition-root', pattern: 'src/server/app.ts' },
      // Where the package's files are (migrations, demo fixtures): needed by storage too.
      { category: 'package-paths', pattern: 'src/server/paths.ts' },
      // Every file is code; with the categories above a file can be told apart by what it is not.
      { category: 'code', pattern: '**/*' },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        policies: [
          {
            // The domain imports nothing from the server, the web app or the command line.
            from: { element: { type: 'domain' } },
            disallow: {
              to: {
                element: {
                  types: {
                    anyOf: ['server', 'feature', 'storage', 'web', 'web-feature', 'web-shell', 'cli', 'test-support'],
                  },
                },
              },
            },
            message: 'The domain (src/domain) imports only the domain: move what both sides need into src/domain.',
          },
          {
            // The web app runs in the browser: it imports only the domain and itself (its unit tests
            // may use the web test helpers of test/web, as the server's tests use test/support).
            from: {
              element: { types: { anyOf: ['web', 'web-feature', 'web-shell'] } },
              file: { categories: { noneOf: ['test'] } },
            },
            disallow: {
              to: { element: { types: { anyOf: ['server', 'feature', 'storage', 'cli', 'test-support'] } } },
            },
            message: 'The web app (src/web) imports only src/domain and src/web.',
          },
          {
            // A screen never imports the shell (router, layout); shared parts live in components/ and lib/.
            from: { element: { type: 'web-feature' } },
            disallow: { to: { element: { type: 'web-shell' } } },
            message:
              'A screen does not import the shell (src/web/app): move what it needs into src/web/components or src/web/lib.',
          },
          {
            // A screen does not reach into another screen's folder.
            from: { element: { type: 'web-feature' } },
            disallow: {
              to: { element: { type: 'web-feature', captured: { name: '!{{ from.element.captured.name }}' } } },
            },
            message:
              'A screen does not import another screen’s files: move what both need into src/web/components or src/web/lib.',
          },
          {
            // A server feature does not reach into another feature.
            from: { element: { type: 'feature' } },
            disallow: { to: { element: { type: 'feature', captured: { name: '!{{ from.element.captured.name }}' } } } },
            message:
              'A feature does not import another feature’s internals: move what both need into a shared module of src/server.',
          },
          {
            // Storage and the shared server modules know no feature; only the app (app.ts) wires them in.
            from: {
              element: { types: { anyOf: ['storage', 'server'] } },
              file: { categories: { noneOf: ['test', 'composition-root'] } },
            },
            disallow: { to: { element: { type: 'feature' } } },
            message: 'Only src/server/app.ts imports the features; shared server code must not depend on one.',
          },
          {
            // Storage depends on nothing of the server above it (but may know where the package's files are).
            from: { element: { type: 'storage' } },
            disallow: {
              to: {
                element: { types: { anyOf: ['server', 'feature', 'cli', 'web', 'web-feature', 'web-shell'] } },
                file: { categories: { noneOf: ['package-paths'] } },
              },
            },
            message: 'Storage (src/server/db) imports only the domain and itself.',
          },
          {
            // Production code never imports test helpers or tests.
            from: { file: { categories: { noneOf: ['test'] } }, element: { types: { noneOf: ['test-support'] } } },
            disallow: { to: [{ element: { type: 'test-support' } }, { file: { categories: 'test' } }] },
            message: 'Production code does not import tests or test helpers (test/support).',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  architecture,
  {
    // The web app: the rules of hooks and the static accessibility rules (axe checks the rendered pages).
    files: ['src/web/**/*.tsx', 'src/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      // A wide table scrolls in a labelled region that takes focus, so that it can be scrolled by
      // keyboard (WCAG 2.1.1; axe's scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },
  {
    // Tests read the API's JSON answers as they come; asserting on them is the point.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
