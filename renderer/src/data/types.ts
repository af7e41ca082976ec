/**
 * What the data layer offers the UI. renderer/src/data implements it on Dexie; screens use only these
 * shapes and functions, never Dexie itself.
 */
import type { FieldValue, Revision } from '../../../core/revisions/types.ts';
import type { FieldState } from '../../../core/revisions/derive.ts';

export interface CityView {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly population: number | null;
  readonly households: number | null;
  readonly areaKm2: number | null;
  readonly gdp: number | null;
  readonly currency: string;
}

export interface AssessmentView {
  readonly id: string;
  readonly cityId: string;
  readonly year: number;
  readonly catalogueId: string;
  readonly demo: boolean;
  readonly city: CityView;
}

/** The derived state of one KPI data point: every field with its provenance, or a conflict. */
export interface ValueView {
  readonly recordId: string;
  readonly kpiId: string;
  readonly pointId: string;
  readonly fields: Readonly<Record<string, FieldState>>;
  readonly heads: readonly string[];
}

export type { FieldValue, Revision };
