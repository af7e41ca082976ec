/**
 * The office inbox the user configured, kept in the user-data folder so the Content-Security-Policy
 * of the next launch admits it from the first request. It is the only origin the page may reach.
 */
import { readFileSync } from 'node:fs';
import type { BridgeResult } from '../contract/bridge.ts';
import { officeInboxOrigin } from '../contract/policies.ts';
import { writeFileAtomic } from './fs/atomic-write.ts';

export interface OfficeInboxStore {
  /** The origin the page may connect to, or null. */
  origin(): string | null;
  set(url: string | null): Promise<void>;
}

export function createOfficeInboxStore(file: string): OfficeInboxStore {
  let current: string | null = null;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { origin?: unknown };
    current = officeInboxOrigin(saved.origin);
  } catch {
    // No inbox configured yet, or an unreadable file: the page then reaches nothing, which is safe.
  }
  return {
    origin: () => current,
    async set(url) {
      const origin = url === null ? null : officeInboxOrigin(url);
      if (url !== null && origin === null) throw new RangeError('not a valid inbox address');
      await writeFileAtomic(file, new TextEncoder().encode(`${JSON.stringify({ origin })}\n`));
      current = origin;
    },
  };
}

/**
 * The Bridge's setOfficeInbox: stores the origin and, when it changed, reloads the page so that its
 * policy (fixed when a document loads) admits the new origin and no longer the old one.
 */
export function createSetOfficeInbox(
  store: OfficeInboxStore,
  reload: () => void,
): (url: string | null) => Promise<BridgeResult<{ readonly reloading: boolean }>> {
  return async (url) => {
    const origin = url === null ? null : officeInboxOrigin(url);
    if (url !== null && origin === null) return { ok: false, code: 'E_INVALID_REQUEST' };
    if (origin === store.origin()) return { ok: true, value: { reloading: false } };
    await store.set(url);
    reload();
    return { ok: true, value: { reloading: true } };
  };
}
