export type { Target, TargetSet } from './types.ts';
export { EXAMPLE_TARGET_SET, EXAMPLE_TARGET_SET_ID } from './example-sdg.ts';
export {
  deleteTargetSetChange,
  targetRecordId,
  targetSetChanges,
  targetSetRecordId,
  targetSetsFromRevisions,
  type RecordChange,
  type StoredTargetSet,
  type TargetConflict,
} from './records.ts';
export { TARGET_COLUMNS, TARGET_OPTIONAL_COLUMNS, targetSetToCsv, targetsFromTable, type TargetTableResult } from './csv.ts';
