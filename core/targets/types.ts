/**
 * Target sets: what a city, an office or a facilitator compares values against. U4SSC does not publish its
 * per-KPI benchmarks, so targets are data, never constants: each set names where its numbers come from.
 */
import type { Direction } from '../catalogue/types.ts';

export interface Target {
  readonly kpiId: string;
  /** `SINGLE_POINT` for a single-value KPI. */
  readonly pointId: string;
  /** In the unit of the data point in the set's catalogue; for a choice KPI 1 means "yes". */
  readonly target: number;
  readonly direction: Direction;
  /** Where this target comes from, when it differs from the set's source. */
  readonly source?: string;
  readonly note?: string;
}

export interface TargetSet {
  readonly id: string;
  readonly name: string;
  /** Who set the targets, or the document they come from. */
  readonly source: string;
  /** The catalogue the targets' units belong to. */
  readonly catalogueId: string;
  /** An illustration (e.g. the shipped SDG set), never to be presented as a benchmark. */
  readonly example: boolean;
  readonly note?: string;
  readonly targets: readonly Target[];
}
