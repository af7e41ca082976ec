import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock.ts'));

const { createFakeSession, protocol, resetElectronMock } = await import('./electron-mock.ts');
const { createAppRequestHandler, mimeTypeOf, registerAppScheme, serveAppOnSession } = await import('../../../electron/main/protocol.ts');
const { PRODUCTION_CSP } = await import('../../../electron/contract/csp.ts');

let sandbox: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'citykpi-protocol-'));
  root = join(sandbox, 'dist', 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>CityKPI</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'noto.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(sandbox, 'dist', 'secret.txt'), 'SECRET');
  await writeFile(join(sandbox, 'secret.txt'), 'SECRET');
  serve = createAppRequestHandler(root);
});

afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

beforeEach(resetElectronMock);

/** `new Request` normalises URLs like Chromium does; a plain object keeps the raw string a hostile page might send. */
function rawRequest(url: string, method = 'GET'): Request {
  return { url, method } as Request;
}

async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(404);
  expect(response.headers.get('Content-Security-Policy')).toBe(PRODUCTION_CSP);
  expect(await response.text()).not.toContain('SECRET');
}

describe('app:// handler', () => {
  it('serves index.html with the CSP header and an HTML MIME type', async () => {
    const response = await serve(rawRequest('app://citykpi/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(PRODUCTION_CSP);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>CityKPI</title>');
  });

  it('sends the CSP of the inbox configured at the time of each request', async () => {
    let inbox: string | null = 'https://inbox.office.example';
    const withInbox = createAppRequestHandler(root, () => inbox);
    const { contentSecurityPolicy } = await import('../../../electron/contract/csp.ts');
    expect((await withInbox(rawRequest('app://citykpi/index.html'))).headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy(inbox));
    inbox = null;
    expect((await withInbox(rawRequest('app://citykpi/index.html'))).headers.get('Content-Security-Policy')).toBe(PRODUCTION_CSP);
  });

  it('serves / as index.html and assets with their MIME types', async () => {
    expect((await serve(rawRequest('app://citykpi/'))).status).toBe(200);
    const script = await serve(rawRequest('app://citykpi/assets/index-abc.js?v=2'));
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('Content-Security-Policy')).toBe(PRODUCTION_CSP);
    const font = await serve(rawRequest('app://citykpi/assets/noto.woff2'));
    expect(font.headers.get('Content-Type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it.each([
    'app://citykpi/../secret.txt',
    'app://citykpi/../../secret.txt',
    'app://citykpi/assets/../../secret.txt',
    'app://citykpi/%2e%2e/secret.txt',
    'app://citykpi/%2E%2E/%2e%2e/secret.txt',
    'app://citykpi/..%2fsecret.txt',
    'app://citykpi/..%5csecret.txt',
    'app://citykpi/..\\secret.txt',
    'app://citykpi/assets\\..\\..\\secret.txt',
    'app://citykpi//secret.txt',
    'app://citykpi/assets',
    'app://citykpi/missing.js',
    'app://other/index.html',
    'app://citykpi.evil/index.html',
    'https://citykpi/index.html',
    'file:///etc/passwd',
  ])('refuses %s with 404', async (url) => {
    await expectRefused(await serve(rawRequest(url)));
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'])('refuses %s', async (method) => {
    await expectRefused(await serve(rawRequest('app://citykpi/index.html', method)));
  });

  it('refuses traversal also after the URL parser has normalised it', async () => {
    await expectRefused(await serve(new Request('app://citykpi/x/../../secret.txt')));
  });

  it('maps unknown extensions to an opaque type', () => {
    expect(mimeTypeOf('/r/x.exe')).toBe('application/octet-stream');
    expect(mimeTypeOf('/r/x.SVG')).toBe('image/svg+xml');
  });
});

describe('scheme and session wiring', () => {
  it('registers app:// as a standard, secure scheme whose scripts V8 may cache', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('handles app:// on the given session and cancels every network request', () => {
    const session = createFakeSession();
    serveAppOnSession(session as never, root);
    expect(session.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const listener = session.webRequest.onBeforeRequest.mock.calls[0]![0] as (
      details: { url: string }, callback: (response: { cancel: boolean }) => void,
    ) => void;
    const decide = (url: string) => {
      const callback = vi.fn();
      listener({ url }, callback);
      return callback.mock.calls[0]![0];
    };
    for (const url of ['https://fonts.example/x.woff2', 'http://127.0.0.1/', 'ws://example.org/', 'wss://example.org/', 'file:///etc/passwd']) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
    expect(decide('app://citykpi/assets/index-abc.js')).toEqual({ cancel: false });
    expect(decide('data:image/png;base64,AA')).toEqual({ cancel: false });
  });
});
