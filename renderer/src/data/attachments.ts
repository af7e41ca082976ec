/**
 * Evidence attachments. The bytes are content-addressed rows of the `attachments` table, written once
 * and never changed; which files belong to a data point is the value record's `evidence` field, an
 * ordinary revisioned field, so attaching on two laptops at once conflicts and is resolved like any
 * other field. A revision may name a file whose bytes have not arrived here yet: it is kept and shown
 * as "not received yet" until a bundle brings them.
 */
import { sha256, toHex } from '../../../core/crypto/bytes.ts';
import { canonicalJson } from '../../../core/revisions/canonical-json.ts';
import type { FieldValue, Revision } from '../../../core/revisions/types.ts';
import type { AttachmentRow, CityKpiDb } from './db.ts';
import { DataError } from './errors.ts';

/** One attached file as the `evidence` field lists it. */
export interface EvidenceRef {
  readonly sha256: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/** 10 MiB: a scanned report or a spreadsheet fits; many of them still fit in one bundle (192 MiB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Keeps the `evidence` value far below the bundle's 10,000-character string limit. */
export const MAX_EVIDENCE_PER_POINT = 20;
const MAX_NAME_LENGTH = 200;
const MAX_TYPE_LENGTH = 100;
const SHA256_HEX = /^[0-9a-f]{64}$/;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // xlsx and docx are zip packages
/** How much of a csv/txt file is checked for NUL bytes, the mark of a binary file. */
const TEXT_SNIFF_BYTES = 64 * 1024;

interface EvidenceType {
  readonly mime: string;
  readonly matches: (bytes: Uint8Array) => boolean;
}

const startsWith =
  (magic: readonly number[]) =>
  (bytes: Uint8Array): boolean =>
    magic.every((byte, index) => bytes[index] === byte);
const isText = (bytes: Uint8Array): boolean => !bytes.subarray(0, TEXT_SNIFF_BYTES).includes(0);

/** The accepted files: the extension names the type, and the first bytes must agree with it. */
const EVIDENCE_TYPES: Readonly<Record<string, EvidenceType>> = {
  pdf: { mime: 'application/pdf', matches: startsWith(PDF) },
  png: { mime: 'image/png', matches: startsWith(PNG) },
  jpg: { mime: 'image/jpeg', matches: startsWith(JPEG) },
  jpeg: { mime: 'image/jpeg', matches: startsWith(JPEG) },
  csv: { mime: 'text/csv', matches: isText },
  txt: { mime: 'text/plain', matches: isText },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: startsWith(ZIP) },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: startsWith(ZIP) },
};

/** For the open dialog's filter. */
export const EVIDENCE_EXTENSIONS: readonly string[] = Object.keys(EVIDENCE_TYPES);

export type AttachmentProblem = 'tooLarge' | 'empty' | 'typeNotAllowed' | 'tooMany';

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** A name safe to show and to suggest when saving a copy: no folders, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const visible = Array.from(base)
    .filter((char) => char.codePointAt(0)! >= 0x20 && char !== '\u007f')
    .join('')
    .trim();
  const codePoints = Array.from(visible);
  if (codePoints.length <= MAX_NAME_LENGTH) return visible;
  const extension = extensionOf(visible);
  if (extension.length > 10) return codePoints.slice(0, MAX_NAME_LENGTH).join('');
  return `${codePoints.slice(0, MAX_NAME_LENGTH - extension.length - 1).join('')}.${extension}`;
}

/** What is wrong with attaching this file to a point that already has `attachedCount` files, or null. */
export function checkAttachment(name: string, bytes: Uint8Array, attachedCount: number): AttachmentProblem | null {
  if (bytes.length > MAX_ATTACHMENT_BYTES) return 'tooLarge';
  if (bytes.length === 0) return 'empty';
  const type = EVIDENCE_TYPES[extensionOf(name)];
  if (!type || !type.matches(bytes)) return 'typeNotAllowed';
  if (attachedCount >= MAX_EVIDENCE_PER_POINT) return 'tooMany';
  return null;
}

function isEvidenceRef(value: unknown): value is EvidenceRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { sha256: hash, name, type, size } = value as Record<string, unknown>;
  return (
    Object.keys(value).length === 4 &&
    typeof hash === 'string' &&
    SHA256_HEX.test(hash) &&
    typeof name === 'string' &&
    name !== '' &&
    name.length <= MAX_NAME_LENGTH * 2 &&
    typeof type === 'string' &&
    type.length <= MAX_TYPE_LENGTH &&
    typeof size === 'number' &&
    Number.isSafeInteger(size) &&
    size > 0 &&
    size <= MAX_ATTACHMENT_BYTES
  );
}

function sortedUnique(refs: Iterable<EvidenceRef>): EvidenceRef[] {
  const byHash = new Map<string, EvidenceRef>();
  for (const ref of refs) if (!byHash.has(ref.sha256)) byHash.set(ref.sha256, ref);
  return [...byHash.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
}

/** The `evidence` field value for these files: canonical JSON sorted by hash, or null for none. */
export function evidenceValue(refs: Iterable<EvidenceRef>): string | null {
  const list = sortedUnique(refs).map(({ sha256: hash, name, type, size }) => ({ sha256: hash, name, type, size }));
  return list.length === 0 ? null : canonicalJson(list);
}

/** The files a stored `evidence` value lists; entries this version cannot read are left out, never fatal. */
export function parseEvidence(value: FieldValue | undefined): EvidenceRef[] {
  if (typeof value !== 'string' || value === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? sortedUnique(parsed.filter(isEvidenceRef)) : [];
}

/** The field rule: only values evidenceValue itself would write. */
export function isEvidenceValue(value: FieldValue): boolean {
  if (value === null) return true;
  if (typeof value !== 'string') return false;
  const refs = parseEvidence(value);
  return refs.length > 0 && refs.length <= MAX_EVIDENCE_PER_POINT && evidenceValue(refs) === value;
}

/** Every file hash the `evidence` fields of these revisions name. */
export function evidenceHashesOf(revisions: Iterable<Revision>): Set<string> {
  const hashes = new Set<string>();
  for (const revision of revisions) {
    for (const ref of parseEvidence(revision.fields.evidence)) hashes.add(ref.sha256);
  }
  return hashes;
}

/**
 * Checks and stores a file's bytes (once per content) and returns the entry to add to an `evidence`
 * field. Hashing happens before the transaction: IndexedDB transactions end at a non-Dexie await.
 */
export async function storeAttachment(db: CityKpiDb, file: { readonly name: string; readonly bytes: Uint8Array }, nowMs = Date.now()): Promise<EvidenceRef> {
  const name = cleanFileName(file.name);
  const problem = name === '' ? 'typeNotAllowed' : checkAttachment(name, file.bytes, 0);
  if (problem) throw new DataError('E_INVALID', `cannot attach ${JSON.stringify(name)}: ${problem}`);
  const hash = toHex(await sha256(file.bytes));
  const type = EVIDENCE_TYPES[extensionOf(name)]!.mime;
  const row: AttachmentRow = { sha256: hash, bytes: file.bytes, size: file.bytes.length, type, name, addedAtMs: nowMs };
  await db.transaction('rw', db.attachments, async () => {
    if (!(await db.attachments.get(hash))) await db.attachments.add(row);
  });
  return { sha256: hash, name, type, size: row.size };
}

export async function readAttachment(db: CityKpiDb, hash: string): Promise<Uint8Array> {
  const row = await db.attachments.get(hash);
  if (!row) throw new DataError('E_NOT_FOUND', `attachment ${hash} has not been received here`);
  return row.bytes;
}

/** Which of these hashes have their bytes here (keys only: no attachment is loaded). */
export async function storedAttachmentHashes(db: CityKpiDb, hashes: readonly string[]): Promise<ReadonlySet<string>> {
  if (hashes.length === 0) return new Set();
  return new Set(await db.attachments.where(':id').anyOf([...hashes]).primaryKeys());
}

/**
 * The rows for a bundle's attachments that are not stored yet, named after the first revision that lists
 * them. Dexie-free, so the import can call it inside its transaction.
 */
export function attachmentRowsOf(
  attachments: ReadonlyMap<string, Uint8Array>,
  revisions: readonly Revision[],
  alreadyStored: ReadonlySet<string>,
  nowMs: number,
): AttachmentRow[] {
  const refs = new Map<string, EvidenceRef>();
  for (const revision of revisions) for (const ref of parseEvidence(revision.fields.evidence)) if (!refs.has(ref.sha256)) refs.set(ref.sha256, ref);
  const rows: AttachmentRow[] = [];
  for (const [hash, bytes] of attachments) {
    if (alreadyStored.has(hash)) continue;
    const ref = refs.get(hash);
    rows.push({ sha256: hash, bytes, size: bytes.length, type: ref?.type ?? 'application/octet-stream', name: ref?.name ?? hash, addedAtMs: nowMs });
  }
  return rows;
}
