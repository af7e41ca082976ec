// `npm start`: build the renderer and the Electron bundles, then run the desktop app.
// Where Electron's binary cannot be had, say so in ONE line that points to `npm run web`, and exit 1.
// Never triggers a download on a Node that Electron's installer does not support (it would fail anyway).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronPackage = join(root, 'node_modules', 'electron');
/** electron@45's installer declares engines.node >= 22.12.0. */
const DOWNLOAD_NEEDS_NODE = [22, 12];

function unavailable(reason) {
  console.error(`CityKPI: Electron's binary is not available (${reason}); run "npm run web" to use CityKPI in a browser instead.`);
  process.exit(1);
}

function executableName() {
  const pathFile = join(electronPackage, 'path.txt');
  return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
}

/** Same lookup as the electron package's index.js, minus its implicit download. */
function installedBinary() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, executableName() ?? 'electron');
    return existsSync(binary) ? binary : null;
  }
  const name = executableName();
  if (name === null) return null;
  const binary = join(electronPackage, 'dist', name);
  return existsSync(binary) ? binary : null;
}

function nodeCanDownload() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const [needMajor, needMinor] = DOWNLOAD_NEEDS_NODE;
  return major > needMajor || (major === needMajor && minor >= needMinor);
}

function resolveElectron() {
  const found = installedBinary();
  if (found) return found;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) unavailable('nothing runnable in ELECTRON_OVERRIDE_DIST_PATH');
  if (!existsSync(join(electronPackage, 'install.js'))) unavailable('the electron package is not installed');
  if (!nodeCanDownload()) {
    unavailable(`not installed, and downloading it needs Node ${DOWNLOAD_NEEDS_NODE.join('.')}+, this is Node ${process.versions.node}`);
  }
  const download = spawnSync(process.execPath, [join(electronPackage, 'install.js')], { cwd: electronPackage, stdio: 'pipe' });
  const downloaded = download.status === 0 ? installedBinary() : null;
  return downloaded ?? unavailable('its download failed');
}

function build(config) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', config], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = resolveElectron();
if (process.env.CITYKPI_START_SKIP_BUILD !== '1') {
  build('renderer/vite.config.ts');
  build('electron/vite.config.ts');
}
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const app = spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env });
app.on('error', (error) => unavailable(`it failed to start: ${error.message}`));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
