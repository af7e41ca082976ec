/**
 * Provenance: every revision in a bundle is bound to the device key that made it.
 *
 * A bundle's signature vouches for the revisions whose `deviceId` is the signer's own device id. A
 * revision made elsewhere (relayed by a laptop, or merged by the office) must come with an
 * **attestation**: a statement signed by the device that made it, listing the ids of the revisions it
 * made, `Ed25519("citykpi-attestation/v1\n" ‖ canonicalJson({ device, revisionIds }))`. Every encoder
 * attests its own revisions, importers keep the attestations, and merges and re-exports carry them on,
 * so a laptop that imports an office merge can still tell, and prove, who made each edit.
 * The part `provenance.ndjson` holds one attestation per line (format 1.1).
 */
import { z } from '../zod.ts';
import { fromBase64Url, toBase64Url } from '../crypto/bytes.ts';
import { fingerprintOf } from '../crypto/fingerprint.ts';
import { SIGNING_DOMAINS, sign, verify } from '../crypto/signing.ts';
import { canonicalJson, canonicalJsonBytes } from '../revisions/canonical-json.ts';
import { DEMO_ASSESSMENT_ID, DEMO_CITY_ID, DEMO_ORIGIN } from '../demo/index.ts';
import { parseRecordId } from '../revisions/record-id.ts';
import type { Revision } from '../revisions/types.ts';
import { BundleError } from './errors.ts';
import type { BundleLimits } from './limits.ts';
import { decodeUtf8Strict, parseStrictJson, readCanonicalJson } from './strict-json.ts';

export const PROVENANCE_PART = 'provenance.ndjson';

const HEX64 = /^[0-9a-f]{64}$/;
const DEVICE_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

const attestationSchema = z.strictObject({
  device: z.strictObject({ id: z.string().regex(DEVICE_ID), name: z.string().max(200), publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
  revisionIds: z.array(z.string().regex(HEX64)).min(1),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});

/** One device's signed statement that it made these revisions. */
export type Attestation = z.infer<typeof attestationSchema>;

/** The device key a revision is bound to. */
export interface RevisionOrigin {
  readonly deviceId: string;
  readonly deviceName: string;
  readonly publicKey: Uint8Array;
  readonly fingerprint: string;
  /**
   * `signer`: the bundle's own signature covers it; `attestation`: a relayed revision, proved by its
   * maker's attestation; `keyless`: made by no key (the demo, the catalogue update), vouched for by the
   * bundle's signer, whose key it carries.
   */
  readonly proof: 'signer' | 'attestation' | 'keyless';
}

export interface AttestingDevice {
  readonly id: string;
  readonly name: string;
  readonly publicKey: Uint8Array;
  readonly privateKey: CryptoKey;
}

function statementBytes(device: Attestation['device'], revisionIds: readonly string[]): Uint8Array {
  return canonicalJsonBytes({ device, revisionIds });
}

/**
 * The signed statement of a canonical attestation line: the line without its last member, the
 * signature, whose base64url holds no quote. Spares serialising a statement of 100,000 ids again.
 */
function statementOfLine(line: string, lineBytes: Uint8Array, attestation: Attestation): Uint8Array {
  const signatureMember = `,"signature":"${attestation.signature}"}`;
  if (!line.endsWith(signatureMember)) return statementBytes(attestation.device, attestation.revisionIds);
  // The member is ASCII, as long in bytes as in characters: the statement is copied from the line's bytes, not encoded again.
  const statement = new Uint8Array(lineBytes.length - signatureMember.length + 1);
  statement.set(lineBytes.subarray(0, statement.length - 1));
  statement[statement.length - 1] = 0x7d;
  return statement;
}

export async function attest(device: AttestingDevice, revisionIds: Iterable<string>): Promise<Attestation> {
  const listed = [...revisionIds];
  // An encoder lists the ids of revisions it sorted by id: then there is nothing to de-duplicate or sort.
  const ascending = listed.every((id, index) => index === 0 || listed[index - 1]! < id);
  const ids = ascending ? listed : [...new Set(listed)].sort();
  const signed = { id: device.id, name: device.name, publicKey: toBase64Url(device.publicKey) };
  const signature = await sign(device.privateKey, SIGNING_DOMAINS.attestation, statementBytes(signed, ids));
  return { device: signed, revisionIds: ids, signature: toBase64Url(signature) };
}

export function attestationLine(attestation: Attestation): string {
  return `${canonicalJson(attestation)}\n`;
}

/** Lines sorted and unique, so equal sets of attestations give equal bytes. */
export function encodeProvenancePart(attestations: Iterable<Attestation>): Uint8Array {
  const lines = [...new Set([...attestations].map(attestationLine))].sort();
  return new TextEncoder().encode(lines.join(''));
}

/** A line holds up to every revision id of a bundle: its length limit follows the revision limit. */
function maxAttestationLineBytes(limits: BundleLimits): number {
  return 1024 + limits.maxRevisions * 67;
}

export async function decodeProvenancePart(bytes: Uint8Array, limits: BundleLimits): Promise<Attestation[]> {
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) throw new BundleError('E_SCHEMA', `${PROVENANCE_PART}: the last line has no line break`);
  const attestations: Attestation[] = [];
  let previous = '';
  let start = 0;
  let lineNumber = 0;
  while (start < bytes.length) {
    lineNumber++;
    const where = `${PROVENANCE_PART} line ${lineNumber}`;
    const end = bytes.indexOf(0x0a, start);
    if (end - start > maxAttestationLineBytes(limits)) throw new BundleError('E_TOO_LARGE', `${where} is too long`);
    const lineBytes = bytes.subarray(start, end);
    const text = decodeUtf8Strict(lineBytes, where);
    start = end + 1;
    const jsonLimits = { maxStringLength: limits.maxStringLength, maxDepth: 3 };
    const canonical = readCanonicalJson(text, jsonLimits);
    const parsed = attestationSchema.safeParse(canonical ?? parseStrictJson(text, jsonLimits, where));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BundleError('E_SCHEMA', `${where}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
    }
    const attestation = parsed.data;
    if (canonical === null && `${text}\n` !== attestationLine(attestation)) throw new BundleError('E_SCHEMA', `${where}: not canonical JSON`);
    if (text <= previous) throw new BundleError('E_SCHEMA', `${where}: lines are not sorted and unique`);
    previous = text;
    for (let i = 1; i < attestation.revisionIds.length; i++) {
      if (attestation.revisionIds[i - 1]! >= attestation.revisionIds[i]!) throw new BundleError('E_SCHEMA', `${where}: revision ids are not sorted and unique`);
    }
    const publicKey = fromBase64Url(attestation.device.publicKey);
    const signature = fromBase64Url(attestation.signature);
    if (!publicKey || !signature || !(await verify(publicKey, SIGNING_DOMAINS.attestation, statementOfLine(text, lineBytes, attestation), signature))) {
      throw new BundleError('E_SIGNATURE', `${where}: the attestation signature does not verify`);
    }
    attestations.push(attestation);
  }
  return attestations;
}

/**
 * The demo's revisions: made by no key (every installation builds them, and their content changes
 * between versions), so they are recognised by their shape and confined to the demo: the demo origin's
 * device id, no parents, and only the demo city's and demo assessment's records (its sample workshop's too). The bundle's signer
 * vouches for them like for its own.
 */
export function isDemoRevision(revision: Revision): boolean {
  if (revision.deviceId !== DEMO_ORIGIN.deviceId || revision.parents.length > 0) return false;
  const ref = parseRecordId(revision.recordId);
  if (ref?.kind === 'city') return ref.cityId === DEMO_CITY_ID;
  return ref !== null && 'assessmentId' in ref && ref.assessmentId === DEMO_ASSESSMENT_ID;
}

/**
 * The catalogue update's revisions (renderer/src/data/catalogue-migration.ts): every laptop writes the
 * same bytes when it moves an assessment to the current catalogue, so they too are made by no key and
 * the signer vouches for them.
 */
export const CATALOGUE_UPDATE_DEVICE = 'citykpi-catalogue-update';

/** Revisions every installation makes itself: no key made them, the bundle's signer vouches for them. */
export function isKeylessRevision(revision: Revision): boolean {
  return isDemoRevision(revision) || revision.deviceId === CATALOGUE_UPDATE_DEVICE;
}

function foreignRevisionError(revision: Revision): BundleError {
  return new BundleError(
    'E_FOREIGN_REVISION',
    `revision ${revision.id} claims device ${JSON.stringify(revision.deviceId)}, which did not sign this bundle, and no attestation of that device covers it`,
  );
}

/**
 * Binds every revision to a key: its own signer's when it claims the signer's device id, otherwise the
 * attestation's of the device it claims. One device id is one key within a bundle, and every
 * attestation must be needed by some revision (no padding).
 */
export async function attributeRevisions(
  revisions: readonly Revision[],
  signer: { readonly deviceId: string; readonly deviceName: string; readonly publicKey: Uint8Array },
  attestations: readonly Attestation[],
): Promise<Map<string, RevisionOrigin>> {
  const signerKey = toBase64Url(signer.publicKey);
  // One device id is one key, and one key one device id: a key cannot speak for another device.
  const keyOfDevice = new Map<string, string>([[signer.deviceId, signerKey]]);
  const deviceOfKey = new Map<string, string>([[signerKey, signer.deviceId]]);
  /** By `deviceId revisionId`: an attestation proves only revisions that claim its own device. */
  const covering = new Map<string, Attestation>();
  for (const attestation of attestations) {
    const { id, publicKey } = attestation.device;
    if ((keyOfDevice.get(id) ?? publicKey) !== publicKey || (deviceOfKey.get(publicKey) ?? id) !== id) {
      throw new BundleError('E_FOREIGN_REVISION', `device ${JSON.stringify(id)} and its key do not match another device id or key of this bundle`);
    }
    keyOfDevice.set(id, publicKey);
    deviceOfKey.set(publicKey, id);
    // The signer's own revisions are proven by the bundle's signature, never looked up here.
    if (id === signer.deviceId) continue;
    for (const id of attestation.revisionIds) {
      const key = `${attestation.device.id} ${id}`;
      if (!covering.has(key)) covering.set(key, attestation);
    }
  }
  const signerOrigin: RevisionOrigin = {
    deviceId: signer.deviceId,
    deviceName: signer.deviceName,
    publicKey: signer.publicKey,
    fingerprint: await fingerprintOf(signer.publicKey),
    proof: 'signer',
  };
  const attested = new Map<Attestation, RevisionOrigin>();
  const origins = new Map<string, RevisionOrigin>();
  const deviceOfRevision = new Map<string, string>();
  for (const revision of revisions) {
    deviceOfRevision.set(revision.id, revision.deviceId);
    if (revision.deviceId === signer.deviceId) {
      origins.set(revision.id, signerOrigin);
      continue;
    }
    if (isKeylessRevision(revision)) {
      origins.set(revision.id, { ...signerOrigin, deviceId: revision.deviceId, deviceName: revision.author, proof: 'keyless' });
      continue;
    }
    const attestation = covering.get(`${revision.deviceId} ${revision.id}`);
    if (!attestation) throw foreignRevisionError(revision);
    let origin = attested.get(attestation);
    if (!origin) {
      const publicKey = fromBase64Url(attestation.device.publicKey)!;
      origin = { deviceId: attestation.device.id, deviceName: attestation.device.name, publicKey, fingerprint: await fingerprintOf(publicKey), proof: 'attestation' };
      attested.set(attestation, origin);
    }
    origins.set(revision.id, origin);
  }
  for (const attestation of attestations) {
    if (!attestation.revisionIds.some((id) => deviceOfRevision.get(id) === attestation.device.id)) {
      throw new BundleError('E_SCHEMA', `an attestation of device ${JSON.stringify(attestation.device.id)} covers no revision of this bundle`);
    }
  }
  return origins;
}

/**
 * The attestations a bundle must carry for `revisions` signed by `ownDeviceId`: for every revision of
 * another device, one attestation that lists it, preferring those already chosen (few and large).
 * Throws E_FOREIGN_REVISION when a relayed revision has none: an encoder must not write what readers refuse.
 */
export async function chooseAttestations(revisions: readonly Revision[], ownDeviceId: string, available: Iterable<Attestation>): Promise<Attestation[]> {
  const candidates = [...available].sort((a, b) => b.revisionIds.length - a.revisionIds.length);
  const byRevision = new Map<string, Attestation[]>();
  for (const attestation of candidates) {
    for (const id of attestation.revisionIds) {
      const list = byRevision.get(id);
      if (list) list.push(attestation);
      else byRevision.set(id, [attestation]);
    }
  }
  const chosen = new Set<Attestation>();
  const keyOfDevice = new Map<string, string>();
  for (const revision of revisions) {
    if (revision.deviceId === ownDeviceId || isKeylessRevision(revision)) continue;
    const key = keyOfDevice.get(revision.deviceId);
    const options = (byRevision.get(revision.id) ?? []).filter(
      (attestation) => attestation.device.id === revision.deviceId && (key === undefined || attestation.device.publicKey === key),
    );
    if (options.length === 0) throw foreignRevisionError(revision);
    if (options.some((attestation) => chosen.has(attestation))) continue;
    chosen.add(options[0]!);
    keyOfDevice.set(revision.deviceId, options[0]!.device.publicKey);
  }
  return [...chosen];
}
