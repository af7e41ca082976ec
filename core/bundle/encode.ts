/**
 * Writing a `.citykpi` file: revisions (and attachments) become parts, the manifest records their
 * hashes and the intended recipients, the device signs the manifest, and the container is then
 * encrypted with age, or left open under a magic that says so.
 */
import { type Sha256Hex, sha256HexOf, toBase64Url, toHex } from '../crypto/bytes.ts';
import { recipientIdOf } from '../crypto/office-keys.ts';
import { SIGNING_DOMAINS, sign } from '../crypto/signing.ts';
import { canonicalJsonBytes } from '../revisions/canonical-json.ts';
import type { Revision } from '../revisions/types.ts';
import { encryptAgeChunks } from './age-layer.ts';
import { containerChunks, encodeContainer } from './container.ts';
import { BundleError } from './errors.ts';
import {
  APP_NAME,
  ATTACHMENT_INDEX_MINOR,
  FORMAT_MINOR,
  FORMAT_NAME,
  FORMAT_VERSION,
  OPEN_MAGIC_PREFIX,
  PROVENANCE_MINOR,
  REVISIONS_PART,
  SEALED_MAGIC_PREFIX,
  magicFor,
} from './format.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { type Manifest, type ManifestPart, manifestToJson, readManifest } from './manifest.ts';
import { mergeRevisionSets } from './merge.ts';
import { ATTACHMENT_INDEX_PART, encodeAttachmentIndex } from './attachment-index.ts';
import { type Attestation, PROVENANCE_PART, attest, chooseAttestations, encodeProvenancePart } from './provenance.ts';
import { encodeRevisionsPart } from './revisions-part.ts';
import { scopeOf } from './scope.ts';
import { type JsonValue, parseStrictJson } from './strict-json.ts';

export interface BundleSigner {
  /** The installation's device id (also used in its revisions). */
  readonly id: string;
  /** Shown to the importer, e.g. "Facilitator laptop 3". */
  readonly name: string;
  readonly publicKey: Uint8Array;
  readonly privateKey: CryptoKey;
}

export type BundleEncryption =
  | { readonly kind: 'recipients'; readonly recipients: readonly string[] }
  | { readonly kind: 'passphrase'; readonly passphrase: string; readonly workFactor?: number }
  | { readonly kind: 'none' };

/** Fields and parts of a newer minor version, carried through merge and re-export unchanged. */
export interface BundleExtensions {
  readonly formatMinor: number;
  readonly manifest: Readonly<Record<string, JsonValue>>;
  readonly parts: readonly { readonly name: string; readonly bytes: Uint8Array }[];
}

export type BundleProgressPhase = 'serialise' | 'hash' | 'sign' | 'encrypt' | 'done';
export interface BundleProgress {
  readonly phase: BundleProgressPhase;
  /** 0…1 over the whole export. */
  readonly fraction: number;
}

export interface EncodeBundleInput {
  readonly revisions: Iterable<Revision>;
  /** Evidence files; each becomes a part named `att-<sha256>`, listed in `attachments.ndjson`. */
  readonly attachments?: Iterable<Uint8Array>;
  /** This file's place in a bundle set split at a size cap (bundle-volumes.ts). */
  readonly volume?: BundleVolume;
  readonly device: BundleSigner;
  readonly encryption: BundleEncryption;
  /** The id of the receipt this bundle is relative to (only revisions it did not cover), or null. */
  readonly since?: string | null;
  readonly appVersion?: string;
  /** Fixed for reproducible files (demo, test vectors); random otherwise. */
  readonly bundleId?: string;
  readonly createdAt?: string;
  readonly extensions?: BundleExtensions;
  /**
   * Attestations of the other devices whose revisions this bundle relays (from decoded bundles, or kept
   * by an importer). The bundle carries those it needs; its own revisions are attested afresh.
   */
  readonly attestations?: Iterable<Attestation>;
  readonly onProgress?: (progress: BundleProgress) => void;
  /** The platform's synchronous SHA-256 (Node's), for every revision id, evidence file and part. */
  readonly nativeSha256?: Sha256Hex;
}

export interface BundleVolume {
  readonly setId: string;
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/**
 * Up to this many attachments a writer lists in the manifest (layout 1.1, about 160 bytes each, well
 * within the 64 KiB manifest); more, or any file of a bundle set, go in `attachments.ndjson` (1.2).
 */
export const MAX_MANIFEST_ATTACHMENTS = 256;

export function randomBundleId(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

function wholeSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export async function encodeBundle(input: EncodeBundleInput): Promise<Uint8Array> {
  const report = (phase: BundleProgressPhase, fraction: number): void => input.onProgress?.({ phase, fraction });
  const limits = DEFAULT_LIMITS;
  const revisions = mergeRevisionSets(input.revisions);
  if (revisions.length > limits.maxRevisions) {
    throw new BundleError('E_TOO_LARGE', `${revisions.length} revisions exceed ${limits.maxRevisions} per bundle`);
  }
  report('serialise', 0);
  const newerMinor = (input.extensions?.formatMinor ?? 0) > FORMAT_MINOR;
  const revisionBytes = encodeRevisionsPart(revisions, limits, newerMinor, input.nativeSha256);
  if (revisionBytes.length > limits.maxPartBytes) {
    throw new BundleError('E_TOO_LARGE', `${revisions.length} revisions need more than ${limits.maxPartBytes} bytes; export fewer at a time`);
  }
  report('serialise', 0.3);

  const relayed = await chooseAttestations(revisions, input.device.id, input.attestations ?? []);
  const ownIds = revisions.filter((revision) => revision.deviceId === input.device.id).map((revision) => revision.id);
  const attestations = ownIds.length === 0 ? relayed : [...relayed, await attest(input.device, ownIds)];

  // Through WebCrypto, digests run off the main thread, so the evidence is hashed all at once, and only once.
  const evidence = [...(input.attachments ?? [])];
  const evidenceHashes = await Promise.all(evidence.map((attachment) => sha256HexOf(attachment, input.nativeSha256)));
  const attachments = new Map<string, Uint8Array>();
  for (const [index, hash] of evidenceHashes.entries()) attachments.set(hash, evidence[index]!);
  const attachmentParts = [...attachments].sort(([a], [b]) => (a < b ? -1 : 1)).map(([hash, bytes]) => ({ name: `att-${hash}`, hash, bytes }));
  // The oldest layout that holds the content, so that 1.1 readers keep reading everyday bundles.
  const formatMinor = Math.max(
    input.volume || attachments.size > MAX_MANIFEST_ATTACHMENTS ? ATTACHMENT_INDEX_MINOR : PROVENANCE_MINOR,
    input.extensions?.formatMinor ?? 0,
  );
  const indexed = formatMinor >= ATTACHMENT_INDEX_MINOR && attachmentParts.length > 0;
  const listedParts: { name: string; bytes: Uint8Array; hash?: string }[] = [
    { name: REVISIONS_PART, bytes: revisionBytes },
    ...(attestations.length === 0 ? [] : [{ name: PROVENANCE_PART, bytes: encodeProvenancePart(attestations) }]),
    ...(indexed
      ? [{ name: ATTACHMENT_INDEX_PART, bytes: encodeAttachmentIndex(attachmentParts.map(({ hash, bytes }) => ({ sha256: hash, bytes: bytes.length }))) }]
      : attachmentParts),
    ...(input.extensions?.parts ?? []),
  ];
  // From 1.2 on the container holds the manifest's parts, then the attachments in index order.
  const partList = indexed ? [...listedParts, ...attachmentParts] : listedParts;
  if (new Set(partList.map((part) => part.name)).size !== partList.length) throw new BundleError('E_SCHEMA', 'two parts have the same name');
  let total = 0;
  for (const part of partList) {
    if (part.bytes.length > limits.maxPartBytes) throw new BundleError('E_TOO_LARGE', `part ${part.name} is larger than ${limits.maxPartBytes} bytes`);
    total += part.bytes.length;
  }
  if (total > limits.maxFileBytes - limits.maxManifestBytes) throw new BundleError('E_TOO_LARGE', 'the bundle would exceed the file size limit');
  if (partList.length > limits.maxParts) throw new BundleError('E_TOO_LARGE', `more than ${limits.maxParts} parts`);

  report('hash', 0.4);
  const parts: ManifestPart[] = await Promise.all(
    listedParts.map(async (part) => ({ name: part.name, bytes: part.bytes.length, sha256: part.hash ?? (await sha256HexOf(part.bytes, input.nativeSha256)) })),
  );

  const encryption = input.encryption;
  const recipients =
    encryption.kind === 'recipients' ? [...new Set(await Promise.all(encryption.recipients.map(recipientIdOf)))].sort() : [];
  const scope = scopeOf(revisions);
  const manifest: Manifest = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    formatMinor,
    bundleId: input.bundleId ?? randomBundleId(),
    createdAt: input.createdAt ?? wholeSeconds(new Date()),
    app: { name: APP_NAME, version: input.appVersion ?? '0.0.0' },
    catalogueIds: scope.catalogueIds,
    device: { id: input.device.id, publicKey: toBase64Url(input.device.publicKey), name: input.device.name },
    encryption: encryption.kind,
    recipients,
    scope: { cityIds: scope.cityIds, assessmentIds: scope.assessmentIds },
    counts: { revisions: revisions.length, records: scope.recordCount, attachments: attachments.size },
    since: input.since ?? null,
    parts,
    ...(input.volume ? { volume: { setId: input.volume.setId, index: input.volume.index, count: input.volume.count } } : {}),
    extensions: input.extensions?.manifest ?? {},
  };
  const manifestBytes = canonicalJsonBytes(manifestToJson(manifest));
  if (manifestBytes.length > limits.maxManifestBytes) throw new BundleError('E_TOO_LARGE', `the manifest would exceed ${limits.maxManifestBytes} bytes`);
  readManifest(parseStrictJson(new TextDecoder().decode(manifestBytes), { maxStringLength: limits.maxStringLength, maxDepth: limits.maxJsonDepth }, 'manifest'));

  report('sign', 0.5);
  const signature = await sign(input.device.privateKey, SIGNING_DOMAINS.bundleManifest, manifestBytes);
  const container = { manifestBytes, signerKey: input.device.publicKey, signature, parts: partList.map((part) => part.bytes) };
  if (encryption.kind === 'none') {
    report('done', 1);
    return encodeContainer(magicFor(OPEN_MAGIC_PREFIX, FORMAT_VERSION), container);
  }
  report('encrypt', 0.6);
  const encrypted = await encryptAgeChunks(containerChunks(magicFor(SEALED_MAGIC_PREFIX, FORMAT_VERSION), container), encryption);
  report('done', 1);
  return encrypted;
}
