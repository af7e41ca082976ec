/**
 * Read-side functions: plain async functions over the database, usable inside liveQuery and in tests
 * without React. They use indexed range queries only and derive current state with core's
 * deriveRecord, so every laptop shows the same state for the same set of revisions.
 */
import { currentValue, deriveRecord, deriveRecords, type RecordState } from '../../../core/revisions/derive.ts';
import { parseHlc } from '../../../core/revisions/hlc.ts';
import { formatRecordId, isRecordIdPart, parseRecordId, valueRecordPrefix, type RecordRef } from '../../../core/revisions/record-id.ts';
import { checkRevision, fieldRule, type RecordFinding } from '../../../core/records/index.ts';
import type { Revision } from '../../../core/revisions/types.ts';
import type { CityKpiDb } from './db.ts';
import type { AssessmentView, CityView, ValueView } from './types.ts';

const ASSESSMENT_PREFIX = 'assessment:';
const CITY_PREFIX = 'city:';

export function revisionsOfRecord(db: CityKpiDb, recordId: string): Promise<Revision[]> {
  return db.revisions.where('recordId').equals(recordId).toArray();
}

export async function recordState(db: CityKpiDb, recordId: string): Promise<RecordState> {
  return deriveRecord(recordId, await revisionsOfRecord(db, recordId));
}

function text(state: RecordState | undefined, field: string): string {
  const value = currentValue(state, field);
  return typeof value === 'string' ? value : '';
}

function numberOrNull(state: RecordState | undefined, field: string): number | null {
  const value = currentValue(state, field);
  return typeof value === 'number' ? value : null;
}

/** A deletion is in effect only when it is the agreed current value; a delete-vs-edit conflict keeps the record visible. */
export function isDeleted(state: RecordState | undefined): boolean {
  return currentValue(state, 'deleted') === true;
}

function cityView(cityId: string, state: RecordState | undefined): CityView {
  return {
    id: cityId,
    name: text(state, 'name'),
    country: text(state, 'country'),
    population: numberOrNull(state, 'population'),
    households: numberOrNull(state, 'households'),
    areaKm2: numberOrNull(state, 'areaKm2'),
    gdp: numberOrNull(state, 'gdp'),
    currency: text(state, 'currency'),
    region: text(state, 'region'),
  };
}

/** The wall time of the record's first revision: when the assessment was created (for sorting and display). */
function createdAtMs(revisions: readonly Revision[]): number {
  let earliest: string | undefined;
  for (const revision of revisions) if (earliest === undefined || revision.hlc < earliest) earliest = revision.hlc;
  return earliest === undefined ? 0 : (parseHlc(earliest)?.wallMs ?? 0);
}

interface AssessmentRecord {
  readonly assessmentId: string;
  readonly state: RecordState;
  readonly createdAtMs: number;
}

function assessmentRecord(assessmentId: string, revisions: readonly Revision[]): AssessmentRecord {
  const state = deriveRecord(formatRecordId({ kind: 'assessment', assessmentId }), revisions);
  return { assessmentId, state, createdAtMs: createdAtMs(revisions) };
}

/** The record rules' findings on a record's agreed current values (a conflict is not damage). */
function damageOf(state: RecordState): RecordFinding[] {
  const fields = Object.fromEntries(Object.entries(state.fields).flatMap(([field, fieldState]) => (fieldState.conflict ? [] : [[field, fieldState.current.value]])));
  if (Object.keys(fields).length === 0) return [];
  return checkRevision({ recordId: state.recordId, fields, author: '', deviceId: '' }, { rules: [fieldRule] });
}

function assessmentView({ assessmentId, state, createdAtMs }: AssessmentRecord, cityStates: ReadonlyMap<string, RecordState>): AssessmentView {
  const cityId = text(state, 'cityId');
  const cityState = cityStates.get(cityRecordId(cityId));
  const title = currentValue(state, 'title');
  return {
    id: assessmentId,
    cityId,
    year: numberOrNull(state, 'year') ?? 0,
    catalogueId: text(state, 'catalogueId'),
    demo: currentValue(state, 'demo') === true,
    title: typeof title === 'string' ? title : null,
    createdAtMs,
    city: cityView(cityId, cityState),
    fieldStates: state.fields,
    cityFieldStates: cityState?.fields ?? {},
    damage: damageOf(state),
  };
}

/** '' when the assessment names no usable city: a damaged city id must not make the whole list fail. */
function cityRecordId(cityId: string): string {
  return isRecordIdPart(cityId) ? formatRecordId({ kind: 'city', cityId }) : '';
}

const CITIES_READ_ONE_BY_ONE = 16;

/** Current states of the cities of these assessments, keyed by city record id. */
async function cityStatesOf(db: CityKpiDb, assessments: readonly AssessmentRecord[]): Promise<Map<string, RecordState>> {
  const recordIds = [...new Set(assessments.map(({ state }) => cityRecordId(text(state, 'cityId'))))].filter((id) => id !== '');
  if (recordIds.length === 0) return new Map();
  const wanted = new Set(recordIds);
  // `anyOf` seeks once per row it finds; past a few cities one read of every city is cheaper.
  const revisions =
    recordIds.length <= CITIES_READ_ONE_BY_ONE
      ? await db.revisions.where('recordId').anyOf(recordIds).toArray()
      : (await db.revisions.where('recordId').startsWith(CITY_PREFIX).toArray()).filter((revision) => wanted.has(revision.recordId));
  return new Map(deriveRecords(revisions).map((state) => [state.recordId, state]));
}

async function assessmentRecords(db: CityKpiDb): Promise<AssessmentRecord[]> {
  const revisions = await db.revisions.where('recordId').startsWith(ASSESSMENT_PREFIX).toArray();
  const byAssessment = new Map<string, Revision[]>();
  for (const revision of revisions) {
    const ref = parseRecordId(revision.recordId);
    if (ref?.kind !== 'assessment') continue;
    const list = byAssessment.get(ref.assessmentId) ?? [];
    list.push(revision);
    byAssessment.set(ref.assessmentId, list);
  }
  return [...byAssessment].map(([assessmentId, list]) => assessmentRecord(assessmentId, list));
}

async function viewsNewestFirst(db: CityKpiDb, records: readonly AssessmentRecord[]): Promise<AssessmentView[]> {
  const cityStates = await cityStatesOf(db, records);
  return records
    .map((record) => assessmentView(record, cityStates))
    .sort((a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Assessments that are not deleted, newest first (by creation time, then id). */
export async function listAssessments(db: CityKpiDb): Promise<AssessmentView[]> {
  return viewsNewestFirst(db, (await assessmentRecords(db)).filter((record) => !isDeleted(record.state)));
}

/** Deleted assessments, newest first: their revisions are all kept, so they can be restored. */
export async function listDeletedAssessments(db: CityKpiDb): Promise<AssessmentView[]> {
  return viewsNewestFirst(db, (await assessmentRecords(db)).filter((record) => isDeleted(record.state)));
}

/** Ids often come from the address bar: a malformed one names nothing rather than being an error. */
function recordIdOrNull(ref: RecordRef): string | null {
  try {
    return formatRecordId(ref);
  } catch {
    return null;
  }
}

/** The assessment, or null when it does not exist, is deleted, or the id is malformed. */
export async function getAssessment(db: CityKpiDb, assessmentId: string): Promise<AssessmentView | null> {
  const recordId = recordIdOrNull({ kind: 'assessment', assessmentId });
  if (!recordId) return null;
  const revisions = await revisionsOfRecord(db, recordId);
  if (revisions.length === 0) return null;
  const record = assessmentRecord(assessmentId, revisions);
  if (isDeleted(record.state)) return null;
  return assessmentView(record, await cityStatesOf(db, [record]));
}

/** Every KPI data point of an assessment that has at least one revision, keyed by record id. */
export async function listValues(db: CityKpiDb, assessmentId: string): Promise<ReadonlyMap<string, ValueView>> {
  if (!recordIdOrNull({ kind: 'assessment', assessmentId })) return new Map();
  const revisions = await db.revisions.where('recordId').startsWith(valueRecordPrefix(assessmentId)).toArray();
  const views = new Map<string, ValueView>();
  for (const state of deriveRecords(revisions)) {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind !== 'kpiValue') continue;
    views.set(state.recordId, { recordId: state.recordId, kpiId: ref.kpiId, pointId: ref.pointId, fields: state.fields, heads: state.heads });
  }
  return views;
}

/** Newest first by clock, then by id: display order only. */
export function compareRevisionsNewestFirst(a: Revision, b: Revision): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export async function recordHistory(db: CityKpiDb, recordId: string): Promise<Revision[]> {
  return (await revisionsOfRecord(db, recordId)).sort(compareRevisionsNewestFirst);
}
