/**
 * Power cuts, measured: a script of 1,000 edits is typed into one field while Chromium is SIGKILLed at
 * random moments and relaunched on the same profile. Every edit the screen acknowledged ("Saved") must
 * be among the revisions in IndexedDB afterwards, the field must show the last acknowledged edit or a
 * later one, and the app must open its database after every kill.
 *   KILL_CYCLES=200 npx vitest run --project e2e test/e2e/kill-cycles.test.ts   runs more cycles
 *   KILL_SEED=<n> repeats a run's kill moments, KILL_EDITS=<n> changes the script's length, KILL_VERBOSE=1 prints every cycle
 */
import { describe } from 'vitest';
import { EntryPage } from './pages/entry-page.ts';
import { HomePage } from './pages/home-page.ts';
import { listenForEdits, startEdits, storedFieldValues, type EditReports } from './support/edit-driver.ts';
import { text } from './support/locales.ts';
import { test } from './support/sessions.ts';

const SCRIPTED_EDITS = Number(process.env.KILL_EDITS ?? 1_000);
const MIN_CYCLES = Number(process.env.KILL_CYCLES ?? 50);
const kpi = { id: 'EC-ICT-ICT-1C', code: 'EC: ICT: ICT: 1C' };
const sourceField = 'entry:point.source';

/** A small seeded generator, so a failing run can be repeated with the seed it printed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('kill cycles', () => {
  test(`${SCRIPTED_EDITS} scripted edits, Chromium SIGKILLed at random moments in at least ${MIN_CYCLES} cycles: no acknowledged edit lost`, { timeout: 60_000 + MIN_CYCLES * 15_000 }, async ({ browsers, expect }) => {
    const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    const setup = await browsers.launchKillable();
    await setup.open('#/');
    const assessmentId = await new HomePage(setup.page).createAssessment({ city: 'Kill-Cycle City', country: 'Testland', year: '2026' });
    const profileDir = setup.profileDir;
    await setup.close();

    const acknowledgedInOrder: string[] = [];
    let nextEdit = 0;
    let cycles = 0;
    let opened = 0;
    const lost: string[] = [];
    const problems: string[] = [];

    while (cycles < MIN_CYCLES || nextEdit < SCRIPTED_EDITS) {
      const session = await browsers.launchKillable(profileDir);
      const reports: EditReports = { acknowledged: [], failed: [] };
      await listenForEdits(session.context, reports);
      await session.open(`#/a/${assessmentId}/kpi/${kpi.id}`);
      const entry = new EntryPage(session.page);
      const field = entry.textbox(sourceField);
      await field.waitFor();
      opened += 1;

      // What survived the previous kill.
      const stored = await storedFieldValues(session.page, 'source');
      lost.push(...acknowledgedInOrder.filter((value) => !stored.has(value)));
      const shown = await field.inputValue();
      const lastAcknowledged = acknowledgedInOrder.at(-1);
      if (lastAcknowledged !== undefined && shown !== lastAcknowledged && !stored.has(shown)) {
        problems.push(`cycle ${cycles}: the field shows "${shown}", which is not a stored edit`);
      }
      if (await session.page.getByText(text('en', 'backup:missing.title')).count()) problems.push(`cycle ${cycles}: data reported missing`);

      const remainingCycles = Math.max(1, MIN_CYCLES - cycles);
      const share = Math.ceil(Math.max(0, SCRIPTED_EDITS - nextEdit) / remainingCycles);
      const planned = Array.from({ length: Math.min(SCRIPTED_EDITS - nextEdit, 2 * share + 1) }, (_, index) => `edit ${nextEdit + index} (cycle ${cycles})`);
      // Kill after a random number of acknowledgements, then a random few milliseconds more, so the kill
      // lands before, inside or after the next write's transaction.
      // Past the minimum number of cycles, every cycle acknowledges at least one edit, so the script ends.
      const killAfterAcks = Math.max(cycles >= MIN_CYCLES ? 1 : 0, Math.floor(next() * Math.min(planned.length, 2 * share)));
      const extraDelayMs = Math.floor(next() * 25);
      await startEdits(field, planned);
      const stalledAt = Date.now() + 20_000;
      while (reports.acknowledged.length < killAfterAcks && reports.failed.length === 0) {
        if (Date.now() > stalledAt) {
          problems.push(`cycle ${cycles}: only ${reports.acknowledged.length} of ${killAfterAcks} edits acknowledged in 20 s`);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await new Promise((resolve) => setTimeout(resolve, extraDelayMs));
      await session.kill();
      await session.close().catch(() => undefined);

      if (reports.failed.length > 0) problems.push(`cycle ${cycles}: the screen reported failed saves: ${reports.failed.join(', ')}`);
      acknowledgedInOrder.push(...reports.acknowledged);
      nextEdit += reports.acknowledged.length;
      cycles += 1;
      if (process.env.KILL_VERBOSE) console.log(`cycle ${cycles}: planned ${planned.length}, killAfter ${killAfterAcks}, acked ${reports.acknowledged.length}`);
    }

    const final = await browsers.launchKillable(profileDir);
    await final.open(`#/a/${assessmentId}/kpi/${kpi.id}`);
    await new EntryPage(final.page).textbox(sourceField).waitFor();
    opened += 1;
    const stored = await storedFieldValues(final.page, 'source');
    lost.push(...acknowledgedInOrder.filter((value) => !stored.has(value)));
    await final.close();

    console.log(
      `kill cycles: seed ${seed}, ${cycles} cycles, ${acknowledgedInOrder.length} edits acknowledged, ` +
        `${new Set(lost).size} acknowledged edits lost, database opened ${opened} of ${cycles + 1} times`,
    );
    expect(cycles).toBeGreaterThanOrEqual(MIN_CYCLES);
    expect(acknowledgedInOrder.length).toBeGreaterThanOrEqual(SCRIPTED_EDITS);
    expect([...new Set(lost)]).toEqual([]);
    expect(problems).toEqual([]);
    expect(opened).toBe(cycles + 1);
  });
});
