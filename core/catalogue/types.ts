/** Types of the versioned KPI catalogue. Names live in locales/<lng>/catalogue.json, keyed by these ids. */

export type DimensionId = 'EC' | 'EN' | 'SC';

/** Sub-dimension ids are the dimension code joined to the published sub-dimension code, e.g. `EC-ICT`. */
export type SubdimensionId = 'EC-ICT' | 'EC-P' | 'EC-I' | 'EN-EN' | 'EN-E' | 'SC-EH' | 'SC-SH';

export type KpiTier = 'core' | 'advanced';
export type KpiTypeTag = 'smart' | 'sustainable' | 'structural';

/** The shared denominators a city profile provides; `entered` means the participant types the denominator. */
export type DenominatorSource = 'households' | 'population' | 'entered';

export type Computation =
  /** value = numerator / denominator × scale (100 for %, 100 000 for "per 100 000 inhabitants"). */
  | { readonly kind: 'ratio'; readonly scale: number; readonly denominator: DenominatorSource }
  /** The value is entered as is (years, ratios, counts, coefficients). */
  | { readonly kind: 'direct' }
  /** A qualitative answer. */
  | { readonly kind: 'choice'; readonly options: readonly ChoiceOption[] };

export type ChoiceOption = 'yes' | 'no' | 'partial';

/**
 * Which values are better, as each official KPI page states it: "an increasing trend and higher values are
 * considered positive" (`higher`), "a declining trend and lower values are considered positive" (`lower`), or a
 * value that means the ideal (`target`: Gender Income Equity, where 1 means equality).
 */
export type Direction = 'higher' | 'lower' | 'target';

export const DIRECTIONS: readonly Direction[] = ['higher', 'lower', 'target'];

export interface NumericRange {
  readonly min?: number;
  readonly max?: number;
}

export interface DataPointDefinition {
  /** Stable id, unique within its KPI; names at `catalogue:points.<kpiId>.<id>`. */
  readonly id: string;
  readonly unit: string;
  readonly computation: Computation;
  /** Values outside are errors (e.g. a percentage above 100). */
  readonly hardRange?: NumericRange;
  /** Values outside get a plausibility warning (U4SSC verification notes). */
  readonly plausibleRange?: NumericRange;
  /** Set where a point's direction differs from its KPI's (landfill share is lower-better, recycling higher-better). */
  readonly direction?: Direction;
}

export interface KpiDefinition {
  /** Stable slug of the code, e.g. `EC-ICT-ICT-1C`: used in record ids and locale keys. */
  readonly id: string;
  /** Official code exactly as published, e.g. `EC: ICT: ICT: 1C`. */
  readonly code: string;
  readonly dimension: DimensionId;
  readonly subdimension: SubdimensionId;
  /** Category id, e.g. `EC-ICT-ICT`; names at `catalogue:categories.<id>`. */
  readonly category: string;
  readonly tier: KpiTier;
  readonly typeTag: KpiTypeTag | null;
  readonly direction: Direction;
  /** Unit id; names at `catalogue:units.<id>`. */
  readonly unit: string;
  /** The single-value computation; multi-point KPIs carry one per data point instead. */
  readonly computation: Computation;
  readonly hardRange?: NumericRange;
  readonly plausibleRange?: NumericRange;
  readonly sdgs: readonly string[];
  /** Empty for single-value KPIs, whose only data point is `SINGLE_POINT`. */
  readonly dataPoints: readonly DataPointDefinition[];
  /** How sure the reference data is: high, medium or low. */
  readonly confidence: 'high' | 'medium' | 'low';
}

export interface CategoryDefinition {
  readonly id: string;
  readonly subdimension: SubdimensionId;
}

export interface Catalogue {
  readonly id: string;
  readonly dimensions: readonly DimensionId[];
  readonly subdimensions: readonly { readonly id: SubdimensionId; readonly dimension: DimensionId }[];
  readonly categories: readonly CategoryDefinition[];
  readonly kpis: readonly KpiDefinition[];
}

/** The data-point id of a KPI that has a single value. */
export const SINGLE_POINT = '_';
