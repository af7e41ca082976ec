/**
 * Revisions are content-addressed: the id is the SHA-256 of everything else, so duplicates from
 * several bundles collapse to one and any altered byte is detectable.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJsonBytes } from './canonical-json.ts';
import type { FieldMap, Revision, UnsignedRevision } from './types.ts';

const utf8 = new TextEncoder();
const REVISION_ID = /^[0-9a-f]{64}$/;

/**
 * Synchronous on purpose: a revision is a few hundred bytes, and an awaited WebCrypto digest per
 * revision costs far more in scheduling than in hashing (a 100,000-revision import spent most of its
 * time waiting on them).
 */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
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

/**
 * True when the id is the hash of the revision's other properties and its parents are in canonical
 * order. Unknown extra properties are part of the hash, so a future minor version's revisions still
 * verify here. Values canonical JSON cannot encode make the revision invalid, not the caller crash.
 */
function hasCanonicalParents(parents: unknown): boolean {
  if (!Array.isArray(parents)) return false;
  const canonicalParents = normaliseParents(parents as string[]);
  return canonicalParents.length === parents.length && canonicalParents.every((parent, index) => parent === parents[index]);
}

export async function verifyRevisionId(revision: Revision): Promise<boolean> {
  const { id, ...content } = revision;
  if (typeof id !== 'string' || !REVISION_ID.test(id)) return false;
  if (!hasCanonicalParents(content.parents)) return false;
  let bytes: Uint8Array;
  try {
    bytes = canonicalJsonBytes(content);
  } catch {
    return false;
  }
  return sha256Hex(bytes) === id;
}

/**
 * verifyRevisionId for a revision read from `line`, a line known to be its canonical JSON: the content
 * that was hashed is the line without its `"id"` member, so it is hashed as it stands instead of being
 * serialised again. `"id"` is followed by `"parents"` in key order; a newer minor's extra key in between
 * takes the general path.
 */
export async function verifyRevisionIdOfCanonicalLine(revision: Revision, line: string): Promise<boolean> {
  const { id } = revision;
  if (typeof id !== 'string' || !REVISION_ID.test(id) || !hasCanonicalParents(revision.parents)) return false;
  const member = `"id":"${id}",`;
  const at = line.indexOf(`${member}"parents":[`);
  if (at === -1) return verifyRevisionId(revision);
  return sha256Hex(utf8.encode(line.slice(0, at) + line.slice(at + member.length))) === id;
}
