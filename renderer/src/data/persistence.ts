/**
 * Asks the browser not to evict our storage under pressure. Without it a full disk can make the
 * browser silently drop the whole database of a "best-effort" origin.
 */

export interface PersistenceStatus {
  /** False when the browser refused or the API is missing (then the UI may warn). */
  readonly persisted: boolean;
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
}

type StorageLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

export async function requestPersistence(storage: StorageLike | undefined): Promise<PersistenceStatus> {
  if (!storage?.persist) return { persisted: false, usageBytes: null, quotaBytes: null };
  let persisted = false;
  try {
    persisted = (await storage.persisted?.()) || (await storage.persist());
  } catch {
    persisted = false;
  }
  let estimate: StorageEstimate = {};
  try {
    estimate = (await storage.estimate?.()) ?? {};
  } catch {
    estimate = {};
  }
  return { persisted, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null };
}
