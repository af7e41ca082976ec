import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackupSchedule, type RunResult } from '../../renderer/src/features/backup/backup-schedule.ts';

const MINUTE = 60_000;
const timing = { quietMs: 2 * MINUTE, maxDelayMs: 10 * MINUTE, minIntervalMs: 10 * MINUTE };

/** A run that records when it started and answers what the test says. */
function recorder(answer: () => RunResult = () => 'done') {
  const startedAt: number[] = [];
  const run = vi.fn(async () => {
    startedAt.push(Date.now());
    return answer();
  });
  return { run, startedAt };
}

const T0 = Date.UTC(2026, 10, 28, 8, 0, 0);
const minutesSinceStart = (times: readonly number[]) => times.map((time) => (time - T0) / MINUTE);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('automatic backup schedule', () => {
  it('waits for two quiet minutes after the last change (debounce)', async () => {
    const { run, startedAt } = recorder();
    const schedule = createBackupSchedule({ run, timing });
    schedule.noteChange();
    await vi.advanceTimersByTimeAsync(90_000);
    schedule.noteChange();
    await vi.advanceTimersByTimeAsync(90_000);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(minutesSinceStart(startedAt)).toEqual([3.5]);
    schedule.stop();
  });

  it('does not let continuous editing postpone a backup beyond ten minutes', async () => {
    const { run, startedAt } = recorder();
    const schedule = createBackupSchedule({ run, timing });
    for (let minute = 0; minute < 15; minute += 1) {
      schedule.noteChange();
      await vi.advanceTimersByTimeAsync(MINUTE);
    }
    expect(minutesSinceStart(startedAt)).toEqual([10]);
    schedule.stop();
  });

  it('starts backups at least ten minutes apart (throttle)', async () => {
    const { run, startedAt } = recorder();
    const schedule = createBackupSchedule({ run, timing });
    schedule.noteChange();
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(minutesSinceStart(startedAt)).toEqual([2]);
    await vi.advanceTimersByTimeAsync(MINUTE);
    schedule.noteChange();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(run).toHaveBeenCalledTimes(1);
    expect(schedule.dueAtMs()).toBe(T0 + 12 * MINUTE);
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    expect(minutesSinceStart(startedAt)).toEqual([2, 12]);
    schedule.stop();
  });

  it('does nothing without changes, and flushes at once when the page is hidden', async () => {
    const { run, startedAt } = recorder();
    const schedule = createBackupSchedule({ run, timing });
    await schedule.flush();
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(run).not.toHaveBeenCalled();
    schedule.noteChange();
    await vi.advanceTimersByTimeAsync(MINUTE);
    await schedule.flush();
    expect(minutesSinceStart(startedAt)).toEqual([31]);
    expect(schedule.dueAtMs()).toBeNull();
    await schedule.flush();
    expect(run).toHaveBeenCalledTimes(1);
    schedule.stop();
  });

  it('keeps a failed backup due and retries it after the minimum interval', async () => {
    let answer: RunResult = 'retry';
    const { run, startedAt } = recorder(() => answer);
    const schedule = createBackupSchedule({ run, timing });
    schedule.noteChange();
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    answer = 'done';
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(minutesSinceStart(startedAt)).toEqual([2, 12]);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(run).toHaveBeenCalledTimes(2);
    schedule.stop();
  });

  it('a thrown run counts as a failure, not as saved', async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue('done');
    const schedule = createBackupSchedule({ run, timing });
    schedule.noteChange();
    await vi.advanceTimersByTimeAsync(12 * MINUTE);
    expect(run).toHaveBeenCalledTimes(2);
    schedule.stop();
  });

  it('stops for good when backups cannot work here, whatever changes later', async () => {
    const { run } = recorder(() => 'stop');
    const schedule = createBackupSchedule({ run, timing });
    schedule.noteChange();
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    schedule.noteChange();
    await schedule.flush();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs two backups at once; a change made during a run gets its own backup', async () => {
    let finish: (result: RunResult) => void = () => undefined;
    const run = vi.fn(() => new Promise<RunResult>((resolve) => (finish = resolve)));
    const schedule = createBackupSchedule({ run, timing });
    schedule.noteChange();
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    schedule.noteChange();
    const flushed = schedule.flush();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(run).toHaveBeenCalledTimes(1);
    finish('done');
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    finish('done');
    await flushed;
    schedule.stop();
  });
});
