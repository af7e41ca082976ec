#!/usr/bin/env node
// Entry point of the `citykpi` command: loads the TypeScript CLI through tsx, no build step.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

// A reader that closes the pipe early (`citykpi catalogue | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  const { runProcess } = await tsImport('../main.ts', {
    parentURL: import.meta.url,
    tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
  });
  process.exitCode = await runProcess(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`citykpi: E_INTERNAL: ${String(error?.message ?? error).replace(/\s+/g, ' ')}\n`);
  process.exitCode = 3;
}
