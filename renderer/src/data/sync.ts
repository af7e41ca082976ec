/**
 * The data layer's side of bundles. Everything that is not Dexie (decrypting, verifying, parsing,
 * hashing, signing) is done by core/bundle before these functions are called or after they return;
 * each write here is ONE read-write transaction of Dexie calls only, so an import lands whole or
 * not at all, and the ledger row that says "imported" commits together with the revisions.
 */
import { toBase64Url } from '../../../core/crypto/bytes.ts';
import type { DecodedBundle } from '../../../core/bundle/decode.ts';
import { mergeRevisionSets } from '../../../core/bundle/merge.ts';
import { checkRevisions, contextOfRevisions, recordsReadBy } from '../../../core/records/index.ts';
import { planImport, type PlannedConflict, type PlannedReplacement } from '../../../core/bundle/plan-import.ts';
import type { Attestation } from '../../../core/bundle/provenance.ts';
import type { DecodedReceipt } from '../../../core/bundle/receipt.ts';
import { currentValue, deriveRecords } from '../../../core/revisions/derive.ts';
import { receiveHlc } from '../../../core/revisions/hlc.ts';
import { formatRecordId, parseRecordId } from '../../../core/revisions/record-id.ts';
import type { Revision } from '../../../core/revisions/types.ts';
import { attachmentRowsOf, evidenceSizesOf, storedAttachmentHashes } from './attachments.ts';
import type { CityKpiDb, HeldRow, ImportRow, SignerRow } from './db.ts';
import { DataError } from './errors.ts';
import { refuseFindings } from './field-rules.ts';
import { readClock } from './meta.ts';
import { guardWorkshopRules, workshopViolations } from './workshop-guard.ts';
import type { WorkshopViolation } from '../../../core/workshop/rules.ts';

/** A bundle file as read from disk and as core decoded it (every check already passed). */
export interface OpenedBundle {
  readonly bytes: Uint8Array;
  readonly decoded: DecodedBundle;
}

export interface ExportSnapshot {
  /** Sorted by id. */
  readonly revisions: readonly Revision[];
  /** The receipt this export is relative to (for the manifest's `since`), or null for a full export. */
  readonly since: string | null;
  /**
   * The bytes of every attachment the revisions' `evidence` fields name and that is stored here, by
   * SHA-256, for encodeBundle's `attachments`. One not received yet is left out; the office gets it
   * from the laptop that has it.
   */
  readonly attachments: ReadonlyMap<string, Uint8Array>;
  /** The attestations kept from imports, for encodeBundle's `attestations`: it carries those the revisions need. */
  readonly attestations: readonly Attestation[];
}

export interface ImportPreview {
  readonly bundleId: string;
  readonly fileSha256: string;
  readonly createdAt: string;
  readonly device: { readonly id: string; readonly name: string; readonly fingerprint: string };
  /** False: importing holds the bundle for an explicit decision instead of merging it. */
  readonly signerKnown: boolean;
  /** This same file was imported before: importing again changes nothing. */
  readonly alreadyImported: boolean;
  readonly revisionCount: number;
  readonly newRevisionCount: number;
  /** Evidence files the bundle carries. */
  readonly attachmentCount: number;
  readonly newConflicts: readonly PlannedConflict[];
  /** Current values here that the bundle would overwrite (its edits build on them), not only new conflicts. */
  readonly replacedValues: readonly PlannedReplacement[];
  /** The cities the bundle touches, with their names as they will read after the import. */
  readonly cities: readonly { readonly cityId: string; readonly name: string }[];
  readonly assessmentIds: readonly string[];
  /** Revisions the workshop rules refuse: importing is refused as a whole while there is any. */
  readonly refused: readonly WorkshopViolation[];
}

export type ImportResult =
  | { readonly status: 'imported'; readonly addedCount: number; readonly knownCount: number }
  | { readonly status: 'already-imported' }
  | { readonly status: 'held' };

export type ReceiptResult = { readonly status: 'applied'; readonly markedCount: number } | { readonly status: 'already-applied' };

/**
 * An export snapshot without the evidence bytes: what a bundle set (core/bundle/bundle-set.ts) needs to
 * plan its files, whose evidence is then read one file at a time (readAttachments), so gigabytes of
 * evidence never sit in memory together.
 */
export type ExportPlan = Omit<ExportSnapshot, 'attachments'> & {
  /** The size of every stored attachment the revisions name, by SHA-256. */
  readonly attachmentSizes: ReadonlyMap<string, number>;
};

/**
 * One consistent snapshot for an export. `sinceReceipt`: only revisions no receipt has confirmed,
 * plus every revision of the assessment and city records they belong to, so the bundle is
 * self-contained even for an office that lost earlier ones (duplicates merge away).
 */
export function collectExportPlan(db: CityKpiDb, options: { readonly sinceReceipt: boolean }): Promise<ExportPlan> {
  return db.transaction('r', [db.revisions, db.delivered, db.receipts, db.attachments, db.attestations], async () => {
    const all = await db.revisions.toArray();
    const attestations = await db.attestations.toArray();
    if (!options.sinceReceipt) return { revisions: sortById(all), since: null, attachmentSizes: await storedSizesOf(db, all), attestations };
    const latestReceipt = await db.receipts.orderBy('appliedAtMs').last();
    const delivered = new Set(await db.delivered.toCollection().primaryKeys());
    const pending = all.filter((revision) => !delivered.has(revision.id));
    const context = contextRecordIds(pending, all);
    const chosen = all.filter((revision) => !delivered.has(revision.id) || context.has(revision.recordId));
    return { revisions: sortById(chosen), since: latestReceipt?.receiptId ?? null, attachmentSizes: await storedSizesOf(db, chosen), attestations };
  });
}

/** The whole snapshot with every attachment's bytes, for exports that stay one file. */
export async function collectExport(db: CityKpiDb, options: { readonly sinceReceipt: boolean }): Promise<ExportSnapshot> {
  const { attachmentSizes, ...plan } = await collectExportPlan(db, options);
  return { ...plan, attachments: await readAttachments(db, [...attachmentSizes.keys()]) };
}

/**
 * Sizes from the evidence entries (an import checks each against its part, a local attach takes it from
 * the bytes), for the attachments stored here: the keys are read, never the bytes.
 */
async function storedSizesOf(db: CityKpiDb, revisions: readonly Revision[]): Promise<Map<string, number>> {
  const declared = evidenceSizesOf(revisions);
  const stored = await storedAttachmentHashes(db, [...declared.keys()]);
  return new Map([...stored].sort().map((hash) => [hash, declared.get(hash)!]));
}

/**
 * The bytes of these attachments. Attachments are content-addressed and never change, so reading them
 * after the snapshot's transaction still matches its revisions; one removed meanwhile is left out.
 */
export async function readAttachments(db: CityKpiDb, hashes: readonly string[]): Promise<Map<string, Uint8Array>> {
  const rows = await db.attachments.bulkGet([...hashes]);
  const attachments = new Map<string, Uint8Array>();
  for (const row of rows) if (row) attachments.set(row.sha256, row.bytes);
  return attachments;
}

function sortById(revisions: Revision[]): Revision[] {
  return revisions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The assessment records of the pending revisions, and the city records those assessments name. */
function contextRecordIds(pending: readonly Revision[], all: readonly Revision[]): Set<string> {
  const assessmentRecords = new Set<string>();
  for (const revision of pending) {
    const ref = parseRecordId(revision.recordId);
    if (ref?.kind === 'kpiValue' || ref?.kind === 'assessment') {
      assessmentRecords.add(formatRecordId({ kind: 'assessment', assessmentId: ref.assessmentId }));
    }
  }
  const context = new Set(assessmentRecords);
  for (const revision of all) {
    const cityId = revision.fields.cityId;
    const cityRecord = typeof cityId === 'string' ? cityRecordIdOrNull(cityId) : null;
    if (assessmentRecords.has(revision.recordId) && cityRecord) context.add(cityRecord);
  }
  return context;
}

/** Ids from another laptop's data are not trusted to be well-formed record-id parts. */
function cityRecordIdOrNull(cityId: string): string | null {
  const ref = parseRecordId(`city:${cityId}`);
  return ref ? formatRecordId(ref) : null;
}

async function isTrusted(db: CityKpiDb, publicKey: Uint8Array): Promise<boolean> {
  return (await db.signers.get(toBase64Url(publicKey))) !== undefined;
}

/**
 * The ids of `revisions` already stored, read as keys only: a key range walk skips what is not stored,
 * where bulkGet made one request and read one whole row per revision.
 */
async function storedIdsAmong(db: CityKpiDb, revisions: readonly Revision[]): Promise<Set<string>> {
  if (revisions.length === 0) return new Set();
  return new Set(await db.revisions.where(':id').anyOf(revisions.map((revision) => revision.id)).primaryKeys());
}

/** The same file, byte for byte: a bundle id is the signer's choice and proves nothing about the content. */
async function ledgerHas(db: CityKpiDb, decoded: DecodedBundle): Promise<boolean> {
  return (await db.ledger.get(decoded.fileSha256)) !== undefined;
}

/** What importing would do, computed with core's planImport before anything is written. */
export async function previewImport(db: CityKpiDb, opened: OpenedBundle): Promise<ImportPreview> {
  const { decoded } = opened;
  const bundleRevisions = decoded.revisions;
  const { knownIds, existing, refused, trusted, alreadyImported } = await db.transaction('r', [db.revisions, db.signers, db.ledger], async () => {
    const knownIds = await storedIdsAmong(db, bundleRevisions);
    const touched = [...new Set(bundleRevisions.filter((revision) => !knownIds.has(revision.id)).map((revision) => revision.recordId))];
    const existing = touched.length === 0 ? [] : await db.revisions.where('recordId').anyOf(touched).toArray();
    const fresh = bundleRevisions.filter((revision) => !knownIds.has(revision.id));
    return {
      knownIds,
      existing,
      refused: await workshopViolations(db, fresh),
      trusted: await isTrusted(db, decoded.signer.publicKey),
      alreadyImported: await ledgerHas(db, decoded),
    };
  });
  const existingByRecord = new Map<string, Revision[]>();
  for (const revision of existing) existingByRecord.set(revision.recordId, [...(existingByRecord.get(revision.recordId) ?? []), revision]);
  const plan = planImport(knownIds, existingByRecord, { revisions: bundleRevisions });

  const cities = decoded.manifest.scope.cityIds.flatMap((cityId) => {
    const recordId = cityRecordIdOrNull(cityId);
    return recordId ? [{ cityId, recordId }] : [];
  });
  const cityRecords = new Set(cities.map((city) => city.recordId));
  const cityStates = new Map(
    deriveRecords([...existing, ...bundleRevisions].filter((revision) => cityRecords.has(revision.recordId))).map((state) => [state.recordId, state]),
  );
  return {
    bundleId: decoded.manifest.bundleId,
    fileSha256: decoded.fileSha256,
    createdAt: decoded.manifest.createdAt,
    device: { id: decoded.signer.deviceId, name: decoded.signer.deviceName, fingerprint: decoded.signer.fingerprint },
    signerKnown: trusted,
    alreadyImported,
    revisionCount: bundleRevisions.length,
    newRevisionCount: plan.newCount,
    attachmentCount: decoded.attachments.size,
    newConflicts: plan.newConflicts,
    replacedValues: plan.replacedValues,
    cities: cities.map(({ cityId, recordId }) => {
      const name = currentValue(cityStates.get(recordId), 'name');
      return { cityId, name: typeof name === 'string' ? name : '' };
    }),
    assessmentIds: decoded.manifest.scope.assessmentIds,
    refused,
  };
}

function heldRowOf(opened: OpenedBundle, nowMs: number): HeldRow {
  const { decoded } = opened;
  return {
    fileSha256: decoded.fileSha256,
    bundleId: decoded.manifest.bundleId,
    bytes: opened.bytes,
    signerKey: toBase64Url(decoded.signer.publicKey),
    signerFingerprint: decoded.signer.fingerprint,
    signerDeviceId: decoded.signer.deviceId,
    signerDeviceName: decoded.signer.deviceName,
    createdAt: decoded.manifest.createdAt,
    receivedAtMs: nowMs,
    revisionCount: decoded.revisions.length,
  };
}

export interface ApplyOptions {
  /** The user explicitly trusts this bundle's signer: enrol the key in the same transaction. */
  readonly approveSigner?: boolean;
  readonly nowMs?: number;
}

/**
 * Imports a checked bundle in ONE read-write transaction: ledger check, then either hold it (signer
 * not trusted here) or add the revisions not yet stored, the attachments not yet stored, the ledger
 * row, and the clock; a held copy of the same file is dropped. Any failure rolls everything back.
 * A revision naming an attachment the bundle does not carry is imported all the same.
 */
export function applyBundle(db: CityKpiDb, opened: OpenedBundle, options: ApplyOptions = {}): Promise<ImportResult> {
  const { decoded } = opened;
  const nowMs = options.nowMs ?? Date.now();
  const signerRow: SignerRow = {
    publicKey: toBase64Url(decoded.signer.publicKey),
    fingerprint: decoded.signer.fingerprint,
    label: decoded.signer.deviceName || decoded.signer.deviceId,
    source: 'approved',
    addedAtMs: nowMs,
  };
  const ids = decoded.revisions.map((revision) => revision.id);
  const latestClock = decoded.revisions.reduce<string | null>((latest, revision) => (latest === null || revision.hlc > latest ? revision.hlc : latest), null);
  const attachmentHashes = [...decoded.attachments.keys()];
  return db.transaction('rw', [db.revisions, db.ledger, db.held, db.signers, db.meta, db.attachments, db.attestations], async (): Promise<ImportResult> => {
    if (await ledgerHas(db, decoded)) return { status: 'already-imported' };
    if (options.approveSigner && !(await isTrusted(db, decoded.signer.publicKey))) await db.signers.add(signerRow);
    if (!(await isTrusted(db, decoded.signer.publicKey))) {
      await db.held.put(heldRowOf(opened, nowMs));
      return { status: 'held' };
    }
    const known = await storedIdsAmong(db, decoded.revisions);
    const fresh = decoded.revisions.filter((revision) => !known.has(revision.id));
    await guardRecordRules(db, fresh, decoded.revisions);
    await guardWorkshopRules(db, fresh);
    await db.revisions.bulkAdd(fresh);
    const storedAttachments = await storedAttachmentHashes(db, attachmentHashes);
    await db.attachments.bulkPut(attachmentRowsOf(decoded.attachments, decoded.revisions, storedAttachments, nowMs));
    const row: ImportRow = {
      bundleId: decoded.manifest.bundleId,
      fileSha256: decoded.fileSha256,
      signerKey: toBase64Url(decoded.signer.publicKey),
      signerFingerprint: decoded.signer.fingerprint,
      signerDeviceId: decoded.signer.deviceId,
      signerDeviceName: decoded.signer.deviceName,
      createdAt: decoded.manifest.createdAt,
      importedAtMs: nowMs,
      revisionCount: decoded.revisions.length,
      addedCount: fresh.length,
    };
    await db.ledger.add(row);
    await db.attestations.bulkPut([...decoded.attestations]);
    await db.held.delete(decoded.fileSha256);
    await advanceClockPast(db, latestClock, nowMs);
    return { status: 'imported', addedCount: fresh.length, knownCount: ids.length - fresh.length };
  });
}

/**
 * The record rules on what an import adds, inside its transaction (Dexie calls, then a pure check): the
 * bundle decoder already ran them on the file alone; here they also see the records stored here that
 * they read (an assessment's catalogue), as the screens' writes do.
 */
async function guardRecordRules(db: CityKpiDb, fresh: readonly Revision[], bundle: readonly Revision[]): Promise<void> {
  const reads = recordsReadBy(fresh);
  const stored = reads.length === 0 ? [] : await db.revisions.where('recordId').anyOf(reads).toArray();
  refuseFindings(checkRevisions(fresh, { context: contextOfRevisions(mergeRevisionSets(stored, bundle)) }));
}

/** Edits made after an import display after what it brought (within the clock's drift bound). Dexie calls only. */
async function advanceClockPast(db: CityKpiDb, remote: string | null, nowMs: number): Promise<void> {
  const deviceId = (await db.meta.get('deviceId'))?.value;
  if (!remote || !deviceId) return;
  const local = await readClock(db);
  await db.meta.put({ key: 'clock', value: receiveHlc(local, remote, nowMs, deviceId) });
}

/** Keeps a bundle from an unknown signer without merging it (e.g. when the user chooses "decide later"). */
export async function holdBundle(db: CityKpiDb, opened: OpenedBundle, nowMs: number = Date.now()): Promise<void> {
  await db.held.put(heldRowOf(opened, nowMs));
}

/** Drops a held bundle without importing it. */
export async function rejectHeld(db: CityKpiDb, fileSha256: string): Promise<void> {
  await db.held.delete(fileSha256);
}

export async function heldBundleBytes(db: CityKpiDb, fileSha256: string): Promise<Uint8Array> {
  const row = await db.held.get(fileSha256);
  if (!row) throw new DataError('E_NOT_FOUND', 'no such held bundle');
  return row.bytes;
}

/** Held bundles without their bytes, newest first. */
export async function listHeld(db: CityKpiDb): Promise<Omit<HeldRow, 'bytes'>[]> {
  const rows = await db.held.orderBy('receivedAtMs').reverse().toArray();
  return rows.map(({ bytes: _bytes, ...rest }) => rest);
}

export interface ExportStatus {
  readonly totalCount: number;
  /** Revisions no receipt has confirmed yet. */
  readonly undeliveredCount: number;
  readonly lastReceipt: { readonly receiptId: string; readonly issuedAt: string; readonly appliedAtMs: number } | null;
}

export function exportStatus(db: CityKpiDb): Promise<ExportStatus> {
  return db.transaction('r', [db.revisions, db.delivered, db.receipts], async () => {
    const totalCount = await db.revisions.count();
    const deliveredIds = await db.delivered.toCollection().primaryKeys();
    const stored = await db.revisions.bulkGet(deliveredIds);
    const last = await db.receipts.orderBy('appliedAtMs').last();
    return {
      totalCount,
      undeliveredCount: totalCount - stored.filter((revision) => revision !== undefined).length,
      lastReceipt: last ? { receiptId: last.receiptId, issuedAt: last.issuedAt, appliedAtMs: last.appliedAtMs } : null,
    };
  });
}

export function listImports(db: CityKpiDb): Promise<ImportRow[]> {
  return db.ledger.orderBy('importedAtMs').reverse().toArray();
}

/**
 * Marks the revisions the office confirmed, so "since last receipt" exports leave them out. Only a
 * receipt signed by an office key (imported from the office key file) counts, and only for revisions
 * held here: any other receipt could hide edits from the next export.
 */
export function markDelivered(db: CityKpiDb, receipt: DecodedReceipt, nowMs: number = Date.now()): Promise<ReceiptResult> {
  return db.transaction('rw', [db.receipts, db.delivered, db.revisions, db.signers], async (): Promise<ReceiptResult> => {
    const signer = await db.signers.get(toBase64Url(receipt.signer.publicKey));
    if (!signer) throw new DataError('E_UNKNOWN_SIGNER', 'the receipt is signed by a key that is not trusted here');
    // A peer laptop is trusted for its bundles, never to say what the office has: only office keys confirm delivery.
    if (signer.source !== 'keyFile') throw new DataError('E_RECEIPT_NOT_OFFICE', 'the receipt is not signed by an office key');
    if (await db.receipts.get(receipt.receiptId)) return { status: 'already-applied' };
    const stored = await db.revisions.bulkGet([...receipt.revisionIds]);
    const ours = receipt.revisionIds.filter((_, index) => stored[index] !== undefined);
    if (ours.length === 0) throw new DataError('E_RECEIPT_NOT_OURS', 'the receipt confirms no revision held here');
    await db.delivered.bulkPut(ours.map((revisionId) => ({ revisionId, receiptId: receipt.receiptId })));
    await db.receipts.add({
      receiptId: receipt.receiptId,
      issuedAt: receipt.issuedAt,
      signerFingerprint: receipt.signer.fingerprint,
      appliedAtMs: nowMs,
      revisionCount: ours.length,
    });
    return { status: 'applied', markedCount: ours.length };
  });
}
