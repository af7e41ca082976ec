/**
 * `citykpi quarantine list|accept|reject`: the analyst's decision on bundles from signers that are not
 * enrolled, or relaying edits made by devices that are not. Accepting enrols the signer and those
 * makers and merges the bundle (checked again in full) in one transaction; rejecting drops the held bytes and keeps the decision on record.
 */
import { parseArgs } from 'node:util';
import { EXIT_OK, InputError, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { type PoolClient, withClient, withOfficeDatabase } from '../office/database.ts';
import { type UnenrolledMaker, ingestBundle } from '../office/ingest.ts';
import { OFFICE_OPTIONS, OFFICE_USAGE, loadOfficeKeys } from '../office/keys.ts';
import { asInputErrors } from './bundle-files.ts';

const USAGE = `citykpi quarantine list|accept|reject [<id>] --postgres <url> [--identity <office.key>] [--json]

Bundles from signers that are not enrolled, or relaying edits made by devices that are not, wait in
quarantine for a decision.
  list            the bundles waiting: id, signer fingerprint, device, date, revision count, and the
                  makers of relayed edits that are not enrolled
  accept <id>     enrol the bundle's signer and those makers, and merge the bundle (needs --identity
                  to decrypt it)
  reject <id>     drop the bundle; the decision is kept on record
<id> is the start (at least 8 characters) of the id that list shows.

Options:
${OFFICE_USAGE}
      --json                  list as JSON
  -h, --help                  show this help`;

interface HeldRow {
  file_sha256: string;
  bundle_id: string;
  signer_fingerprint: string;
  device_id: string;
  device_name: string;
  created_at: string;
  revision_count: number;
  received_at: Date;
  unenrolled_makers: UnenrolledMaker[];
}

async function findHeld(client: PoolClient, prefix: string | undefined): Promise<HeldRow & { bytes: Buffer }> {
  if (prefix === undefined || !/^[0-9a-f]{8,64}$/.test(prefix)) throw new UsageError('give the id (at least 8 hex characters) that quarantine list shows');
  const { rows } = await client.query<HeldRow & { bytes: Buffer }>(
    'SELECT * FROM quarantine WHERE decision IS NULL AND starts_with(file_sha256, $1) LIMIT 2',
    [prefix],
  );
  if (rows.length === 0) throw new InputError('E_NOT_FOUND', `no bundle waiting in quarantine has the id ${prefix}`);
  if (rows.length > 1) throw new UsageError(`the id ${prefix} is ambiguous; give more characters`);
  return rows[0]!;
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...OFFICE_OPTIONS, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  const [action, id, ...rest] = positionals;
  if (values.postgres === undefined) throw new UsageError('--postgres is required');
  if (rest.length > 0 || (action === 'list' && id !== undefined)) throw new UsageError('unexpected extra argument');
  if (action !== 'list' && action !== 'accept' && action !== 'reject') throw new UsageError('expected list, accept or reject');
  const keys = action === 'accept' ? await loadOfficeKeys(io, values, { requireSigner: false }) : null;

  await withOfficeDatabase(values.postgres, (pool) =>
    withClient(pool, async (client) => {
      if (action === 'list') {
        const { rows } = await client.query<HeldRow>(
          `SELECT file_sha256, bundle_id, signer_fingerprint, device_id, device_name, created_at, revision_count, received_at, unenrolled_makers
           FROM quarantine WHERE decision IS NULL ORDER BY received_at, file_sha256`,
        );
        if (values.json) {
          io.out(`${JSON.stringify(rows.map((row) => ({ id: row.file_sha256, bundleId: row.bundle_id, fingerprint: row.signer_fingerprint, deviceId: row.device_id, deviceName: row.device_name, createdAt: row.created_at, revisionCount: row.revision_count, receivedAt: row.received_at.toISOString(), unenrolledMakers: row.unenrolled_makers.map(({ fingerprint, deviceId, deviceName }) => ({ fingerprint, deviceId, deviceName })) })), null, 2)}\n`);
        } else {
          if (rows.length === 0) io.out('no bundle is waiting in quarantine\n');
          for (const row of rows) {
            const makers = row.unenrolled_makers.map((maker) => `${maker.fingerprint} ${JSON.stringify(maker.deviceName)}`).join(', ');
            io.out(`${row.file_sha256.slice(0, 12)}\t${row.signer_fingerprint}\t${JSON.stringify(row.device_name)}\t${row.created_at}\t${row.revision_count} revisions${makers === '' ? '' : `\trelays edits by makers not enrolled: ${makers}`}\n`);
          }
        }
        return;
      }
      const held = await findHeld(client, id);
      const shortId = held.file_sha256.slice(0, 12);
      if (action === 'reject') {
        await client.query("UPDATE quarantine SET decision = 'rejected', decided_at = now(), bytes = NULL WHERE file_sha256 = $1 AND decision IS NULL", [held.file_sha256]);
        io.out(`${shortId}: rejected; signer ${held.signer_fingerprint} stays not enrolled\n`);
        return;
      }
      const outcome = await asInputErrors(shortId, () => ingestBundle(client, new Uint8Array(held.bytes), keys!, { enrolSigner: true }));
      const added = outcome.status === 'merged' ? `, ${outcome.addedCount} of ${outcome.revisionCount} revisions new` : '';
      const makers = held.unenrolled_makers.map((maker) => maker.fingerprint);
      const enrolled = makers.length === 0 ? `signer ${held.signer_fingerprint}` : `signer ${held.signer_fingerprint} and makers ${makers.join(', ')}`;
      io.out(`${shortId}: accepted; ${enrolled} enrolled, bundle merged${added}\n`);
    }),
  `citykpi quarantine`);
  return EXIT_OK;
}

export const quarantineCommand: Command = { name: 'quarantine', usage: USAGE, run };
