import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import packageJson from '../package.json' with { type: 'json' };
import { PRODUCTION_CSP } from '../electron/contract/csp.ts';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The built page carries the production CSP as a <meta> too, so web mode and the e2e tests run under the
 * same policy Electron sends as a header. frame-ancestors is header-only, so it is left out here.
 */
function productionCspMeta(): Plugin {
  const policy = PRODUCTION_CSP.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'citykpi-production-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the same build is served from app:// in Electron and from any path on the web.
  base: './',
  plugins: [react(), productionCspMeta()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(packageJson.version) },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    // Fonts ship as files next to the page: the CSP's font-src 'self' refuses data: URLs.
    assetsInlineLimit: 0,
    // Chunks load from the local disk (app:// or 127.0.0.1), never over a network; the data chunk
    // carries Dexie, the catalogue and the age/Ed25519 code the automatic backups need.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // locales/ and core/ live outside renderer/.
    fs: { allow: [repoRoot] },
  },
  // The served build gets the whole policy as a header too, as app:// does (frame-ancestors included).
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': PRODUCTION_CSP } },
});
