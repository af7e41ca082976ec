/**
 * A receipt tells a field laptop which of its revisions the office has imported, so the next export
 * can leave them out. It is signed (not encrypted: it only holds ids) by the importing machine:
 *   "CKPIRCT1" | u32 bodyLen | body (canonical JSON) | u8 sigAlg | signer(32) | u8 sigLen | signature
 * The signature covers `citykpi-receipt/v1\n` ‖ body.
 */
import { z } from '../zod.ts';
import { bytesEqual, fromBase64Url, toBase64Url } from '../crypto/bytes.ts';
import { fingerprintOf } from '../crypto/fingerprint.ts';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, SIGNING_DOMAINS, sign, verify } from '../crypto/signing.ts';
import { canonicalJsonBytes } from '../revisions/canonical-json.ts';
import { checkMagic } from './container.ts';
import type { BundleSigner } from './encode.ts';
import { randomBundleId } from './encode.ts';
import type { BundleSignerInfo, SignerTrust } from './decode.ts';
import { BundleError } from './errors.ts';
import { MAGIC_LENGTH, SIGNATURE_ALGORITHM_ED25519, magicFor } from './format.ts';
import { type BundleLimits, DEFAULT_LIMITS } from './limits.ts';
import { decodeUtf8Strict, parseStrictJson } from './strict-json.ts';

export const RECEIPT_MAGIC_PREFIX = 'CKPIRCT';
const RECEIPT_FORMAT = 'citykpi-receipt';
const HEX64 = /^[0-9a-f]{64}$/;
const ID = z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/);

const receiptSchema = z.strictObject({
  format: z.literal(RECEIPT_FORMAT),
  formatVersion: z.literal(1),
  receiptId: z.string().regex(/^[0-9a-f]{32}$/),
  issuedAt: z.iso.datetime(),
  bundleIds: z.array(z.string().regex(/^[0-9a-f]{32}$/)).max(10_000),
  revisionIds: z.array(z.string().regex(HEX64)),
  signer: z.strictObject({ id: ID, name: z.string().max(200), publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
});

export interface EncodeReceiptInput {
  /** The bundle(s) whose import this receipt confirms. */
  readonly bundleIds: readonly string[];
  /** Every revision now stored at the office from those bundles (new or already known). */
  readonly revisionIds: Iterable<string>;
  /** The importing office's (or laptop's) device key. */
  readonly signer: BundleSigner;
  readonly receiptId?: string;
  readonly issuedAt?: string;
}

export interface DecodedReceipt {
  readonly receiptId: string;
  readonly issuedAt: string;
  readonly bundleIds: readonly string[];
  /** Sorted, unique. */
  readonly revisionIds: readonly string[];
  readonly signer: BundleSignerInfo;
}

export async function encodeReceipt(input: EncodeReceiptInput): Promise<Uint8Array> {
  const revisionIds = [...new Set(input.revisionIds)].sort();
  if (revisionIds.some((id) => !HEX64.test(id))) throw new BundleError('E_SCHEMA', 'a receipt lists only revision ids');
  const body = canonicalJsonBytes({
    format: RECEIPT_FORMAT,
    formatVersion: 1,
    receiptId: input.receiptId ?? randomBundleId(),
    issuedAt: input.issuedAt ?? `${new Date().toISOString().slice(0, 19)}Z`,
    bundleIds: [...new Set(input.bundleIds)].sort(),
    revisionIds,
    signer: { id: input.signer.id, name: input.signer.name, publicKey: toBase64Url(input.signer.publicKey) },
  });
  const signature = await sign(input.signer.privateKey, SIGNING_DOMAINS.receipt, body);
  const out = new Uint8Array(MAGIC_LENGTH + 4 + body.length + 2 + PUBLIC_KEY_BYTES + SIGNATURE_BYTES);
  out.set(magicFor(RECEIPT_MAGIC_PREFIX, 1), 0);
  new DataView(out.buffer).setUint32(MAGIC_LENGTH, body.length, true);
  let offset = MAGIC_LENGTH + 4;
  out.set(body, offset);
  offset += body.length;
  out[offset++] = SIGNATURE_ALGORITHM_ED25519;
  out.set(input.signer.publicKey, offset);
  offset += PUBLIC_KEY_BYTES;
  out[offset++] = SIGNATURE_BYTES;
  out.set(signature, offset);
  return out;
}

export async function decodeReceipt(
  bytes: Uint8Array,
  options: { readonly trustedSigners?: (publicKeyRaw: Uint8Array) => SignerTrust; readonly limits?: Partial<BundleLimits> } = {},
): Promise<DecodedReceipt> {
  const limits: BundleLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxPartBytes) throw new BundleError('E_TOO_LARGE', `receipt of ${bytes.length} bytes exceeds ${limits.maxPartBytes}`);
  checkMagic(bytes, RECEIPT_MAGIC_PREFIX);
  if (bytes.length < MAGIC_LENGTH + 4) throw new BundleError('E_TRUNCATED', 'receipt ends inside its header');
  const bodyLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC_LENGTH, true);
  const expected = MAGIC_LENGTH + 4 + bodyLength + 2 + PUBLIC_KEY_BYTES + SIGNATURE_BYTES;
  if (bytes.length < expected) throw new BundleError('E_TRUNCATED', 'receipt is shorter than its framing says');
  if (bytes.length > expected) throw new BundleError('E_MALFORMED', 'unexpected bytes after the receipt signature');
  let offset = MAGIC_LENGTH + 4;
  const body = bytes.subarray(offset, offset + bodyLength);
  offset += bodyLength;
  if (bytes[offset++] !== SIGNATURE_ALGORITHM_ED25519) throw new BundleError('E_MALFORMED', 'unknown signature algorithm');
  const signerKey = bytes.subarray(offset, offset + PUBLIC_KEY_BYTES);
  offset += PUBLIC_KEY_BYTES;
  if (bytes[offset++] !== SIGNATURE_BYTES) throw new BundleError('E_MALFORMED', 'bad signature length');
  const signature = bytes.subarray(offset, offset + SIGNATURE_BYTES);
  if (!(await verify(signerKey, SIGNING_DOMAINS.receipt, body, signature))) {
    throw new BundleError('E_SIGNATURE', 'the receipt signature does not verify');
  }
  const value = parseStrictJson(decodeUtf8Strict(body, 'receipt'), { maxStringLength: limits.maxStringLength, maxDepth: 4 }, 'receipt');
  const parsed = receiptSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleError('E_SCHEMA', `receipt: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const receipt = parsed.data;
  if (receipt.revisionIds.length > limits.maxRevisions) throw new BundleError('E_TOO_LARGE', `more than ${limits.maxRevisions} revision ids`);
  for (const [name, ids] of [['revision', receipt.revisionIds], ['bundle', receipt.bundleIds]] as const) {
    if (ids.some((id, index) => index > 0 && ids[index - 1]! >= id)) throw new BundleError('E_SCHEMA', `receipt ${name} ids are not sorted and unique`);
  }
  const declaredKey = fromBase64Url(receipt.signer.publicKey);
  if (!declaredKey || !bytesEqual(declaredKey, signerKey)) throw new BundleError('E_SIGNATURE', 'the receipt names a different signer');
  return {
    receiptId: receipt.receiptId,
    issuedAt: receipt.issuedAt,
    bundleIds: receipt.bundleIds,
    revisionIds: receipt.revisionIds,
    signer: {
      publicKey: signerKey.slice(),
      fingerprint: await fingerprintOf(signerKey),
      known: options.trustedSigners?.(signerKey) === 'trusted',
      deviceId: receipt.signer.id,
      deviceName: receipt.signer.name,
    },
  };
}
