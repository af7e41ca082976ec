/** Reports on the values a set of revisions holds: the current fields of each value record, and each data point's KPI value. */
export { currentValues, type CurrentValueRow, type ValueCandidate } from './current-values.ts';
export { pointValues, type PointValueRow, type PointValueKind, type FieldConflict, type CompetingWrite } from './point-values.ts';
