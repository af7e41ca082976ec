/** What one benchmark run reports: a figure, and when it is a comparison, its peer and the ratio. */
import { existsSync, readFileSync } from 'node:fs';

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

/** USER_HZ: the unit of /proc times, 100 on Linux whatever the kernel tick. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time of the children this process has waited for (Linux /proc), in ms; 0 where there is no /proc. */
function childrenCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return 0;
  // Fields after the command name (which may hold spaces): cutime and cstime are the 14th and 15th.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU time (user + system) of this process, every thread, plus that of its finished children, in ms.
 * On a machine shared with other work, wall time stretches with the load, and unevenly: a measurement
 * of a few milliseconds often runs in one time slice, one of seconds waits its turn many times. CPU
 * time counts the work done, so the ratios compare work with work.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000 + childrenCpuMs();
}

export interface Timed<T> {
  readonly result: T;
  /** Wall time. */
  readonly ms: number;
  readonly cpuMs: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const cpuStart = cpuMs();
  const result = await work();
  return { result, ms: performance.now() - start, cpuMs: cpuMs() - cpuStart };
}

/** The run with the median CPU time of `runs`, after one run that warms the code up. */
export async function warmMedian<T>(runs: number, work: () => Promise<T>): Promise<Timed<T>> {
  await work();
  const measured: Timed<T>[] = [];
  for (let run = 0; run < runs; run++) measured.push(await timed(work));
  return measured.sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor(runs / 2)]!;
}
