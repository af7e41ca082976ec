/**
 * `citykpi serve` against a real PostgreSQL, as real processes: 20 laptops send 20 bundles twice each
 * through two servers at once and the database holds every revision exactly once with one receipt per
 * bundle; a server killed in the middle of an ingest leaves the database as it was; damaged and forged
 * bundles are refused with the codes the CLI gives the same files; limits and errors answer in JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReceipt, encodeBundle, type BundleSigner } from '../../core/bundle/index.ts';
import { demoBundleInput } from '../../core/bundle/demo-bundle.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { parseKeyFile } from '../../core/crypto/key-file.ts';
import { generateOfficeKeyPair } from '../../core/crypto/office-keys.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { repack, resign, unpack } from '../fixtures/bundles/forge.ts';
import { type RunningInbox, startInbox, upload } from './support/inbox.ts';
import { cli, errorCode, freshDatabase, query, scratch } from './support/office.ts';

const DEVICES = 20;
const BUNDLES_PER_DEVICE = 20;

let url: string;
const work = scratch();
let officeRecipients: string[];
let officeSigner: Uint8Array;
const servers: RunningInbox[] = [];

interface Device {
  readonly signer: BundleSigner;
  readonly bundles: { readonly bundleId: string; readonly bytes: Uint8Array; readonly revisions: readonly Revision[] }[];
}

async function enrol(signer: BundleSigner): Promise<void> {
  await query(url, "INSERT INTO signers (public_key, fingerprint, label) VALUES ($1, 'test', $2)", [toBase64Url(signer.publicKey), signer.name]);
}

/**
 * A laptop exporting everything it has, again and again: bundle k holds the first base + k of its
 * revisions. Signed but not encrypted: age's X25519 in JavaScript would make generating 400 bundles the
 * slowest part of the test, and decryption is covered by every other test here.
 */
async function device(seed: number): Promise<Device> {
  const input = await demoBundleInput({ seed, revisions: 0 });
  const base = input.revisions.length - BUNDLES_PER_DEVICE + 1;
  const bundles = [];
  for (let k = 0; k < BUNDLES_PER_DEVICE; k++) {
    const revisions = [...input.revisions.slice(0, base + k)].sort((a, b) => (a.id < b.id ? -1 : 1));
    const bundleId = `${seed.toString(16).padStart(8, '0')}${k.toString(16).padStart(24, '0')}`;
    const bytes = await encodeBundle({ revisions, device: input.device, encryption: { kind: 'none' }, bundleId });
    bundles.push({ bundleId, bytes, revisions });
  }
  return { signer: input.device, bundles };
}

beforeAll(async () => {
  url = await freshDatabase();
  expect((await cli(work.dir, 'db', 'migrate', '--postgres', url)).code).toBe(0);
  expect((await cli(work.dir, 'keygen', '--out', 'office')).code).toBe(0);
  const pub = await parseKeyFile(readFileSync(join(work.dir, 'office.pub'), 'utf8'));
  officeRecipients = pub.recipients.map((recipient) => recipient.publicText);
  officeSigner = pub.signers[0]!.publicKey;
  const args = ['--postgres', url, '--identity', 'office.key', '--uploads-per-hour', '100'];
  servers.push(...(await Promise.all([startInbox(work.dir, args), startInbox(work.dir, args)])));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  work.remove();
});

async function counts(): Promise<{ bundles: number; revisions: number }> {
  const [row] = await query<{ bundles: number; revisions: number }>(url, 'SELECT (SELECT count(*)::int FROM bundles) AS bundles, (SELECT count(*)::int FROM revisions) AS revisions');
  return row!;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('citykpi serve', () => {
  it('takes 20 laptops × 20 bundles, each sent twice through two servers at once: nothing lost, nothing duplicated, one receipt per bundle', async () => {
    const devices: Device[] = [];
    for (let seed = 1; seed <= DEVICES; seed++) devices.push(await device(1000 + seed));
    for (const { signer } of devices) await enrol(signer);

    const receipts = new Map<string, Uint8Array[]>();
    await Promise.all(
      devices.map(async ({ bundles }, index) => {
        const sends = shuffled([...bundles, ...bundles], index + 1);
        for (const [n, bundle] of sends.entries()) {
          const answer = await upload(servers[(index + n) % 2]!, bundle.bytes);
          expect(answer.status, answer.code).toBe(200);
          receipts.set(bundle.bundleId, [...(receipts.get(bundle.bundleId) ?? []), answer.body]);
        }
      }),
    );

    const allIds = new Set(devices.flatMap(({ bundles }) => bundles.flatMap((bundle) => bundle.revisions.map((revision) => revision.id))));
    expect(await counts()).toEqual({ bundles: DEVICES * BUNDLES_PER_DEVICE, revisions: allIds.size });
    const stored = await query<{ revision_id: string }>(url, 'SELECT revision_id FROM revisions');
    expect(new Set(stored.map((row) => row.revision_id))).toEqual(allIds);

    const trusted = (key: Uint8Array) => (Buffer.from(key).equals(Buffer.from(officeSigner)) ? 'trusted' : 'unknown') as 'trusted' | 'unknown';
    for (const { bundles } of devices) {
      for (const bundle of bundles) {
        const [first, second] = receipts.get(bundle.bundleId)!;
        expect(Buffer.from(second!).equals(Buffer.from(first!))).toBe(true);
        const receipt = await decodeReceipt(first!, { trustedSigners: trusted });
        expect(receipt.signer.known).toBe(true);
        expect(receipt.bundleIds).toEqual([bundle.bundleId]);
        expect(receipt.revisionIds).toEqual(bundle.revisions.map((revision) => revision.id));
      }
    }
    for (const server of servers) expect(server.log().match(/ POST \/v1\/bundles 200 /g)?.length ?? 0).toBeGreaterThan(100);
  });

  it('refuses damaged and forged bundles with the codes the CLI gives the same files', async () => {
    const laptop = await demoBundleInput({ seed: 77 });
    await enrol(laptop.device);
    const stranger = await demoBundleInput({ seed: 78 });
    const sealed = await encodeBundle({ ...laptop, encryption: { kind: 'recipients', recipients: officeRecipients } });
    const open = await encodeBundle({ ...laptop, encryption: { kind: 'none' } });
    const otherOffice = await generateOfficeKeyPair();
    const flipped = (bytes: Uint8Array, index: number) => {
      const copy = bytes.slice();
      copy[index]! ^= 0x01;
      return copy;
    };
    const cases: Record<string, { bytes: Uint8Array; code: string }> = {
      'not-a-bundle': { bytes: new TextEncoder().encode('PK\x03\x04 a spreadsheet, not a bundle'), code: 'E_NOT_A_BUNDLE' },
      'flipped-ciphertext': { bytes: flipped(sealed, sealed.length - 50), code: 'E_DECRYPT_FAILED' },
      'truncated-open': { bytes: open.subarray(0, open.length - 10), code: 'E_TRUNCATED' },
      'other-office': { bytes: await encodeBundle({ ...laptop, encryption: { kind: 'recipients', recipients: [otherOffice.publicText] } }), code: 'E_NOT_FOR_THIS_RECIPIENT' },
      passphrase: { bytes: await encodeBundle({ ...laptop, encryption: { kind: 'passphrase', passphrase: 'correct horse battery', workFactor: 10 } }), code: 'E_PASSPHRASE_REQUIRED' },
      'tampered-part': { bytes: flipped(open, open.length - 40), code: 'E_HASH_MISMATCH' },
      'signed-by-stranger': { bytes: repack(await resign(unpack(open), stranger.device)), code: 'E_SIGNATURE' },
      'newer-major': { bytes: repack(unpack(open), undefined, 2), code: 'E_UNSUPPORTED_VERSION' },
      'not-enrolled': { bytes: await encodeBundle({ ...stranger, encryption: { kind: 'recipients', recipients: officeRecipients } }), code: 'E_UNKNOWN_SIGNER' },
    };
    const before = await counts();
    for (const [name, { bytes, code }] of Object.entries(cases)) {
      const answer = await upload(servers[0]!, bytes);
      expect([name, answer.code]).toEqual([name, code]);
      writeFileSync(join(work.dir, `${name}.citykpi`), bytes);
      const fromCli = await cli(work.dir, 'values', `${name}.citykpi`, '--identity', 'office.key');
      expect([name, errorCode(fromCli.stderr)]).toEqual([name, code]);
    }
    expect(await counts()).toEqual(before);
    expect(await query(url, 'SELECT bundle_id FROM quarantine')).toEqual([{ bundle_id: stranger.bundleId }]);
    expect((await upload(servers[1]!, sealed)).status).toBe(200);
  });

  it('holds a bundle relaying edits attested by a device not enrolled, answering as for an unknown signer', async () => {
    // The office's own merge relays a laptop's edits; the laptop is enrolled in a trust file the servers do not read.
    expect((await cli(work.dir, 'demo', '--out', 'relayed-laptop.citykpi', '--seed', '83')).code).toBe(0);
    expect((await cli(work.dir, 'trust', 'add', 'relayed-laptop.citykpi', '--trust-file', 'relay.trust')).code).toBe(0);
    expect((await cli(work.dir, 'merge', 'relayed-laptop.citykpi', '--out', 'relayed.citykpi', '--identity', 'office.key', '--trust-file', 'relay.trust')).code).toBe(0);
    const relayed = new Uint8Array(readFileSync(join(work.dir, 'relayed.citykpi')));
    const laptop = JSON.parse((await cli(work.dir, 'inspect', 'relayed-laptop.citykpi', '--json')).stdout) as { signer: { fingerprint: string; publicKey: string } };
    const before = await counts();

    const answer = await upload(servers[0]!, relayed);
    expect([answer.status, answer.code, answer.headers.get('x-citykpi-outcome')]).toEqual([403, 'E_UNKNOWN_SIGNER', 'quarantined']);
    expect(await counts()).toEqual(before);
    const [held] = await query<{ signer_key: string; makers: string[] }>(
      url,
      "SELECT signer_key, ARRAY(SELECT m ->> 'fingerprint' FROM jsonb_array_elements(unenrolled_makers) AS m) AS makers FROM quarantine WHERE decision IS NULL AND unenrolled_makers <> '[]'",
    );
    expect(held).toEqual({ signer_key: toBase64Url(officeSigner), makers: [laptop.signer.fingerprint] });

    await query(url, "INSERT INTO signers (public_key, fingerprint, label) VALUES ($1, $2, 'relayed laptop')", [laptop.signer.publicKey, laptop.signer.fingerprint]);
    const again = await upload(servers[1]!, relayed);
    expect([again.status, again.headers.get('x-citykpi-outcome')]).toEqual([200, 'merged']);
    expect((await counts()).bundles).toBe(before.bundles + 1);
  });

  it('caps the upload size, and counts uploads per device and hour in the database, shared by every server', async () => {
    const laptop = await demoBundleInput({ seed: 79 });
    await enrol(laptop.device);
    const bytes = await encodeBundle({ ...laptop, encryption: { kind: 'recipients', recipients: officeRecipients } });
    const strict = await startInbox(work.dir, ['--postgres', url, '--identity', 'office.key', '--uploads-per-hour', '2', '--max-upload-bytes', String(bytes.length)]);
    try {
      const oversized = await upload(strict, new Uint8Array(bytes.length + 1));
      expect([oversized.status, oversized.code]).toEqual([413, 'E_TOO_LARGE']);
      expect((await upload(servers[0]!, bytes)).status).toBe(200);
      expect((await upload(servers[1]!, bytes)).status).toBe(200);
      const third = await upload(strict, bytes);
      expect([third.status, third.code]).toEqual([429, 'E_RATE_LIMITED']);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await strict.stop();
    }
  });

  it('leaves the database as it was when a server is killed in the middle of an ingest', async () => {
    const laptop = await demoBundleInput({ seed: 80, revisions: 10_000 });
    await enrol(laptop.device);
    const bytes = await encodeBundle({ ...laptop, encryption: { kind: 'recipients', recipients: officeRecipients } });
    const victim = await startInbox(work.dir, ['--postgres', url, '--identity', 'office.key']);
    const before = await counts();
    const answer = upload(victim, bytes).catch((error: unknown) => error);
    // A backend with a transaction id has written rows of this bundle that are not committed yet.
    for (;;) {
      const writing = await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'citykpi serve' AND backend_xid IS NOT NULL");
      if (writing[0]!.n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    victim.process.kill('SIGKILL');
    expect(await answer).toBeInstanceOf(Error);
    await victim.stop();
    for (;;) {
      const open = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_xid IS NOT NULL');
      if (open[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await counts()).toEqual(before);
    expect(await query(url, 'SELECT 1 FROM bundles WHERE bundle_id = $1', [laptop.bundleId])).toEqual([]);

    const retry = await upload(servers[0]!, bytes);
    expect(retry.status).toBe(200);
    expect((await counts()).bundles).toBe(before.bundles + 1);
  });

  it('answers other requests in JSON with E_ codes, allows cross-origin uploads, and logs no secret or content', async () => {
    const inbox = servers[0]!;
    expect((await fetch(`${inbox.url}/v1/health`)).status).toBe(200);
    const wrongMethod = await fetch(`${inbox.url}/v1/bundles`);
    expect([wrongMethod.status, ((await wrongMethod.json()) as { error: { code: string } }).error.code]).toEqual([405, 'E_METHOD']);
    const missing = await fetch(`${inbox.url}/v2/anything`, { method: 'POST', body: 'x' });
    expect([missing.status, ((await missing.json()) as { error: { code: string } }).error.code]).toEqual([404, 'E_NOT_FOUND']);
    const preflight = await fetch(`${inbox.url}/v1/bundles`, {
      method: 'OPTIONS',
      headers: { Origin: 'app://citykpi', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');

    const key = readFileSync(join(work.dir, 'office.key'), 'utf8');
    const secrets = key.split('\n').filter((line) => /^(identity|signing-key) /.test(line)).map((line) => line.split(' ')[2]!);
    for (const server of servers) {
      const log = server.log();
      for (const secret of secrets) expect(log).not.toContain(secret);
      expect(log).not.toContain(url);
      expect(log).not.toContain('Lake Amara');
      expect(log.trim().split('\n').every((line) => /^\d{4}-\d\d-\d\dT[\d:.]+Z (GET|POST|OPTIONS) \/\S* \d{3} /.test(line))).toBe(true);
    }
  });
});
