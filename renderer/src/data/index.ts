/**
 * The data layer's public API for screens. Functions act on the app's database; hooks live in
 * hooks.ts. Every failure is a DataError with a code (see errors.ts).
 */
import { formatRecordId } from '../../../core/revisions/record-id.ts';
import type { FieldValue } from '../../../core/revisions/types.ts';
import type { BundleSigner } from '../../../core/bundle/encode.ts';
import type { SignerTrust } from '../../../core/bundle/decode.ts';
import type { DecodedReceipt } from '../../../core/bundle/receipt.ts';
import { appStore } from './app-store.ts';
import * as attachments from './attachments.ts';
import type { EvidenceRef } from '../../../core/records/index.ts';
import type { SignerRow } from './db.ts';
import { mapDataErrors } from './errors.ts';
import * as deviceKey from './identity.ts';
import { loadOrCreateIdentity, type SecretSealer, type StoredIdentity } from './identity.ts';
import * as backup from './backup.ts';
import * as revisionCount from './revision-count.ts';
import * as signers from './signers.ts';
import * as health from './storage-health.ts';
import * as sync from './sync.ts';
import * as workshop from './workshop.ts';
import * as targetSets from './target-sets.ts';
import * as exports from './exports.ts';
import * as tableImport from './table-import.ts';
import type { ExportValue } from '../../../core/exports/index.ts';
import type { ProposedValue } from '../../../core/tables/index.ts';
import type { ApplyOptions, ExportSnapshot, ImportPreview, ImportResult, OpenedBundle, ReceiptResult } from './sync.ts';
import type { AssessmentFieldUpdate, ValueFieldUpdate } from './store.ts';
import type { CityFieldUpdate, NewAssessment } from './types.ts';
import type { TargetSet } from '../../../core/targets/types.ts';

export type * from './types.ts';
export type { AssessmentFieldUpdate, DataStore, ValueFieldUpdate } from './store.ts';
export type { PersistenceStatus } from './persistence.ts';
export { DataError, storageProblemOf, type DataErrorCode, type StorageProblem } from './errors.ts';
export { persistenceStatus } from './app-store.ts';
export { DEMO_ASSESSMENT_ID, DEMO_CITY_ID } from '../../../core/demo/index.ts';
export { MAX_AUTHOR_NAME_LENGTH } from './meta.ts';

/** The record id of one KPI data point, the key of useValues' map. */
export function valueRecordId(assessmentId: string, kpiId: string, pointId: string): string {
  return formatRecordId({ kind: 'kpiValue', assessmentId, kpiId, pointId });
}

export function cityRecordId(cityId: string): string {
  return formatRecordId({ kind: 'city', cityId });
}

export function assessmentRecordId(assessmentId: string): string {
  return formatRecordId({ kind: 'assessment', assessmentId });
}

export const getDeviceId = (): Promise<string> => appStore().getDeviceId();
export const getAuthorName = (): Promise<string | null> => appStore().getAuthorName();
export const setAuthorName = (name: string | null): Promise<void> => appStore().setAuthorName(name);
export const getUiLanguage = (): Promise<string | null> => appStore().getUiLanguage();
export const setUiLanguage = (language: string): Promise<void> => appStore().setUiLanguage(language);
export const createAssessment = (input: NewAssessment): Promise<{ readonly assessmentId: string; readonly cityId: string }> =>
  appStore().createAssessment(input);
export const updateCity = (cityId: string, fields: CityFieldUpdate): Promise<string | null> => appStore().updateCity(cityId, fields);
export const updateAssessment = (assessmentId: string, fields: AssessmentFieldUpdate): Promise<string | null> =>
  appStore().updateAssessment(assessmentId, fields);
export const saveValueFields = (assessmentId: string, kpiId: string, pointId: string, fields: ValueFieldUpdate): Promise<string | null> =>
  appStore().saveValueFields(assessmentId, kpiId, pointId, fields);
export const deleteAssessment = (assessmentId: string): Promise<void> => appStore().deleteAssessment(assessmentId);
export const restoreAssessment = (assessmentId: string): Promise<void> => appStore().restoreAssessment(assessmentId);
export const openDemo = (): Promise<string> => appStore().openDemo();
export const resolveConflict = (recordId: string, field: string, value: FieldValue): Promise<string> =>
  appStore().resolveConflict(recordId, field, value);

// Target sets (see target-sets.ts): records `targetSet:<id>` and `target:<id>:<kpiId>:<pointId>`.
export type { StoredTargetSet } from '../../../core/targets/records.ts';
export type { Target, TargetSet } from '../../../core/targets/types.ts';
export const saveTargetSet = (wanted: TargetSet): Promise<number> => mapDataErrors(() => targetSets.saveTargetSet(appStore(), wanted));
export const deleteTargetSet = (targetSetId: string): Promise<void> => mapDataErrors(() => targetSets.deleteTargetSet(appStore(), targetSetId));

// Results: exports and spreadsheet import (see exports.ts, table-import.ts).
export const exportValuesOf = (assessmentIds: readonly string[]): Promise<ExportValue[]> =>
  mapDataErrors(() => exports.exportValues(appStore().db, assessmentIds));
export const applyValueImport = (assessmentId: string, values: readonly ProposedValue[]): Promise<number> =>
  tableImport.applyValueImport(appStore(), assessmentId, values);

// Evidence attachments (see attachments.ts): bytes stored once per content, listed by the `evidence` field.
export {
  EVIDENCE_EXTENSIONS,
  MAX_ATTACHMENT_BYTES,
  MAX_EVIDENCE_PER_POINT,
  checkAttachment,
  cleanFileName,
  evidenceValue,
  fileNameForSaving,
  parseEvidence,
  type AttachmentProblem,
  type EvidenceRef,
} from '../../../core/records/index.ts';
/** Stores a checked file's bytes; add the returned entry to the point's `evidence` field with saveValueFields. */
export const storeAttachment = (file: { readonly name: string; readonly bytes: Uint8Array }): Promise<EvidenceRef> =>
  mapDataErrors(() => attachments.storeAttachment(appStore().db, file));
/** E_NOT_FOUND when the bytes have not been received here yet. */
export const readAttachment = (sha256: string): Promise<Uint8Array> => mapDataErrors(() => attachments.readAttachment(appStore().db, sha256));

// Bundles: export, import, receipts, signers and the device identity (see sync.ts, signers.ts, identity.ts).
export { makersOf, shownOriginOf, type ShownOrigin } from './provenance.ts';
export type { ApplyOptions, ExportPlan, ExportSnapshot, ExportStatus, ImportPreview, ImportResult, OpenedBundle, ReceiptResult } from './sync.ts';
export type { SecretSealer, StoredIdentity } from './identity.ts';
export type { HeldRow, ImportRow, SignerRow, SignerSource } from './db.ts';

/** Pass the Bridge: in Electron the key is sealed by the OS key store; the web bridge cannot seal, so the browser keeps it. */
export const getDeviceIdentity = (sealer: SecretSealer | null): Promise<StoredIdentity> =>
  mapDataErrors(() => loadOrCreateIdentity(appStore().db, sealer));

/** What the start screen must ask before the app opens, given what the Bridge says of the key store. */
export type { DeviceKeyState } from './identity.ts';
export const deviceKeyState = (keyStore: Parameters<typeof deviceKey.deviceKeyState>[1]): Promise<deviceKey.DeviceKeyState> =>
  mapDataErrors(() => deviceKey.deviceKeyState(appStore().db, keyStore));
/** Seals a new device key with the facilitator's passphrase (no key store on this computer). */
export const protectDeviceKey = (passphrase: string): Promise<StoredIdentity> => mapDataErrors(() => deviceKey.protectWithPassphrase(appStore().db, passphrase));
/** Opens the passphrase-sealed device key for this session; E_WRONG_PASSPHRASE when it does not open. */
export const unlockDeviceKey = (passphrase: string): Promise<StoredIdentity> => mapDataErrors(() => deviceKey.unlockWithPassphrase(appStore().db, passphrase));

/** The signer core's encodeBundle / encodeReceipt need: device id, author name, device key. */
export function getBundleSigner(sealer: SecretSealer | null): Promise<BundleSigner> {
  return mapDataErrors(async () => {
    const store = appStore();
    const [id, name, identity] = await Promise.all([store.getDeviceId(), store.getAuthorName(), loadOrCreateIdentity(store.db, sealer)]);
    return { id, name: name ?? '', publicKey: identity.publicKey, privateKey: identity.privateKey };
  });
}

export const collectExport = (options: { readonly sinceReceipt: boolean }): Promise<ExportSnapshot> =>
  mapDataErrors(() => sync.collectExport(appStore().db, options));
/** For exports split into a bundle set: the snapshot without evidence bytes, then each file's evidence. */
export const collectExportPlan = (options: { readonly sinceReceipt: boolean }): Promise<sync.ExportPlan> =>
  mapDataErrors(() => sync.collectExportPlan(appStore().db, options));
export const readAttachments = (hashes: readonly string[]): Promise<Map<string, Uint8Array>> => mapDataErrors(() => sync.readAttachments(appStore().db, hashes));
export const previewImport = (opened: OpenedBundle): Promise<ImportPreview> => mapDataErrors(() => sync.previewImport(appStore().db, opened));
export const applyBundle = (opened: OpenedBundle, options?: ApplyOptions): Promise<ImportResult> =>
  mapDataErrors(() => sync.applyBundle(appStore().db, opened, options));
export const holdBundle = (opened: OpenedBundle): Promise<void> => mapDataErrors(() => sync.holdBundle(appStore().db, opened));
export const rejectHeld = (fileSha256: string): Promise<void> => mapDataErrors(() => sync.rejectHeld(appStore().db, fileSha256));
export const heldBundleBytes = (fileSha256: string): Promise<Uint8Array> => mapDataErrors(() => sync.heldBundleBytes(appStore().db, fileSha256));
export const markDelivered = (receipt: DecodedReceipt): Promise<ReceiptResult> => mapDataErrors(() => sync.markDelivered(appStore().db, receipt));
export const trustSigner = (signer: Parameters<typeof signers.trustSigner>[1]): Promise<SignerRow> =>
  mapDataErrors(() => signers.trustSigner(appStore().db, signer));
export const distrustSigner = (publicKey: string): Promise<void> => mapDataErrors(() => signers.distrustSigner(appStore().db, publicKey));
/** A snapshot of the trusted keys for core's decodeBundle / decodeReceipt `trustedSigners` option. */
export const signerTrustLookup = (): Promise<(publicKeyRaw: Uint8Array) => SignerTrust> =>
  mapDataErrors(() => signers.signerTrustLookup(appStore().db));

// Storage health and automatic local backups (see storage-health.ts, backup.ts).
export type { BackupDependencies, BackupFailureCode, BackupOutcome, LastBackup } from './backup.ts';
export type { ConnectionProblem, DatabaseFacts, RecordSentinelOptions, SentinelStorage, StorageSentinel, StoredDataCheck } from './storage-health.ts';
export const writeFullBackup = (dependencies: backup.BackupDependencies): Promise<backup.BackupOutcome> => backup.writeFullBackup(appStore().db, dependencies);
export const watchRevisionCount = (onCount: (count: number) => void, onError: (error: unknown) => void): (() => void) =>
  revisionCount.watchRevisionCount(appStore().db, onCount, onError);
export const readLastBackup = (storage: backup.BackupRecordStorage): backup.LastBackup | null => backup.readLastBackup(appStore().db, storage);
export const recordLastBackup = (storage: backup.BackupRecordStorage, last: backup.LastBackup): void => backup.recordLastBackup(appStore().db, storage, last);
export const checkStoredData = (storage: health.SentinelStorage, revisionCount?: number): Promise<health.StoredDataCheck> =>
  mapDataErrors(() => health.checkStoredData(appStore().db, storage, revisionCount));
export const recordStorageSentinel = (storage: health.SentinelStorage, options?: health.RecordSentinelOptions): Promise<health.StorageSentinel> =>
  mapDataErrors(() => health.recordSentinel(appStore().db, storage, options));
export const watchDatabaseConnection = (onProblem: (problem: health.ConnectionProblem) => void): (() => void) =>
  health.watchConnection(appStore().db, onProblem);

// Workshop mode (see workshop.ts): participants, assignments, who is at the keyboard, review and verification.
export type { AssignmentTarget, Responsible, NewParticipant, NewWorkshop, SwitchResult, VerdictInput, WorkshopView } from './workshop.ts';
export { WorkshopRuleError } from './workshop-guard.ts';
export const createWorkshop = (input: workshop.NewWorkshop) => mapDataErrors(() => workshop.createWorkshop(appStore(), input));
export { SHARED_FIELDS, type SharedField } from './workshop.ts';
export const saveSharedFields = (assessmentId: string, kpiId: string, fields: Readonly<Partial<Record<workshop.SharedField, FieldValue>>>) =>
  mapDataErrors(() => workshop.saveSharedFields(appStore(), assessmentId, kpiId, fields as Readonly<Record<string, FieldValue>>));
export const addParticipant = (assessmentId: string, participant: workshop.NewParticipant) =>
  mapDataErrors(() => workshop.addParticipant(appStore(), assessmentId, participant));
export const assignKpis = (assessmentId: string, targets: readonly workshop.AssignmentTarget[], to: { readonly department: string | null; readonly participantId: string | null }) =>
  mapDataErrors(() => workshop.assign(appStore(), assessmentId, targets, to));
export const assignEach = (assessmentId: string, changes: Parameters<typeof workshop.assignEach>[2]) => mapDataErrors(() => workshop.assignEach(appStore(), assessmentId, changes));
export const switchParticipant = (assessmentId: string, participantId: string | null, pin?: string) =>
  mapDataErrors(() => workshop.switchParticipant(appStore(), assessmentId, participantId, pin));
export const hasPin = (assessmentId: string, participantId: string) => mapDataErrors(() => workshop.hasPin(appStore(), assessmentId, participantId));
export const submitKpi = (assessmentId: string, kpiId: string) => mapDataErrors(() => workshop.submitKpi(appStore(), assessmentId, kpiId));
export const acceptKpi = (assessmentId: string, kpiId: string) => mapDataErrors(() => workshop.acceptKpi(appStore(), assessmentId, kpiId));
export const returnKpi = (assessmentId: string, kpiId: string, reason: string) => mapDataErrors(() => workshop.returnKpi(appStore(), assessmentId, kpiId, reason));
export const recordVerdict = (assessmentId: string, kpiId: string, pointId: string | undefined, verdict: workshop.VerdictInput) =>
  mapDataErrors(() => workshop.recordVerdict(appStore(), assessmentId, kpiId, pointId, verdict));
export const reopenKpi = (assessmentId: string, kpiId: string, reason: string) => mapDataErrors(() => workshop.reopenKpi(appStore(), assessmentId, kpiId, reason));
export const askQuestion = (assessmentId: string, kpiId: string, question: string) => mapDataErrors(() => workshop.askQuestion(appStore(), assessmentId, kpiId, question));
export const updateQuestion = (assessmentId: string, kpiId: string, questionId: string, update: Parameters<typeof workshop.updateQuestion>[4]) =>
  mapDataErrors(() => workshop.updateQuestion(appStore(), assessmentId, kpiId, questionId, update));
