// The web form of `npm start`: serves the production renderer build (dist/renderer) with `vite preview`
// on 127.0.0.1, under the desktop shell's CSP (renderer/vite.config.ts sends it as a header), prints the
// address and opens the default browser. The port is fixed because the data lives in the browser's
// IndexedDB for that exact address: another port would look like an empty CityKPI.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT_PORT = 5317;
const STARTUP_TIMEOUT_MS = 30_000;

/** Whatever answers on the address is CityKPI's own build (e.g. a second `npm start`). */
async function citykpiAnswers(address) {
  try {
    const response = await fetch(address, { signal: AbortSignal.timeout(2_000) });
    return response.ok && /<title>CityKPI<\/title>/.test(await response.text());
  } catch {
    return false;
  }
}

async function somethingListens(address) {
  try {
    await fetch(address, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/** The platform's "open with the default application" command; absent or failing, the printed address is enough. */
function openBrowser(address) {
  if (process.env.CITYKPI_NO_BROWSER === '1') return;
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', address]]
    : process.platform === 'darwin' ? ['open', [address]]
    : ['xdg-open', [address]];
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    opener.on('error', () => {});
    opener.unref();
  } catch {
    // no opener on this machine: the address is printed
  }
}

function announce(address) {
  console.log(`CityKPI is running at ${address}`);
  console.error('Open that address in a web browser on this computer. Press Ctrl+C here to stop CityKPI.');
  openBrowser(address);
}

async function waitUntilServing(address, server) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline && server.exitCode === null) {
    if (await citykpiAnswers(address)) return true;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return false;
}

function fail(message) {
  console.error(`CityKPI: ${message}`);
  process.exit(1);
}

export async function startWeb(root) {
  const port = Number(process.env.CITYKPI_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) fail(`CITYKPI_PORT must be a port number, not "${process.env.CITYKPI_PORT}"`);
  const address = `http://127.0.0.1:${port}/`;
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) fail('the renderer is not built (dist/renderer/index.html is missing)');

  if (await citykpiAnswers(address)) {
    console.error('CityKPI: already running in another terminal.');
    announce(address);
    return;
  }
  if (await somethingListens(address)) fail(`port ${port} is used by another program; choose another with CITYKPI_PORT=<port> npm start`);

  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const server = spawn(
    process.execPath,
    [vite, 'preview', '--config', 'renderer/vite.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  let stopping = false;
  const stop = () => {
    stopping = true;
    server.kill('SIGTERM');
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
  server.on('exit', (code) => process.exit(stopping ? 0 : (code ?? 1)));

  if (!(await waitUntilServing(address, server))) {
    server.kill('SIGKILL');
    fail(`the web server did not start on ${address}:\n${log}`);
  }
  announce(address);
}
