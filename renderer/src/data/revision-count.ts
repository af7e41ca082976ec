/**
 * How many revisions are stored, followed as they are added. IndexedDB counts a store by walking it
 * (20,000 revisions take 50–150 ms, and block every other request meanwhile), so the table is counted
 * once and then kept up to date from the commits themselves: a middleware on the `revisions` table
 * reports how many rows each committed transaction added. Other windows say so on a BroadcastChannel;
 * their additions, and any change whose size is unknown, are counted again from the table.
 *
 * A count is never too high: a too-high count would make the storage sentinel cry "data missing" at
 * the next start. Commits reported before a count resolves are left out, because IndexedDB orders a
 * read after every read-write transaction begun before it: those rows are already in the count.
 */
import type { DBCore, DBCorePutRequest, DBCoreTable, DBCoreTransaction, Dexie } from 'dexie';

/** Rows added by one committed transaction, or 'unknown' (a deletion, or a table cleared). */
type Addition = number | 'unknown';
type AdditionListener = (addition: Addition) => void;

const listeners = new WeakMap<Dexie, Set<AdditionListener>>();
const channels = new Map<string, BroadcastChannel | null>();

/** One channel per database per window: a channel never hears its own messages, so this window hears only the others. */
function channelFor(name: string): BroadcastChannel | null {
  if (!channels.has(name)) channels.set(name, typeof BroadcastChannel === 'function' ? new BroadcastChannel(`citykpi-revisions:${name}`) : null);
  return channels.get(name)!;
}

function afterCommit(db: Dexie, transaction: DBCoreTransaction, addition: Addition): void {
  if (addition === 0) return;
  (transaction as unknown as IDBTransaction).addEventListener('complete', () => {
    for (const listener of listeners.get(db) ?? []) listener(addition);
    channelFor(db.name)?.postMessage('changed');
  });
}

/** Rows of a put that were not there before: content-addressed revisions are often put again unchanged. */
async function newRows(table: DBCoreTable, request: DBCorePutRequest): Promise<number> {
  const keys = request.keys ?? request.values.map((value: { readonly id: string }) => value.id);
  const existing = await table.getMany({ trans: request.trans, keys });
  return existing.filter((row) => row === undefined).length;
}

/** Installs the middleware (createDb does, for every database). */
export function followRevisionAdditions(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'revision-additions',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'revisions') return table;
        return {
          ...table,
          mutate: async (request) => {
            // Which rows of a put are new is looked up only while this window follows the count: a bulk
            // put nobody counts (the benchmark's raw peer, a seed) pays nothing, and other windows recount.
            const following = (listeners.get(db)?.size ?? 0) > 0;
            const fresh = request.type === 'put' && following ? await newRows(table, request) : 'unknown';
            const result = await table.mutate(request);
            afterCommit(db, request.trans, request.type === 'add' ? request.values.length - result.numFailures : request.type === 'put' ? fresh : 'unknown');
            return result;
          },
        };
      },
    }),
  });
}

function listen(db: Dexie, listener: AdditionListener): () => void {
  const set = listeners.get(db) ?? new Set();
  listeners.set(db, set);
  set.add(listener);
  const channel = channelFor(db.name);
  const onMessage = () => listener('unknown');
  channel?.addEventListener('message', onMessage);
  return () => {
    set.delete(listener);
    channel?.removeEventListener('message', onMessage);
  };
}

/** Revision ids are SHA-256 in hex: sixteen slices by the first digit (the first and last open-ended). */
const SLICE_BOUNDS = [...'123456789abcdef'];

type CountableKeys = { where(index: ':id'): { between(lower: string, upper: string, includeLower: boolean, includeUpper: boolean): { count(): PromiseLike<number> }; aboveOrEqual(lower: string): { count(): PromiseLike<number> } } };

/**
 * Counts the revisions one slice of keys at a time, in one read transaction. IndexedDB answers one
 * request at a time and a count walks its whole range: one count of 62,000 revisions took 3 s on a busy
 * 2-core laptop and held back every read of the screen being opened; between slices, those reads (in
 * transactions of their own) are answered. One transaction for every slice keeps what a single count
 * guaranteed: a write begun after it waits for it, so its rows are reported after the count, never
 * lost between two slices (a count too low would record a sentinel too low to notice their loss).
 */
function countInSlices(db: Dexie & { revisions: CountableKeys }): Promise<number> {
  return db.transaction('r', 'revisions', async () => {
    let total = 0;
    let lower = '';
    for (const upper of SLICE_BOUNDS) {
      total += await db.revisions.where(':id').between(lower, upper, true, false).count();
      lower = upper;
    }
    return total + (await db.revisions.where(':id').aboveOrEqual(lower).count());
  });
}

/**
 * Calls `onCount` with the number of stored revisions now and after every change, in this window or
 * another. The table is counted at the start and after changes of unknown size only.
 */
export function watchRevisionCount(db: Dexie & { revisions: CountableKeys }, onCount: (count: number) => void, onError: (error: unknown) => void): () => void {
  let count: number | null = null;
  let counting = false;
  let countAgain = false;
  let stopped = false;

  const recount = (): void => {
    if (counting) {
      countAgain = true;
      return;
    }
    counting = true;
    count = null;
    countInSlices(db).then(
      (counted) => {
        counting = false;
        if (stopped) return;
        if (countAgain) {
          countAgain = false;
          recount();
          return;
        }
        count = counted;
        onCount(counted);
      },
      (error: unknown) => {
        counting = false;
        if (!stopped) onError(error);
      },
    );
  };

  const unlisten = listen(db, (addition) => {
    if (stopped) return;
    if (addition === 'unknown') recount();
    else if (count !== null) {
      count += addition;
      onCount(count);
    }
  });
  recount();
  return () => {
    stopped = true;
    unlisten();
  };
}
