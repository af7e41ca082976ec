/** Public keys whose bundles merge without a question and whose receipts are believed. */
import { toBase64Url } from '../../../core/crypto/bytes.ts';
import { fingerprintOf } from '../../../core/crypto/fingerprint.ts';
import type { SignerTrust } from '../../../core/bundle/decode.ts';
import type { CityKpiDb, SignerRow, SignerSource } from './db.ts';
import { DataError } from './errors.ts';

const ED25519_PUBLIC_KEY_BYTES = 32;
const MAX_LABEL_LENGTH = 200;

export async function trustSigner(
  db: CityKpiDb,
  signer: { readonly publicKey: Uint8Array; readonly label: string; readonly source: Exclude<SignerSource, 'self'> },
): Promise<SignerRow> {
  if (signer.publicKey.length !== ED25519_PUBLIC_KEY_BYTES) throw new DataError('E_INVALID', 'not an Ed25519 public key');
  const label = signer.label.trim().slice(0, MAX_LABEL_LENGTH);
  const row: SignerRow = {
    publicKey: toBase64Url(signer.publicKey),
    fingerprint: await fingerprintOf(signer.publicKey),
    label,
    source: signer.source,
    addedAtMs: Date.now(),
  };
  await db.transaction('rw', db.signers, async () => {
    const existing = await db.signers.get(row.publicKey);
    // Our own key stays marked as ours.
    if (existing?.source !== 'self') await db.signers.put(row);
  });
  return row;
}

/** Stops trusting a key (bundles already merged stay merged). Our own key cannot be removed. */
export async function distrustSigner(db: CityKpiDb, publicKey: string): Promise<void> {
  await db.transaction('rw', db.signers, async () => {
    const existing = await db.signers.get(publicKey);
    if (existing && existing.source !== 'self') await db.signers.delete(publicKey);
  });
}

export function listSigners(db: CityKpiDb): Promise<SignerRow[]> {
  return db.signers.toArray();
}

/** The synchronous trust check core's decodeBundle / decodeReceipt take, over a snapshot of the table. */
export async function signerTrustLookup(db: CityKpiDb): Promise<(publicKeyRaw: Uint8Array) => SignerTrust> {
  const trusted = new Set(await db.signers.toCollection().primaryKeys());
  return (publicKeyRaw) => (trusted.has(toBase64Url(publicKeyRaw)) ? 'trusted' : 'unknown');
}
