/**
 * The central office's view as plain data: every assessment, filtered by country and region, compared
 * across cities for one data point or one category score, followed over the years, and checked for
 * outliers (core/office/outliers.ts). Thousands of assessments are stored at an office, so each one's
 * snapshot rows and scores are computed only when a view reads them, and kept.
 */
import { getCatalogue } from '../../../../core/catalogue/index.ts';
import type { Catalogue } from '../../../../core/catalogue/types.ts';
import { numericValue } from '../../../../core/compute/index.ts';
import { cityKey, findOutliers, type ObservedValue, type Outlier } from '../../../../core/office/outliers.ts';
import { scoreAssessment, type AreaScore, type ScoreReport } from '../../../../core/scoring/index.ts';
import type { TargetSet } from '../../../../core/targets/types.ts';
import type { AssessmentView, ValueView } from '../../data/types.ts';
import { scoringValuesOf } from '../results/scoring-input.ts';
import { buildSnapshot, kpiRowReader, type KpiRow, type PointRow, type SnapshotModel } from '../results/snapshot-model.ts';

export interface OfficeEntry {
  readonly assessment: AssessmentView;
  readonly catalogue: Catalogue;
  /** One KPI's snapshot row, built when first read: a comparison reads one KPI of every assessment. */
  readonly kpiRow: (kpiId: string) => KpiRow | undefined;
  /** The KPIs with a stored value, in catalogue order: no other KPI can hold a reported value. */
  readonly storedKpiIds: readonly string[];
  /** The scores against a target set, computed once per target set. */
  readonly score: (targets: TargetSet) => ScoreReport;
}

export interface OfficeFilter {
  readonly country: string | null;
  readonly region: string | null;
}

const NO_VALUES: ReadonlyMap<string, ValueView> = new Map();

function officeEntry(assessment: AssessmentView, catalogue: Catalogue, values: ReadonlyMap<string, ValueView>): OfficeEntry {
  const kpiIds = new Set([...values.values()].map((view) => view.kpiId));
  let model: SnapshotModel | undefined;
  const reports = new WeakMap<TargetSet, ScoreReport>();
  return {
    assessment,
    catalogue,
    kpiRow: kpiRowReader(catalogue, assessment, values),
    storedKpiIds: catalogue.kpis.filter((kpi) => kpiIds.has(kpi.id)).map((kpi) => kpi.id),
    score: (targets) => {
      const known = reports.get(targets);
      if (known) return known;
      model ??= buildSnapshot(catalogue, assessment, values);
      const report = scoreAssessment({ catalogue, values: scoringValuesOf(model), targets });
      reports.set(targets, report);
      return report;
    },
  };
}

/** Assessments in order of city, then year. */
export function officeEntries(assessments: readonly AssessmentView[], values: ReadonlyMap<string, ReadonlyMap<string, ValueView>>): OfficeEntry[] {
  return assessments
    .flatMap((assessment): OfficeEntry[] => {
      const catalogue = getCatalogue(assessment.catalogueId);
      return catalogue ? [officeEntry(assessment, catalogue, values.get(assessment.id) ?? NO_VALUES)] : [];
    })
    .sort(
      (a, b) =>
        a.assessment.city.name.localeCompare(b.assessment.city.name) ||
        a.assessment.city.country.localeCompare(b.assessment.city.country) ||
        a.assessment.year - b.assessment.year,
    );
}

function distinct(values: readonly string[], language: string): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))].sort((a, b) => a.localeCompare(b, language));
}

export function countriesOf(entries: readonly OfficeEntry[], language: string): string[] {
  return distinct(entries.map((entry) => entry.assessment.city.country), language);
}

export function regionsOf(entries: readonly OfficeEntry[], language: string): string[] {
  return distinct(entries.map((entry) => entry.assessment.city.region), language);
}

export function filterEntries(entries: readonly OfficeEntry[], filter: OfficeFilter): OfficeEntry[] {
  return entries.filter(
    ({ assessment: { city } }) =>
      (filter.country === null || city.country.trim() === filter.country) && (filter.region === null || city.region.trim() === filter.region),
  );
}

function pointRow(entry: OfficeEntry, kpiId: string, pointId: string): PointRow | undefined {
  return entry.kpiRow(kpiId)?.points.find((point) => point.point.id === pointId);
}

export interface PointComparison {
  readonly entry: OfficeEntry;
  readonly row: PointRow | undefined;
  /** The number to chart; null for choices and values not reported. */
  readonly number: number | null;
}

export function comparePoint(entries: readonly OfficeEntry[], kpiId: string, pointId: string): PointComparison[] {
  return entries.map((entry) => {
    const row = pointRow(entry, kpiId, pointId);
    return { entry, row, number: row?.reported ? numericValue(row.value) : null };
  });
}

export interface CategoryComparison {
  readonly entry: OfficeEntry;
  readonly score: AreaScore | undefined;
}

export function compareCategory(entries: readonly OfficeEntry[], categoryId: string, targets: TargetSet): CategoryComparison[] {
  return entries.map((entry) => {
    return { entry, score: entry.score(targets).categories.find((category) => category.id === categoryId) };
  });
}

export interface TrendSeries {
  readonly cityName: string;
  readonly country: string;
  readonly points: readonly { readonly year: number; readonly value: number }[];
}

/** One series per city (by name and country), its reported values by year. */
export function trendOf(entries: readonly OfficeEntry[], kpiId: string, pointId: string): TrendSeries[] {
  const series = new Map<string, { cityName: string; country: string; points: { year: number; value: number }[] }>();
  for (const { entry, number } of comparePoint(entries, kpiId, pointId)) {
    if (number === null) continue;
    const { name, country } = entry.assessment.city;
    const key = cityKey(name, country);
    const current = series.get(key) ?? { cityName: name, country, points: [] };
    current.points.push({ year: entry.assessment.year, value: number });
    series.set(key, current);
  }
  return [...series.values()].map((one) => ({ ...one, points: one.points.sort((a, b) => a.year - b.year) }));
}

export function yearsOf(series: readonly TrendSeries[]): number[] {
  return [...new Set(series.flatMap((one) => one.points.map((point) => point.year)))].sort((a, b) => a - b);
}

function observedValues(entries: readonly OfficeEntry[]): ObservedValue[] {
  return entries.flatMap((entry) =>
    entry.storedKpiIds.flatMap((kpiId) =>
      (entry.kpiRow(kpiId)?.points ?? []).flatMap((point): ObservedValue[] => {
        const value = point.reported ? numericValue(point.value) : null;
        if (value === null) return [];
        return [
          {
            assessmentId: entry.assessment.id,
            cityName: entry.assessment.city.name,
            country: entry.assessment.city.country,
            year: entry.assessment.year,
            kpiId,
            pointId: point.point.id,
            value,
            confirmedValue: point.confirmedValue,
          },
        ];
      }),
    ),
  );
}

export interface OfficeOutlier extends Outlier {
  readonly entry: OfficeEntry;
  readonly row: PointRow;
}

/** Flags across every city; the catalogue of each assessment decides its plausible ranges. */
export function outliersOf(entries: readonly OfficeEntry[]): OfficeOutlier[] {
  const byId = new Map(entries.map((entry) => [entry.assessment.id, entry]));
  const catalogues = [...new Set(entries.map((entry) => entry.catalogue))];
  return catalogues.flatMap((catalogue) =>
    findOutliers(catalogue, observedValues(entries.filter((entry) => entry.catalogue === catalogue))).flatMap((outlier): OfficeOutlier[] => {
      const entry = byId.get(outlier.value.assessmentId);
      const row = entry ? pointRow(entry, outlier.value.kpiId, outlier.value.pointId) : undefined;
      return entry && row ? [{ ...outlier, entry, row }] : [];
    }),
  );
}
