/**
 * Evidence attachments. The bytes are content-addressed rows of the `attachments` table, written once
 * and never changed; which files belong to a data point is the value record's `evidence` field, an
 * ordinary revisioned field, so attaching on two laptops at once conflicts and is resolved like any
 * other field. A revision may name a file whose bytes have not arrived here yet: it is kept and shown
 * as "not received yet" until a bundle brings them.
 */
import { sha256, toHex } from '../../../core/crypto/bytes.ts';
import { checkAttachment, cleanFileName, evidenceTypeOf, parseEvidence, type EvidenceRef } from '../../../core/records/index.ts';
import type { Revision } from '../../../core/revisions/types.ts';
import type { AttachmentRow, CityKpiDb } from './db.ts';
import { DataError } from './errors.ts';

// The evidence format and its checks are core's (core/records), shared with the import and the CLI.

/** Every file hash the `evidence` fields of these revisions name. */
/** The size each evidence entry declares, by hash (the largest, should two entries disagree). */
export function evidenceSizesOf(revisions: Iterable<Revision>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const revision of revisions) {
    for (const ref of parseEvidence(revision.fields.evidence)) sizes.set(ref.sha256, Math.max(ref.size, sizes.get(ref.sha256) ?? 0));
  }
  return sizes;
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
  const type = evidenceTypeOf(name)!;
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

/**
 * Which of these hashes have their bytes here (keys only: no attachment is loaded). Every key is read
 * once and filtered here: `anyOf` over thousands of keys seeks once per key, which is far slower.
 */
export async function storedAttachmentHashes(db: CityKpiDb, hashes: readonly string[]): Promise<ReadonlySet<string>> {
  if (hashes.length === 0) return new Set();
  const wanted = new Set(hashes);
  return new Set((await db.attachments.toCollection().primaryKeys()).filter((hash) => wanted.has(hash)));
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
    // A decoded part is a view into the whole bundle, and storing a view stores its entire buffer:
    // copied, each row holds its own bytes and nothing more.
    rows.push({ sha256: hash, bytes: bytes.slice(), size: bytes.length, type: ref?.type ?? 'application/octet-stream', name: ref?.name ?? hash, addedAtMs: nowMs });
  }
  return rows;
}
