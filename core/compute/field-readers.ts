import type { ValueField } from '../revisions/fields.ts';
import type { FieldValue } from '../revisions/types.ts';

/** The current values of one data point, as derived from its revisions. */
export type PointFields = Partial<Record<ValueField, FieldValue>>;

/** A stored number, or null when the field is empty or holds something else (reported by validation). */
export function numberField(fields: PointFields, field: ValueField): number | null {
  const value = fields[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Whether the field holds anything at all: cleared fields are null or an empty string. */
export function isFilled(fields: PointFields, field: ValueField): boolean {
  const value = fields[field];
  return value !== undefined && value !== null && value !== '';
}
