import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock.ts'));

const { createFakeSession, createdWindows, resetElectronMock } = await import('./electron-mock.ts');
const { MAIN_WEB_PREFERENCES, createMainWindow, mainWebPreferences } = await import('../../../electron/main/window.ts');

beforeEach(resetElectronMock);

describe('MAIN_WEB_PREFERENCES', () => {
  it('equals the security baseline exactly', () => {
    expect(MAIN_WEB_PREFERENCES).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
    expect(Object.isFrozen(MAIN_WEB_PREFERENCES)).toBe(true);
  });

  it('enables devTools only when not packaged, and never lets the extras override the baseline', () => {
    const session = createFakeSession() as never;
    const packaged = mainWebPreferences({ session, preloadPath: '/p/preload.cjs', isPackaged: true });
    const unpackaged = mainWebPreferences({ session, preloadPath: '/p/preload.cjs', isPackaged: false });
    expect(packaged.devTools).toBe(false);
    expect(unpackaged.devTools).toBe(true);
    expect(packaged).toMatchObject(MAIN_WEB_PREFERENCES);
    expect(packaged.preload).toBe('/p/preload.cjs');
    expect(packaged.session).toBe(session);
    expect(Object.keys(packaged).sort()).toEqual([...Object.keys(MAIN_WEB_PREFERENCES), 'devTools', 'preload', 'session'].sort());
  });
});

describe('createMainWindow', () => {
  it('creates a hidden window with the baseline and loads app://citykpi/index.html', () => {
    const session = createFakeSession() as never;
    createMainWindow({ session, preloadPath: '/p/preload.cjs', isPackaged: true });
    expect(createdWindows).toHaveLength(1);
    const window = createdWindows[0]!;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toStrictEqual({
      ...MAIN_WEB_PREFERENCES,
      devTools: false,
      session,
      preload: '/p/preload.cjs',
    });
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://citykpi/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});
