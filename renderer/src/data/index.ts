/**
 * The data layer's public API for screens. Functions act on the app's database; hooks live in
 * hooks.ts. Every failure is a DataError with a code (see errors.ts).
 */
import { formatRecordId } from '../../../core/revisions/record-id.ts';
import type { FieldValue } from '../../../core/revisions/types.ts';
import { appStore } from './app-store.ts';
import type { AssessmentFieldUpdate, ValueFieldUpdate } from './store.ts';
import type { CityFieldUpdate, NewAssessment } from './types.ts';

export type * from './types.ts';
export type { AssessmentFieldUpdate, DataStore, ValueFieldUpdate } from './store.ts';
export type { PersistenceStatus } from './persistence.ts';
export { DataError, type DataErrorCode } from './errors.ts';
export { persistenceStatus } from './app-store.ts';
export { DEMO_ASSESSMENT_ID, DEMO_CITY_ID } from '../../../core/demo/index.ts';
export { MAX_AUTHOR_NAME_LENGTH } from './meta.ts';

/** The record id of one KPI data point, the key of useValues' map. */
export function valueRecordId(assessmentId: string, kpiId: string, pointId: string): string {
  return formatRecordId({ kind: 'kpiValue', assessmentId, kpiId, pointId });
}

export function cityRecordId(cityId: string): string {
  return formatRecordId({ kind: 'city', cityId });
}

export function assessmentRecordId(assessmentId: string): string {
  return formatRecordId({ kind: 'assessment', assessmentId });
}

export const getDeviceId = (): Promise<string> => appStore().getDeviceId();
export const getAuthorName = (): Promise<string | null> => appStore().getAuthorName();
export const setAuthorName = (name: string | null): Promise<void> => appStore().setAuthorName(name);
export const createAssessment = (input: NewAssessment): Promise<{ readonly assessmentId: string; readonly cityId: string }> =>
  appStore().createAssessment(input);
export const updateCity = (cityId: string, fields: CityFieldUpdate): Promise<string | null> => appStore().updateCity(cityId, fields);
export const updateAssessment = (assessmentId: string, fields: AssessmentFieldUpdate): Promise<string | null> =>
  appStore().updateAssessment(assessmentId, fields);
export const saveValueFields = (assessmentId: string, kpiId: string, pointId: string, fields: ValueFieldUpdate): Promise<string | null> =>
  appStore().saveValueFields(assessmentId, kpiId, pointId, fields);
export const deleteAssessment = (assessmentId: string): Promise<void> => appStore().deleteAssessment(assessmentId);
export const openDemo = (): Promise<string> => appStore().openDemo();
export const resolveConflict = (recordId: string, field: string, value: FieldValue): Promise<string> =>
  appStore().resolveConflict(recordId, field, value);
