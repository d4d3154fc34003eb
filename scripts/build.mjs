// Bundles the server and CLI into dist/uppsikt.js (esbuild, well under a second) and the web
// application into dist/web (Vite). Type checking is `npm run typecheck`, kept out of the start
// path so that `npm start` is quick.
import { build } from 'esbuild';
import { build as buildWeb } from 'vite';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/uppsikt.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

if (!process.argv.includes('--server-only')) {
  await buildWeb({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
