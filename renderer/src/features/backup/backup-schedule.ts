/**
 * When automatic backups run. A backup waits for a quiet moment (`quietMs` after the last change),
 * but continuous editing cannot postpone it beyond `maxDelayMs` after the first unsaved change, and
 * two backups start at least `minIntervalMs` apart. Hiding or closing the page runs one at once if
 * anything is unsaved. Only one backup runs at a time; changes made meanwhile wait for the next.
 */

export interface BackupTiming {
  readonly quietMs: number;
  readonly maxDelayMs: number;
  readonly minIntervalMs: number;
}

export const DEFAULT_BACKUP_TIMING: BackupTiming = {
  quietMs: 2 * 60_000,
  maxDelayMs: 10 * 60_000,
  minIntervalMs: 10 * 60_000,
};

/**
 * What a run reports: `done` (saved, or nothing to save), `retry` (failed: the changes stay unsaved
 * and are tried again after the minimum interval), `stop` (backups cannot work here: no more runs).
 */
export type RunResult = 'done' | 'retry' | 'stop';

export interface BackupSchedule {
  /** Data changed. */
  noteChange(): void;
  /** Runs a backup now when changes are unsaved (page hidden or closing), ignoring the interval. */
  flush(): Promise<void>;
  /** No more runs; a run in progress finishes. */
  stop(): void;
  /** When the next backup is due, or null when nothing is waiting. */
  dueAtMs(): number | null;
}

export interface ScheduleOptions {
  readonly run: () => Promise<RunResult>;
  readonly timing?: BackupTiming;
  readonly now?: () => number;
}

export function createBackupSchedule(options: ScheduleOptions): BackupSchedule {
  const timing = options.timing ?? DEFAULT_BACKUP_TIMING;
  const now = options.now ?? Date.now;
  let firstChangeAt: number | null = null;
  let lastChangeAt: number | null = null;
  let lastRunAt: number | null = null;
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due: number | null = null;
  let stopped = false;

  const clearTimer = () => {
    clearTimeout(timer);
    timer = undefined;
    due = null;
  };

  const reschedule = () => {
    clearTimer();
    if (stopped || running || firstChangeAt === null || lastChangeAt === null) return;
    const quietEnough = Math.min(lastChangeAt + timing.quietMs, firstChangeAt + timing.maxDelayMs);
    due = lastRunAt === null ? quietEnough : Math.max(quietEnough, lastRunAt + timing.minIntervalMs);
    timer = setTimeout(() => void runNow(), Math.max(0, due - now()));
  };

  const runNow = (): Promise<void> => {
    if (running) return running;
    clearTimer();
    const pending = { first: firstChangeAt, last: lastChangeAt };
    firstChangeAt = null;
    lastChangeAt = null;
    lastRunAt = now();
    running = (async () => {
      let result: RunResult;
      try {
        result = await options.run();
      } catch {
        result = 'retry';
      }
      if (result === 'stop') stopped = true;
      if (result === 'retry') {
        firstChangeAt = Math.min(firstChangeAt ?? Infinity, pending.first ?? Infinity);
        lastChangeAt = Math.max(lastChangeAt ?? -Infinity, pending.last ?? -Infinity);
      }
    })().finally(() => {
      running = null;
      reschedule();
    });
    return running;
  };

  return {
    noteChange() {
      if (stopped) return;
      const at = now();
      firstChangeAt ??= at;
      lastChangeAt = at;
      reschedule();
    },
    async flush() {
      if (running) await running;
      if (!stopped && firstChangeAt !== null) await runNow();
    },
    stop() {
      stopped = true;
      clearTimer();
    },
    dueAtMs: () => due,
  };
}
