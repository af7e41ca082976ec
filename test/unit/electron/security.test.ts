import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock.ts'));

const { FakeEmitter, FakeWebContents, app, createFakeSession, resetElectronMock, shell } = await import('./electron-mock.ts');
const { hardenSession, hardenAllWebContents, hardenWebContents, openExternalSafely } = await import('../../../electron/main/security.ts');

beforeEach(resetElectronMock);

type PermissionName = Parameters<Parameters<import('electron').Session['setPermissionCheckHandler']>[0] & object>[1];

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

function hardened() {
  const contents = new FakeWebContents();
  hardenWebContents(contents as never, shell);
  return contents;
}

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to another origin is prevented', (eventName) => {
    const contents = hardened();
    for (const url of ['https://evil.example/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)']) {
      const event = navigationEvent(url);
      contents.emit(eventName, event);
      expect(event.preventDefault, url).toHaveBeenCalledOnce();
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s inside the app is allowed', (eventName) => {
    const contents = hardened();
    const event = navigationEvent('app://citykpi/index.html');
    contents.emit(eventName, event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents attaching a webview', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('window.open', () => {
  function openHandler() {
    const contents = hardened();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    return contents.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => { action: string };
  }

  it('is always denied; https links go to the system browser', () => {
    const handler = openHandler();
    expect(handler({ url: 'https://u4ssc.itu.int/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://u4ssc.itu.int/');
  });

  it.each(['app://citykpi/index.html', 'http://example.org/', 'file:///etc/passwd', 'smb://host/share', 'javascript:1'])(
    'denies %s without opening anything',
    (url) => {
      const handler = openHandler();
      expect(handler({ url })).toEqual({ action: 'deny' });
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('openExternalSafely refuses non-strings', () => {
    expect(openExternalSafely(shell, { toString: () => 'https://x.org' })).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('hardenAllWebContents', () => {
  it('hardens every webContents the app creates', () => {
    hardenAllWebContents(app as never, shell);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const event = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.listeners.has('will-attach-webview')).toBe(true);
  });
});

const ALL_PERMISSIONS = [
  'ar', 'automatic-fullscreen', 'background-fetch', 'background-sync', 'captured-surface-control', 'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read', 'display-capture', 'fileSystem', 'fullscreen', 'geolocation',
  'geolocation-approximate', 'hand-tracking', 'hid', 'idle-detection', 'keyboardLock', 'local-fonts', 'local-network',
  'local-network-access', 'loopback-network', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'nfc', 'notifications',
  'openExternal', 'payment-handler', 'periodic-background-sync', 'persistent-storage', 'pointerLock',
  'screen-wake-lock', 'sensors', 'serial', 'smart-card', 'speaker-selection', 'storage-access', 'system-wake-lock',
  'top-level-storage-access', 'usb', 'vr', 'web-app-installation', 'web-printing', 'window-management', 'unknown',
] as const satisfies readonly PermissionName[];
// Fails to compile when an Electron upgrade adds a permission this list does not cover yet.
const coversEveryPermission: [Exclude<PermissionName, (typeof ALL_PERMISSIONS)[number]>] extends [never] ? true : false = true;

describe('permissions', () => {
  it('covers every permission Electron knows', () => {
    expect(coversEveryPermission).toBe(true);
  });

  function handlers() {
    const session = createFakeSession();
    hardenSession(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string },
    ) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (contents: unknown, permission: string, origin: string) => boolean;
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (details: unknown) => boolean;
    return { request, check, device };
  }

  function requestResult(request: ReturnType<typeof handlers>['request'], permission: string, requestingUrl: string): boolean {
    const callback = vi.fn();
    request(new FakeEmitter(), permission, callback, { requestingUrl });
    expect(callback).toHaveBeenCalledOnce();
    return callback.mock.calls[0]![0] as boolean;
  }

  it.each(ALL_PERMISSIONS.filter((permission) => permission !== 'clipboard-sanitized-write'))(
    'denies %s on request and on check, even to the app',
    (permission) => {
      const { request, check } = handlers();
      expect(requestResult(request, permission, 'app://citykpi/index.html')).toBe(false);
      expect(check(null, permission, 'app://citykpi')).toBe(false);
      expect(requestResult(request, permission, 'https://evil.example/')).toBe(false);
      expect(check(null, permission, 'https://evil.example')).toBe(false);
    },
  );

  it('allows only clipboard writing, and only to the app origin', () => {
    const { request, check } = handlers();
    expect(requestResult(request, 'clipboard-sanitized-write', 'app://citykpi/index.html')).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'app://citykpi')).toBe(true);
    expect(requestResult(request, 'clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  it('turns the spellchecker off so no dictionary is downloaded', () => {
    const session = createFakeSession();
    hardenSession(session as never);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('denies every HID, USB and serial device', () => {
    expect(handlers().device({ deviceType: 'usb', origin: 'app://citykpi' })).toBe(false);
  });
});
