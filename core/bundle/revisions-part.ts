/**
 * `revisions.ndjson`: one revision per line as canonical JSON, sorted by id, each line ending in \n.
 * Reading checks every line's size before decoding it, validates it strictly and re-computes its id.
 */
import type { Sha256Hex } from '../crypto/bytes.ts';
import { z } from '../zod.ts';
import { canonicalJson, mayEscapeLoneSurrogate } from '../revisions/canonical-json.ts';
import { isHlc, parseHlc } from '../revisions/hlc.ts';
import { isRecordId, parseRecordId } from '../revisions/record-id.ts';
import { isRevisionId, sha256Hex, verifyRevisionId, verifyRevisionIdOfCanonicalLine } from '../revisions/revision-id.ts';
import type { FieldValue, Revision } from '../revisions/types.ts';
import { BundleError } from './errors.ts';
import type { BundleLimits } from './limits.ts';
import { decodeUtf8Strict, parseStrictJson, readCanonicalJson, withinLimits, type StrictJsonLimits } from './strict-json.ts';

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

function isShortString(value: unknown, min = 0): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= 200;
}

function isFieldMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const names = Object.keys(value);
  if (names.length > MAX_FIELDS) return false;
  for (const name of names) {
    if (!FIELD_NAME.test(name)) return false;
    const item: unknown = (value as Record<string, unknown>)[name];
    const type = typeof item;
    if (!(item === null || type === 'string' || type === 'boolean' || (type === 'number' && Number.isFinite(item)))) return false;
  }
  return true;
}

function isParentList(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > MAX_PARENTS) return false;
  for (let index = 0; index < value.length; index++) {
    if (!isRevisionId(value[index]) || (index > 0 && !(value[index - 1] < value[index]))) return false;
  }
  return true;
}

/**
 * What the revision schema accepts, written out for the common case: zod took a quarter of reading a
 * bundle's revisions. It may only say no where the schema would too, so a "no" goes to the schema, which
 * decides and names the problem (test/unit/bundle-revision-lines.test.ts holds the two side by side).
 */
export function isPlainRevision(value: unknown, allowUnknownProperties: boolean): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const revision = value as Record<string, unknown>;
  for (const key of REVISION_KEYS) if (!Object.hasOwn(revision, key)) return false;
  if (!allowUnknownProperties && Object.keys(revision).length !== REVISION_KEYS.length) return false;
  const { id, recordId, fields, author, deviceId, hlc, parents } = revision;
  return (
    isRevisionId(id) &&
    isShortString(recordId) &&
    isRecordId(recordId) &&
    isFieldMap(fields) &&
    isShortString(author) &&
    isShortString(deviceId, 1) &&
    isShortString(hlc) &&
    isHlc(hlc) &&
    isParentList(parents)
  );
}

export function encodeRevisionLines(revisions: readonly Revision[]): string[] {
  return revisions.map((revision) => `${canonicalJson(revision)}\n`);
}

interface LineReader {
  /** Names line `number` (from 1) in a message, only when there is a problem: a label per line cost more than the checks it labels. */
  readonly where: (number: number) => string;
  readonly limits: BundleLimits;
  readonly jsonLimits: StrictJsonLimits;
  readonly allowUnknownProperties: boolean;
  readonly schema: typeof strictRevision | typeof looseRevision;
  readonly ids: IdsRead;
  readonly digest: Sha256Hex;
}

/**
 * The ids read so far. While they ascend, as every writer sorts them, an id greater than the last is new
 * and nothing is looked up; the first one out of order turns them into a set, which decides from then on.
 * Hashing 100,000 ids into a set cost as much as checking their shape.
 */
interface IdsRead {
  readonly ascending: string[];
  seen: Set<string> | null;
}

function isNewId(ids: IdsRead, id: string): boolean {
  if (ids.seen === null) {
    const last = ids.ascending.at(-1);
    if (last === undefined || last < id) {
      ids.ascending.push(id);
      return true;
    }
    ids.seen = new Set(ids.ascending);
  }
  if (ids.seen.has(id)) return false;
  ids.seen.add(id);
  return true;
}

function lineReader(where: LineReader['where'], limits: BundleLimits, allowUnknownProperties: boolean, digest: Sha256Hex): LineReader {
  const jsonLimits = { maxStringLength: limits.maxStringLength, maxDepth: limits.maxJsonDepth };
  const schema = allowUnknownProperties ? looseRevision : strictRevision;
  return { where, limits, jsonLimits, allowUnknownProperties, schema, ids: { ascending: [], seen: null }, digest };
}


/**
 * The checks every revision passes once its line is read: schema, uniqueness, id. `lineBytes` are the
 * UTF-8 of `text` when it is canonical JSON, whose bytes are then hashed as they stand; null otherwise.
 */
function checkedRevision(
  reader: LineReader,
  value: unknown,
  text: string,
  lineBytes: Uint8Array | null,
  line: number,
  plain = isPlainRevision(value, reader.allowUnknownProperties),
): Revision {
  const parsed = plain ? null : reader.schema.safeParse(value);
  if (parsed?.success === false) {
    const issue = parsed.error.issues[0];
    throw new BundleError('E_SCHEMA', `${reader.where(line)}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const revision = value as Revision;
  if (!isNewId(reader.ids, revision.id)) throw new BundleError('E_SCHEMA', `${reader.where(line)}: revision ${revision.id} appears twice`);
  const idMatches = lineBytes ? verifyRevisionIdOfCanonicalLine(revision, text, lineBytes, reader.digest) : verifyRevisionId(revision, reader.digest);
  if (!idMatches) throw new BundleError('E_HASH_MISMATCH', `${reader.where(line)}: revision id does not match its content`);
  return revision;
}

function readLine(reader: LineReader, text: string, lineBytes: Uint8Array, line: number): Revision {
  const canonical = readCanonicalJson(text, reader.jsonLimits);
  const value = canonical ?? parseStrictJson(text, reader.jsonLimits, reader.where(line));
  return checkedRevision(reader, value, text, canonical === null ? null : lineBytes, line);
}

/**
 * canonicalJson of a revision that isPlainRevision accepts, written by the engine: an object built
 * with its keys and its fields' keys in sorted order is written by JSON.stringify in that order (no
 * key is an array index: field names start with a letter), with strings and numbers as canonical
 * JSON writes them. Falls back for a lone surrogate, which canonicalJson refuses by name.
 */
function plainRevisionJson(revision: Revision): string {
  const fields: Record<string, FieldValue> = {};
  for (const name of Object.keys(revision.fields).sort()) fields[name] = revision.fields[name]!;
  const { author, deviceId, hlc, id, parents, recordId } = revision;
  const text = JSON.stringify({ author, deviceId, fields, hlc, id, parents, recordId });
  return mayEscapeLoneSurrogate(text) ? canonicalJson(revision) : text;
}

/** Room for `needed` more bytes after `used`, keeping what is written. */
function withRoom(buffer: Uint8Array<ArrayBuffer>, used: number, needed: number): Uint8Array<ArrayBuffer> {
  if (buffer.length - used >= needed) return buffer;
  const grown = new Uint8Array(Math.max(buffer.length * 2, used + needed));
  grown.set(buffer.subarray(0, used));
  return grown;
}

/**
 * The part's bytes for revisions sorted by id and without duplicates, refusing what a reader would
 * refuse (a bad revision must fail the export, not the import). Each line is canonical by
 * construction, so it is checked against the revision it was written from instead of read back.
 */
export function encodeRevisionsPart(
  revisions: readonly Revision[],
  limits: BundleLimits,
  allowUnknownProperties: boolean,
  digest: Sha256Hex = sha256Hex,
): Uint8Array {
  const reader = lineReader((number) => `revision ${number} (${String(revisions[number - 1]?.id)})`, limits, allowUnknownProperties, digest);
  // Each line is encoded once, into the part itself, and its id checked on those bytes.
  let part = new Uint8Array(Math.min(revisions.length * 512, limits.maxPartBytes) + 1);
  let used = 0;
  for (const [index, revision] of revisions.entries()) {
    const plain = isPlainRevision(revision, false);
    const line = plain ? plainRevisionJson(revision) : canonicalJson(revision);
    part = withRoom(part, used, line.length * 3 + 1);
    const written = utf8.encodeInto(line, part.subarray(used)).written;
    if (written > limits.maxLineBytes) throw new BundleError('E_TOO_LARGE', `${reader.where(index + 1)} is longer than ${limits.maxLineBytes} bytes`);
    const lineBytes = part.subarray(used, used + written);
    if (line.includes('"__proto__"') || !withinLimits(revision, reader.jsonLimits, false)) readLine(reader, line, lineBytes, index + 1);
    else checkedRevision(reader, revision, line, lineBytes, index + 1, plain);
    part[used + written] = 0x0a;
    used += written + 1;
  }
  // A view rather than a copy: the part is hashed and encrypted, then dropped, and copying 40 MB into
  // fresh memory cost a twentieth of an export.
  return part.subarray(0, used);
}

const utf8 = new TextEncoder();

export async function decodeRevisionsPart(
  bytes: Uint8Array,
  limits: BundleLimits,
  allowUnknownProperties: boolean,
  digest: Sha256Hex = sha256Hex,
): Promise<Revision[]> {
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) {
    throw new BundleError('E_SCHEMA', 'revisions.ndjson: the last line has no line break');
  }
  const reader = lineReader((number) => `revisions.ndjson line ${number}`, limits, allowUnknownProperties, digest);
  const revisions: Revision[] = [];
  let start = 0;
  let lineNumber = 0;
  // One function for every line, reading the current number: one made per line cost more than its decoding.
  const where = () => reader.where(lineNumber);
  while (start < bytes.length) {
    lineNumber++;
    if (lineNumber > limits.maxRevisions) throw new BundleError('E_TOO_LARGE', `more than ${limits.maxRevisions} revisions`);
    const end = bytes.indexOf(0x0a, start);
    if (end - start > limits.maxLineBytes) {
      throw new BundleError('E_TOO_LARGE', `${reader.where(lineNumber)} is longer than ${limits.maxLineBytes} bytes`);
    }
    const lineBytes = bytes.subarray(start, end);
    const text = decodeUtf8Strict(lineBytes, where);
    start = end + 1;
    revisions.push(readLine(reader, text, lineBytes, lineNumber));
  }
  return revisions;
}
