import type { ValueField } from '../revisions/fields.ts';

/** Every issue the validators report; the message of each is the i18n key `validation:<code>`. */
export const VALIDATION_CODES = [
  'notANumber',
  'belowMinimum',
  'aboveMaximum',
  'implausiblyLow',
  'implausiblyHigh',
  'negativeNumerator',
  'denominatorNotPositive',
  'denominatorMissing',
  'denominatorNotEntered',
  'numeratorExceedsDenominator',
  'denominatorMismatch',
  'dataYearOutOfRange',
  'choiceNotAllowed',
  'reportedWithoutValue',
  'notPositive',
  'notWholeNumber',
  'householdsExceedPopulation',
  'currencyInvalid',
  'currencyUnknown',
  'currencyMissing',
  'assessmentYearOutOfRange',
  'exceedsRelatedKpi',
  'belowRelatedKpi',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export type Severity = 'error' | 'warning';

/**
 * One finding. Validators only report: an error never blocks or removes anything already saved. `params`
 * hold raw numbers (the UI formats them in the user's locale) and language-neutral strings such as codes.
 */
export interface ValidationIssue<F extends string = ValueField> {
  readonly severity: Severity;
  readonly code: ValidationCode;
  readonly field?: F;
  readonly params?: Readonly<Record<string, number | string>>;
}

/** The i18next key of an issue's message. */
export function validationMessageKey(issue: Pick<ValidationIssue<string>, 'code'>): string {
  return `validation:${issue.code}`;
}
