import { describe, expect, it } from 'vitest';
import { BundleError, decodeReceipt, encodeReceipt } from '../../core/bundle/index.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BundleError) return error.code;
    throw error;
  }
  return 'ok';
}

describe('receipts', () => {
  it('round-trips the delivered revision ids, signed by the office', async () => {
    const office = await signerFromSeed(31, 'Central office');
    const revisions = await sampleRevisions('dev-field');
    const ids = revisions.map((revision) => revision.id);
    const bytes = await encodeReceipt({ bundleIds: ['0123456789abcdef0123456789abcdef'], revisionIds: [...ids, ids[0]!], signer: office });
    const trusted = toBase64Url(office.publicKey);
    const receipt = await decodeReceipt(bytes, { trustedSigners: (key) => (toBase64Url(key) === trusted ? 'trusted' : 'unknown') });
    expect(receipt.revisionIds).toEqual([...ids].sort());
    expect(receipt.bundleIds).toEqual(['0123456789abcdef0123456789abcdef']);
    expect(receipt.signer.known).toBe(true);
    expect(receipt.signer.deviceName).toBe('Central office');
    expect((await decodeReceipt(bytes)).signer.known).toBe(false);
  });

  it('refuses altered, truncated, extended and foreign bytes', async () => {
    const office = await signerFromSeed(32);
    const bytes = await encodeReceipt({ bundleIds: [], revisionIds: ['a'.repeat(64)], signer: office });
    const flipped = bytes.slice();
    flipped[40]! ^= 1;
    expect(await codeOf(decodeReceipt(flipped))).toBe('E_SIGNATURE');
    expect(await codeOf(decodeReceipt(bytes.subarray(0, bytes.length - 1)))).toBe('E_TRUNCATED');
    expect(await codeOf(decodeReceipt(new Uint8Array([...bytes, 0])))).toBe('E_MALFORMED');
    expect(await codeOf(decodeReceipt(new TextEncoder().encode('CKPIOPN1....')))).toBe('E_NOT_A_BUNDLE');
    const future = bytes.slice();
    future[7] = 0x32;
    expect(await codeOf(decodeReceipt(future))).toBe('E_UNSUPPORTED_VERSION');
    expect(await codeOf(encodeReceipt({ bundleIds: [], revisionIds: ['not-an-id'], signer: office }))).toBe('E_SCHEMA');
  });
});
