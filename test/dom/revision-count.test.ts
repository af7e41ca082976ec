import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { watchRevisionCount } from '../../renderer/src/data/revision-count.ts';
import { wrapRevisionsTable } from './support/revisions-middleware.ts';

const opened: CityKpiDb[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const db of opened.splice(0)) db.close();
});

/** A database that tells how many times its revisions table was counted. */
function countedDb(): { db: CityKpiDb; walks: () => number } {
  const db = createDb(`revision-count-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  let walks = 0;
  wrapRevisionsTable(db, 'count-walks', (table) => ({ count: (request) => ((walks += 1), table.count(request)) }));
  return { db, walks: () => walks };
}

let clock = 0;
function revision(recordId: string): Promise<Revision> {
  clock += 1;
  return createRevision({ recordId, fields: { title: `t${clock}` }, author: 'A', deviceId: 'dev-a', hlc: `${String(clock).padStart(13, '0')}:0000:dev-a`, parents: [] });
}

/** Every count the watcher reports, and a way to wait for one. */
function follow(db: CityKpiDb) {
  const seen: number[] = [];
  const errors: unknown[] = [];
  stops.push(watchRevisionCount(db, (count) => seen.push(count), (error) => errors.push(error)));
  const until = async (count: number) => {
    while (seen.at(-1) !== count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { seen, errors, until };
}

describe('watchRevisionCount', () => {
  it('counts the table once, then follows additions from the commits without walking it again', async () => {
    const { db, walks } = countedDb();
    await db.revisions.bulkAdd([await revision('assessment:a'), await revision('assessment:b')]);
    const watcher = follow(db);
    await watcher.until(2);
    const walksAfterStart = walks();
    await db.revisions.add(await revision('assessment:d'));
    await db.revisions.bulkAdd([await revision('assessment:e'), await revision('assessment:f')]);
    await watcher.until(5);
    expect(walks()).toBe(walksAfterStart);
    expect(watcher.seen).toEqual([2, 3, 5]);
    expect(await db.revisions.count()).toBe(5);
    expect(watcher.errors).toEqual([]);
  });

  it('counts every row once, whatever digit its id starts with', async () => {
    const { db } = countedDb();
    const base = await revision('assessment:a');
    // Real ids are hex; ids at and around each slice bound (and outside hex) check the slices meet without gap or overlap.
    const ids = ['0', '00', '01', '0f', '1', '10', '19', '9', 'a', 'af', 'f', 'f0', 'fe', 'ff', 'fz', 'g', 'zz', '', ' '];
    await db.revisions.bulkAdd(ids.map((id) => ({ ...base, id })));
    const watcher = follow(db);
    await watcher.until(ids.length);
    expect(await db.revisions.count()).toBe(ids.length);
    expect(watcher.seen).toEqual([ids.length]);
  });

  it('counts a row added while the table is being counted exactly once', async () => {
    const db = createDb(`revision-count-${Math.random().toString(36).slice(2)}`);
    opened.push(db);
    const base = await revision('assessment:a');
    let added: PromiseLike<unknown> | undefined;
    // Right after the first slice is counted, a write of a row in that slice, outside the count's transaction.
    wrapRevisionsTable(db, 'add-while-counting', (table) => ({
      count: async (request) => {
        const counted = await table.count(request);
        added ??= Dexie.ignoreTransaction(() => db.revisions.add({ ...base, id: '00' }));
        return counted;
      },
    }));
    await db.revisions.bulkAdd(['1a', '5b', '9c', 'ef'].map((id) => ({ ...base, id })));
    const watcher = follow(db);
    await added;
    await watcher.until(5);
    expect(await db.revisions.count()).toBe(5);
    expect(watcher.seen).toEqual([4, 5]);
  });

  it('counts a put only for the rows that were not there, and an aborted write not at all', async () => {
    const { db } = countedDb();
    const stored = await revision('assessment:a');
    await db.revisions.add(stored);
    const watcher = follow(db);
    await watcher.until(1);
    const fresh = await revision('assessment:b');
    await db.revisions.bulkPut([stored, fresh]);
    await watcher.until(2);
    const refused = await revision('assessment:c');
    await db.transaction('rw', db.revisions, async () => {
      await db.revisions.add(refused);
      throw new Error('changed my mind');
    }).catch(() => undefined);
    await db.revisions.add(await revision('assessment:d'));
    await watcher.until(3);
    expect(watcher.seen).toEqual([1, 2, 3]);
    expect(await db.revisions.count()).toBe(3);
  });

  it('counts the table again when another window says it added revisions', async () => {
    const { db, walks } = countedDb();
    const watcher = follow(db);
    await watcher.until(0);
    const before = walks();
    // Another window's database object writes behind this window's back (its middleware is not ours).
    const other = createDb(db.name);
    opened.push(other);
    await other.revisions.add(await revision('assessment:z'));
    const channel = new BroadcastChannel(`citykpi-revisions:${db.name}`);
    channel.postMessage('changed');
    channel.close();
    await watcher.until(1);
    expect(walks()).toBeGreaterThan(before);
  });
});
