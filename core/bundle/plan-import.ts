/**
 * The import preview: which of a bundle's revisions are new here, and which conflicts they would
 * create, computed with the same deriveRecord the app uses, before anything is written.
 */
import { type FieldWrite, deriveRecord } from '../revisions/derive.ts';
import type { Revision } from '../revisions/types.ts';

export interface PlannedConflict {
  readonly recordId: string;
  readonly field: string;
  /** Every competing write after the import, newest first by clock (display order only). */
  readonly candidates: readonly FieldWrite[];
}

export interface ImportPlan {
  /** Revisions not yet stored here, sorted by id: exactly what an import must add. */
  readonly newRevisions: readonly Revision[];
  readonly newCount: number;
  readonly knownCount: number;
  /** True when nothing in the bundle is new: importing again changes nothing. */
  readonly alreadyImported: boolean;
  /** Records that gain at least one revision, sorted. */
  readonly touchedRecordIds: readonly string[];
  /** Conflicts that exist after the import and did not exist (with the same candidates) before. */
  readonly newConflicts: readonly PlannedConflict[];
  /** Parent ids that are neither in the bundle nor stored here (kept; shown for information). */
  readonly missingParentCount: number;
}

export type ExistingIds = ReadonlySet<string> | ((id: string) => boolean);
export type ExistingRevisionsByRecord = ReadonlyMap<string, readonly Revision[]> | ((recordId: string) => Iterable<Revision>);

function candidateKey(candidates: readonly FieldWrite[]): string {
  return candidates
    .map((write) => write.revisionId)
    .sort()
    .join(',');
}

export function planImport(
  existingIds: ExistingIds,
  existingRevisionsByRecord: ExistingRevisionsByRecord,
  bundle: { readonly revisions: readonly Revision[] },
): ImportPlan {
  const has = typeof existingIds === 'function' ? existingIds : (id: string) => existingIds.has(id);
  const existingFor =
    typeof existingRevisionsByRecord === 'function'
      ? existingRevisionsByRecord
      : (recordId: string) => existingRevisionsByRecord.get(recordId) ?? [];

  const fresh = new Map<string, Revision>();
  for (const revision of bundle.revisions) if (!has(revision.id)) fresh.set(revision.id, revision);
  const newRevisions = [...fresh.keys()].sort().map((id) => fresh.get(id)!);
  const inBundle = new Set(bundle.revisions.map((revision) => revision.id));

  let missingParentCount = 0;
  for (const revision of newRevisions) {
    for (const parent of revision.parents) if (!inBundle.has(parent) && !has(parent)) missingParentCount++;
  }

  const byRecord = new Map<string, Revision[]>();
  for (const revision of newRevisions) {
    const list = byRecord.get(revision.recordId) ?? [];
    list.push(revision);
    byRecord.set(revision.recordId, list);
  }
  const touchedRecordIds = [...byRecord.keys()].sort();
  const newConflicts: PlannedConflict[] = [];
  for (const recordId of touchedRecordIds) {
    const existing = [...existingFor(recordId)];
    const before = deriveRecord(recordId, existing);
    const after = deriveRecord(recordId, [...existing, ...byRecord.get(recordId)!]);
    for (const [field, state] of Object.entries(after.fields)) {
      if (!state.conflict) continue;
      const previous = before.fields[field];
      if (previous?.conflict && candidateKey(previous.candidates) === candidateKey(state.candidates)) continue;
      newConflicts.push({ recordId, field, candidates: state.candidates });
    }
  }
  return {
    newRevisions,
    newCount: newRevisions.length,
    knownCount: bundle.revisions.length - newRevisions.length,
    alreadyImported: newRevisions.length === 0,
    touchedRecordIds,
    newConflicts,
    missingParentCount,
  };
}
