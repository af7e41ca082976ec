/**
 * Builds the Electron main process and the sandboxed preload into dist-electron/:
 *   main.cjs    – Node target, `electron` and Node built-ins external, zod bundled in;
 *   preload.cjs – ONE CommonJS file with only `electron` external (a sandboxed preload cannot load ESM
 *                 or require its own chunks).
 * Two separate environments so no chunk is ever shared between the two outputs.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist-electron', import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

function commonJsBundle(name: 'main' | 'preload', entry: string, external: readonly string[]): EnvironmentOptions {
  // main builds first and clears stale files; preload then adds its file next to it.
  const emptyOutDir = name === 'main';
  return {
    consumer: 'server',
    resolve: { conditions: ['node', 'import', 'default'], noExternal: true },
    build: {
      outDir,
      emptyOutDir,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { [name]: fileURLToPath(new URL(entry, import.meta.url)) },
        external: [...external],
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          codeSplitting: false,
        },
      },
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  environments: {
    main: commonJsBundle('main', './main/index.ts', ['electron', ...nodeBuiltins]),
    preload: commonJsBundle('preload', './preload/index.ts', ['electron']),
  },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.preload!);
    },
  },
});
