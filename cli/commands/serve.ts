/**
 * `citykpi serve`: the office's bundle inbox over HTTP (cli/office/inbox-server.ts). Plain HTTP on a
 * loopback address by default: TLS belongs to a reverse proxy in front (docs/office-server.md).
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { EXIT_OK, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { openPool, withClient } from '../office/database.ts';
import { createInboxServer } from '../office/inbox-server.ts';
import { OFFICE_OPTIONS, OFFICE_USAGE, loadOfficeKeys } from '../office/keys.ts';
import { requireCurrentSchema } from '../office/migrations.ts';

const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const DEFAULT_UPLOADS_PER_HOUR = 60;

const USAGE = `citykpi serve --postgres <url> --identity <office.key> [--listen 127.0.0.1:8080]

Receives bundles over HTTP (POST /v1/bundles), checks and merges each as citykpi ingest does, and
answers with the office's signed receipt; the same bundle sent again gets the same receipt. Bundles
from laptops that are not enrolled are held in quarantine. Keeps no state outside PostgreSQL, so
several servers can share one database. Put a TLS reverse proxy in front (docs/office-server.md).
Stops cleanly on SIGTERM or SIGINT.

Options:
${OFFICE_USAGE}
      --listen <host:port>        address to listen on (default 127.0.0.1:8080; port 0 picks one)
      --max-upload-bytes <n>      largest upload accepted (default ${DEFAULT_MAX_UPLOAD_BYTES})
      --uploads-per-hour <n>      uploads accepted per device and hour (default ${DEFAULT_UPLOADS_PER_HOUR})
  -h, --help                      show this help`;

function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:]+)\]|([^:\s]+)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || port > 65535) throw new UsageError('--listen must be host:port, e.g. 127.0.0.1:8080');
  return { host: match[1] ?? match[2]!, port };
}

function positiveInteger(value: string | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  if (!/^[1-9]\d{0,11}$/.test(value)) throw new UsageError(`${option} must be a positive whole number`);
  return Number(value);
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      ...OFFICE_OPTIONS,
      listen: { type: 'string', default: '127.0.0.1:8080' },
      'max-upload-bytes': { type: 'string' },
      'uploads-per-hour': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (positionals.length > 0) throw new UsageError('unexpected argument');
  if (values.postgres === undefined) throw new UsageError('--postgres is required');
  if ((values.identity ?? []).length === 0) throw new UsageError('--identity <office.key> is required');
  const { host, port } = parseListen(values.listen);
  const maxUploadBytes = positiveInteger(values['max-upload-bytes'], DEFAULT_MAX_UPLOAD_BYTES, '--max-upload-bytes');
  const uploadsPerHour = positiveInteger(values['uploads-per-hour'], DEFAULT_UPLOADS_PER_HOUR, '--uploads-per-hour');
  const keys = await loadOfficeKeys(io, values, { requireSigner: true });

  const pool = await openPool(values.postgres, 'citykpi serve', 8);
  try {
    await withClient(pool, requireCurrentSchema);
    const server = createInboxServer({ pool, keys, maxUploadBytes, uploadsPerHour, log: (line) => io.err(`${line}\n`) });
    server.listen(port, host);
    await once(server, 'listening');
    const address = server.address();
    const shown = typeof address === 'object' && address ? `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : values.listen;
    io.out(`citykpi serve: listening on http://${shown}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
  } finally {
    await pool.end();
  }
  return EXIT_OK;
}

export const serveCommand: Command = { name: 'serve', usage: USAGE, run };
