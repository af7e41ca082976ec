/**
 * React hooks over live queries: they re-render when any window of this origin commits a change.
 * Each returns undefined while loading, so screens can tell "loading" from "empty"; a failed read
 * throws a DataError to the nearest error boundary.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { appStore } from './app-store.ts';
import { storedAttachmentHashes } from './attachments.ts';
import { mapDataErrors } from './errors.ts';
import type { HeldRow, ImportRow, SignerRow } from './db.ts';
import { getAssessment, listAssessments, listDeletedAssessments, listValues, recordHistory } from './queries.ts';
import { revisionOrigins, type ShownOrigin } from './provenance.ts';
import { listSigners } from './signers.ts';
import { listTargetSets } from './target-sets.ts';
import { listAllValues, listValuesOfKpis, type ValuesByAssessment } from './office.ts';
import type { StoredTargetSet } from '../../../core/targets/records.ts';
import { exportStatus, listHeld, listImports, type ExportStatus } from './sync.ts';
import type { AssessmentView, Revision, ValueView } from './types.ts';
import { loadWorkshop, type WorkshopView } from './workshop.ts';

/** Assessments that are not deleted, newest first. */
export function useAssessments(): AssessmentView[] | undefined {
  return useLiveQuery(() => mapDataErrors(() => listAssessments(appStore().db)), []);
}

/** Deleted assessments (for a "restore" list), newest first. */
export function useDeletedAssessments(): AssessmentView[] | undefined {
  return useLiveQuery(() => mapDataErrors(() => listDeletedAssessments(appStore().db)), []);
}

/** null when the assessment does not exist or is deleted. */
export function useAssessment(assessmentId: string): AssessmentView | null | undefined {
  return useLiveQuery(() => mapDataErrors(() => getAssessment(appStore().db, assessmentId)), [assessmentId]);
}

/** Every KPI data point with revisions, keyed by record id (formatRecordId / valueRecordId). */
export function useValues(assessmentId: string): ReadonlyMap<string, ValueView> | undefined {
  return useLiveQuery(() => mapDataErrors(() => listValues(appStore().db, assessmentId)), [assessmentId]);
}

/** Every revision of one record, newest first by clock (display order only). */
export function useRecordHistory(recordId: string): readonly Revision[] | undefined {
  return useLiveQuery(() => mapDataErrors(() => recordHistory(appStore().db, recordId)), [recordId]);
}

/** Every revision of one record with the key that made each (provenance.ts), newest first. */
export function useRecordProvenance(recordId: string): ReadonlyMap<string, ShownOrigin> | undefined {
  return useLiveQuery(
    () => mapDataErrors(async () => revisionOrigins(appStore().db, await recordHistory(appStore().db, recordId))),
    [recordId],
  );
}

/** Bundles imported here, newest first. */
export function useImports(): ImportRow[] | undefined {
  return useLiveQuery(() => mapDataErrors(() => listImports(appStore().db)), []);
}

/** Bundles from unknown signers waiting for a decision, newest first (without their bytes). */
export function useHeldBundles(): Omit<HeldRow, 'bytes'>[] | undefined {
  return useLiveQuery(() => mapDataErrors(() => listHeld(appStore().db)), []);
}

export function useSigners(): SignerRow[] | undefined {
  return useLiveQuery(() => mapDataErrors(() => listSigners(appStore().db)), []);
}

/** How much an export would carry: everything, and what no receipt has confirmed yet. */
export function useExportStatus(): ExportStatus | undefined {
  return useLiveQuery(() => mapDataErrors(() => exportStatus(appStore().db)), []);
}

/** Which of these attachment hashes have their bytes here; the others are "not received yet". */
export function useStoredAttachments(hashes: readonly string[]): ReadonlySet<string> | undefined {
  const key = hashes.join(',');
  return useLiveQuery(() => mapDataErrors(() => storedAttachmentHashes(appStore().db, key === '' ? [] : key.split(','))), [key]);
}

/** The assessment's workshop state and who is at this keyboard; live as revisions arrive from any window or import. */
export function useWorkshop(assessmentId: string): WorkshopView | undefined {
  return useLiveQuery(() => mapDataErrors(() => loadWorkshop(appStore(), assessmentId)), [assessmentId]);
}

/** Target sets stored here (created, imported or received in bundles), sorted by id; not the built-in example. */
export function useStoredTargetSets(): StoredTargetSet[] | undefined {
  return useLiveQuery(() => mapDataErrors(() => listTargetSets(appStore().db)), []);
}

/** Every assessment's data points, by assessment id (the central office's view); read once `enabled`. */
export function useAllValues(enabled = true): ValuesByAssessment | undefined {
  return useLiveQuery(() => (enabled ? mapDataErrors(() => listAllValues(appStore().db)) : undefined), [enabled]);
}

export interface KpiValues {
  /** The `kpiIds` asked for: until a new read is done, the last one's answer is what a live query returns. */
  readonly kpiIds: readonly string[];
  readonly values: ValuesByAssessment;
}

/** The data points of `kpiIds` in each of `assessmentIds` (none asked: null), by assessment id. */
export function useValuesOfKpis(assessmentIds: readonly string[] | null, kpiIds: readonly string[]): KpiValues | undefined {
  return useLiveQuery(
    async () => (assessmentIds ? { kpiIds, values: await mapDataErrors(() => listValuesOfKpis(appStore().db, assessmentIds, kpiIds)) } : undefined),
    [assessmentIds, kpiIds],
  );
}

/** The name this laptop stamps on its changes; null when nobody has given one yet. */
export function useAuthorName(): string | null | undefined {
  return useLiveQuery(() => mapDataErrors(() => appStore().getAuthorName()), []);
}
