// Whether the prebuilt CLI (dist/cli/main.mjs) still matches the sources: it must exist and be newer
// than every file under the given roots. A stale build would run yesterday's code, so it is skipped.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtimeMs(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  }
  return newest;
}

export function isBuildFresh(builtFile, sourceRoots) {
  let builtMs;
  try {
    builtMs = statSync(builtFile).mtimeMs;
  } catch {
    return false;
  }
  return sourceRoots.every((root) => newestMtimeMs(root) <= builtMs);
}
