/**
 * What the storage guard knows, shared by <StorageAlerts /> and <StorageStatus />: whether the local
 * data is all there, whether this window's database connection is still usable, and how automatic
 * backups are doing.
 */
import { useSyncExternalStore } from 'react';
import type { BackupFailureCode, ConnectionProblem, LastBackup, PersistenceStatus } from '../../data/index.ts';

export type BackupPhase =
  /** The guard has not started backups (yet). */
  | 'off'
  /** Running: waiting for changes or for the next due time. */
  | 'watching'
  | 'writing'
  /** The shell keeps no backups (web mode): shown once, never retried. */
  | 'unavailable'
  /** Held back while local data is missing, so that a backup of the emptied database can never replace a good one. */
  | 'paused';

export interface BackupStatus {
  readonly phase: BackupPhase;
  readonly last: LastBackup | null;
  /** The latest failure since the last successful backup. */
  readonly failure: { readonly code: BackupFailureCode; readonly atMs: number } | null;
}

export type DataCheck =
  | { readonly kind: 'checking' }
  | { readonly kind: 'ok' }
  /** The database could not even be read for the check. */
  | { readonly kind: 'failed' }
  /**
   * Fewer revisions than the sentinel remembers. `restoring`: the user went to import a backup, so
   * the alert stays as a banner instead of blocking the screen they need.
   */
  | { readonly kind: 'missing'; readonly expected: number; readonly found: number; readonly restoring: boolean };

export interface StorageState {
  readonly data: DataCheck;
  readonly connection: 'open' | ConnectionProblem;
  readonly backup: BackupStatus;
  readonly persistence: PersistenceStatus | null;
}

const INITIAL: StorageState = {
  data: { kind: 'checking' },
  connection: 'open',
  backup: { phase: 'off', last: null, failure: null },
  persistence: null,
};

let state: StorageState = INITIAL;
const listeners = new Set<() => void>();

export function storageState(): StorageState {
  return state;
}

export function updateStorageState(change: (current: StorageState) => StorageState): void {
  const next = change(state);
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

export function updateBackupStatus(change: Partial<BackupStatus>): void {
  updateStorageState((current) => ({ ...current, backup: { ...current.backup, ...change } }));
}

/** For tests: forget everything. */
export function resetStorageStateForTests(): void {
  state = INITIAL;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useStorageState(): StorageState {
  return useSyncExternalStore(subscribe, storageState, storageState);
}
