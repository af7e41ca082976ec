#!/usr/bin/env node
// Entry point of the `citykpi` command: runs the prebuilt module (`npm run build:cli`, also run by
// `npm install`) when it is up to date with the sources, else loads the TypeScript sources through tsx.
import { fileURLToPath } from 'node:url';
import { isBuildFresh } from './fresh-build.mjs';

// A reader that closes the pipe early (`citykpi catalogue | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const at = (relative) => fileURLToPath(new URL(relative, import.meta.url));

async function loadCli() {
  const built = at('../../dist/cli/main.mjs');
  if (isBuildFresh(built, [at('..'), at('../../core'), at('../../package.json')])) return import(built);
  const { tsImport } = await import('tsx/esm/api');
  return tsImport('../main.ts', { parentURL: import.meta.url, tsconfig: at('../../tsconfig.json') });
}

try {
  const { runProcess } = await loadCli();
  process.exitCode = await runProcess(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`citykpi: E_INTERNAL: ${String(error?.message ?? error).replace(/\s+/g, ' ')}\n`);
  process.exitCode = 3;
}
