import type { FieldState } from '../../../../core/revisions/derive.ts';
import type { FieldValue, ValueView } from '../../data/types.ts';

export type PlainFields = Readonly<Record<string, FieldValue>>;

/** The agreed current values of a record; fields in conflict are left out until someone resolves them. */
export function plainFields(view: ValueView | undefined): PlainFields {
  const result: Record<string, FieldValue> = {};
  if (!view) return result;
  for (const [field, state] of Object.entries(view.fields)) {
    if (!state.conflict) result[field] = state.current.value;
  }
  return result;
}

export function fieldState(view: ValueView | undefined, field: string): FieldState | undefined {
  return view?.fields[field];
}

export function numberOf(value: FieldValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function textOf(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

export function hasAnyValue(fields: PlainFields): boolean {
  return Object.values(fields).some((value) => value !== null && value !== '');
}
