/**
 * Target sets in the local database: read from their revisions with core's targetSetsFromRevisions, and
 * written as the changes core's targetSetChanges computes, all records of one save in one transaction.
 */
import { parseRecordId } from '../../../core/revisions/record-id.ts';
import { deleteTargetSetChange, targetSetChanges, targetSetsFromRevisions, type RecordChange, type StoredTargetSet } from '../../../core/targets/index.ts';
import type { TargetSet } from '../../../core/targets/types.ts';
import type { CityKpiDb } from './db.ts';
import { DataError, mapDataErrors } from './errors.ts';
import { checkFields } from './field-rules.ts';
import { changedFields, type DataStore, type FieldsFor } from './store.ts';

const TARGET_RECORD_PREFIXES = ['targetSet:', 'target:'];

export async function listTargetSets(db: CityKpiDb): Promise<StoredTargetSet[]> {
  const revisions = await db.revisions.where('recordId').startsWithAnyOf(TARGET_RECORD_PREFIXES).toArray();
  return targetSetsFromRevisions(revisions);
}

export async function getTargetSet(db: CityKpiDb, targetSetId: string): Promise<StoredTargetSet | null> {
  return (await listTargetSets(db)).find((stored) => stored.set.id === targetSetId) ?? null;
}

/**
 * Checks every change against the data model first, so one refused field writes nothing; each record then
 * gets only the fields that still differ when the transaction runs. Resolves to the revisions written.
 */
async function writeChanges(store: DataStore, changes: readonly RecordChange[]): Promise<number> {
  const edits = new Map<string, FieldsFor>();
  for (const { recordId, fields } of changes) {
    const ref = parseRecordId(recordId);
    if (!ref || edits.has(recordId)) throw new DataError('E_INVALID', `cannot change ${JSON.stringify(recordId)}`);
    edits.set(recordId, changedFields(checkFields(recordId, fields)));
  }
  return edits.size === 0 ? 0 : (await store.writeEdits(edits)).length;
}

/** Creates the set, or turns the stored one into `wanted`; resolves to the number of revisions written. */
export function saveTargetSet(store: DataStore, wanted: TargetSet): Promise<number> {
  return mapDataErrors(async () => {
    if (wanted.name.trim() === '') throw new DataError('E_INVALID', 'a target set needs a name');
    const stored = await getTargetSet(store.db, wanted.id);
    return writeChanges(store, targetSetChanges(stored?.set ?? null, wanted));
  });
}

export function deleteTargetSet(store: DataStore, targetSetId: string): Promise<void> {
  return mapDataErrors(async () => {
    if (!(await getTargetSet(store.db, targetSetId))) throw new DataError('E_NOT_FOUND', `no target set ${targetSetId}`);
    await writeChanges(store, [deleteTargetSetChange(targetSetId)]);
  });
}
