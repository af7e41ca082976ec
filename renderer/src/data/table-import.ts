/**
 * Values from a spreadsheet, written once the user has seen the preview: every good row of core's
 * previewValueImport becomes one revision on its data point, all in one transaction and by this laptop's
 * author, or nothing is written.
 */
import { findKpi, findPoint, getCatalogue } from '../../../core/catalogue/index.ts';
import { formatRecordId } from '../../../core/revisions/record-id.ts';
import type { ProposedValue } from '../../../core/tables/index.ts';
import { DataError, mapDataErrors } from './errors.ts';
import { checkFields } from './field-rules.ts';
import { getAssessment } from './queries.ts';
import { changedFields, type DataStore, type FieldsFor } from './store.ts';

/** Resolves to the number of data points that changed (rows equal to what is stored write nothing). */
export function applyValueImport(store: DataStore, assessmentId: string, values: readonly ProposedValue[]): Promise<number> {
  return mapDataErrors(async () => {
    const assessment = await getAssessment(store.db, assessmentId);
    const catalogue = assessment ? getCatalogue(assessment.catalogueId) : undefined;
    if (!assessment || !catalogue) throw new DataError('E_NOT_FOUND', `no assessment ${assessmentId}`);
    const edits = new Map<string, FieldsFor>();
    for (const value of values) {
      const kpi = findKpi(catalogue, value.kpiId);
      if (!kpi || !findPoint(kpi, value.pointId)) throw new DataError('E_INVALID', `no data point ${value.kpiId}/${value.pointId}`);
      const recordId = formatRecordId({ kind: 'kpiValue', assessmentId, kpiId: value.kpiId, pointId: value.pointId });
      if (edits.has(recordId)) throw new DataError('E_INVALID', `${value.kpiId}/${value.pointId} appears twice`);
      edits.set(recordId, changedFields(checkFields(recordId, value.fields)));
    }
    if (edits.size === 0) return 0;
    return (await store.writeEdits(edits)).length;
  });
}
