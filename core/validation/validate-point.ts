import type { DataPointDefinition, KpiDefinition, NumericRange } from '../catalogue/types.ts';
import { computePointValue, denominatorFor, numericValue, type Denominators } from '../compute/compute-value.ts';
import { isFilled, numberField, type PointFields } from '../compute/field-readers.ts';
import type { ValueField } from '../revisions/fields.ts';
import { exceedsMismatchTolerance } from './mismatch.ts';
import type { ValidationIssue } from './types.ts';

export interface PointContext {
  /** The assessment's year: data may be at most one year ahead of it. */
  readonly assessmentYear?: number | null;
}

export const EARLIEST_DATA_YEAR = 1950;

const PERCENT_UNITS = new Set(['percent', 'percentOfGdp']);
const PERCENT_RANGE: NumericRange = { min: 0, max: 100 };
const NUMERIC_FIELDS = ['numerator', 'denominator', 'directValue', 'dataYear'] as const satisfies readonly ValueField[];

export function isPercentage(point: DataPointDefinition): boolean {
  return PERCENT_UNITS.has(point.unit) || (point.computation.kind === 'ratio' && point.computation.scale === 100);
}

/** The catalogue's hard range; a percentage without one is held to 0–100. */
export function hardRangeOf(kpi: KpiDefinition, point: DataPointDefinition): NumericRange | undefined {
  return point.hardRange ?? kpi.hardRange ?? (isPercentage(point) ? PERCENT_RANGE : undefined);
}

/** School Enrolment and the like: percentages whose catalogue range lets them pass 100. */
function mayExceedHundred(kpi: KpiDefinition, point: DataPointDefinition): boolean {
  const max = hardRangeOf(kpi, point)?.max;
  return max === undefined || max > 100;
}

function rangeIssues(
  value: number,
  range: NumericRange | undefined,
  kind: 'hard' | 'plausible',
  field: ValueField | undefined,
): ValidationIssue[] {
  if (range === undefined) return [];
  const severity = kind === 'hard' ? 'error' : 'warning';
  const at = field === undefined ? {} : { field };
  if (range.min !== undefined && value < range.min) {
    return [{ severity, code: kind === 'hard' ? 'belowMinimum' : 'implausiblyLow', ...at, params: { min: range.min, value } }];
  }
  if (range.max !== undefined && value > range.max) {
    return [{ severity, code: kind === 'hard' ? 'aboveMaximum' : 'implausiblyHigh', ...at, params: { max: range.max, value } }];
  }
  return [];
}

function typeIssues(fields: PointFields): ValidationIssue[] {
  return NUMERIC_FIELDS.filter((field) => isFilled(fields, field) && numberField(fields, field) === null).map((field) => ({
    severity: 'error',
    code: 'notANumber',
    field,
  }));
}

function ratioIssues(kpi: KpiDefinition, point: DataPointDefinition, fields: PointFields, denominators: Denominators): ValidationIssue[] {
  const { computation } = point;
  if (computation.kind !== 'ratio') return [];
  const issues: ValidationIssue[] = [];
  const numerator = numberField(fields, 'numerator');
  const entered = numberField(fields, 'denominator');
  const denominator = denominatorFor(point, fields, denominators);

  if (numerator !== null && numerator < 0) issues.push({ severity: 'error', code: 'negativeNumerator', field: 'numerator' });
  if (entered !== null && entered <= 0) issues.push({ severity: 'error', code: 'denominatorNotPositive', field: 'denominator' });
  if (numerator !== null && denominator === null && !isFilled(fields, 'directValue') && !isFilled(fields, 'denominator')) {
    // Only a KPI defined on the profile's population or households can be completed from the profile.
    const code = computation.denominator === 'entered' ? 'denominatorNotEntered' : 'denominatorMissing';
    issues.push({ severity: 'warning', code, field: 'denominator' });
  }
  if (
    numerator !== null &&
    denominator !== null &&
    denominator.value > 0 &&
    numerator > denominator.value &&
    isPercentage(point) &&
    !mayExceedHundred(kpi, point)
  ) {
    issues.push({
      severity: 'error',
      code: 'numeratorExceedsDenominator',
      field: 'numerator',
      params: { numerator, denominator: denominator.value },
    });
  }

  const shared = computation.denominator;
  const profile = shared === 'entered' ? null : denominators[shared];
  if (entered !== null && entered > 0 && profile !== null && profile > 0 && exceedsMismatchTolerance(entered, profile)) {
    issues.push({
      severity: 'warning',
      code: 'denominatorMismatch',
      field: 'denominator',
      // Scaling before dividing keeps the percentage of whole counts exact (5.001, not 5.000999…).
      params: { percent: (Math.abs(entered - profile) * 100) / profile, entered, profile },
    });
  }
  return issues;
}

function dataYearIssues(fields: PointFields, context: PointContext): ValidationIssue[] {
  const year = numberField(fields, 'dataYear');
  if (year === null) return [];
  const latest = (context.assessmentYear ?? new Date().getUTCFullYear()) + 1;
  if (Number.isInteger(year) && year >= EARLIEST_DATA_YEAR && year <= latest) return [];
  return [{ severity: 'error', code: 'dataYearOutOfRange', field: 'dataYear', params: { min: EARLIEST_DATA_YEAR, max: latest } }];
}

function choiceIssues(point: DataPointDefinition, fields: PointFields): ValidationIssue[] {
  const { computation } = point;
  const choice = fields.choice;
  if (computation.kind !== 'choice' || !isFilled(fields, 'choice')) return [];
  if (computation.options.some((option) => option === choice)) return [];
  return [{ severity: 'error', code: 'choiceNotAllowed', field: 'choice', params: { value: String(choice) } }];
}

/**
 * Everything worth telling the participant about one data point's current values. Only reports: saved
 * values stay saved whatever this returns.
 */
export function validatePoint(
  kpi: KpiDefinition,
  point: DataPointDefinition,
  fields: PointFields,
  denominators: Denominators,
  context: PointContext = {},
): ValidationIssue[] {
  const issues = [...typeIssues(fields), ...ratioIssues(kpi, point, fields, denominators)];
  const computed = computePointValue(point, fields, denominators);
  const value = numericValue(computed);
  if (value !== null) {
    // A numerator above its denominator already says why the percentage passes 100.
    const explained = computed.kind === 'computed' && issues.some((issue) => issue.code === 'numeratorExceedsDenominator');
    // A computed value has no field of its own; a typed one belongs to directValue.
    const field = computed.kind === 'computed' ? undefined : 'directValue';
    const hard = explained ? [] : rangeIssues(value, hardRangeOf(kpi, point), 'hard', field);
    issues.push(...hard);
    if (hard.length === 0 && !explained) {
      issues.push(...rangeIssues(value, point.plausibleRange ?? kpi.plausibleRange, 'plausible', field));
    }
  }
  issues.push(...dataYearIssues(fields, context), ...choiceIssues(point, fields));
  if (fields.status === 'reported' && computed.kind === 'missing') {
    issues.push({ severity: 'warning', code: 'reportedWithoutValue', field: 'status' });
  }
  return issues;
}
