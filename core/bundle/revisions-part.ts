/**
 * `revisions.ndjson`: one revision per line as canonical JSON, sorted by id, each line ending in \n.
 * Reading checks every line's size before decoding it, validates it strictly and re-computes its id.
 */
import { z } from '../zod.ts';
import { canonicalJson } from '../revisions/canonical-json.ts';
import { parseHlc } from '../revisions/hlc.ts';
import { parseRecordId } from '../revisions/record-id.ts';
import { verifyRevisionId, verifyRevisionIdOfCanonicalLine } from '../revisions/revision-id.ts';
import type { Revision } from '../revisions/types.ts';
import { BundleError } from './errors.ts';
import type { BundleLimits } from './limits.ts';
import { decodeUtf8Strict, parseStrictJson } from './strict-json.ts';

const HEX64 = z.string().regex(/^[0-9a-f]{64}$/);
const SHORT = z.string().max(200);
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_FIELDS = 64;
const MAX_PARENTS = 1_000;

function isSortedAndUnique(ids: readonly string[]): boolean {
  return ids.every((id, index) => index === 0 || ids[index - 1]! < id);
}

const revisionShape = {
  id: HEX64,
  recordId: z.string().max(200).refine((id) => parseRecordId(id) !== null, 'not a record id'),
  fields: z
    .record(z.string().regex(FIELD_NAME), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .refine((fields) => Object.keys(fields).length <= MAX_FIELDS, `more than ${MAX_FIELDS} fields`),
  author: SHORT,
  deviceId: SHORT.min(1),
  hlc: z.string().max(200).refine((hlc) => parseHlc(hlc) !== null, 'not a clock'),
  // Checked here, not left to the id check: a writer that forgot to sort gets told so, not "hash mismatch".
  parents: z.array(HEX64).max(MAX_PARENTS).refine(isSortedAndUnique, 'parents must be sorted and unique'),
};
const strictRevision = z.strictObject(revisionShape);
/** A newer minor may add properties; they are covered by the id and kept verbatim. */
const looseRevision = z.looseObject(revisionShape);

/** Every string within the limit and every integer exactly representable, as the strict reader requires. */
function withinLimits(value: unknown, maxStringLength: number): boolean {
  if (typeof value === 'string') return value.length <= maxStringLength;
  if (typeof value === 'number') return !Number.isInteger(value) || Number.isSafeInteger(value);
  if (value === null || typeof value !== 'object') return true;
  for (const [key, item] of Object.entries(value)) {
    if (key.length > maxStringLength || !withinLimits(item, maxStringLength)) return false;
  }
  return true;
}

/**
 * The value of a line that is already canonical JSON, read with the engine's native parser; null for
 * any other line, which then goes through the strict reader so that its problem is named. A canonical
 * line has no duplicate keys, no whitespace and no lone surrogates (canonicalJson refuses them), so
 * only `__proto__`, the string limit and unsafe integers remain to check here.
 */
function readCanonicalLine(text: string, maxStringLength: number): unknown {
  if (text.includes('"__proto__"')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return canonicalJson(value) === text && withinLimits(value, maxStringLength) ? value : null;
  } catch {
    return null;
  }
}

export function encodeRevisionLines(revisions: readonly Revision[]): string[] {
  return revisions.map((revision) => `${canonicalJson(revision)}\n`);
}

export async function decodeRevisionsPart(
  bytes: Uint8Array,
  limits: BundleLimits,
  allowUnknownProperties: boolean,
): Promise<Revision[]> {
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) {
    throw new BundleError('E_SCHEMA', 'revisions.ndjson: the last line has no line break');
  }
  const schema = allowUnknownProperties ? looseRevision : strictRevision;
  const revisions: Revision[] = [];
  const seen = new Set<string>();
  let start = 0;
  let lineNumber = 0;
  while (start < bytes.length) {
    lineNumber++;
    if (lineNumber > limits.maxRevisions) throw new BundleError('E_TOO_LARGE', `more than ${limits.maxRevisions} revisions`);
    const end = bytes.indexOf(0x0a, start);
    if (end - start > limits.maxLineBytes) {
      throw new BundleError('E_TOO_LARGE', `revisions.ndjson line ${lineNumber} is longer than ${limits.maxLineBytes} bytes`);
    }
    const where = `revisions.ndjson line ${lineNumber}`;
    const text = decodeUtf8Strict(bytes.subarray(start, end), where);
    start = end + 1;
    const canonical = readCanonicalLine(text, limits.maxStringLength);
    const value = canonical ?? parseStrictJson(text, { maxStringLength: limits.maxStringLength, maxDepth: limits.maxJsonDepth }, where);
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BundleError('E_SCHEMA', `${where}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
    }
    const revision = value as unknown as Revision;
    if (seen.has(revision.id)) throw new BundleError('E_SCHEMA', `${where}: revision ${revision.id} appears twice`);
    seen.add(revision.id);
    const idMatches = await (canonical === null ? verifyRevisionId(revision) : verifyRevisionIdOfCanonicalLine(revision, text));
    if (!idMatches) {
      throw new BundleError('E_HASH_MISMATCH', `${where}: revision id does not match its content`);
    }
    revisions.push(revision);
  }
  return revisions;
}
