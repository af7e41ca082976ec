import type { ChoiceOption, DataPointDefinition } from '../catalogue/types.ts';
import { numberField, type PointFields } from './field-readers.ts';

/** The city profile's shared denominators; null when the profile does not have them yet. */
export interface Denominators {
  readonly population: number | null;
  readonly households: number | null;
}

export type ComputedValue =
  /** numerator / denominator × scale. */
  | {
      readonly kind: 'computed';
      readonly value: number;
      readonly denominatorUsed: number;
      readonly denominatorSource: 'entered' | 'profile';
    }
  /** A value typed directly for a ratio KPI, replacing its computation (the UI marks it). */
  | { readonly kind: 'override'; readonly value: number }
  /** The value of a KPI that is entered as is (years, counts, coefficients): nothing is overridden. */
  | { readonly kind: 'direct'; readonly value: number }
  | { readonly kind: 'choice'; readonly value: ChoiceOption }
  | { readonly kind: 'missing' };

const MISSING: ComputedValue = { kind: 'missing' };

/**
 * The denominator a ratio uses: the participant's own when entered, else the city profile's population or
 * households for KPIs defined on them (the U4SSC template prefills both and reuses them everywhere).
 */
export function denominatorFor(
  point: DataPointDefinition,
  fields: PointFields,
  denominators: Denominators,
): { readonly value: number; readonly source: 'entered' | 'profile' } | null {
  if (point.computation.kind !== 'ratio') return null;
  const entered = numberField(fields, 'denominator');
  if (entered !== null) return { value: entered, source: 'entered' };
  const shared = point.computation.denominator;
  if (shared === 'entered') return null;
  const profile = denominators[shared];
  return profile === null ? null : { value: profile, source: 'profile' };
}

/**
 * The value a data point has now. Nothing here refuses or corrects input: a zero or negative denominator
 * just leaves the value missing, and validatePoint says why.
 */
export function computePointValue(point: DataPointDefinition, fields: PointFields, denominators: Denominators): ComputedValue {
  if (fields.status === 'notReported') return MISSING;
  const { computation } = point;
  if (computation.kind === 'choice') {
    const choice = computation.options.find((option) => option === fields.choice);
    return choice === undefined ? MISSING : { kind: 'choice', value: choice };
  }

  const direct = numberField(fields, 'directValue');
  if (computation.kind === 'direct') return direct === null ? MISSING : { kind: 'direct', value: direct };
  if (direct !== null) return { kind: 'override', value: direct };

  const numerator = numberField(fields, 'numerator');
  const denominator = denominatorFor(point, fields, denominators);
  if (numerator === null || denominator === null || denominator.value <= 0) return MISSING;
  // Scaling first keeps whole-number inputs exact: 7 × 100 / 1000 is 0.7, while 7 / 1000 × 100 is not.
  const value = (numerator * computation.scale) / denominator.value;
  if (!Number.isFinite(value)) return MISSING;
  return { kind: 'computed', value, denominatorUsed: denominator.value, denominatorSource: denominator.source };
}

/** The number a value stands for, for comparisons across KPIs; null for choices and missing values. */
export function numericValue(computed: ComputedValue): number | null {
  return computed.kind === 'computed' || computed.kind === 'override' || computed.kind === 'direct' ? computed.value : null;
}
