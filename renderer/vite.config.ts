import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import packageJson from '../package.json' with { type: 'json' };
import { PAGE_META_CSP, PRODUCTION_CSP, contentSecurityPolicy } from '../electron/contract/csp.ts';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The built page carries the CSP as a <meta> too (electron/contract/csp.ts: the same policy, with the
 * outer bound of any office inbox as connect-src), so web mode and the e2e tests run under it; the
 * header Electron and the preview send narrows connect-src to the one configured inbox.
 */
function productionCspMeta(): Plugin {
  const policy = PAGE_META_CSP;
  return {
    name: 'citykpi-production-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

const LOCALE_FILE = /\/locales\/([^/]+)\/[^/]+\.json$/;

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
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A language's namespaces load together (i18n/resources.ts asks for each): one file, not 24
          // requests queued six at a time behind the browser's per-host limit before the first render.
          groups: [
            {
              name: (moduleId) => {
                const language = LOCALE_FILE.exec(moduleId)?.[1];
                return language ? `locale-${language}` : null;
              },
            },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // locales/ and core/ live outside renderer/.
    fs: { allow: [repoRoot] },
  },
  // The served build gets the whole policy as a header too, as app:// does (frame-ancestors included).
  // The e2e run names the one office inbox its "Send to office" test talks to (test/e2e/support/global-setup.ts).
  preview: {
    host: '127.0.0.1',
    headers: { 'Content-Security-Policy': process.env.CITYKPI_E2E_INBOX_ORIGIN ? contentSecurityPolicy(process.env.CITYKPI_E2E_INBOX_ORIGIN) : PRODUCTION_CSP },
  },
});
