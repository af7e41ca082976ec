import { protocol, type Session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname, relative, resolve, isAbsolute } from 'node:path';
import { contentSecurityPolicy } from '../contract/csp.ts';
import { APP_SCHEME, isAllowedRendererRequest, resolveAppPath } from '../contract/policies.ts';

/**
 * Must run before the app's `ready` event: Chromium fixes scheme privileges at startup. `codeCache` keeps
 * V8's compiled scripts between starts, as Chromium does for http(s) only by default: on an old laptop,
 * compiling the app's JavaScript anew is a large share of every start.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The configured office inbox's origin, if any: the one place besides itself the page may connect to. */
export type InboxOrigin = () => string | null;

function securityHeaders(contentType: string, inboxOrigin: InboxOrigin): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(inboxOrigin()),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

function notFound(inboxOrigin: InboxOrigin): Response {
  return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8', inboxOrigin) });
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(resolve(root), resolve(path));
  return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
}

/** Serves the built renderer from `root` for GET requests to app://citykpi only; 404 for anything else. */
export function createAppRequestHandler(root: string, inboxOrigin: InboxOrigin = () => null): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return notFound(inboxOrigin);
    const path = resolveAppPath(root, request.url);
    if (path === null || !isInside(root, path)) return notFound(inboxOrigin);
    try {
      if (!(await stat(path)).isFile()) return notFound(inboxOrigin);
      const body = await readFile(path);
      return new Response(new Uint8Array(body), { status: 200, headers: securityHeaders(mimeTypeOf(path), inboxOrigin) });
    } catch {
      return notFound(inboxOrigin);
    }
  };
}

/** Our session serves app:// from the renderer build and cancels every network request the page makes. */
export function serveAppOnSession(session: Session, rendererRoot: string, inboxOrigin: InboxOrigin = () => null): void {
  session.protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot, inboxOrigin));
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRendererRequest(details.url, inboxOrigin()) });
  });
}
