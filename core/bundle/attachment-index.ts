/**
 * `attachments.ndjson` (format 1.2): the list of evidence parts, kept out of the manifest so the
 * manifest stays small however many files a bundle carries. The manifest signs the index's hash, and
 * the index gives the size and SHA-256 of every attachment part, which follow the manifest's parts in
 * the container in index order. One canonical JSON line per part, `{"bytes":N,"sha256":"<64 hex>"}`,
 * sorted by `sha256` and unique; the part's name is `att-<sha256>`.
 */
import { z } from '../zod.ts';
import { canonicalJson } from '../revisions/canonical-json.ts';
import { BundleError } from './errors.ts';
import type { BundleLimits } from './limits.ts';
import { decodeUtf8Strict } from './strict-json.ts';

export const ATTACHMENT_INDEX_PART = 'attachments.ndjson';

/** A line is `{"bytes":<up to 16 digits>,"sha256":"<64 hex>"}` and a line break: well under this. */
export const MAX_INDEX_LINE_BYTES = 128;

const entrySchema = z.strictObject({
  bytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type AttachmentIndexEntry = z.infer<typeof entrySchema>;

export function encodeAttachmentIndex(entries: readonly AttachmentIndexEntry[]): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
  return new TextEncoder().encode(sorted.map((entry) => `${canonicalJson({ bytes: entry.bytes, sha256: entry.sha256 })}\n`).join(''));
}

/**
 * Reads the index; the count is bounded by the part limit before any entry is kept, each line by its
 * fixed length before it is decoded. Only canonical lines in strictly ascending order are accepted, so
 * one list of attachments has exactly one index.
 */
export function decodeAttachmentIndex(bytes: Uint8Array, limits: BundleLimits): AttachmentIndexEntry[] {
  if (bytes.length === 0) throw new BundleError('E_SCHEMA', `${ATTACHMENT_INDEX_PART} is empty: a bundle without attachments has no index`);
  if (bytes[bytes.length - 1] !== 0x0a) throw new BundleError('E_SCHEMA', `${ATTACHMENT_INDEX_PART}: the last line has no line break`);
  const entries: AttachmentIndexEntry[] = [];
  let start = 0;
  while (start < bytes.length) {
    if (entries.length >= limits.maxParts) throw new BundleError('E_TOO_LARGE', `${ATTACHMENT_INDEX_PART} lists more than ${limits.maxParts} parts`);
    const where = `${ATTACHMENT_INDEX_PART} line ${entries.length + 1}`;
    const end = bytes.indexOf(0x0a, start);
    if (end - start > MAX_INDEX_LINE_BYTES) throw new BundleError('E_TOO_LARGE', `${where} is longer than ${MAX_INDEX_LINE_BYTES} bytes`);
    const text = decodeUtf8Strict(bytes.subarray(start, end), where);
    start = end + 1;
    const entry = parseEntry(text, where);
    const previous = entries.at(-1);
    if (previous && previous.sha256 >= entry.sha256) throw new BundleError('E_SCHEMA', `${where}: entries are not sorted by sha256, or repeat one`);
    entries.push(entry);
  }
  return entries;
}

function parseEntry(text: string, where: string): AttachmentIndexEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BundleError('E_SCHEMA', `${where}: not JSON`);
  }
  const parsed = entrySchema.safeParse(value);
  if (!parsed.success) throw new BundleError('E_SCHEMA', `${where}: ${parsed.error.issues[0]?.path.join('.') || '(root)'}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  if (canonicalJson(parsed.data) !== text) throw new BundleError('E_SCHEMA', `${where}: not canonical JSON`);
  return parsed.data;
}
