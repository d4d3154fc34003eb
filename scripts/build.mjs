// Bundles the server and CLI into dist/uppsikt.js (esbuild, well under a second) and the web
// application into dist/web (Vite). Type checking is `npm run typecheck`, kept out of the start
// path so that `npm start` is quick.
import { build } from 'esbuild';
import { build as buildWeb } from 'vite';

await build({
  // The PDF worker is a script of its own, next to the bundle (src/server/reports/pdf-render-pool.ts).
  entryPoints: { uppsikt: 'src/cli/main.ts', 'pdf-worker': 'src/server/reports/pdf-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

if (!process.argv.includes('--server-only')) {
  // Always React's production build, also when a test runner (NODE_ENV=test) asks for the build:
  // the browser journeys then test, and the benchmark measures, what users get.
  process.env.NODE_ENV = 'production';
  await buildWeb({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
