/** A small static file server for the benchmark: URL prefixes mapped to folders, nothing outside them. */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function serveStatic(mounts: Readonly<Record<string, string>>) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const prefix = prefixes.find((candidate) => path.startsWith(candidate));
    const root = prefix === undefined ? undefined : mounts[prefix];
    if (prefix === undefined || root === undefined) return notFound(response);
    const relative = normalize(path.slice(prefix.length) || 'index.html');
    const file = join(root, relative.endsWith(sep) ? `${relative}index.html` : relative);
    if (!file.startsWith(root + sep) && file !== root) return notFound(response);
    try {
      if (!statSync(file).isFile()) return notFound(response);
    } catch {
      return notFound(response);
    }
    // Chromium keeps compiled scripts (V8's code cache) only for cacheable responses; the installed app keeps
    // them for app:// (electron/main/protocol.ts), so the app's content-hashed files are served as a build
    // would deploy them, and the benchmark's starts compile as the app's do.
    const caching = path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': caching });
    createReadStream(file).pipe(response);
  };
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
}
