/** What one benchmark run reports: a figure, and when it is a comparison, its peer and the ratio. */

export interface Goal {
  /** `max`: the figure (or ratio) must not exceed `value`; `min`: must reach it. */
  readonly kind: 'max' | 'min';
  readonly value: number;
  /** Whether the goal is on the ratio to the peer or on the figure itself. */
  readonly on: 'ratio' | 'value';
}

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The limit or peer measured in the same run, e.g. "raw Dexie bulkPut". */
  readonly peer?: string;
  readonly peerValue?: number;
  /** value ÷ peerValue for costs, so lower is better unless the goal says `min`. */
  readonly ratio?: number;
  readonly goal?: Goal;
  readonly met?: boolean;
  /** Sizes and conditions worth reading beside the number. */
  readonly note?: string;
}

export function compare(
  name: string,
  measured: { readonly value: number; readonly unit: string },
  peer: { readonly name: string; readonly value: number },
  goal?: Goal,
  note?: string,
): Figure {
  const ratio = peer.value > 0 ? measured.value / peer.value : Number.POSITIVE_INFINITY;
  return withGoal({ name, value: measured.value, unit: measured.unit, peer: peer.name, peerValue: peer.value, ratio, ...(note ? { note } : {}) }, goal);
}

export function single(name: string, value: number, unit: string, goal?: Goal, note?: string): Figure {
  return withGoal({ name, value, unit, ...(note ? { note } : {}) }, goal);
}

function withGoal(figure: Figure, goal: Goal | undefined): Figure {
  if (!goal) return figure;
  const measured = goal.on === 'ratio' ? figure.ratio : figure.value;
  if (measured === undefined) return { ...figure, goal };
  const met = goal.kind === 'max' ? measured <= goal.value : measured >= goal.value;
  return { ...figure, goal, met };
}

/** Median of a non-empty list of durations. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile, p in (0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}
