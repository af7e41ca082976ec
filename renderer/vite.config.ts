import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import packageJson from '../package.json' with { type: 'json' };

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the same build is served from app:// in Electron and from any path on the web.
  base: './',
  plugins: [react()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(packageJson.version) },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    // Fonts and locale chunks must ship as files next to the page; nothing is fetched from a network.
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // locales/ and core/ live outside renderer/.
    fs: { allow: [repoRoot] },
  },
  preview: { host: '127.0.0.1' },
});
