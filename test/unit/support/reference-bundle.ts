/**
 * A second, minimal writer of open `.citykpi` bundles, written from docs/bundle-format.md as a third
 * party would write one: Node's own SHA-256 and Ed25519, its own canonical JSON, its own framing. It
 * shares no code with core/, so the worked example in the document is checked against two independent
 * encoders. Test use only.
 */
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';

export interface ExampleRevision {
  readonly recordId: string;
  readonly fields: Readonly<Record<string, string | number | boolean | null>>;
  readonly author: string;
  readonly wallMs: number;
  readonly counter: number;
  readonly parents: readonly string[];
}

export interface ExampleInput {
  /** 32 bytes, hex: the Ed25519 seed (RFC 8032 private key). */
  readonly seed: string;
  readonly deviceName: string;
  readonly bundleId: string;
  readonly createdAt: string;
  readonly appVersion: string;
  /** Attachment bytes, hex. */
  readonly attachments: readonly string[];
  readonly revisions: readonly ExampleRevision[];
}

export interface ExampleBundle {
  readonly publicKey: string;
  readonly deviceId: string;
  /** Per input revision: the canonical JSON that is hashed (everything but `id`), and the id. */
  readonly hashed: readonly string[];
  readonly ids: readonly string[];
  readonly revisionsPart: string;
  readonly attestationStatement: string;
  readonly attestationSignature: string;
  readonly provenancePart: string;
  readonly manifest: string;
  readonly signature: string;
  readonly bytes: Buffer;
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** Keys sorted by UTF-16 code units, no whitespace, strings and numbers as ECMAScript's JSON.stringify writes them. */
export function canonical(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const object = value as { readonly [key: string]: Json };
  return `{${Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(object[key]!)}`)
    .join(',')}}`;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value);
  return out;
}

function u64(value: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(BigInt(value));
  return out;
}

function hlc(wallMs: number, counter: number, deviceId: string): string {
  return `${String(wallMs).padStart(15, '0')}-${counter.toString(16).padStart(4, '0')}-${deviceId}`;
}

function scope(revisions: readonly { recordId: string; fields: ExampleRevision['fields'] }[]) {
  const cityIds = new Set<string>();
  const assessmentIds = new Set<string>();
  const catalogueIds = new Set<string>();
  for (const { recordId, fields } of revisions) {
    const [kind, first] = recordId.split(':');
    if (kind === 'city') cityIds.add(first!);
    if (kind === 'value') assessmentIds.add(first!);
    if (kind === 'assessment') {
      assessmentIds.add(first!);
      if (typeof fields.cityId === 'string') cityIds.add(fields.cityId);
      if (typeof fields.catalogueId === 'string') catalogueIds.add(fields.catalogueId);
    }
  }
  return {
    cityIds: [...cityIds].sort(),
    assessmentIds: [...assessmentIds].sort(),
    catalogueIds: [...catalogueIds].sort(),
    records: new Set(revisions.map((revision) => revision.recordId)).size,
  };
}

export function buildExample(input: ExampleInput, options: { readonly lineOf?: (content: Json, id: string) => string } = {}): ExampleBundle {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, Buffer.from(input.seed, 'hex')]), format: 'der', type: 'pkcs8' });
  const rawPublicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
  const publicKey = rawPublicKey.toString('base64url');
  const deviceId = `dev-${sha256(rawPublicKey).slice(0, 24)}`;
  const signWith = (domain: string, bytes: Buffer) => sign(null, Buffer.concat([Buffer.from(domain, 'utf8'), bytes]), privateKey);

  const contents = input.revisions.map((revision) => ({
    recordId: revision.recordId,
    fields: revision.fields,
    author: revision.author,
    deviceId,
    hlc: hlc(revision.wallMs, revision.counter, deviceId),
    parents: revision.parents,
  }));
  const hashed = contents.map((content) => canonical(content));
  const ids = hashed.map((text) => sha256(Buffer.from(text, 'utf8')));
  const lineOf = options.lineOf ?? ((content: Json, id: string) => canonical({ ...(content as object), id }));
  const lines = contents.map((content, index) => ({ id: ids[index]!, line: `${lineOf(content, ids[index]!)}\n` }));
  const revisionsPart = lines
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(({ line }) => line)
    .join('');

  const device = { id: deviceId, name: input.deviceName, publicKey };
  const attestationStatement = canonical({ device, revisionIds: [...ids].sort() });
  const attestationSignature = signWith('citykpi-attestation/v1\n', Buffer.from(attestationStatement, 'utf8')).toString('base64url');
  const provenancePart = `${canonical({ device, revisionIds: [...ids].sort(), signature: attestationSignature })}\n`;

  const attachments = input.attachments.map((hex) => Buffer.from(hex, 'hex')).sort((a, b) => (sha256(a) < sha256(b) ? -1 : 1));
  const parts = [
    { name: 'revisions.ndjson', bytes: Buffer.from(revisionsPart, 'utf8') },
    { name: 'provenance.ndjson', bytes: Buffer.from(provenancePart, 'utf8') },
    ...attachments.map((bytes) => ({ name: `att-${sha256(bytes)}`, bytes })),
  ];
  const found = scope(contents);
  const manifest = canonical({
    app: { name: 'citykpi', version: input.appVersion },
    bundleId: input.bundleId,
    catalogueIds: found.catalogueIds,
    counts: { attachments: attachments.length, records: found.records, revisions: contents.length },
    createdAt: input.createdAt,
    device,
    encryption: 'none',
    format: 'citykpi-bundle',
    formatMinor: 1,
    formatVersion: 1,
    parts: parts.map(({ name, bytes }) => ({ bytes: bytes.length, name, sha256: sha256(bytes) })),
    recipients: [],
    scope: { assessmentIds: found.assessmentIds, cityIds: found.cityIds },
    since: null,
  });
  const manifestBytes = Buffer.from(manifest, 'utf8');
  const signature = signWith('citykpi-bundle/v1 manifest\n', manifestBytes);
  const bytes = Buffer.concat([
    Buffer.from('CKPIOPN1', 'ascii'),
    u32(manifestBytes.length),
    manifestBytes,
    Buffer.from([1]),
    rawPublicKey,
    Buffer.from([64]),
    signature,
    u32(parts.length),
    ...parts.flatMap(({ bytes: part }) => [u64(part.length), part]),
  ]);
  return {
    publicKey,
    deviceId,
    hashed,
    ids,
    revisionsPart,
    attestationStatement,
    attestationSignature,
    provenancePart,
    manifest,
    signature: signature.toString('hex'),
    bytes,
  };
}
