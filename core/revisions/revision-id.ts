/**
 * Revisions are content-addressed: the id is the SHA-256 of everything else, so duplicates from
 * several bundles collapse to one and any altered byte is detectable.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Sha256Hex } from '../crypto/bytes.ts';
import { canonicalJsonBytes } from './canonical-json.ts';
import type { FieldMap, Revision, UnsignedRevision } from './types.ts';

const utf8 = new TextEncoder();

/**
 * Synchronous on purpose: a revision is a few hundred bytes, and an awaited WebCrypto digest per
 * revision costs far more in scheduling than in hashing (a 100,000-revision import spent most of its
 * time waiting on them).
 */
export const sha256Hex: Sha256Hex = (bytes) => bytesToHex(sha256(bytes));

/** Whether a value is written like a revision id: 64 lower-case hex digits, checked in a loop (a third cheaper than a pattern). */
export function isRevisionId(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 64) return false;
  for (let index = 0; index < 64; index++) {
    const code = value.charCodeAt(index);
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66))) return false;
  }
  return true;
}

/** -0 is written as 0 in canonical JSON; holding 0 keeps a revision equal to itself read back. */
function normaliseFields(fields: FieldMap): FieldMap {
  const normalised: Record<string, FieldMap[string]> = {};
  for (const [name, value] of Object.entries(fields)) normalised[name] = value === 0 ? 0 : value;
  return normalised;
}

function normaliseParents(parents: readonly string[]): string[] {
  return [...new Set(parents)].sort();
}

/** Builds a revision from its contents: parents sorted and de-duplicated, id computed. */
export async function createRevision(unsigned: UnsignedRevision): Promise<Revision> {
  const content: UnsignedRevision = {
    recordId: unsigned.recordId,
    fields: normaliseFields(unsigned.fields),
    author: unsigned.author,
    deviceId: unsigned.deviceId,
    hlc: unsigned.hlc,
    parents: normaliseParents(unsigned.parents),
  };
  return { id: sha256Hex(canonicalJsonBytes(content)), ...content };
}

/** Strictly increasing: sorted and without duplicates, as createRevision writes them. */
function hasCanonicalParents(parents: unknown): boolean {
  if (!Array.isArray(parents)) return false;
  for (let index = 1; index < parents.length; index++) {
    if (!(parents[index - 1] < parents[index])) return false;
  }
  return true;
}

/**
 * True when the id is the hash of the revision's other properties and its parents are in canonical
 * order. Unknown extra properties are part of the hash, so a future minor version's revisions still
 * verify here. Values canonical JSON cannot encode make the revision invalid, not the caller crash.
 * Synchronous like sha256Hex: a bundle checks one id per revision. `digest` is the platform's SHA-256
 * where it gave one.
 */
export function verifyRevisionId(revision: Revision, digest: Sha256Hex = sha256Hex): boolean {
  const { id, ...content } = revision;
  if (!isRevisionId(id)) return false;
  if (!hasCanonicalParents(content.parents)) return false;
  let bytes: Uint8Array;
  try {
    bytes = canonicalJsonBytes(content);
  } catch {
    return false;
  }
  return digest(bytes) === id;
}

/** Reused for every line: the line is copied here, its id member cut out, and hashed in one call, cheaper than an incremental digest. */
let contentBuffer = new Uint8Array(1024);

/**
 * verifyRevisionId for a revision read from `line`, a line known to be its canonical JSON, whose UTF-8
 * bytes are `lineBytes`: the content that was hashed is the line without its `"id"` member, so the bytes
 * around that member are hashed as they stand instead of being serialised again. `"id"` is followed by
 * `"parents"` in key order; a newer minor's extra key in between takes the general path.
 */
export function verifyRevisionIdOfCanonicalLine(revision: Revision, line: string, lineBytes: Uint8Array, digest: Sha256Hex = sha256Hex): boolean {
  const { id } = revision;
  // No pattern test of the id: only a lower-case hex id can equal the digest it is compared with.
  if (typeof id !== 'string' || !hasCanonicalParents(revision.parents)) return false;
  const member = `"id":"${id}",`;
  const at = line.indexOf(`${member}"parents":[`);
  if (at === -1) return verifyRevisionId(revision, digest);
  // A line as long in bytes as in UTF-16 units is ASCII, where each character is one byte.
  const byteAt = lineBytes.length === line.length ? at : utf8.encode(line.slice(0, at)).length;
  const length = lineBytes.length - member.length;
  if (contentBuffer.length < lineBytes.length) contentBuffer = new Uint8Array(Math.max(lineBytes.length, contentBuffer.length * 2));
  contentBuffer.set(lineBytes);
  contentBuffer.copyWithin(byteAt, byteAt + member.length, lineBytes.length);
  return digest(contentBuffer.subarray(0, length)) === id;
}
