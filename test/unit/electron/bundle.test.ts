import { builtinModules } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFunction } from 'node:vm';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electronMock from './electron-mock.ts';
import { CHANNELS } from '../../../electron/contract/channels.ts';

// window.ts imports electron; the real package would try to download its binary.
vi.mock('electron', () => import('./electron-mock.ts'));
const { MAIN_WEB_PREFERENCES } = await import('../../../electron/main/window.ts');

const { contextBridge, createdWindows, ipcHandlers, protocol, resetElectronMock } = electronMock;
const configFile = fileURLToPath(new URL('../../../electron/vite.config.ts', import.meta.url));
const nodeRequire = createRequire(import.meta.url);
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'citykpi-electron-bundle-'));
  const builder = await createBuilder({
    configFile,
    logLevel: 'silent',
    environments: { main: { build: { outDir } }, preload: { build: { outDir } } },
  });
  await builder.buildApp();
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

beforeEach(resetElectronMock);

/** Runs a CommonJS bundle with a `require` that only knows the modules it is allowed to load. */
async function runCommonJs(file: string, allow: (specifier: string) => boolean): Promise<void> {
  const code = await readFile(join(outDir, file), 'utf8');
  const module = { exports: {} };
  const require = (specifier: string): unknown => {
    if (!allow(specifier)) throw new Error(`bundle requires ${specifier}`);
    return specifier === 'electron' ? electronMock : nodeRequire(specifier);
  };
  compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'])(module.exports, require, module, join(outDir, file), outDir);
}

describe('dist-electron bundles', () => {
  it('preload.cjs is one CommonJS file needing nothing but electron, and exposes the Bridge', async () => {
    await runCommonJs('preload.cjs', (specifier) => specifier === 'electron');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('citykpi');
    expect(Object.keys(api).sort()).toEqual(Object.keys(CHANNELS).sort());
  });

  it('preload.cjs carries no zod: schemas stay in main', async () => {
    const code = await readFile(join(outDir, 'preload.cjs'), 'utf8');
    expect(code).not.toMatch(/zod/i);
    expect(code.length).toBeLessThan(8_000);
  });

  it('main.cjs needs only electron and Node built-ins, and starts the secure window', async () => {
    await runCommonJs('main.cjs', (specifier) => specifier === 'electron' || builtins.has(specifier));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(createdWindows).toHaveLength(1);
    expect(createdWindows[0]!.options.webPreferences).toMatchObject(MAIN_WEB_PREFERENCES);
    expect(createdWindows[0]!.loadURL).toHaveBeenCalledWith('app://citykpi/index.html');
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());

    const window = createdWindows[0]!;
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const seal = ipcHandlers.get(CHANNELS.sealSecret)!;
    await expect(seal(event, 'not bytes')).resolves.toEqual({ ok: false, code: 'E_INVALID_REQUEST' });
    const sealed = (await seal(event, new Uint8Array([1, 2, 3]))) as { ok: boolean };
    expect(sealed.ok).toBe(true);
  });
});
