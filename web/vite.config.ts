import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The dashboard builds into dist/web, which `belong serve` hands out beside /api. */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: { outDir: path.join(here, '..', 'dist', 'web'), emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/l': 'http://127.0.0.1:8080' } },
});
