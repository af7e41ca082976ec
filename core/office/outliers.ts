/**
 * Values the central office should look at twice before using them: a value that moved a lot from the same
 * city's previous assessment, or one outside the KPI's plausible range (the U4SSC verification notes).
 *
 * The threshold: a value is flagged when it differs from the same city's value in its previous assessed year
 * by more than half of that previous value (|value − previous| > 0.5 × |previous|), or when the previous value
 * was 0 and this one is not. Real cities rarely move that far in a year; a typo, a unit mix-up (per 1 000
 * instead of per 100 000) or a changed definition usually does. Choices (yes/no) are not compared.
 *
 * The same city across years is recognised by its name and country, compared without case, accents or
 * surrounding spaces: each assessment has its own city record, so ids do not link the years.
 *
 * A flag is settled once someone confirms the value: the value record's `confirmedValue` then equals the
 * value, and a later change of the value raises the flag again.
 */
import { findKpi, findPoint } from '../catalogue/index.ts';
import type { Catalogue, NumericRange } from '../catalogue/types.ts';

export const OUTLIER_CHANGE_THRESHOLD = 0.5;

export interface ObservedValue {
  readonly assessmentId: string;
  readonly cityName: string;
  readonly country: string;
  readonly year: number;
  readonly kpiId: string;
  readonly pointId: string;
  readonly value: number;
  /** The value someone already confirmed as correct, if any. */
  readonly confirmedValue: number | null;
}

export type OutlierReason =
  | { readonly kind: 'change'; readonly previousYear: number; readonly previousValue: number; readonly previousAssessmentId: string }
  | { readonly kind: 'implausible'; readonly range: NumericRange };

export interface Outlier {
  readonly value: ObservedValue;
  readonly reasons: readonly OutlierReason[];
  readonly confirmed: boolean;
}

/** The key that identifies one city across its assessments. */
export function cityKey(cityName: string, country: string): string {
  const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLocaleLowerCase('en').replace(/\s+/g, ' ');
  return `${fold(cityName)}\u0000${fold(country)}`;
}

export function movedTooFar(previous: number, value: number): boolean {
  if (previous === 0) return value !== 0;
  return Math.abs(value - previous) > OUTLIER_CHANGE_THRESHOLD * Math.abs(previous);
}

function outside(range: NumericRange | undefined, value: number): range is NumericRange {
  return range !== undefined && ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max));
}

function seriesKey(value: ObservedValue): string {
  return `${cityKey(value.cityName, value.country)}\u0000${value.kpiId}\u0000${value.pointId}`;
}

/** Every flagged value, oldest year first within a city; confirmed ones are kept (and say so) for the record. */
export function findOutliers(catalogue: Catalogue, values: readonly ObservedValue[]): Outlier[] {
  const series = new Map<string, ObservedValue[]>();
  for (const value of values) series.set(seriesKey(value), [...(series.get(seriesKey(value)) ?? []), value]);
  const outliers: Outlier[] = [];
  for (const observed of series.values()) {
    const byYear = [...observed].sort((a, b) => a.year - b.year || (a.assessmentId < b.assessmentId ? -1 : 1));
    byYear.forEach((value, index) => {
      const reasons: OutlierReason[] = [];
      const previous = byYear.slice(0, index).reverse().find((earlier) => earlier.year < value.year);
      if (previous && movedTooFar(previous.value, value.value)) {
        reasons.push({ kind: 'change', previousYear: previous.year, previousValue: previous.value, previousAssessmentId: previous.assessmentId });
      }
      const kpi = findKpi(catalogue, value.kpiId);
      const range = kpi ? findPoint(kpi, value.pointId)?.plausibleRange : undefined;
      if (outside(range, value.value)) reasons.push({ kind: 'implausible', range });
      if (reasons.length > 0) outliers.push({ value, reasons, confirmed: value.confirmedValue === value.value });
    });
  }
  return outliers;
}
