/** Figures that should agree (population, households) may differ by up to 5 % (U4SSC Verification Manual p31). */
export const MISMATCH_TOLERANCE = 0.05;

/** Slack for binary rounding, so that exactly 5 % (e.g. 1.05 against 1) is not counted as more. */
const ROUNDING_SLACK = 1e-9;

/** How far `value` is from `reference`, as a fraction of the reference: 0.05 means 5 %. */
export function relativeMismatch(value: number, reference: number): number {
  if (value === reference) return 0;
  return Math.abs(value - reference) / Math.abs(reference);
}

/** True when the values differ by more than the tolerance; exactly the tolerance still agrees. */
export function exceedsMismatchTolerance(value: number, reference: number, tolerance = MISMATCH_TOLERANCE): boolean {
  return relativeMismatch(value, reference) > tolerance + ROUNDING_SLACK;
}
