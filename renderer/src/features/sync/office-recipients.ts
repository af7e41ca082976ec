/**
 * The office's public encryption keys (age recipients) that exports are encrypted to. They are
 * public and meant to be shared, so keeping them in this origin's local storage exposes nothing.
 */
import { useSyncExternalStore } from 'react';
import type { KeyFileRecipient } from '../../../../core/crypto/index.ts';
import { AGE_RECIPIENT_PATTERN } from '../../../../core/crypto/office-keys.ts';

const STORAGE_KEY = 'citykpi.officeRecipients';

export type OfficeRecipient = KeyFileRecipient;

function isRecipient(value: unknown): value is OfficeRecipient {
  if (typeof value !== 'object' || value === null) return false;
  const { label, publicText, id } = value as Record<string, unknown>;
  return typeof label === 'string' && typeof id === 'string' && typeof publicText === 'string' && AGE_RECIPIENT_PATTERN.test(publicText);
}

function read(): readonly OfficeRecipient[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRecipient) : [];
  } catch {
    return [];
  }
}

let cache: readonly OfficeRecipient[] | undefined;
const listeners = new Set<() => void>();

export function officeRecipients(): readonly OfficeRecipient[] {
  cache ??= read();
  return cache;
}

function write(next: readonly OfficeRecipient[]): void {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  cache = next;
  for (const listener of listeners) listener();
}

/** Replaces the configured office keys with those of a newly imported key file. */
export function setOfficeRecipients(recipients: readonly OfficeRecipient[]): void {
  write(recipients.map(({ label, publicText, id }) => ({ label, publicText, id })));
}

export function clearOfficeRecipients(): void {
  write([]);
}

export function useOfficeRecipients(): readonly OfficeRecipient[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    officeRecipients,
    officeRecipients,
  );
}
