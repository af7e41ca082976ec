import type { PointFields } from '../compute/field-readers.ts';
import type { FieldState } from '../revisions/derive.ts';
import type { FieldValue } from '../revisions/types.ts';
import type { PointStatusInput } from './entry-status.ts';

/** A data point's derived record state (core/revisions deriveRecord) as the status functions read it. */
export function statusInputOf(fields: Readonly<Record<string, FieldState>> | undefined): PointStatusInput {
  const settled: Record<string, FieldValue> = {};
  const conflictFields: string[] = [];
  for (const [field, state] of Object.entries(fields ?? {})) {
    if (state.conflict) conflictFields.push(field);
    else settled[field] = state.current.value;
  }
  return { fields: settled as PointFields, conflictFields };
}
