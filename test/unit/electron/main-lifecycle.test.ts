import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock.ts'));

const electronMock = await import('./electron-mock.ts');
const { app, createdWindows, holdReady, ipcHandlers, protocol, resetElectronMock, session } = electronMock;
const { CHANNELS } = await import('../../../electron/contract/channels.ts');
const { MAIN_WEB_PREFERENCES } = await import('../../../electron/main/window.ts');

beforeEach(() => {
  resetElectronMock();
  vi.resetModules();
});

async function loadMain(): Promise<void> {
  await import('../../../electron/main/index.ts');
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('electron/main/index.ts', () => {
  it('before ready: enables the sandbox, registers app:// and takes the single-instance lock', async () => {
    const release = holdReady();
    await loadMain();
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.listeners.has('web-contents-created')).toBe(true);
    expect(session.fromPartition).not.toHaveBeenCalled();
    expect(createdWindows).toHaveLength(0);
    release();
    await settle();
    expect(createdWindows).toHaveLength(1);
  });

  it('on ready: hardens the persistent partition, serves app://, registers IPC and opens the window', async () => {
    await loadMain();
    await settle();
    expect(session.fromPartition).toHaveBeenCalledWith('persist:citykpi');
    const appSession = session.fromPartition('persist:citykpi');
    expect(appSession.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(appSession.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
    expect(appSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(appSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());

    expect(createdWindows).toHaveLength(1);
    const preferences = createdWindows[0]!.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject(MAIN_WEB_PREFERENCES);
    expect(preferences.session).toBe(appSession);
    expect(preferences.preload).toMatch(/dist-electron[\\/]preload\.cjs$/);
    expect(preferences.devTools).toBe(true);
    expect(createdWindows[0]!.loadURL).toHaveBeenCalledWith('app://citykpi/index.html');
  });

  it('disables devTools in a packaged app', async () => {
    app.isPackaged = true;
    await loadMain();
    await settle();
    expect((createdWindows[0]!.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
  });

  it('a second instance quits at once and focuses the first one instead', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await loadMain();
    await settle();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(createdWindows).toHaveLength(0);
  });

  it('the first instance restores and focuses its window when a second one starts', async () => {
    await loadMain();
    await settle();
    const window = createdWindows[0]!;
    window.isMinimized.mockReturnValueOnce(true);
    app.emit('second-instance', {}, ['/opt/citykpi/citykpi'], '/home/user');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });
});

describe('.citykpi files the operating system opens', () => {
  const folder = mkdtempSync(join(tmpdir(), 'citykpi-opened-'));
  const write = (name: string, bytes: number[]) => {
    const path = join(folder, name);
    writeFileSync(path, new Uint8Array(bytes));
    return path;
  };
  const take = async () => {
    const window = createdWindows[0]!;
    const handler = ipcHandlers.get(CHANNELS.takeOpenedFile)!;
    return handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, undefined);
  };
  let argv: string[];
  beforeEach(() => {
    argv = process.argv;
  });
  afterEach(() => {
    process.argv = argv;
  });

  it('on Windows and Linux: a path on the command line is handed to the page once, then none', async () => {
    const path = write('Field Laptop.CITYKPI', [1, 2, 3]);
    process.argv = ['/opt/citykpi/citykpi', '--no-sandbox', path, '/home/user/notes.txt'];
    await loadMain();
    await settle();
    await expect(take()).resolves.toEqual({ ok: true, value: { name: 'Field Laptop.CITYKPI', bytes: new Uint8Array([1, 2, 3]) } });
    await expect(take()).resolves.toEqual({ ok: true, value: null });
  });

  it('while running: a second instance passes its file (relative to its folder) and the window comes forward', async () => {
    process.argv = ['/opt/citykpi/citykpi'];
    await loadMain();
    await settle();
    await expect(take()).resolves.toEqual({ ok: true, value: null });
    write('second.citykpi', [4]);
    app.emit('second-instance', {}, ['/opt/citykpi/citykpi', 'second.citykpi'], folder);
    expect(createdWindows[0]!.focus).toHaveBeenCalledOnce();
    await expect(take()).resolves.toEqual({ ok: true, value: { name: 'second.citykpi', bytes: new Uint8Array([4]) } });
  });

  it('on macOS: open-file before ready is kept for the page; other files are not taken; a vanished file is E_IO', async () => {
    process.argv = ['/Applications/CityKPI.app/Contents/MacOS/CityKPI'];
    const release = holdReady();
    app.isReady.mockReturnValue(false);
    await loadMain();
    const early = { preventDefault: vi.fn() };
    app.emit('open-file', early, write('early.citykpi', [5, 6]));
    expect(early.preventDefault).toHaveBeenCalledOnce();
    app.emit('open-file', { preventDefault: vi.fn() }, write('photo.jpg', [7]));
    app.emit('open-file', { preventDefault: vi.fn() }, join(folder, 'gone.citykpi'));
    expect(createdWindows).toHaveLength(0);
    app.isReady.mockReturnValue(true);
    release();
    await settle();
    expect(createdWindows).toHaveLength(1);
    await expect(take()).resolves.toEqual({ ok: true, value: { name: 'early.citykpi', bytes: new Uint8Array([5, 6]) } });
    await expect(take()).resolves.toEqual({ ok: false, code: 'E_IO' });
    await expect(take()).resolves.toEqual({ ok: true, value: null });
  });
});
