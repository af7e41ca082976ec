/**
 * Serialises writes per record inside this window: each write reads the record's heads and must
 * finish before the next one reads them, otherwise two quick edits of one KPI would both be based on
 * the same head and conflict with each other.
 */
export class RecordLocks {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task holding any of `keys`; tasks on other keys run freely. */
  run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    const earlier = unique.map((key) => this.#tails.get(key)).filter((tail) => tail !== undefined);
    const result = Promise.allSettled(earlier).then(task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    for (const key of unique) this.#tails.set(key, settled);
    void settled.then(() => {
      for (const key of unique) if (this.#tails.get(key) === settled) this.#tails.delete(key);
    });
    return result;
  }
}
