/**
 * The office's bundle inbox over HTTP (Node's http, no framework). It keeps no state of its own: every
 * decision is a PostgreSQL row or constraint, so any number of these processes can share one database.
 *
 *   POST /v1/bundles   body: the .citykpi file as sent by the laptop
 *     200  body: the office-signed receipt (the same bytes for the same bundle, however often sent)
 *     4xx/5xx  body: {"error": {"code": "E_…", "message": "…"}}, the codes of the citykpi CLI
 *   GET  /v1/health    200 {"status":"ok"} when the database answers
 *
 * Logs are one line per request: method, path, status, code, bundle id, signer fingerprint, size and
 * time. Never a body, a key or the database URL.
 */
import { type IncomingMessage, type ServerResponse, createServer, type Server } from 'node:http';
import { isBundleError } from '../../core/bundle/index.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { InputError } from '../io.ts';
import { type Pool, isDatabaseFailure, withClient } from './database.ts';
import { type OfficeKeys, decodeForOffice, ingestDecoded } from './ingest.ts';

export interface InboxOptions {
  readonly pool: Pool;
  readonly keys: OfficeKeys;
  readonly maxUploadBytes: number;
  readonly uploadsPerHour: number;
  readonly log: (line: string) => void;
}

export const RECEIPT_MEDIA_TYPE = 'application/vnd.citykpi.receipt';

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** Which HTTP status each refusal code gets; any other bundle code is a bad request. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  E_TOO_LARGE: 413,
  E_UNKNOWN_SIGNER: 403,
  E_WORKSHOP_RULE: 422,
  E_RATE_LIMITED: 429,
  E_NOT_FOUND: 404,
  E_METHOD: 405,
  E_DATABASE: 503,
  E_INTERNAL: 500,
};

/**
 * Laptops send from the app's own origin (app://citykpi, or a local page in web mode). Nothing is
 * authorised by origin or cookie here: a bundle is accepted for its signature alone, so any origin may post.
 */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Expose-Headers': 'X-CityKPI-Outcome',
  'Access-Control-Max-Age': '600',
};

/**
 * The body, up to maxBytes. A larger one is read to its end and thrown away before the refusal is
 * sent, so the client sees the answer instead of a broken pipe; past 4 × maxBytes the connection is cut.
 */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new HttpRefusal(413, 'E_TOO_LARGE', `uploads are limited to ${maxBytes} bytes`);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = Number(request.headers['content-length'] ?? 0) > maxBytes;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) refused = true;
      if (size > 4 * maxBytes) request.destroy();
      if (!refused) chunks.push(chunk);
    });
    request.on('end', () => (refused ? reject(tooLarge()) : resolve(new Uint8Array(Buffer.concat(chunks)))));
    request.on('error', reject);
  });
}

/** Counts this upload against the device's hour; the row is shared by every server process. */
async function countUpload(pool: Pool, signerKey: string, limit: number): Promise<void> {
  const uploads = await withClient(pool, async (client) => {
    const { rows } = await client.query<{ uploads: number; retry_after: number }>(
      `INSERT INTO upload_counts (signer_key, hour, uploads) VALUES ($1, date_trunc('hour', now()), 1)
       ON CONFLICT (signer_key, hour) DO UPDATE SET uploads = upload_counts.uploads + 1
       RETURNING uploads, ceil(extract(epoch FROM date_trunc('hour', now()) + interval '1 hour' - now()))::integer AS retry_after`,
      [signerKey],
    );
    return rows[0]!;
  });
  if (uploads.uploads > limit) {
    throw new HttpRefusal(429, 'E_RATE_LIMITED', `this device has sent ${limit} bundles this hour; try again later`, {
      'Retry-After': String(Math.max(1, uploads.retry_after)),
    });
  }
}

interface Handled {
  readonly status: number;
  readonly body: Uint8Array | string;
  readonly contentType: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly note: string;
}

async function acceptBundle(request: IncomingMessage, options: InboxOptions): Promise<Handled> {
  const bytes = await readBody(request, options.maxUploadBytes);
  const decoded = await decodeForOffice(bytes, options.keys);
  const note = `bundle=${decoded.manifest.bundleId} signer=${decoded.signer.fingerprint} bytes=${bytes.length}`;
  await countUpload(options.pool, toBase64Url(decoded.signer.publicKey), options.uploadsPerHour);
  const outcome = await withClient(options.pool, (client) => ingestDecoded(client, bytes, decoded, options.keys));
  if (outcome.status === 'quarantined') {
    const who = outcome.signerEnrolled ? 'this bundle relays edits from devices that are not enrolled at the office' : 'this laptop is not enrolled at the office';
    throw new HttpRefusal(403, 'E_UNKNOWN_SIGNER', `${who}; its bundle is held until an analyst decides`, {
      'X-CityKPI-Outcome': 'quarantined',
    });
  }
  if (!outcome.receipt) throw new Error('no receipt was signed for a merged bundle');
  return {
    status: 200,
    body: outcome.receipt,
    contentType: RECEIPT_MEDIA_TYPE,
    headers: { 'X-CityKPI-Outcome': outcome.status },
    note: `${note} outcome=${outcome.status}`,
  };
}

async function health(options: InboxOptions): Promise<Handled> {
  await withClient(options.pool, (client) => client.query('SELECT 1'));
  return { status: 200, body: '{"status":"ok"}', contentType: 'application/json', note: '' };
}

function route(request: IncomingMessage, options: InboxOptions): Promise<Handled> {
  const path = new URL(request.url ?? '/', 'http://inbox').pathname;
  const allowed = path === '/v1/bundles' ? 'POST' : path === '/v1/health' ? 'GET' : null;
  if (allowed === null) return Promise.reject(new HttpRefusal(404, 'E_NOT_FOUND', 'no such endpoint'));
  if (request.method === 'OPTIONS') return Promise.resolve({ status: 204, body: '', contentType: 'text/plain', note: 'preflight' });
  if (request.method !== allowed) return Promise.reject(new HttpRefusal(405, 'E_METHOD', `use ${allowed}`, { Allow: `${allowed}, OPTIONS` }));
  return allowed === 'POST' ? acceptBundle(request, options) : health(options);
}

/** What a refusal looks like on the wire; internals of a failure stay in the log line's code only. */
function refusalOf(error: unknown): HttpRefusal {
  if (error instanceof HttpRefusal) return error;
  if (isBundleError(error) || (error instanceof InputError && error.code !== 'E_DATABASE')) {
    return new HttpRefusal(STATUS_BY_CODE[error.code] ?? 400, error.code, error.message);
  }
  if ((error instanceof InputError && error.code === 'E_DATABASE') || isDatabaseFailure(error)) {
    return new HttpRefusal(503, 'E_DATABASE', 'the office database is not available; try again later');
  }
  return new HttpRefusal(500, 'E_INTERNAL', 'the office could not process this upload');
}

function send(response: ServerResponse, handled: Omit<Handled, 'note'>): void {
  const body = typeof handled.body === 'string' ? Buffer.from(handled.body) : Buffer.from(handled.body.buffer, handled.body.byteOffset, handled.body.byteLength);
  response.writeHead(handled.status, {
    ...CORS_HEADERS,
    ...handled.headers,
    'Content-Type': handled.contentType,
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

export function createInboxServer(options: InboxOptions): Server {
  const server = createServer((request, response) => {
    const started = Date.now();
    const line = (status: number, detail: string) =>
      options.log(`${new Date().toISOString()} ${request.method ?? '-'} ${new URL(request.url ?? '/', 'http://inbox').pathname} ${status} ${detail} ms=${Date.now() - started}`);
    route(request, options).then(
      (handled) => {
        send(response, handled);
        line(handled.status, handled.note);
      },
      (error: unknown) => {
        const refusal = refusalOf(error);
        const closing: Record<string, string> = refusal.status === 413 ? { Connection: 'close' } : {};
        send(response, {
          status: refusal.status,
          body: JSON.stringify({ error: { code: refusal.code, message: refusal.message } }),
          contentType: 'application/json',
          headers: { ...refusal.headers, ...closing },
        });
        line(refusal.status, `code=${refusal.code}`);
      },
    );
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  return server;
}
