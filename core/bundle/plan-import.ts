/**
 * The import preview: which of a bundle's revisions are new here, which conflicts they would create
 * and which current values they would replace, computed with the same deriveRecord the app uses, before anything is written.
 */
import { type FieldWrite, deriveRecord } from '../revisions/derive.ts';
import type { Revision } from '../revisions/types.ts';

export interface PlannedConflict {
  readonly recordId: string;
  readonly field: string;
  /** Every competing write after the import, newest first by clock (display order only). */
  readonly candidates: readonly FieldWrite[];
}

/** A current value here that the bundle's revisions supersede with a different one (no conflict arises). */
export interface PlannedReplacement {
  readonly recordId: string;
  readonly field: string;
  readonly before: FieldWrite;
  readonly after: FieldWrite;
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
  /** Current values that would change without a conflict: the bundle's edits build on them and overwrite them. */
  readonly replacedValues: readonly PlannedReplacement[];
  /** Parent ids that are neither in the bundle nor stored here (kept; shown for information). */
  readonly missingParentCount: number;
}

export type ExistingIds = ReadonlySet<string> | ((id: string) => boolean);
export type ExistingRevisionsByRecord = ReadonlyMap<string, readonly Revision[]> | ((recordId: string) => Iterable<Revision>);

function sameValue(a: FieldWrite['value'], b: FieldWrite['value']): boolean {
  return Object.is(a, b) || (a === 0 && b === 0);
}

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
  const replacedValues: PlannedReplacement[] = [];
  for (const recordId of touchedRecordIds) {
    const existing = [...existingFor(recordId)];
    const before = deriveRecord(recordId, existing);
    const after = deriveRecord(recordId, [...existing, ...byRecord.get(recordId)!]);
    for (const [field, state] of Object.entries(after.fields)) {
      const previous = before.fields[field];
      if (!state.conflict) {
        if (previous && !previous.conflict && !sameValue(previous.current.value, state.current.value)) {
          replacedValues.push({ recordId, field, before: previous.current, after: state.current });
        }
        continue;
      }
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
    replacedValues,
    missingParentCount,
  };
}
