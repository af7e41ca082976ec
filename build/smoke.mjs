// `npm run smoke`: launches the real desktop app (playwright-core's Electron support) and checks what only
// a real Electron can show: the page loads from app://, the CSP header, an IPC round trip, saving a file,
// writing a backup and safeStorage. Where Electron's binary is missing it says so and exits with 2.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedBinary, runnable } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const found = installedBinary(join(root, 'node_modules', 'electron'));
const electron = found ? runnable(found) : { reason: 'it is not installed (npm start downloads it on Node 22.12 or newer)' };
if (!electron.binary) {
  console.error(
    `CityKPI smoke test: cannot run here, Electron's binary is not available (${electron.reason}). ` +
      'Run "npm run smoke" on a machine where "npm start" opens the desktop window (docs/release-checklist.md).',
  );
  process.exit(2);
}

const { _electron } = await import('playwright-core');
const scratch = mkdtempSync(join(tmpdir(), 'citykpi-smoke-'));
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
};
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const app = await _electron.launch({ executablePath: electron.binary, args: [root, `--user-data-dir=${join(scratch, 'profile')}`], cwd: root, env });
try {
  const page = await app.firstWindow();
  await page.waitForLoadState('load');
  check('the page loads from app://', page.url().startsWith('app://'), page.url());
  const policy = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  check('the CSP header is sent', typeof policy === 'string' && policy.includes("default-src 'none'") && policy.includes("frame-ancestors 'none'"), policy ?? 'none');
  const info = await page.evaluate(() => window.citykpi.appInfo());
  check('IPC round trip (appInfo)', info.shell === 'electron', JSON.stringify(info));

  const target = join(scratch, 'saved.citykpi');
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = async () => ({ canceled: false, filePath: path });
  }, target);
  const saved = await page.evaluate(() => window.citykpi.saveFile({ suggestedName: 'smoke.citykpi', bytes: new Uint8Array([1, 2, 3]), filters: [] }));
  check('saving a file', saved.ok && readFileSync(target).equals(Buffer.from([1, 2, 3])), JSON.stringify(saved));

  const backup = await page.evaluate(() => window.citykpi.writeBackup({ label: 'smoke', bytes: new Uint8Array([4, 5, 6]) }));
  check('writing a backup', backup.ok, JSON.stringify(backup));

  const sealed = await page.evaluate(async () => {
    const plain = new TextEncoder().encode('smoke secret');
    const seal = await window.citykpi.sealSecret(plain);
    if (!seal.ok) return { sealed: false, code: seal.code };
    const open = await window.citykpi.unsealSecret(seal.value);
    return { sealed: true, roundTrip: open.ok && new TextDecoder().decode(open.value) === 'smoke secret' };
  });
  check('safeStorage seals and unseals', sealed.sealed ? sealed.roundTrip : false, JSON.stringify(sealed));
} finally {
  await app.close();
  rmSync(scratch, { recursive: true, force: true });
}
const failed = results.filter((ok) => !ok).length;
console.log(`CityKPI smoke test: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
