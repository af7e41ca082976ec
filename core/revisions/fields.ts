/** Field names of each record kind: the vocabulary revisions, the UI, bundles and the CLI share. */

/** `region`: a free grouping below or across countries (a province, a UN region) for the office's filters. */
export const CITY_FIELDS = ['name', 'country', 'population', 'households', 'areaKm2', 'gdp', 'currency', 'region', 'deleted'] as const;
export type CityField = (typeof CITY_FIELDS)[number];

export const ASSESSMENT_FIELDS = ['cityId', 'year', 'catalogueId', 'title', 'demo', 'deleted'] as const;
export type AssessmentField = (typeof ASSESSMENT_FIELDS)[number];

export const VALUE_FIELDS = [
  'numerator',
  'denominator',
  /** A value typed directly; for ratio KPIs it overrides numerator/denominator and is flagged as such. */
  'directValue',
  /** The answer of a choice KPI (yes / no / partial). */
  'choice',
  'unit',
  'dataYear',
  'status',
  'quality',
  'origin',
  'source',
  'note',
  'department',
  /**
   * Attached evidence files: canonical JSON of an array of {sha256, name, type, size} sorted by sha256,
   * or null for none (a FieldValue cannot be an array). The bytes travel as bundle parts `att-<sha256>`.
   * Computation and validation never read it.
   */
  'evidence',
  /** The value the central office confirmed after an outlier flag (core/office/outliers.ts); a new value raises the flag again. */
  'confirmedValue',
  /** The central office's note on the value, e.g. why an outlier is right or what to ask the city. */
  'officeNote',
] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

export const VALUE_STATUSES = ['reported', 'notReported', 'partial'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** The six U4SSC data-quality levels, best first. */
export const QUALITY_LEVELS = [
  'measured',
  'surveyExtrapolated',
  'higherLevelExtrapolated',
  'assumptionEstimate',
  'personalEstimate',
  'unknown',
] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];

/** Where the data came from (the U4SSC template's "origin" dropdown). */
export const DATA_ORIGINS = [
  'cityDepartment',
  'nationalStatistics',
  'utility',
  'privateCompany',
  'survey',
  'academic',
  'other',
] as const;
export type DataOrigin = (typeof DATA_ORIGINS)[number];

export const TARGET_SET_FIELDS = ['name', 'source', 'catalogueId', 'example', 'note', 'deleted'] as const;
export type TargetSetField = (typeof TARGET_SET_FIELDS)[number];

/** A target whose `target` is null has been removed from its set. */
export const TARGET_FIELDS = ['target', 'direction', 'source', 'note'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
