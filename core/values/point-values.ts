/**
 * The analyst's view of a set of revisions: one row per city, year, KPI and data point with the KPI value
 * computed as the app computes it (core/compute, with the city profile's population and households), its
 * provenance, and every field in conflict with all its competing writes. Rows and conflicts are in a total
 * order, so equal revision sets always produce equal rows whatever bundles or import order they came from.
 */
import { findKpi, findPoint, getCatalogue } from '../catalogue/index.ts';
import type { DataPointDefinition } from '../catalogue/types.ts';
import { computePointValue, type ComputedValue, type PointFields } from '../compute/index.ts';
import { type RecordState, currentValue, deriveRecords } from '../revisions/derive.ts';
import { parseHlc } from '../revisions/hlc.ts';
import { VALUE_FIELDS } from '../revisions/fields.ts';
import { parseRecordId } from '../revisions/record-id.ts';
import type { FieldValue, Revision } from '../revisions/types.ts';

/** `conflict`: the value depends on a field that holds competing values, so it cannot be computed yet. */
export type PointValueKind = ComputedValue['kind'] | 'conflict';

export interface CompetingWrite {
  readonly value: FieldValue;
  readonly author: string;
  readonly deviceId: string;
  /** When the writer's laptop says it wrote the value (UTC, from its clock; laptops' clocks can be wrong). */
  readonly time: string | null;
  /** The writer's hybrid logical clock, see core/revisions/hlc.ts. */
  readonly hlc: string;
  readonly revisionId: string;
}

export interface FieldConflict {
  /** A value field (`numerator`), or a field of the city or assessment the row uses (`city.population`). */
  readonly field: string;
  /** Sorted by clock, then revision id. */
  readonly values: readonly CompetingWrite[];
}

export interface PointValueRow {
  readonly cityId: string | null;
  readonly cityName: string | null;
  readonly country: string | null;
  readonly year: number | null;
  readonly assessmentId: string;
  /** Official code as published (`EC: ICT: ICT: 1C`); null when the catalogue does not know the KPI. */
  readonly kpiCode: string | null;
  readonly kpiId: string;
  readonly pointId: string;
  readonly value: number | string | null;
  readonly valueKind: PointValueKind;
  readonly unit: string | null;
  readonly status: string | null;
  readonly quality: string | null;
  readonly dataYear: number | null;
  readonly source: string | null;
  /** Sorted by field name; empty when nothing the row shows or uses is in conflict. */
  readonly conflicts: readonly FieldConflict[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRows(a: PointValueRow, b: PointValueRow): number {
  return (
    compareText(a.cityId ?? '', b.cityId ?? '') ||
    (a.year ?? -Infinity) - (b.year ?? -Infinity) ||
    compareText(a.assessmentId, b.assessmentId) ||
    compareText(a.kpiId, b.kpiId) ||
    compareText(a.pointId, b.pointId)
  );
}

function compareWrites(a: CompetingWrite, b: CompetingWrite): number {
  return compareText(a.hlc, b.hlc) || compareText(a.revisionId, b.revisionId);
}

function timeOf(hlc: string): string | null {
  const wallMs = parseHlc(hlc)?.wallMs;
  return wallMs === undefined ? null : new Date(wallMs).toISOString();
}

function conflictsOf(state: RecordState | undefined, fields: readonly string[], prefix: string): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const field of fields) {
    const fieldState = state?.fields[field];
    if (!fieldState?.conflict) continue;
    const values = fieldState.candidates
      .map(({ value, author, deviceId, hlc, revisionId }) => ({ value, author, deviceId, time: timeOf(hlc), hlc, revisionId }))
      .sort(compareWrites);
    conflicts.push({ field: `${prefix}${field}`, values });
  }
  return conflicts;
}

function settled(state: RecordState | undefined): PointFields {
  const fields: Record<string, FieldValue> = {};
  for (const field of VALUE_FIELDS) {
    const value = currentValue(state, field);
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

function text(value: FieldValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function number(value: FieldValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The city fields a ratio falls back on: its shared denominator, unless the point has its own. */
function profileFieldsUsed(point: DataPointDefinition, fields: PointFields): string[] {
  const { computation } = point;
  if (computation.kind !== 'ratio' || computation.denominator === 'entered' || number(fields.denominator) !== null) return [];
  return [computation.denominator];
}

/** The value fields the computation reads: a conflict in any of them leaves the value undecided. */
function valueInputs(point: DataPointDefinition): readonly string[] {
  switch (point.computation.kind) {
    case 'choice':
      return ['status', 'choice'];
    case 'direct':
      return ['status', 'directValue'];
    case 'ratio':
      return ['status', 'directValue', 'numerator', 'denominator'];
  }
}

function computeRow(
  point: DataPointDefinition | undefined,
  valueState: RecordState,
  city: RecordState | undefined,
): { readonly value: number | string | null; readonly valueKind: PointValueKind; readonly cityFields: string[] } {
  if (!point) return { value: null, valueKind: 'missing', cityFields: [] };
  const fields = settled(valueState);
  const cityFields = profileFieldsUsed(point, fields);
  const undecided =
    valueInputs(point).some((field) => valueState.fields[field]?.conflict) || cityFields.some((field) => city?.fields[field]?.conflict);
  if (undecided) return { value: null, valueKind: 'conflict', cityFields };
  const computed = computePointValue(point, fields, {
    population: number(currentValue(city, 'population')),
    households: number(currentValue(city, 'households')),
  });
  return { value: computed.kind === 'missing' ? null : computed.value, valueKind: computed.kind, cityFields };
}

export function pointValues(revisions: Iterable<Revision>): PointValueRow[] {
  const states = deriveRecords(revisions);
  const cities = new Map<string, RecordState>();
  const assessments = new Map<string, RecordState>();
  for (const state of states) {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind === 'city') cities.set(ref.cityId, state);
    if (ref?.kind === 'assessment') assessments.set(ref.assessmentId, state);
  }

  const rows: PointValueRow[] = [];
  for (const state of states) {
    const ref = parseRecordId(state.recordId);
    if (ref?.kind !== 'kpiValue') continue;
    const assessment = assessments.get(ref.assessmentId);
    const cityId = text(currentValue(assessment, 'cityId'));
    const city = cityId === null ? undefined : cities.get(cityId);
    const catalogueId = text(currentValue(assessment, 'catalogueId'));
    const catalogue = catalogueId === null ? undefined : getCatalogue(catalogueId);
    const kpi = catalogue ? findKpi(catalogue, ref.kpiId) : undefined;
    const point = kpi ? findPoint(kpi, ref.pointId) : undefined;
    const { value, valueKind, cityFields } = computeRow(point, state, city);
    const fields = settled(state);
    rows.push({
      cityId,
      cityName: text(currentValue(city, 'name')),
      country: text(currentValue(city, 'country')),
      year: number(currentValue(assessment, 'year')),
      assessmentId: ref.assessmentId,
      kpiCode: kpi?.code ?? null,
      kpiId: ref.kpiId,
      pointId: ref.pointId,
      value,
      valueKind,
      unit: point?.unit ?? text(fields.unit),
      status: text(fields.status),
      quality: text(fields.quality),
      dataYear: number(fields.dataYear),
      source: text(fields.source),
      conflicts: [
        ...conflictsOf(assessment, ['catalogueId', 'cityId', 'year'], 'assessment.'),
        ...conflictsOf(city, ['country', 'name', ...cityFields].sort(), 'city.'),
        ...conflictsOf(state, Object.keys(state.fields), ''),
      ].sort((a, b) => compareText(a.field, b.field)),
    });
  }
  return rows.sort(compareRows);
}
