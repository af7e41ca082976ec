/**
 * Ingest: one bundle into the office database. The bundle is checked by core's decodeBundle, the same
 * code the desktop import runs, before anything is written, and its new revisions by the workshop rule
 * inside the transaction, as the desktop import does; then ONE transaction either holds it in
 * quarantine (its signer, or the maker of a revision it relays with an attestation, not enrolled: the
 * rule `citykpi merge` and `values` apply to files) or adds the bundle's ledger row with its receipt, the revisions
 * not stored yet and the attachments not stored yet. Every write is keyed (bundle id, file hash,
 * revision id, attachment hash) and uses ON CONFLICT DO NOTHING, so concurrent ingests of the same
 * revisions by several processes never duplicate or lose one, and ingesting again changes nothing.
 */
import { type BundleSigner, type DecodedBundle, decodeBundle, encodeReceipt } from '../../core/bundle/index.ts';
import type { RevisionOrigin } from '../../core/bundle/provenance.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { canonicalJson } from '../../core/revisions/canonical-json.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { type PoolClient, inTransaction } from './database.ts';
import { storeOrigins } from './revision-origins.ts';
import { guardWorkshopRules } from './workshop-guard.ts';
import { nodeSha256 } from '../node-sha256.ts';

export interface OfficeKeys {
  /** age identities that decrypt bundles sent to the office. */
  readonly identities: readonly string[];
  /** Signs receipts. Without it bundles are merged and the receipt is signed when a server first answers for one. */
  readonly receiptSigner: BundleSigner | null;
  /**
   * Signer keys (base64url) enrolled by configuration rather than in the signers table: the office's
   * own (what it merged and signed) and those of --trust key files.
   */
  readonly enrolledByFile: ReadonlySet<string>;
}

export interface IngestOptions {
  /** Merge even when the signer is not enrolled (demos and tests). */
  readonly allowUnknown?: boolean;
  /** An analyst accepted this bundle: enrol its signer and the makers of its relayed revisions in the same transaction. */
  readonly enrolSigner?: boolean;
}

export type IngestOutcome =
  | {
      readonly status: 'merged';
      readonly bundleId: string;
      readonly revisionCount: number;
      readonly addedCount: number;
      readonly receipt: Uint8Array | null;
    }
  | { readonly status: 'already-ingested'; readonly bundleId: string; readonly receipt: Uint8Array | null }
  | {
      readonly status: 'quarantined';
      readonly bundleId: string;
      readonly fileSha256: string;
      readonly fingerprint: string;
      readonly signerEnrolled: boolean;
      readonly unenrolledMakers: readonly UnenrolledMaker[];
    };

/** A device whose relayed, attested revisions a bundle carries, and that the office has not enrolled. */
export interface UnenrolledMaker {
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly deviceId: string;
  readonly deviceName: string;
}

/** Why a bundle is held, in one line: its signer, or the relayed makers, that are not enrolled. */
export function heldFor(held: { readonly fingerprint: string; readonly signerEnrolled: boolean; readonly unenrolledMakers: readonly { readonly fingerprint: string }[] }): string {
  const makers = held.unenrolledMakers.map((maker) => maker.fingerprint).join(', ');
  if (held.signerEnrolled) return `relays edits made by ${makers}, not enrolled`;
  return makers === '' ? `signer ${held.fingerprint} is not enrolled` : `signer ${held.fingerprint} is not enrolled, nor are the makers it relays (${makers})`;
}

/** Rows per INSERT: large enough to be quick, small enough to keep one statement's parameter modest. */
const BATCH = 1000;
/** PostgreSQL's deadlock and serialization failures: the transaction can simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

export function decodeForOffice(bytes: Uint8Array, keys: OfficeKeys): Promise<DecodedBundle> {
  return decodeBundle(bytes, { identities: keys.identities, nativeSha256: nodeSha256 });
}

export async function ingestBundle(client: PoolClient, bytes: Uint8Array, keys: OfficeKeys, options: IngestOptions = {}): Promise<IngestOutcome> {
  const decoded = await decodeForOffice(bytes, keys);
  return ingestDecoded(client, bytes, decoded, keys, options);
}

export async function ingestDecoded(
  client: PoolClient,
  bytes: Uint8Array,
  decoded: DecodedBundle,
  keys: OfficeKeys,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const receipt = keys.receiptSigner ? await receiptFor(decoded, keys.receiptSigner) : null;
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await inTransaction(client, () => writeBundle(client, bytes, decoded, keys, options, receipt));
      if (outcome.status !== 'already-ingested') return outcome;
      return { ...outcome, receipt: await storedReceipt(client, decoded, receipt) };
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
    }
  }
}

function receiptFor(decoded: DecodedBundle, signer: BundleSigner): Promise<Uint8Array> {
  return encodeReceipt({ bundleIds: [decoded.manifest.bundleId], revisionIds: decoded.revisions.map((revision) => revision.id), signer });
}

/** The receipt signed when the bundle was first merged; one is signed now if none was then (a CLI ingest without a signing key). */
async function storedReceipt(client: PoolClient, decoded: DecodedBundle, fresh: Uint8Array | null): Promise<Uint8Array | null> {
  const { bundleId } = decoded.manifest;
  if (fresh) await client.query('UPDATE bundles SET receipt = $2 WHERE bundle_id = $1 AND receipt IS NULL', [bundleId, fresh]);
  const { rows } = await client.query<{ receipt: Buffer | null }>('SELECT receipt FROM bundles WHERE bundle_id = $1 OR file_sha256 = $2 LIMIT 1', [
    bundleId,
    decoded.fileSha256,
  ]);
  const stored = rows[0]?.receipt;
  return stored ? new Uint8Array(stored) : null;
}

/** Which of these keys the office has enrolled, in its files or in the signers table. */
async function enrolledAmong(client: PoolClient, candidateKeys: readonly string[], keys: OfficeKeys): Promise<Set<string>> {
  const enrolled = new Set(candidateKeys.filter((key) => keys.enrolledByFile.has(key)));
  const { rows } = await client.query<{ public_key: string }>('SELECT public_key FROM signers WHERE public_key = ANY ($1::text[])', [candidateKeys]);
  for (const row of rows) enrolled.add(row.public_key);
  return enrolled;
}

/** The makers of the bundle's relayed revisions, once each, as core's office rule checks them (firstUntrusted). */
function relayedMakers(origins: ReadonlyMap<string, RevisionOrigin>): UnenrolledMaker[] {
  const makers = new Map<string, UnenrolledMaker>();
  for (const origin of origins.values()) {
    if (origin.proof !== 'attestation') continue;
    const publicKey = toBase64Url(origin.publicKey);
    makers.set(publicKey, { publicKey, fingerprint: origin.fingerprint, deviceId: origin.deviceId, deviceName: origin.deviceName });
  }
  return [...makers.values()].sort((a, b) => (a.publicKey < b.publicKey ? -1 : 1));
}

async function enrol(client: PoolClient, publicKey: string, fingerprint: string, label: string): Promise<void> {
  await client.query('INSERT INTO signers (public_key, fingerprint, label) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [publicKey, fingerprint, label]);
}

async function writeBundle(
  client: PoolClient,
  bytes: Uint8Array,
  decoded: DecodedBundle,
  keys: OfficeKeys,
  options: IngestOptions,
  receipt: Uint8Array | null,
): Promise<IngestOutcome> {
  const { manifest, signer, fileSha256 } = decoded;
  const bundleId = manifest.bundleId;
  const signerKey = toBase64Url(signer.publicKey);
  const ledger = await client.query('SELECT 1 FROM bundles WHERE bundle_id = $1 OR file_sha256 = $2', [bundleId, fileSha256]);
  if ((ledger.rowCount ?? 0) > 0) return { status: 'already-ingested', bundleId, receipt: null };

  const makers = relayedMakers(decoded.origins);
  if (options.enrolSigner) {
    await enrol(client, signerKey, signer.fingerprint, signer.deviceName || signer.deviceId);
    for (const maker of makers) await enrol(client, maker.publicKey, maker.fingerprint, maker.deviceName || maker.deviceId);
  }
  if (!options.allowUnknown) {
    const enrolled = await enrolledAmong(client, [signerKey, ...makers.map((maker) => maker.publicKey)], keys);
    const signerEnrolled = enrolled.has(signerKey);
    const unenrolledMakers = makers.filter((maker) => !enrolled.has(maker.publicKey));
    if (!signerEnrolled || unenrolledMakers.length > 0) {
      await client.query(
        `INSERT INTO quarantine (file_sha256, bundle_id, signer_key, signer_fingerprint, device_id, device_name, created_at, revision_count, bytes, unenrolled_makers)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
        [fileSha256, bundleId, signerKey, signer.fingerprint, signer.deviceId, signer.deviceName, manifest.createdAt, decoded.revisions.length, bytes, JSON.stringify(unenrolledMakers)],
      );
      return { status: 'quarantined', bundleId, fileSha256, fingerprint: signer.fingerprint, signerEnrolled, unenrolledMakers };
    }
  }

  // The ledger row comes first: a concurrent ingest of the same bundle waits here, then finds it.
  const ledgerRow = await client.query(
    `INSERT INTO bundles (bundle_id, file_sha256, signer_key, signer_fingerprint, device_id, device_name, created_at, revision_count, receipt)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [bundleId, fileSha256, signerKey, signer.fingerprint, signer.deviceId, signer.deviceName, manifest.createdAt, decoded.revisions.length, receipt],
  );
  if ((ledgerRow.rowCount ?? 0) === 0) return { status: 'already-ingested', bundleId, receipt: null };

  const stored = await client.query<{ revision_id: string }>('SELECT revision_id FROM revisions WHERE revision_id = ANY ($1::text[])', [
    decoded.revisions.map((revision) => revision.id),
  ]);
  const known = new Set(stored.rows.map((row) => row.revision_id));
  await guardWorkshopRules(client, decoded.revisions.filter((revision) => !known.has(revision.id)));

  let addedCount = 0;
  // Revisions arrive sorted by id, so every transaction takes its row locks in the same order.
  for (let start = 0; start < decoded.revisions.length; start += BATCH) {
    const batch = decoded.revisions.slice(start, start + BATCH).map((revision) => ({
      id: revision.id,
      record_id: revision.recordId,
      fields: revision.fields,
      author: revision.author,
      device_id: revision.deviceId,
      hlc: revision.hlc,
      parents: revision.parents,
      canonical: canonicalJson(revision),
    }));
    const inserted = await client.query(
      `INSERT INTO revisions (revision_id, record_id, fields, author, device_id, hlc, parents, canonical, signer_key, bundle_id)
       SELECT r.id, r.record_id, r.fields, r.author, r.device_id, r.hlc, ARRAY(SELECT jsonb_array_elements_text(r.parents)), r.canonical, $2, $3
       FROM jsonb_to_recordset($1::jsonb) AS r (id text, record_id text, fields jsonb, author text, device_id text, hlc text, parents jsonb, canonical text)
       ORDER BY r.id
       ON CONFLICT (revision_id) DO NOTHING`,
      [JSON.stringify(batch), signerKey, bundleId],
    );
    addedCount += inserted.rowCount ?? 0;
    await storeOrigins(client, decoded.revisions.slice(start, start + BATCH), decoded.origins, bundleId);
  }
  for (const [sha256, attachment] of [...decoded.attachments].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await client.query('INSERT INTO attachments (sha256, bytes, bundle_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [sha256, attachment, bundleId]);
  }
  await client.query("UPDATE quarantine SET decision = 'accepted', decided_at = now(), bytes = NULL WHERE file_sha256 = $1 AND decision IS NULL", [
    fileSha256,
  ]);
  return { status: 'merged', bundleId, revisionCount: decoded.revisions.length, addedCount, receipt };
}

/** Every merged revision, as signed, sorted by id: the input of core's derivations (`values`, scores, exports). */
export async function storedRevisions(client: PoolClient): Promise<Revision[]> {
  const { rows } = await client.query<{ canonical: string }>('SELECT canonical FROM revisions ORDER BY revision_id');
  // Each was verified against its id before it was stored, and the table is append-only.
  return rows.map((row) => JSON.parse(row.canonical) as Revision);
}
