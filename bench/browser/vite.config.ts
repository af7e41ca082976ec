import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The benchmark page: core, the data layer and the peers, built like the app (production mode, same target). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    chunkSizeWarningLimit: 4000,
  },
  // PouchDB's browser build still names Node's `global` and `events`.
  define: { global: 'globalThis' },
  resolve: { alias: { events: 'events/events.js' } },
});
