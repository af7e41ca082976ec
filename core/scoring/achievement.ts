/**
 * How far a value reaches its target, and the published four bands (U4SSC verification reports, "Benchmarks and
 * scoring methodology"). The sources give value ÷ target for higher-better KPIs only; the rules for lower-better
 * and target-value KPIs, and for band edges, are ours and documented in docs/results.md.
 */
import type { Direction } from '../catalogue/types.ts';

/** Points of a band: 1 (0–33 % of target), 2 (33–66 %), 3 (66–95 %), 4 (95 % and more). */
export type Points = 1 | 2 | 3 | 4;

/** Lower edges of bands 2, 3 and 4, as shares of the target. An edge belongs to the higher band. */
export const BAND_EDGES = [0.33, 0.66, 0.95] as const;

/** Float noise (0.1 + 0.2) must not push a share that is exactly on an edge into the band below. */
const EDGE_PRECISION = 1e9;

export function bandOf(share: number): Points {
  const rounded = Math.round(share * EDGE_PRECISION) / EDGE_PRECISION;
  if (rounded >= BAND_EDGES[2]) return 4;
  if (rounded >= BAND_EDGES[1]) return 3;
  if (rounded >= BAND_EDGES[0]) return 2;
  return 1;
}

function clampShare(share: number): number {
  return Math.min(1, Math.max(0, share));
}

/**
 * Share of the target reached, between 0 and 1 (capped at 100 %).
 * - higher: value ÷ target; any value at or above the target reaches it.
 * - lower: target ÷ value; any value at or below the target reaches it, a target of 0 is reached only by 0.
 * - target: the smaller of value and target divided by the larger, so 0.8 and 1.25 against 1 both reach 80 %:
 *   a ratio's distance from equality counts the same on either side. Zero or negative values reach nothing.
 */
export function achievement(value: number, target: number, direction: Direction): number {
  switch (direction) {
    case 'higher':
      if (value >= target) return 1;
      return target > 0 ? clampShare(value / target) : 0;
    case 'lower':
      if (value <= target) return 1;
      return target > 0 ? clampShare(target / value) : 0;
    case 'target':
      if (value === target) return 1;
      if (value <= 0 || target <= 0) return 0;
      return Math.min(value, target) / Math.max(value, target);
  }
}

/** Choice answers as numbers, so a choice KPI scores like any other against a target of 1 (yes). */
export const CHOICE_VALUES: Readonly<Record<string, number>> = { yes: 1, partial: 0.5, no: 0 };
