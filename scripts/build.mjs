// Bundles the server and CLI into dist/uppsikt.js. esbuild takes well under a second; type
// checking is `npm run typecheck`, kept out of the start path so that `npm start` is quick.
import { build } from 'esbuild';

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
