/**
 * Waits for whichever of several outcomes happens first and names it. Every wait is settled into a
 * value, so the ones that lose may time out later without surfacing as unhandled rejections.
 */
type Settled<K> = { readonly name: K; readonly ok: true } | { readonly name: K; readonly ok: false; readonly error: unknown };

export async function firstOf<K extends string>(waits: Readonly<Record<K, Promise<unknown>>>): Promise<K> {
  const pending = new Map<K, Promise<Settled<K>>>();
  for (const [name, wait] of Object.entries(waits) as [K, Promise<unknown>][]) {
    pending.set(
      name,
      wait.then(
        (): Settled<K> => ({ name, ok: true }),
        (error: unknown): Settled<K> => ({ name, ok: false, error }),
      ),
    );
  }
  const failures: unknown[] = [];
  while (pending.size > 0) {
    const result = await Promise.race(pending.values());
    if (result.ok) return result.name;
    failures.push(result.error);
    pending.delete(result.name);
  }
  throw new AggregateError(failures, `none of ${Object.keys(waits).join(', ')} happened`);
}
