/**
 * What the data layer offers the UI. renderer/src/data implements it on Dexie; screens use only these
 * shapes and functions, never Dexie itself.
 */
import type { FieldValue, Revision } from '../../../core/revisions/types.ts';
import type { FieldState } from '../../../core/revisions/derive.ts';
import type { RecordFinding } from '../../../core/records/index.ts';

export interface CityView {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly population: number | null;
  readonly households: number | null;
  readonly areaKm2: number | null;
  readonly gdp: number | null;
  readonly currency: string;
  /** A grouping the office filters by (a province, a UN region); empty when not given. */
  readonly region: string;
}

export interface AssessmentView {
  readonly id: string;
  readonly cityId: string;
  readonly year: number;
  readonly catalogueId: string;
  readonly demo: boolean;
  /** A display title stored with the assessment (the demo has one); null for ordinary assessments. */
  readonly title: string | null;
  /** Wall time of the assessment's first revision, in ms since 1970 (for sorting and display). */
  readonly createdAtMs: number;
  readonly city: CityView;
  /** The assessment record's fields with provenance, or conflicts (e.g. two laptops changed the year). */
  readonly fieldStates: Readonly<Record<string, FieldState>>;
  /** The city record's fields with provenance, or conflicts; empty when the city has no revisions. */
  readonly cityFieldStates: Readonly<Record<string, FieldState>>;
  /**
   * What the record rules find wrong in the assessment's current values (data written by an older
   * version or around the rules): such an assessment is listed and marked as damaged, never thrown.
   */
  readonly damage: readonly RecordFinding[];
}

/** The derived state of one KPI data point: every field with its provenance, or a conflict. */
export interface ValueView {
  readonly recordId: string;
  readonly kpiId: string;
  readonly pointId: string;
  readonly fields: Readonly<Record<string, FieldState>>;
  readonly heads: readonly string[];
}

/** The profile fields a new assessment's city is created with; numbers are canonical JS numbers. */
export interface NewCity {
  readonly name: string;
  readonly country: string;
  readonly population: number | null;
  readonly households: number | null;
  readonly areaKm2: number | null;
  readonly gdp: number | null;
  readonly currency: string;
  readonly region?: string;
}

export interface NewAssessment {
  readonly city: NewCity;
  readonly year: number;
}

export type CityFieldUpdate = Partial<NewCity>;

export type { FieldState, FieldValue, Revision };
