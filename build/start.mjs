// `npm start`: build and run the desktop app. Where Electron's binary cannot run (not installed and
// not downloadable on this Node, or broken), CityKPI starts anyway: the production renderer build is
// served on 127.0.0.1 with the same CSP as the desktop shell, and the default browser opens it.
// Never triggers a download on a Node that Electron's installer does not support (it would fail anyway).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBinary, runnable } from './electron-binary.mjs';
import { startWeb } from './start-web.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronPackage = join(root, 'node_modules', 'electron');
/** electron@45's installer declares engines.node >= 22.12.0. */
const DOWNLOAD_NEEDS_NODE = [22, 12];
const skipBuild = process.env.CITYKPI_START_SKIP_BUILD === '1';

function nodeCanDownload() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const [needMajor, needMinor] = DOWNLOAD_NEEDS_NODE;
  return major > needMajor || (major === needMajor && minor >= needMinor);
}

/** `{ binary }` when Electron can be launched, otherwise `{ reason }` saying why not. */
function resolveElectron() {
  const found = installedBinary(electronPackage);
  if (found) return runnable(found);
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return { reason: 'nothing runnable in ELECTRON_OVERRIDE_DIST_PATH' };
  if (!existsSync(join(electronPackage, 'install.js'))) return { reason: 'the electron package is not installed' };
  if (!nodeCanDownload()) {
    return { reason: `not installed, and downloading it needs Node ${DOWNLOAD_NEEDS_NODE.join('.')}+, this is Node ${process.versions.node}` };
  }
  const download = spawnSync(process.execPath, [join(electronPackage, 'install.js')], { cwd: electronPackage, stdio: 'pipe' });
  const downloaded = download.status === 0 ? installedBinary(electronPackage) : null;
  return downloaded ? runnable(downloaded) : { reason: 'its download failed' };
}

function build(config) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // Build output goes to stderr so stdout carries only what the user needs: the address.
  const result = spawnSync(process.execPath, [vite, 'build', '--config', config], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function fallBackToWeb(reason) {
  console.error(`CityKPI: Electron's binary is not available (${reason}); starting CityKPI in your web browser instead.`);
  if (!skipBuild) build('renderer/vite.config.ts');
  startWeb(root);
}

const electron = resolveElectron();
if (!electron.binary) {
  fallBackToWeb(electron.reason);
} else {
  if (!skipBuild) {
    build('renderer/vite.config.ts');
    build('electron/vite.config.ts');
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(electron.binary, ['.'], { cwd: root, stdio: 'inherit', env });
  app.on('error', (error) => fallBackToWeb(`it failed to start: ${error.message}`));
  app.on('exit', (code, signal) => {
    if (code !== null || signal) process.exit(code ?? 1);
  });
}
