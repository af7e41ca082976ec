/** Checks of one field value on its own: the building blocks of each record kind's field table. */
import { DEFAULT_LIMITS } from '../bundle/limits.ts';
import { getCatalogue } from '../catalogue/index.ts';
import { isRecordIdPart } from '../revisions/record-id.ts';
import type { FieldValue } from '../revisions/types.ts';
import type { RuleProblem } from './findings.ts';

/** A problem without its field: the field table fills that in. */
export type ValueProblem = Omit<RuleProblem, 'field'>;
export type FieldCheck = (value: FieldValue) => ValueProblem | null;

export const MAX_TEXT_LENGTH = DEFAULT_LIMITS.maxStringLength;
/** Years a record may hold at all; how recent a year must be for an assessment is validation's. */
export const RECORD_YEAR_RANGE = { min: 1900, max: 2200 } as const;

const problem = (reason: ValueProblem['reason'], params?: ValueProblem['params']): ValueProblem => (params ? { reason, params } : { reason });

export const text =
  (maxLength = MAX_TEXT_LENGTH): FieldCheck =>
  (value) => {
    if (value === null) return null;
    if (typeof value !== 'string') return problem('notText');
    return value.length > maxLength ? problem('textTooLong', { max: maxLength }) : null;
  };

function numberProblem(value: FieldValue): ValueProblem | null {
  return typeof value === 'number' && Number.isFinite(value) ? null : problem('notANumber');
}

export const anyNumber: FieldCheck = (value) => (value === null ? null : numberProblem(value));

export const nonNegativeNumber: FieldCheck = (value) => {
  if (value === null) return null;
  return numberProblem(value) ?? ((value as number) < 0 ? problem('negative') : null);
};

export const year: FieldCheck = (value) => {
  if (value === null) return null;
  const { min, max } = RECORD_YEAR_RANGE;
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? null : problem('notAYear', { min, max });
};

export const oneOf =
  (options: readonly string[]): FieldCheck =>
  (value) =>
    value === null || (typeof value === 'string' && options.includes(value)) ? null : problem('notAChoice', { options: options.join(', ') });

export const flag: FieldCheck = (value) => (typeof value === 'boolean' ? null : problem('notAFlag'));

/** A required id, e.g. the city an assessment belongs to. */
export const recordIdPart: FieldCheck = (value) => (isRecordIdPart(value) ? null : problem('notAnId'));

export const catalogueId: FieldCheck = (value) => {
  if (typeof value !== 'string') return problem('notAnId');
  return getCatalogue(value) ? null : problem('unknownCatalogue', { value: value.slice(0, 100) });
};
