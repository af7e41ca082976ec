import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFileName, rotateBackups } from '../../../electron/main/fs/backup-rotation.ts';
import { BACKUPS_KEPT, createWriteBackup } from '../../../electron/main/handlers/backups.ts';

// Real fsyncs: on a busy disk one can take seconds.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citykpi-backups-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function day(n: number): Date {
  return new Date(Date.UTC(2026, 10, 1, 9, 30, 15, 7) + n * 86_400_000);
}

describe('backupFileName', () => {
  it('is date-stamped, portable and sorts by time', () => {
    expect(backupFileName('daily', day(0))).toBe('daily-2026-11-01T09-30-15-007Z.citykpi');
    const names = [day(12), day(3), day(-40)].map((date) => backupFileName('daily', date));
    expect([...names].sort()).toEqual([names[2], names[1], names[0]]);
  });
});

describe('rotateBackups', () => {
  it('keeps the newest N of one label and touches nothing else', async () => {
    for (let n = 0; n < 7; n += 1) await writeFile(join(dir, backupFileName('daily', day(n))), `d${n}`);
    await writeFile(join(dir, backupFileName('weekly', day(0))), 'w');
    await writeFile(join(dir, 'daily-notes.txt'), 'keep me');
    await writeFile(join(dir, 'daily-x-2026-11-01T09-30-15-007Z.citykpi'), 'other label');

    const removed = await rotateBackups(dir, 'daily', 3);

    expect(removed).toEqual([0, 1, 2, 3].map((n) => backupFileName('daily', day(n))));
    expect((await readdir(dir)).sort()).toEqual(
      [
        ...[4, 5, 6].map((n) => backupFileName('daily', day(n))),
        backupFileName('weekly', day(0)),
        'daily-notes.txt',
        'daily-x-2026-11-01T09-30-15-007Z.citykpi',
      ].sort(),
    );
  });
});

describe('writeBackup handler', () => {
  it('writes each backup atomically and keeps the last BACKUPS_KEPT', async () => {
    const backups = join(dir, 'userData', 'backups');
    let clock = 0;
    const writeBackup = createWriteBackup(() => backups, () => day(clock));
    const total = BACKUPS_KEPT + 4;
    for (clock = 0; clock < total; clock += 1) {
      const result = await writeBackup({ label: 'daily', bytes: new TextEncoder().encode(`backup ${clock}`) });
      expect(result).toEqual({ ok: true, value: { name: backupFileName('daily', day(clock)) } });
    }
    const names = (await readdir(backups)).sort();
    expect(names).toHaveLength(BACKUPS_KEPT);
    expect(names[0]).toBe(backupFileName('daily', day(total - BACKUPS_KEPT)));
    expect(await readFile(join(backups, names.at(-1)!), 'utf8')).toBe(`backup ${total - 1}`);
  });
});

describe('backups split into a bundle set', () => {
  const setId = 'c0'.repeat(16);

  it('names the files of a set together and rotates only once the set is whole', async () => {
    const backups = join(dir, 'sets');
    let clock = 0;
    const writeBackup = createWriteBackup(() => backups, () => day(clock));
    for (clock = 0; clock < BACKUPS_KEPT; clock += 1) await writeBackup({ label: 'auto', bytes: new Uint8Array([clock]) });
    clock = 100;
    const first = await writeBackup({ label: 'auto', bytes: new Uint8Array([1]), volume: { setId, index: 1, count: 3 } });
    clock = 101;
    const second = await writeBackup({ label: 'auto', bytes: new Uint8Array([2]), volume: { setId, index: 2, count: 3 } });
    expect([first, second]).toEqual([
      { ok: true, value: { name: backupFileName('auto', day(100), { index: 1, count: 3 }) } },
      { ok: true, value: { name: backupFileName('auto', day(100), { index: 2, count: 3 }) } },
    ]);
    // Half a set is not a backup yet: the oldest whole one is still there.
    expect(await readdir(backups)).toContain(backupFileName('auto', day(0)));
    await writeBackup({ label: 'auto', bytes: new Uint8Array([3]), volume: { setId, index: 3, count: 3 } });
    const names = await readdir(backups);
    expect(names).not.toContain(backupFileName('auto', day(0)));
    expect(names.filter((name) => name.includes('-of-3'))).toHaveLength(3);
  });

  it('refuses a later file of a set it never saw begin', async () => {
    const writeBackup = createWriteBackup(() => join(dir, 'orphan'));
    expect(await writeBackup({ label: 'auto', bytes: new Uint8Array([2]), volume: { setId, index: 2, count: 2 } })).toEqual({ ok: false, code: 'E_INVALID_REQUEST' });
  });

  it('deletes a set left incomplete once a newer backup is whole, and keeps one still being written', async () => {
    const name = (n: number, volume?: { index: number; count: number }) => backupFileName('auto', day(n), volume);
    for (const file of [name(0), name(1, { index: 1, count: 2 }), name(2), name(3, { index: 1, count: 2 })]) await writeFile(join(dir, file), 'x');
    const removed = await rotateBackups(dir, 'auto', 5);
    expect(removed).toEqual([name(1, { index: 1, count: 2 })]);
    expect((await readdir(dir)).sort()).toEqual([name(0), name(2), name(3, { index: 1, count: 2 })].sort());
  });
});
