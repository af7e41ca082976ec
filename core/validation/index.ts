export { VALIDATION_CODES, validationMessageKey, type Severity, type ValidationCode, type ValidationIssue } from './types.ts';
export { validatePoint, hardRangeOf, isPercentage, EARLIEST_DATA_YEAR, type PointContext } from './validate-point.ts';
export {
  validateCityProfile,
  ASSESSMENT_YEAR_RANGE,
  type CityProfileInput,
  type ProfileField,
  type ProfileIssue,
} from './city-profile.ts';
export { exceedsMismatchTolerance, relativeMismatch, MISMATCH_TOLERANCE } from './mismatch.ts';
export { crossKpiChecks, kpisCheckedWith, valueKey, CROSS_KPI_RULES, type CrossKpiIssue, type CrossKpiRule } from './cross-kpi.ts';
