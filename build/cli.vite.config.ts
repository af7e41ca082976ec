import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The `citykpi` command as one prebuilt ES module, so a run does not transpile the TypeScript sources
 * first (cli/bin/citykpi.mjs falls back to them when this build is missing or older than a source).
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  build: {
    ssr: 'cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
  },
  ssr: { noExternal: true, target: 'node' },
});
