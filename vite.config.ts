import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web application is built into dist/web and served by the Uppsikt server at /.
// `npm run dev:web` serves it with hot reload and passes /api on to a server on port 3000.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
