/**
 * Reading a `.citykpi` file. Every check happens here, before the caller touches its database:
 * limits, decryption, framing, signature, manifest schema and version, recipient binding, part
 * hashes, strict UTF-8 and JSON, revision schema and ids. Anything wrong is a BundleError.
 */
import { type Sha256Hex, bytesEqual, fromBase64Url, sha256HexOf } from '../crypto/bytes.ts';
import { fingerprintOf } from '../crypto/fingerprint.ts';
import { SIGNING_DOMAINS, verify } from '../crypto/signing.ts';
import { checkEvidenceParts, checkRevisions, contextOfRevisions, findingSummary, type RecordFinding } from '../records/index.ts';
import { canonicalJson } from '../revisions/canonical-json.ts';
import type { Revision } from '../revisions/types.ts';
import { type OpenedVia, decryptAge, startsWithAgeMagic } from './age-layer.ts';
import { type Container, decodeContainer } from './container.ts';
import type { BundleExtensions } from './encode.ts';
import { BundleError } from './errors.ts';
import { ATTACHMENT_INDEX_PART, type AttachmentIndexEntry, decodeAttachmentIndex } from './attachment-index.ts';
import { ATTACHMENT_INDEX_MINOR, ATTACHMENT_PART, FORMAT_MINOR, OPEN_MAGIC_PREFIX, PROVENANCE_MINOR, REVISIONS_PART, SEALED_MAGIC_PREFIX } from './format.ts';
import { type BundleLimits, DEFAULT_LIMITS } from './limits.ts';
import { type Manifest, readManifest } from './manifest.ts';
import { type Attestation, PROVENANCE_PART, type RevisionOrigin, attributeRevisions, decodeProvenancePart } from './provenance.ts';
import { decodeRevisionsPart } from './revisions-part.ts';
import { scopeOf } from './scope.ts';
import { decodeUtf8Strict, parseStrictJson } from './strict-json.ts';

export type SignerTrust = 'trusted' | 'unknown';

export interface DecodeBundleOptions {
  /** age secret keys (`AGE-SECRET-KEY-1…`) of this office; each is tried. */
  readonly identities?: readonly string[];
  readonly passphrase?: string;
  /** Whether a signer's raw Ed25519 key is enrolled here. Without it every signer is unknown. */
  readonly trustedSigners?: (publicKeyRaw: Uint8Array) => SignerTrust;
  /** 'hold' (default): return with signer.known = false; 'reject': throw E_UNKNOWN_SIGNER. */
  readonly unknownSigner?: 'hold' | 'reject';
  /** Raising limits is for the central office only. */
  readonly limits?: Partial<BundleLimits>;
  /** The platform's synchronous SHA-256 (Node's), for the file, its parts and every revision id. */
  readonly nativeSha256?: Sha256Hex;
}

export type BundleEnvelope =
  | { readonly kind: 'recipients'; readonly recipientId: string }
  | { readonly kind: 'passphrase' }
  | { readonly kind: 'none' };

export interface BundleSignerInfo {
  readonly publicKey: Uint8Array;
  readonly fingerprint: string;
  /** False: hold the bundle for an explicit decision, never merge it silently. */
  readonly known: boolean;
  readonly deviceId: string;
  readonly deviceName: string;
}

export interface DecodedBundle {
  readonly manifest: Manifest;
  /** Sorted by id, each id re-verified. Parents may name revisions outside the bundle. */
  readonly revisions: readonly Revision[];
  /** Evidence attachments by SHA-256 (lower-case hex). */
  readonly attachments: ReadonlyMap<string, Uint8Array>;
  readonly signer: BundleSignerInfo;
  readonly envelope: BundleEnvelope;
  /** SHA-256 of the whole file as given, for an import ledger. */
  readonly fileSha256: string;
  /** Newer-minor content to carry through merge and re-export. */
  readonly extensions: BundleExtensions;
  /** The device key each revision is bound to (by id): the signer's, or the attesting device's. */
  readonly origins: ReadonlyMap<string, RevisionOrigin>;
  /** The verified attestations the bundle carries, to keep and pass on when its revisions are re-exported. */
  readonly attestations: readonly Attestation[];
}

/** What the first bytes say, without keys: lets the UI ask for a passphrase or warn that a file is readable. */
export type BundleKind = 'encrypted' | 'open' | 'unknown';

export function bundleKindOf(bytes: Uint8Array): BundleKind {
  if (startsWithAgeMagic(bytes)) return 'encrypted';
  const prefix = new TextEncoder().encode(OPEN_MAGIC_PREFIX);
  return prefix.every((byte, index) => bytes[index] === byte) ? 'open' : 'unknown';
}

async function openEnvelope(
  bytes: Uint8Array,
  options: DecodeBundleOptions,
  limits: BundleLimits,
): Promise<{ container: Container; envelope: BundleEnvelope }> {
  if (startsWithAgeMagic(bytes)) {
    const { plaintext, via } = await decryptAge(bytes, options, limits);
    return { container: decodeContainer(plaintext, SEALED_MAGIC_PREFIX, limits), envelope: envelopeOf(via) };
  }
  const ageMagic = new TextEncoder().encode('age-encryption.org/');
  if (bytes.length < ageMagic.length && ageMagic.subarray(0, bytes.length).every((byte, index) => bytes[index] === byte) && bytes.length > 0) {
    throw new BundleError('E_TRUNCATED', 'file ends inside its magic bytes');
  }
  if (bytes.length === 0) throw new BundleError('E_TRUNCATED', 'the file is empty');
  return { container: decodeContainer(bytes, OPEN_MAGIC_PREFIX, limits), envelope: { kind: 'none' } };
}

function envelopeOf(via: OpenedVia): BundleEnvelope {
  return via.kind === 'passphrase' ? { kind: 'passphrase' } : { kind: 'recipients', recipientId: via.recipientId };
}

function checkRecipientBinding(manifest: Manifest, envelope: BundleEnvelope): void {
  if (manifest.encryption !== envelope.kind) {
    throw new BundleError('E_RECIPIENT_MISMATCH', `the signed manifest says "${manifest.encryption}" but the file is "${envelope.kind}"`);
  }
  if (envelope.kind === 'recipients' && !manifest.recipients.includes(envelope.recipientId)) {
    throw new BundleError('E_RECIPIENT_MISMATCH', 'the file was re-encrypted to a key its signer did not address');
  }
}

function invalidRecord(findings: readonly RecordFinding[]): BundleError {
  const first = findings[0]!;
  return new BundleError('E_INVALID_RECORD', findingSummary(first), {
    ...first.params,
    recordId: first.recordId,
    field: first.field ?? '',
    reason: first.reason,
    count: findings.length,
  });
}

/** The record rules every writer applies, and the evidence files held against what the revisions declare. */
function checkRecords(revisions: readonly Revision[], attachments: ReadonlyMap<string, Uint8Array>): void {
  const findings = checkRevisions(revisions, { context: contextOfRevisions(revisions) });
  if (findings.length > 0) throw invalidRecord(findings);
  const evidence = checkEvidenceParts(revisions, attachments);
  if (evidence.findings.length > 0) throw invalidRecord(evidence.findings);
  if (evidence.unreferenced.length > 0) throw new BundleError('E_SCHEMA', `part att-${evidence.unreferenced[0]} is named by no revision`);
}

/** The manifest's counts, scope and catalogue ids, each held against what the parts hold. */
function checkDeclaredContent(manifest: Manifest, revisions: readonly Revision[], attachmentCount: number): void {
  const scope = scopeOf(revisions);
  const actual: Record<string, number | readonly string[]> = {
    'counts.revisions': revisions.length,
    'counts.records': scope.recordCount,
    'counts.attachments': attachmentCount,
    'scope.cityIds': scope.cityIds,
    'scope.assessmentIds': scope.assessmentIds,
    catalogueIds: scope.catalogueIds,
  };
  const declared: Record<string, number | readonly string[]> = {
    'counts.revisions': manifest.counts.revisions,
    'counts.records': manifest.counts.records,
    'counts.attachments': manifest.counts.attachments,
    'scope.cityIds': manifest.scope.cityIds,
    'scope.assessmentIds': manifest.scope.assessmentIds,
    catalogueIds: manifest.catalogueIds,
  };
  for (const [field, value] of Object.entries(actual)) {
    if (canonicalJson(value) !== canonicalJson(declared[field])) throw new BundleError('E_SCHEMA', `manifest: ${field} does not match the content`);
  }
}

/** One digest at a time: WebCrypto copies each input, so a large file is held at most twice. */
async function hashInTurn(parts: readonly Uint8Array[], native: Sha256Hex | undefined): Promise<string[]> {
  const hashes: string[] = [];
  for (const part of parts) hashes.push(await sha256HexOf(part, native));
  return hashes;
}

/** The parts the manifest lists, against its sizes and hashes; names unique. */
async function checkListedParts(manifest: Manifest, container: Container, partHashes: Promise<string[]>): Promise<void> {
  const hashes = await partHashes;
  const names = new Set<string>();
  for (const [index, declared] of manifest.parts.entries()) {
    const actual = container.parts[index];
    if (names.has(declared.name)) throw new BundleError('E_SCHEMA', `part ${declared.name} appears twice`);
    names.add(declared.name);
    if (!actual || actual.length !== declared.bytes || hashes[index] !== declared.sha256) {
      throw new BundleError('E_HASH_MISMATCH', `part ${declared.name} does not match its hash in the manifest`);
    }
  }
}

interface ListedContent {
  readonly revisions: Revision[];
  readonly attestations: Attestation[];
  readonly attachmentIndex: AttachmentIndexEntry[];
  /** Attachments the manifest lists itself (1.0, 1.1); those of the index are added once checked. */
  readonly attachments: Map<string, Uint8Array>;
  readonly unknownParts: { name: string; bytes: Uint8Array }[];
}

/** What the manifest's parts hold, read and checked part by part. */
async function readParts(manifest: Manifest, container: Container, limits: BundleLimits, native: Sha256Hex | undefined): Promise<ListedContent> {
  const newerMinor = manifest.formatMinor > FORMAT_MINOR;
  const indexed = manifest.formatMinor >= ATTACHMENT_INDEX_MINOR;
  let revisions: Revision[] = [];
  let attestations: Attestation[] = [];
  let attachmentIndex: AttachmentIndexEntry[] = [];
  const attachments = new Map<string, Uint8Array>();
  const unknownParts: { name: string; bytes: Uint8Array }[] = [];
  for (const [index, declared] of manifest.parts.entries()) {
    const part = container.parts[index]!;
    const attachment = ATTACHMENT_PART.exec(declared.name);
    if (declared.name === REVISIONS_PART) revisions = await decodeRevisionsPart(part, limits, newerMinor, native);
    else if (declared.name === PROVENANCE_PART && manifest.formatMinor >= PROVENANCE_MINOR) attestations = await decodeProvenancePart(part, limits);
    else if (declared.name === ATTACHMENT_INDEX_PART && indexed) attachmentIndex = decodeAttachmentIndex(part, limits);
    // From 1.2 on, attachments are listed only in the index: one place, one hash per file.
    else if (attachment && !indexed) {
      // Parts are content-addressed: the name must be the hash the signed manifest vouches for.
      if (attachment[1] !== declared.sha256) throw new BundleError('E_HASH_MISMATCH', `part ${declared.name} is not named by its hash`);
      attachments.set(attachment[1]!, part);
    }
    // Known names keep their meaning at every minor: a malformed `att-` part is never an extension.
    else if (newerMinor && !declared.name.startsWith('att-')) unknownParts.push({ name: declared.name, bytes: part });
    else throw new BundleError('E_SCHEMA', `unknown part ${declared.name} for format 1.${manifest.formatMinor}`);
  }
  return { revisions, attestations, attachmentIndex, attachments, unknownParts };
}

export async function decodeBundle(bytes: Uint8Array, options: DecodeBundleOptions = {}): Promise<DecodedBundle> {
  const limits: BundleLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) throw new BundleError('E_TOO_LARGE', `file of ${bytes.length} bytes exceeds ${limits.maxFileBytes}`);
  // Through WebCrypto, digests run off the main thread: the file and every part are hashed while the content is checked.
  const fileSha256 = sha256HexOf(bytes, options.nativeSha256);
  const { container, envelope } = await openEnvelope(bytes, options, limits);
  const partHashes = hashInTurn(container.parts, options.nativeSha256);

  if (!(await verify(container.signerKey, SIGNING_DOMAINS.bundleManifest, container.manifestBytes, container.signature))) {
    throw new BundleError('E_SIGNATURE', 'the signature does not match the manifest');
  }
  const manifestText = decodeUtf8Strict(container.manifestBytes, 'manifest');
  const manifest = readManifest(
    parseStrictJson(manifestText, { maxStringLength: limits.maxStringLength, maxDepth: limits.maxJsonDepth }, 'manifest'),
  );
  const declaredKey = fromBase64Url(manifest.device.publicKey);
  if (!declaredKey || !bytesEqual(declaredKey, container.signerKey)) {
    throw new BundleError('E_SIGNATURE', 'the manifest names a different signer than the one that signed it');
  }
  checkRecipientBinding(manifest, envelope);

  // The parts are read while their digests run; a mismatch with the manifest is still the error reported first.
  const [listedChecked, read] = await Promise.allSettled([checkListedParts(manifest, container, partHashes), readParts(manifest, container, limits, options.nativeSha256)]);
  if (listedChecked.status === 'rejected') throw listedChecked.reason;
  if (read.status === 'rejected') throw read.reason;
  const { revisions, attestations, attachmentIndex, attachments, unknownParts } = read.value;
  if (container.parts.length !== manifest.parts.length + attachmentIndex.length) {
    throw new BundleError(
      'E_HASH_MISMATCH',
      `the file has ${container.parts.length} parts, the manifest and its attachment index list ${manifest.parts.length + attachmentIndex.length}`,
    );
  }
  const hashes = await partHashes;
  for (const [offset, entry] of attachmentIndex.entries()) {
    const part = container.parts[manifest.parts.length + offset]!;
    if (part.length !== entry.bytes || hashes[manifest.parts.length + offset] !== entry.sha256) {
      throw new BundleError('E_HASH_MISMATCH', `part att-${entry.sha256} does not match its hash in ${ATTACHMENT_INDEX_PART}`);
    }
    attachments.set(entry.sha256, part);
  }
  if (!manifest.parts.some((declared) => declared.name === REVISIONS_PART)) throw new BundleError('E_SCHEMA', 'the bundle has no revisions part');
  checkRecords(revisions, attachments);
  checkDeclaredContent(manifest, revisions, attachments.size);
  for (let i = 1; i < revisions.length; i++) {
    if (revisions[i - 1]!.id >= revisions[i]!.id) throw new BundleError('E_SCHEMA', 'revisions are not sorted by id');
  }

  const origins = await attributeRevisions(revisions, { deviceId: manifest.device.id, deviceName: manifest.device.name, publicKey: container.signerKey }, attestations);

  const known = options.trustedSigners?.(container.signerKey) === 'trusted';
  if (!known && options.unknownSigner === 'reject') {
    throw new BundleError('E_UNKNOWN_SIGNER', 'the bundle is signed by a key that is not trusted here');
  }
  return {
    manifest,
    revisions,
    attachments,
    signer: {
      publicKey: container.signerKey,
      fingerprint: await fingerprintOf(container.signerKey),
      known,
      deviceId: manifest.device.id,
      deviceName: manifest.device.name,
    },
    envelope,
    fileSha256: await fileSha256,
    extensions: { formatMinor: manifest.formatMinor, manifest: manifest.extensions, parts: unknownParts },
    origins,
    attestations,
  };
}
