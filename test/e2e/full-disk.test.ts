/**
 * A full disk: the browser profile lives on a small tmpfs, which is then filled to the last byte. Every
 * action must end within 2 seconds, either saved or with the translated "disk full" message; nothing
 * saved before may be lost, and once space is freed and CityKPI restarted, it saves again, at that start
 * and every later one, with everything saved before the disk filled still there.
 * Mounting needs root, which CI has; the test fails (it does not skip) where it cannot mount.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, inject } from 'vitest';
import type { Locator } from 'playwright-core';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { WorkspacePage } from './pages/workspace-page.ts';
import { text } from './support/locales.ts';
import { test } from './support/sessions.ts';

const TMPFS_SIZE = '48m';
const OUTCOME_WITHIN_MS = 2_000;
const kpi = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };
const escape = (plain: string) => plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The two translated disk messages: full now, or full earlier in this session (restart needed). */
const diskFull = new RegExp(['common:errors.data.E_DISK_FULL', 'common:errors.data.E_RESTART_NEEDED'].map((key) => escape(text('en', key))).join('|'));

function mountSmallDisk(): string {
  const mountPoint = join(inject('scratchDir'), 'small-disk');
  mkdirSync(mountPoint, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE},mode=0700`, 'tmpfs', mountPoint], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    throw new Error(
      `The full-disk test needs a small tmpfs (mount -t tmpfs -o size=${TMPFS_SIZE}), which needs root; CI runs as root. mount said: ${(mounted.stderr || mounted.error?.message || '').trim()}`,
    );
  }
  return mountPoint;
}

/** Writes zeros until the file system refuses, in big then small blocks, so not one byte is left. */
function fill(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (const size of [1 << 20, 4096, 1]) {
      const block = Buffer.alloc(size);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

type Outcome = 'saved' | 'diskFull';

/** Runs an action and waits for what the screen says; throws if it says neither within the limit. */
async function outcomeOf(action: () => Promise<void>, saved: () => Promise<boolean>, refused: Locator): Promise<{ outcome: Outcome; ms: number }> {
  const startedAt = Date.now();
  await action();
  const deadline = startedAt + OUTCOME_WITHIN_MS;
  while (Date.now() < deadline) {
    if (await refused.isVisible()) return { outcome: 'diskFull', ms: Date.now() - startedAt };
    if (await saved()) return { outcome: 'saved', ms: Date.now() - startedAt };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the screen said neither "saved" nor "disk full" within ${OUTCOME_WITHIN_MS} ms`);
}

describe('a full disk', () => {
  test('every action saves or says "disk full" within 2 s, nothing saved earlier is lost, and saving resumes once space is freed and CityKPI restarts, at every later start', async ({ browsers, expect }) => {
    const disk = mountSmallDisk();
    try {
      const session = await browsers.launch(join(disk, 'profile'));
      await session.open('#/');
      const assessmentId = await new HomePage(session.page).createAssessment({ city: 'Full-Disk Town', country: 'Testland', year: '2026' });
      await new WorkspacePage(session.page).openKpi(kpi.code);
      const entry = new EntryPage(session.page);
      await entry.heading(kpi.id).waitFor();
      await entry.commitText('entry:point.source', 'Saved before the disk filled');
      await entry.commitText('entry:point.numerator', '455');

      fill(join(disk, 'filler'));
      expect(execFileSync('df', ['--output=avail', disk], { encoding: 'utf8' }).trim().split('\n').at(-1)?.trim()).toBe('0');

      // Edits big enough that the database must write to disk; each one ends within the limit.
      const refused = entry.form.getByRole('alert').filter({ hasText: diskFull });
      const outcomes: Outcome[] = [];
      for (let attempt = 0; attempt < 12 && !outcomes.includes('diskFull'); attempt += 1) {
        const before = await entry.saveAcks();
        const note = entry.textbox('entry:point.note');
        await note.fill(`${attempt} ${'Note written while the disk is full. '.repeat(200)}`);
        // Timed from the moment the user leaves the field, which commits it.
        const { outcome, ms } = await outcomeOf(
          () => note.press('Tab'),
          async () => (await entry.saveAcks()) > before,
          refused,
        );
        expect(ms).toBeLessThanOrEqual(OUTCOME_WITHIN_MS);
        outcomes.push(outcome);
      }
      expect(outcomes).toContain('diskFull');

      // Another screen reads the database: it shows its content, or the same message, within the limit.
      const shownAt = Date.now();
      await session.page.evaluate(() => (window.location.hash = '#/'));
      const home = new HomePage(session.page);
      const pageRefused = session.page.getByRole('alert').filter({ hasText: diskFull });
      await expect.poll(async () => (await pageRefused.isVisible()) || (await home.createForm.isVisible()), { timeout: OUTCOME_WITHIN_MS, interval: 25 }).toBe(true);
      expect(Date.now() - shownAt).toBeLessThanOrEqual(OUTCOME_WITHIN_MS + 250);

      // Space comes back. Chromium may now report writes as committed that never reach the disk, so CityKPI
      // refuses to save until it restarts, and says so; nothing is acknowledged that could be lost.
      rmSync(join(disk, 'filler'));
      // A reload keeps the browser session (and Chromium's damaged log): still no saving until a restart.
      await session.open(`#/a/${assessmentId}/kpi/${kpi.id}`);
      const waiting = new EntryPage(session.page);
      await waiting.heading(kpi.id).waitFor();
      const restartNeeded = waiting.form.getByRole('alert').filter({ hasText: text('en', 'common:errors.data.E_RESTART_NEEDED') });
      await waiting.type('entry:point.source', 'Typed before restarting');
      await restartNeeded.waitFor({ timeout: OUTCOME_WITHIN_MS });
      const profileDir = session.profileDir;
      await session.close();

      // After a restart the earlier data is all there and saving is acknowledged again. Not asserted, because
      // Chromium does not keep it (measured while writing this test): LevelDB goes on appending to the log
      // whose tail the full disk tore, and when it next reopens that log it stops reading at the tear, so
      // changes saved after the full disk can vanish at a later restart until LevelDB starts a new log.
      const restarted = await browsers.launch(profileDir);
      await restarted.open(`#/a/${assessmentId}/kpi/${kpi.id}`);
      const recovered = new EntryPage(restarted.page);
      await recovered.heading(kpi.id).waitFor();
      expect(await recovered.valueOf('entry:point.source')).toBe('Saved before the disk filled');
      expect(await recovered.valueOf('entry:point.numerator')).toBe('455');
      await recovered.commitText('entry:point.source', 'Saved after the restart');
      await restarted.close();

      // What "recovers" means, then: at every later start the database opens, everything saved before the
      // disk filled is there, and saving is acknowledged. The change saved after the first restart may or
      // may not be there (the torn log above), so either value is accepted, and nothing else.
      const again = await browsers.launch(profileDir);
      await again.open(`#/a/${assessmentId}/kpi/${kpi.id}`);
      const later = new EntryPage(again.page);
      await later.heading(kpi.id).waitFor();
      const keptSource = await later.valueOf('entry:point.source');
      expect(['Saved after the restart', 'Saved before the disk filled']).toContain(keptSource);
      expect(await later.valueOf('entry:point.numerator')).toBe('455');
      if (keptSource === 'Saved before the disk filled') {
        // The torn log dropped that change, and CityKPI notices: it counted one change more than it finds,
        // says local data is missing, and waits for the user to restore a backup or go on knowingly.
        const missing = again.page.getByRole('alertdialog', { name: text('en', 'backup:missing.title') });
        await missing.waitFor();
        await missing.getByRole('button', { name: text('en', 'backup:missing.accept') }).click();
        await missing.getByRole('button', { name: text('en', 'backup:missing.acceptConfirm') }).click();
        await missing.waitFor({ state: 'detached' });
      }
      await later.commitText('entry:point.note', 'Saved at a later start');
      await again.close();
    } finally {
      spawnSync('umount', ['-l', disk]);
    }
  });
});
