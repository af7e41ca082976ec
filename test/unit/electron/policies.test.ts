import { describe, expect, it } from 'vitest';
import { PRODUCTION_CSP } from '../../../electron/contract/csp.ts';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  isAllowedRendererRequest,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  resolveAppPath,
} from '../../../electron/contract/policies.ts';

describe('isAppUrl', () => {
  it('accepts the app origin and its paths', () => {
    expect(APP_ORIGIN).toBe('app://citykpi');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://citykpi')).toBe(true);
    expect(isAppUrl('app://citykpi/assets/index-abc.js?x=1#top')).toBe(true);
  });

  it.each([
    'https://citykpi/index.html',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://citykpi.evil.com/',
    'app://citykpi:8080/',
    'app://user@citykpi/',
    'app://user:pw@citykpi/',
    'app:citykpi/index.html',
    'javascript:alert(1)',
    'appx://citykpi/',
    ' ',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(new URL(APP_ENTRY_URL))).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts https links', () => {
    expect(isSafeExternalUrl('https://u4ssc.itu.int/kpis?lang=fr')).toBe(true);
  });

  it.each([
    'http://example.org/',
    'file:///C:/Windows/system32/calc.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'app://citykpi/index.html',
    'https://user:secret@example.org/',
    'mailto:someone@example.org',
    'not a url',
    `https://example.org/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isSafeExternalUrl(42)).toBe(false);
  });
});

describe('isAllowedRendererRequest', () => {
  it('allows the app origin, data and blob URLs', () => {
    expect(isAllowedRendererRequest('app://citykpi/assets/a.js')).toBe(true);
    expect(isAllowedRendererRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRendererRequest('blob:app://citykpi/1b2c')).toBe(true);
  });

  it.each(['https://example.org/', 'http://127.0.0.1:8080/', 'ws://example.org/', 'wss://example.org/', 'ftp://x/', 'file:///etc/passwd', 'app://other/'])(
    'cancels %s',
    (url) => {
      expect(isAllowedRendererRequest(url)).toBe(false);
    },
  );
});

describe('resolveAppPath', () => {
  const root = '/opt/citykpi/dist/renderer';

  it('maps app paths under the root', () => {
    expect(resolveAppPath(root, 'app://citykpi/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, 'app://citykpi/')).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, 'app://citykpi')).toBe(`${root}/index.html`);
    expect(resolveAppPath(`${root}/`, 'app://citykpi/assets/a%20b.js?v=1#x')).toBe(`${root}/assets/a b.js`);
    expect(resolveAppPath('C:\\CityKPI\\dist\\renderer\\', 'app://citykpi/fonts/x.woff2')).toBe('C:\\CityKPI\\dist\\renderer/fonts/x.woff2');
  });

  it.each([
    'app://citykpi/../etc/passwd',
    'app://citykpi/assets/../../etc/passwd',
    'app://citykpi/./index.html',
    'app://citykpi/%2e%2e/etc/passwd',
    'app://citykpi/%2E%2E/%2E%2E/etc/passwd',
    'app://citykpi/.%2e/secret',
    'app://citykpi/assets%2f..%2f..%2fsecret',
    'app://citykpi/..%5c..%5csecret',
    'app://citykpi/..\\..\\secret',
    'app://citykpi/assets\\app.js',
    'app://citykpi//etc/passwd',
    'app://citykpi/C:/Windows/win.ini',
    'app://citykpi/c%3a/Windows/win.ini',
    'app://citykpi/index.html%00.png',
    'app://citykpi/%ff',
    'app://citykpi/assets/',
    'app://other/index.html',
    'app://citykpi:1/index.html',
    'https://citykpi/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('refuses an empty root', () => {
    expect(resolveAppPath('', 'app://citykpi/index.html')).toBeNull();
  });
});

describe('permission table', () => {
  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'hid', 'usb', 'serial', 'midi', 'openExternal', 'fullscreen', 'unknown'])(
    'denies %s even to the app origin',
    (permission) => {
      expect(isPermissionAllowed(permission, APP_ORIGIN)).toBe(false);
      expect(isPermissionAllowed(permission, APP_ENTRY_URL)).toBe(false);
    },
  );

  it('allows clipboard writing to the app origin only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.org')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });
});

describe('PRODUCTION_CSP', () => {
  it('loads nothing from outside the app', () => {
    const directives = Object.fromEntries(
      PRODUCTION_CSP.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'worker-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });
});
