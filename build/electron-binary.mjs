// Finding Electron's binary without triggering its implicit download (shared by `npm start` and `npm run smoke`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function executableName(electronPackage) {
  const pathFile = join(electronPackage, 'path.txt');
  return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
}

/** Same lookup as the electron package's index.js, minus its download. */
export function installedBinary(electronPackage) {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, executableName(electronPackage) ?? 'electron');
    return existsSync(binary) ? binary : null;
  }
  const name = executableName(electronPackage);
  if (name === null) return null;
  const binary = join(electronPackage, 'dist', name);
  return existsSync(binary) ? binary : null;
}

/** A binary that is present but cannot run here (missing system libraries, wrong architecture) fails this. */
export function runnable(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const probe = spawnSync(binary, ['--version'], { env, encoding: 'utf8', timeout: 20_000 });
  if (probe.error) return { reason: `it cannot run here: ${probe.error.message}` };
  if (probe.status !== 0) return { reason: `it cannot run here: "${binary} --version" exited with ${probe.status ?? probe.signal}` };
  return { binary };
}
