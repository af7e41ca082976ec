/**
 * A newer minor version may add things; it never relaxes what is already known. Every known field of the
 * manifest, of a revision, of an attestation and of a receipt is tampered with in a bundle that claims
 * format 1.9, and must be refused exactly as in a 1.1 bundle.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleError, FORMAT_MINOR, decodeBundle, decodeReceipt, encodeBundle } from '../../core/bundle/index.ts';
import type { BundleExtensions, BundleSigner } from '../../core/bundle/encode.ts';
import { MAGIC_LENGTH, SIGNATURE_ALGORITHM_ED25519, magicFor } from '../../core/bundle/format.ts';
import { PROVENANCE_PART, attest, attestationLine } from '../../core/bundle/provenance.ts';
import { RECEIPT_MAGIC_PREFIX } from '../../core/bundle/receipt.ts';
import { concatBytes, toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import { SIGNING_DOMAINS, sign } from '../../core/crypto/signing.ts';
import { canonicalJson, canonicalJsonBytes } from '../../core/revisions/canonical-json.ts';
import { sha256Hex } from '../../core/revisions/revision-id.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { type Unpacked, repack, resign, unpack } from '../fixtures/bundles/forge.ts';
import { refusalOf, sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';

const NEWER = 9;
const MINORS = [FORMAT_MINOR, NEWER] as const;

let device: BundleSigner;
let other: BundleSigner;
let revisions: Revision[];
let layouts: Map<number, Unpacked>;

beforeAll(async () => {
  device = await signerFromSeed(71, 'Laptop 71');
  other = await signerFromSeed(72, 'Laptop 72');
  revisions = await sampleRevisions(device.id);
  layouts = new Map();
  for (const minor of MINORS) {
    // Writers choose the oldest minor that holds the content; a re-export keeps the minor it was given.
    const extensions: BundleExtensions =
      minor > FORMAT_MINOR
        ? { formatMinor: minor, manifest: { futureField: { kept: true } }, parts: [{ name: 'future.part', bytes: utf8.encode('{}\n') }] }
        : { formatMinor: minor, manifest: {}, parts: [] };
    layouts.set(minor, unpack(await encodeBundle({ revisions, device, encryption: { kind: 'none' }, extensions })));
  }
});


/** The bundle of this minor with its manifest changed and re-signed by its own device (so only the change is wrong). */
async function withManifest(minor: number, change: (manifest: Record<string, unknown>) => Record<string, unknown>): Promise<Uint8Array> {
  const layout = layouts.get(minor)!;
  return repack(await resign({ ...layout, manifest: change(structuredClone(layout.manifest)) }, device));
}

/** The bundle of this minor with revision lines replaced, ids recomputed, sorted, hashes fixed and re-signed. */
async function withRevisions(minor: number, change: (content: Record<string, unknown>) => Record<string, unknown>, index = 2): Promise<Uint8Array> {
  const layout = layouts.get(minor)!;
  const lines = revisions.map((revision, at) => {
    if (at !== index) return canonicalJson(revision);
    const { id: _id, ...content } = revision;
    const changed = change(structuredClone(content) as Record<string, unknown>);
    return canonicalJson({ id: sha256Hex(canonicalJsonBytes(changed)), ...changed });
  });
  const idOf = (line: string) => (JSON.parse(line) as { id: string }).id;
  const sorted = lines.sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1));
  const parts = [utf8.encode(sorted.map((line) => `${line}\n`).join('')), ...layout.parts.slice(1)];
  return repack(await resign({ ...layout, parts }, device, { fixHashes: true }));
}

async function withProvenance(minor: number, lines: readonly string[]): Promise<Uint8Array> {
  const layout = layouts.get(minor)!;
  const index = (layout.manifest.parts as { name: string }[]).findIndex((part) => part.name === PROVENANCE_PART);
  const parts = layout.parts.map((part, at) => (at === index ? utf8.encode(lines.join('')) : part));
  return repack(await resign({ ...layout, parts }, device, { fixHashes: true }));
}

type Edit = (value: Record<string, unknown>) => Record<string, unknown>;
const set =
  (key: string, value: unknown): Edit =>
  (object) => ({ ...object, [key]: value });
const setIn =
  (key: string, inner: string, value: unknown): Edit =>
  (object) => ({ ...object, [key]: { ...(object[key] as Record<string, unknown>), [inner]: value } });
const without =
  (key: string): Edit =>
  (object) => Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));

describe('a newer minor version keeps every known field strict', () => {
  it('decodes both untampered bundles, keeping the newer one’s extensions', async () => {
    expect((await decodeBundle(repack(layouts.get(FORMAT_MINOR)!))).manifest.formatMinor).toBe(FORMAT_MINOR);
    const newer = await decodeBundle(repack(layouts.get(NEWER)!));
    expect(newer.manifest.extensions).toEqual({ futureField: { kept: true } });
    expect(newer.extensions.parts.map((part) => part.name)).toEqual(['future.part']);
  });

  const manifestCases: [string, Edit, string][] = [
    ['format', set('format', 'other-bundle'), 'E_NOT_A_BUNDLE'],
    ['formatVersion', set('formatVersion', '1'), 'E_SCHEMA'],
    ['formatMinor', set('formatMinor', -1), 'E_SCHEMA'],
    ['bundleId', set('bundleId', 'F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF'), 'E_SCHEMA'],
    ['createdAt', set('createdAt', '2025-01-16 12:00'), 'E_SCHEMA'],
    ['app', setIn('app', 'build', 7), 'E_SCHEMA'],
    ['catalogueIds', set('catalogueIds', ['u4ssc 2017']), 'E_SCHEMA'],
    ['catalogueIds', set('catalogueIds', []), 'E_SCHEMA'],
    ['device', setIn('device', 'id', 'bad id!'), 'E_SCHEMA'],
    ['device', setIn('device', 'publicKey', 'AAAA'), 'E_SCHEMA'],
    ['device', setIn('device', 'colour', 'red'), 'E_SCHEMA'],
    ['encryption', set('encryption', 'rot13'), 'E_SCHEMA'],
    ['recipients', set('recipients', ['x25519:0123']), 'E_SCHEMA'],
    ['recipients', set('recipients', ['x25519:0123456789abcdef0123456789abcdef']), 'E_SCHEMA'],
    ['scope', setIn('scope', 'regions', []), 'E_SCHEMA'],
    ['scope', setIn('scope', 'cityIds', []), 'E_SCHEMA'],
    ['counts', setIn('counts', 'revisions', '5'), 'E_SCHEMA'],
    ['counts', setIn('counts', 'records', 99), 'E_SCHEMA'],
    ['since', set('since', 5), 'E_SCHEMA'],
    ['since', without('since'), 'E_SCHEMA'],
    ['parts', (manifest) => ({ ...manifest, parts: (manifest.parts as object[]).map((part) => ({ ...part, extra: 1 })) }), 'E_SCHEMA'],
    ['parts', (manifest) => ({ ...manifest, parts: (manifest.parts as object[]).map((part) => ({ ...part, sha256: '0'.repeat(64) })) }), 'E_HASH_MISMATCH'],
  ];

  for (const minor of MINORS) {
    it.each(manifestCases)(`format 1.${minor}: a tampered manifest field %s is refused`, async (field, change, code) => {
      const error = await refusalOf(await withManifest(minor, change));
      expect(error.code).toBe(code);
      if (code === 'E_SCHEMA') expect(error.message).toContain(field);
    });
  }

  const revisionCases: [string, Edit, string][] = [
    ['recordId', set('recordId', 'nonsense:x'), 'E_SCHEMA'],
    ['fields', set('fields', { 'bad name': 1 }), 'E_SCHEMA'],
    ['fields', set('fields', { note: { nested: true } }), 'E_SCHEMA'],
    ['author', set('author', 'x'.repeat(201)), 'E_SCHEMA'],
    ['deviceId', set('deviceId', ''), 'E_SCHEMA'],
    ['hlc', set('hlc', 'yesterday'), 'E_SCHEMA'],
    ['parents', set('parents', ['f'.repeat(64), '0'.repeat(64)]), 'E_SCHEMA'],
    ['parents', set('parents', ['0'.repeat(64), '0'.repeat(64)]), 'E_SCHEMA'],
    ['parents', set('parents', ['not-an-id']), 'E_SCHEMA'],
    // The record rules apply at every minor: a string where a number belongs, a field the kind does not have.
    ['numerator', set('fields', { numerator: '820' }), 'E_INVALID_RECORD'],
    ['colour', set('fields', { colour: 'red' }), 'E_INVALID_RECORD'],
    ['status', set('fields', { status: '<b>reported</b>' }), 'E_INVALID_RECORD'],
  ];

  for (const minor of MINORS) {
    it.each(revisionCases)(`format 1.${minor}: a tampered revision field %s is refused`, async (field, change, code) => {
      const error = await refusalOf(await withRevisions(minor, change));
      expect(error.code).toBe(code);
      expect(error.message).toContain(field);
    });
  }

  it('keeps an unknown revision property only at a newer minor, covered by the id', async () => {
    const future = set('confidence', 'high');
    expect((await refusalOf(await withRevisions(FORMAT_MINOR, future))).code).toBe('E_SCHEMA');
    const decoded = await decodeBundle(await withRevisions(NEWER, future));
    expect(decoded.revisions.map((revision) => (revision as unknown as Record<string, unknown>).confidence).filter(Boolean)).toEqual(['high']);
  });

  it('refuses a tampered attestation at a newer minor as at 1.1: attestation lines are closed objects', async () => {
    const own = await attest(device, revisions.map((revision) => revision.id));
    const line = (value: unknown) => `${canonicalJson(value)}\n`;
    const cases: [string, string[], string][] = [
      ['extra key', [line({ ...own, note: 'hello' })], 'E_SCHEMA'],
      ['device id', [line({ ...own, device: { ...own.device, id: 'bad id!' } })], 'E_SCHEMA'],
      ['device key', [line({ ...own, device: { ...own.device, publicKey: toBase64Url(other.publicKey) } })], 'E_SIGNATURE'],
      ['revision ids', [line({ ...own, revisionIds: [...own.revisionIds].reverse() })], 'E_SCHEMA'],
      ['signature', [line({ ...own, signature: toBase64Url(new Uint8Array(64)) })], 'E_SIGNATURE'],
      ['padding', [attestationLine(own), attestationLine(await attest(other, ['0'.repeat(64)]))].sort(), 'E_SCHEMA'],
    ];
    for (const minor of MINORS) {
      expect((await decodeBundle(await withProvenance(minor, [attestationLine(own)]))).attestations).toHaveLength(1);
      for (const [name, lines, code] of cases) expect((await refusalOf(await withProvenance(minor, lines))).code, `1.${minor} ${name}`).toBe(code);
    }
  });

  it('reads receipts, which have no minor version, strictly: a body that claims a newer minor is refused', async () => {
    const body = {
      format: 'citykpi-receipt',
      formatVersion: 1,
      receiptId: '0123456789abcdef0123456789abcdef',
      issuedAt: '2025-01-16T12:00:00Z',
      bundleIds: [],
      revisionIds: revisions.map((revision) => revision.id).sort(),
      signer: { id: device.id, name: device.name, publicKey: toBase64Url(device.publicKey) },
    };
    const receipt = async (value: Record<string, unknown>) => {
      const bytes = canonicalJsonBytes(value);
      const length = new Uint8Array(4);
      new DataView(length.buffer).setUint32(0, bytes.length, true);
      const signature = await sign(device.privateKey, SIGNING_DOMAINS.receipt, bytes);
      return concatBytes(magicFor(RECEIPT_MAGIC_PREFIX, 1), length, bytes, new Uint8Array([SIGNATURE_ALGORITHM_ED25519]), device.publicKey, new Uint8Array([64]), signature);
    };
    expect(magicFor(RECEIPT_MAGIC_PREFIX, 1)).toHaveLength(MAGIC_LENGTH);
    expect((await decodeReceipt(await receipt(body))).revisionIds).toHaveLength(revisions.length);
    const codeOf = (value: Record<string, unknown>) => receipt(value).then(decodeReceipt).then(() => 'accepted', (error: unknown) => (error as BundleError).code);
    expect(await codeOf({ ...body, formatMinor: NEWER })).toBe('E_SCHEMA');
    expect(await codeOf({ ...body, signer: { ...body.signer, extra: 1 } })).toBe('E_SCHEMA');
    expect(await codeOf({ ...body, issuedAt: 'today' })).toBe('E_SCHEMA');
    expect(await codeOf({ ...body, revisionIds: [...body.revisionIds].reverse() })).toBe('E_SCHEMA');
    expect(await codeOf({ ...body, bundleIds: ['ffffffffffffffffffffffffffffffff', '00000000000000000000000000000000'] })).toBe('E_SCHEMA');
  });
});
