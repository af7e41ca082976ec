/**
 * The office's public encryption keys (age recipients) that exports are encrypted to, and its inbox
 * address for "Send to office". Both are public and meant to be shared, so keeping them in this
 * origin's local storage exposes nothing.
 */
import { useSyncExternalStore } from 'react';
import type { KeyFileRecipient } from '../../../../core/crypto/index.ts';
import { normaliseInboxUrl } from '../../../../core/crypto/office-inbox.ts';
import { AGE_RECIPIENT_PATTERN } from '../../../../core/crypto/office-keys.ts';

export type OfficeRecipient = KeyFileRecipient;

interface LocalSetting<T> {
  readonly get: () => T;
  readonly set: (value: T) => void;
  readonly use: () => T;
}

/** One JSON value in local storage, checked on every read, with a React hook that follows it. */
function localSetting<T>(key: string, parse: (stored: unknown) => T): LocalSetting<T> {
  let cache: { value: T } | undefined;
  const listeners = new Set<() => void>();
  const get = (): T => {
    if (!cache) {
      let stored: unknown = null;
      try {
        stored = JSON.parse(window.localStorage.getItem(key) ?? 'null');
      } catch {
        // An unreadable value counts as none.
      }
      cache = { value: parse(stored) };
    }
    return cache.value;
  };
  const set = (value: T): void => {
    window.localStorage.setItem(key, JSON.stringify(value));
    cache = { value };
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return { get, set, use: () => useSyncExternalStore(subscribe, get, get) };
}

function isRecipient(value: unknown): value is OfficeRecipient {
  if (typeof value !== 'object' || value === null) return false;
  const { label, publicText, id } = value as Record<string, unknown>;
  return typeof label === 'string' && typeof id === 'string' && typeof publicText === 'string' && AGE_RECIPIENT_PATTERN.test(publicText);
}

const recipients = localSetting<readonly OfficeRecipient[]>('citykpi.officeRecipients', (stored) => (Array.isArray(stored) ? stored.filter(isRecipient) : []));
const inbox = localSetting<string | null>('citykpi.officeInbox', normaliseInboxUrl);

export const officeRecipients = recipients.get;
export const useOfficeRecipients = recipients.use;
export const officeInbox = inbox.get;
export const useOfficeInbox = inbox.use;

/** Replaces the configured office keys with those of a newly imported key file. */
export function setOfficeRecipients(next: readonly OfficeRecipient[]): void {
  recipients.set(next.map(({ label, publicText, id }) => ({ label, publicText, id })));
}

export function clearOfficeRecipients(): void {
  recipients.set([]);
}

export function setOfficeInbox(url: string | null): void {
  inbox.set(url === null ? null : normaliseInboxUrl(url));
}
