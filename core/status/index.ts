/**
 * Entry status: what is done, what is left and what is wrong, for one data point, one KPI or a whole
 * assessment. Pure: give it current values (settled fields, conflicting field names) and the city's
 * denominators.
 *
 *   pointStatus(kpi, point, input, context)   one data point, with its errors and warnings
 *   kpiStatus(kpiId, points)                  a KPI from its points' statuses
 *   assessmentStatus(catalogue, lookup, ctx)  every KPI, cross-KPI checks included, and the counts
 *   kpiStatusReader(catalogue, lookup, ctx)   the same per KPI, each computed when asked for
 *   countsAsReported(status)                  whether a value may enter scores and totals
 *   statusInputOf(recordState.fields)         the input, from a derived record (renderer, bundles, CLI)
 */
export {
  ENTRY_STATUSES,
  combineStatuses,
  countsAsReported,
  kpiStatus,
  pointStatus,
  type EntryStatus,
  type KpiStatus,
  type PointStatus,
  type PointStatusInput,
  type StatusContext,
} from './entry-status.ts';
export { assessmentStatus, countStatuses, kpiStatusReader, type AssessmentStatus, type PointLookup, type StatusCounts } from './assessment-status.ts';
export { statusInputOf } from './from-record.ts';
