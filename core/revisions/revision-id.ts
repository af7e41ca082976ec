/**
 * Revisions are content-addressed: the id is the SHA-256 of everything else, so duplicates from
 * several bundles collapse to one and any altered byte is detectable.
 */
import { canonicalJsonBytes } from './canonical-json.ts';
import type { Revision, UnsignedRevision } from './types.ts';

const REVISION_ID = /^[0-9a-f]{64}$/;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function normaliseParents(parents: readonly string[]): string[] {
  return [...new Set(parents)].sort();
}

/** Builds a revision from its contents: parents sorted and de-duplicated, id computed. */
export async function createRevision(unsigned: UnsignedRevision): Promise<Revision> {
  const content: UnsignedRevision = {
    recordId: unsigned.recordId,
    fields: { ...unsigned.fields },
    author: unsigned.author,
    deviceId: unsigned.deviceId,
    hlc: unsigned.hlc,
    parents: normaliseParents(unsigned.parents),
  };
  return { id: await sha256Hex(canonicalJsonBytes(content)), ...content };
}

/**
 * True when the id is the hash of the revision's other properties and its parents are in canonical
 * order. Unknown extra properties are part of the hash, so a future minor version's revisions still
 * verify here. Values canonical JSON cannot encode make the revision invalid, not the caller crash.
 */
export async function verifyRevisionId(revision: Revision): Promise<boolean> {
  const { id, ...content } = revision;
  if (typeof id !== 'string' || !REVISION_ID.test(id)) return false;
  if (!Array.isArray(content.parents)) return false;
  const canonicalParents = normaliseParents(content.parents);
  if (canonicalParents.length !== content.parents.length) return false;
  if (canonicalParents.some((parent, index) => parent !== content.parents[index])) return false;
  let bytes: Uint8Array;
  try {
    bytes = canonicalJsonBytes(content);
  } catch {
    return false;
  }
  return (await sha256Hex(bytes)) === id;
}
