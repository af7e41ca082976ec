import { beforeEach, describe, expect, it, vi } from 'vitest';

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
    app.emit('second-instance');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });
});
