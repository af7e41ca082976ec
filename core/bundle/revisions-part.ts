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
import { decodeUtf8Strict, mayEscapeLoneSurrogate, parseStrictJson, readCanonicalJson, withinLimits } from './strict-json.ts';

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
/** The schemas that decide, for a test to hold the fast check beside them. */
export const revisionSchemas = { strict: strictRevision, loose: looseRevision } as const;

const REVISION_KEYS = ['id', 'recordId', 'fields', 'author', 'deviceId', 'hlc', 'parents'] as const;
const HEX64_PATTERN = /^[0-9a-f]{64}$/;

function isShortString(value: unknown, min = 0): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= 200;
}

function isFieldMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  let count = 0;
  for (const [name, item] of Object.entries(value)) {
    if (++count > MAX_FIELDS || !FIELD_NAME.test(name)) return false;
    const type = typeof item;
    if (!(item === null || type === 'string' || type === 'boolean' || (type === 'number' && Number.isFinite(item)))) return false;
  }
  return true;
}

function isParentList(value: unknown): boolean {
  return Array.isArray(value) && value.length <= MAX_PARENTS && value.every((id) => typeof id === 'string' && HEX64_PATTERN.test(id)) && isSortedAndUnique(value);
}

/**
 * What the revision schema accepts, written out for the common case: zod took a quarter of reading a
 * bundle's revisions. It may only say no where the schema would too, so a "no" goes to the schema, which
 * decides and names the problem (test/unit/bundle-revision-lines.test.ts holds the two side by side).
 */
export function isPlainRevision(value: unknown, allowUnknownProperties: boolean): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const revision = value as Record<string, unknown>;
  if (!REVISION_KEYS.every((key) => Object.hasOwn(revision, key))) return false;
  if (!allowUnknownProperties && Object.keys(revision).length !== REVISION_KEYS.length) return false;
  const { id, recordId, fields, author, deviceId, hlc, parents } = revision;
  return (
    typeof id === 'string' &&
    HEX64_PATTERN.test(id) &&
    isShortString(recordId) &&
    parseRecordId(recordId) !== null &&
    isFieldMap(fields) &&
    isShortString(author) &&
    isShortString(deviceId, 1) &&
    isShortString(hlc) &&
    parseHlc(hlc) !== null &&
    isParentList(parents)
  );
}

export function encodeRevisionLines(revisions: readonly Revision[]): string[] {
  return revisions.map((revision) => `${canonicalJson(revision)}\n`);
}

interface LineReader {
  readonly limits: BundleLimits;
  readonly allowUnknownProperties: boolean;
  readonly schema: typeof strictRevision | typeof looseRevision;
  readonly seen: Set<string>;
}

function lineReader(limits: BundleLimits, allowUnknownProperties: boolean): LineReader {
  return { limits, allowUnknownProperties, schema: allowUnknownProperties ? looseRevision : strictRevision, seen: new Set() };
}

/** The checks every revision passes once its line is read: schema, uniqueness, id. */
function checkedRevision(reader: LineReader, value: unknown, text: string, canonical: boolean, where: string, plain = isPlainRevision(value, reader.allowUnknownProperties)): Revision {
  const parsed = plain ? null : reader.schema.safeParse(value);
  if (parsed?.success === false) {
    const issue = parsed.error.issues[0];
    throw new BundleError('E_SCHEMA', `${where}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const revision = value as Revision;
  if (reader.seen.has(revision.id)) throw new BundleError('E_SCHEMA', `${where}: revision ${revision.id} appears twice`);
  reader.seen.add(revision.id);
  const idMatches = canonical ? verifyRevisionIdOfCanonicalLine(revision, text) : verifyRevisionId(revision);
  if (!idMatches) throw new BundleError('E_HASH_MISMATCH', `${where}: revision id does not match its content`);
  return revision;
}

function readLine(reader: LineReader, text: string, where: string): Revision {
  const jsonLimits = { maxStringLength: reader.limits.maxStringLength, maxDepth: reader.limits.maxJsonDepth };
  const canonical = readCanonicalJson(text, jsonLimits);
  const value = canonical ?? parseStrictJson(text, jsonLimits, where);
  return checkedRevision(reader, value, text, canonical !== null, where);
}

const SORTED_REVISION_KEYS = [...REVISION_KEYS].sort();

/**
 * canonicalJson of a revision that isPlainRevision accepts, written by the engine: with every key of
 * the revision and of its fields listed in sorted order, JSON.stringify writes each object's keys
 * sorted, and it writes strings and numbers as canonical JSON does. Falls back for a lone surrogate,
 * which canonicalJson refuses by name.
 */
function plainRevisionJson(revision: Revision): string {
  const keys = [...new Set([...SORTED_REVISION_KEYS, ...Object.keys(revision.fields)])].sort();
  const text = JSON.stringify(revision, keys);
  return mayEscapeLoneSurrogate(text) ? canonicalJson(revision) : text;
}

/**
 * The part's bytes for revisions sorted by id and without duplicates, refusing what a reader would
 * refuse (a bad revision must fail the export, not the import). Each line is canonical by
 * construction, so it is checked against the revision it was written from instead of read back.
 */
export function encodeRevisionsPart(revisions: readonly Revision[], limits: BundleLimits, allowUnknownProperties: boolean): Uint8Array {
  const reader = lineReader(limits, allowUnknownProperties);
  const lines: string[] = [];
  for (const [index, revision] of revisions.entries()) {
    const where = `revision ${index + 1} (${String(revision.id)})`;
    const plain = isPlainRevision(revision, false);
    const line = plain ? plainRevisionJson(revision) : canonicalJson(revision);
    if (line.length * 3 > limits.maxLineBytes && utf8.encode(line).length > limits.maxLineBytes) {
      throw new BundleError('E_TOO_LARGE', `${where} is longer than ${limits.maxLineBytes} bytes`);
    }
    if (line.includes('"__proto__"') || !withinLimits(revision, { maxStringLength: limits.maxStringLength, maxDepth: limits.maxJsonDepth }, false)) readLine(reader, line, where);
    else checkedRevision(reader, revision, line, true, where, plain);
    lines.push(line);
  }
  return utf8.encode(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
}

const utf8 = new TextEncoder();

export async function decodeRevisionsPart(bytes: Uint8Array, limits: BundleLimits, allowUnknownProperties: boolean): Promise<Revision[]> {
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) {
    throw new BundleError('E_SCHEMA', 'revisions.ndjson: the last line has no line break');
  }
  const reader = lineReader(limits, allowUnknownProperties);
  const revisions: Revision[] = [];
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
    revisions.push(readLine(reader, text, where));
  }
  return revisions;
}
