/**
 * Watches over the local data for as long as the app runs: checks at start that the database still
 * holds what the sentinel remembers, keeps the sentinel up to date, writes automatic backups, and
 * notices another window taking the database over. Results land in storage-state.ts.
 */
import type { Bridge } from '../../bridge/index.ts';
import {
  checkStoredData,
  getBundleSigner,
  persistenceStatus,
  type PersistenceStatus,
  readLastBackup,
  recordLastBackup,
  recordStorageSentinel,
  watchDatabaseConnection,
  watchRevisionCount,
  writeFullBackup,
} from '../../data/index.ts';
import { createBackupSchedule, type BackupSchedule, type BackupTiming, type RunResult } from './backup-schedule.ts';
import { storageState, updateBackupStatus, updateStorageState } from './storage-state.ts';

export interface StorageGuardOptions {
  readonly bridge: Pick<Bridge, 'appInfo' | 'writeBackup' | 'sealSecret' | 'unsealSecret'>;
  /** The office's public keys backups are encrypted to; none: signed only (see data/backup.ts). */
  readonly recipients: () => readonly string[];
  /** Where the sentinel and the last-backup record live: localStorage, outside IndexedDB. */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  readonly timing?: BackupTiming;
  readonly now?: () => number;
}

interface Guard {
  acceptCurrentData(): Promise<void>;
  stop(): void;
}

let active: Guard | null = null;

function createGuard(options: StorageGuardOptions): Guard {
  const { bridge, storage } = options;
  const now = options.now ?? Date.now;
  let stopped = false;
  let schedule: BackupSchedule | null = null;
  let lastCount: number | null = null;
  let recordedCount = 0;
  let appVersion: string | undefined;
  const cleanups: (() => void)[] = [];

  const runBackup = async (): Promise<RunResult> => {
    updateBackupStatus({ phase: 'writing' });
    const outcome = await writeFullBackup({
      signer: () => getBundleSigner(bridge),
      recipients: options.recipients,
      writeBackup: (request) => bridge.writeBackup(request),
      ...(appVersion ? { appVersion } : {}),
    });
    switch (outcome.kind) {
      case 'written': {
        const last = { name: outcome.name, atMs: now(), revisionCount: outcome.revisionCount };
        recordLastBackup(storage, last);
        updateBackupStatus({ phase: 'watching', last, failure: null });
        return 'done';
      }
      case 'empty':
        updateBackupStatus({ phase: 'watching' });
        return 'done';
      case 'unavailable':
        updateBackupStatus({ phase: 'unavailable' });
        return 'stop';
      case 'failed':
        updateBackupStatus({ phase: 'watching', failure: { code: outcome.code, atMs: now() } });
        return 'retry';
    }
  };

  const startBackups = (count: number) => {
    if (stopped || schedule) return;
    schedule = createBackupSchedule({ run: runBackup, ...(options.timing ? { timing: options.timing } : {}), now });
    updateBackupStatus({ phase: 'watching' });
    const last = readLastBackup(storage);
    if (count > 0 && (last === null || count > last.revisionCount)) schedule.noteChange();
  };

  const stopBackups = (phase: 'off' | 'paused') => {
    schedule?.stop();
    schedule = null;
    updateBackupStatus({ phase });
  };

  /** `revisionCount`: the count just followed, so recording one does not walk the table again. */
  const record = async (revisionCount: number | undefined, replace = false) => {
    const sentinel = await recordStorageSentinel(storage, { replace, now, ...(revisionCount === undefined ? {} : { revisionCount }) });
    recordedCount = sentinel.revisionCount;
  };

  const markMissing = (expected: number, found: number) => {
    stopBackups('paused');
    updateStorageState((current) => ({ ...current, data: { kind: 'missing', expected, found, restoring: false } }));
  };

  const markHealthy = async (count: number, replace: boolean) => {
    await record(count, replace);
    if (stopped) return;
    updateStorageState((current) => ({ ...current, data: { kind: 'ok' } }));
    startBackups(count);
  };

  const recheck = async () => {
    const result = await checkStoredData(storage);
    if (stopped) return;
    if (result.status === 'missing') markMissing(result.expected.revisionCount, result.facts.revisionCount);
    else await record(result.facts.revisionCount);
  };

  const onCount = (count: number) => {
    if (stopped) return;
    const previous = lastCount;
    lastCount = count;
    const data = storageState().data;
    if (data.kind === 'missing') {
      // An import brought everything back: carry on as if nothing had happened.
      if (count >= data.expected) void markHealthy(count, false).catch(() => undefined);
      else if (count !== data.found) updateStorageState((current) => ({ ...current, data: { ...data, found: count } }));
      return;
    }
    if (data.kind === 'checking') {
      // A change saved while the data is compared with the sentinel is recorded at once, or its loss would
      // go unnoticed if the app closed now. Harmless to the comparison: it read the sentinel first, and
      // recording never lowers the count remembered.
      if (count > recordedCount) void record(count).catch(() => undefined);
      return;
    }
    if (data.kind !== 'ok') return;
    if (count < recordedCount) {
      void recheck().catch(() => undefined);
      return;
    }
    if (previous !== null && count !== previous) schedule?.noteChange();
    if (count > recordedCount) void record(count).catch(() => undefined);
  };

  const flush = () => void schedule?.flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', flush);
  cleanups.push(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', flush);
  });

  cleanups.push(
    watchDatabaseConnection((problem) => {
      // The connection is closed: nothing more can be read or backed up until a reload.
      stopBackups('off');
      updateStorageState((current) => ({ ...current, connection: problem }));
    }),
  );

  updateStorageState((current) => ({ ...current, data: { kind: 'checking' }, backup: { ...current.backup, last: readLastBackup(storage) } }));
  // Wrapped: a store swapped in before the app store was first created (DOM tests) has no status.
  Promise.resolve()
    .then(persistenceStatus)
    .then(
      (persistence: PersistenceStatus | undefined) => {
        if (persistence) updateStorageState((current) => ({ ...current, persistence }));
      },
      () => undefined,
    );
  bridge.appInfo().then(
    (info) => {
      appVersion = info.version;
    },
    () => undefined,
  );

  /** The check at start takes the watcher's first count: the table is walked once, not twice. */
  const start = async (count: number) => {
    const result = await checkStoredData(storage, count);
    if (stopped) return;
    if (result.status === 'missing') markMissing(result.expected.revisionCount, result.facts.revisionCount);
    else await markHealthy(result.facts.revisionCount, false);
  };
  const failed = () => {
    if (!stopped) updateStorageState((current) => ({ ...current, data: { kind: 'failed' } }));
  };
  cleanups.push(
    watchRevisionCount((count) => {
      if (lastCount === null) {
        lastCount = count;
        start(count).catch(failed);
      } else onCount(count);
    }, () => {
      // Once started, a failed recount leaves the last known count standing.
      if (lastCount === null) failed();
    }),
  );

  return {
    async acceptCurrentData() {
      await markHealthy(lastCount ?? 0, true);
    },
    stop() {
      stopped = true;
      schedule?.stop();
      schedule = null;
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}

/** Starts the guard (one per app); the returned function stops it. */
export function startStorageGuard(options: StorageGuardOptions): () => void {
  active?.stop();
  const guard = createGuard(options);
  active = guard;
  return () => {
    guard.stop();
    if (active === guard) active = null;
  };
}

/** The user goes to import a backup: the blocking alert becomes a banner until the data is back. */
export function beginRestore(): void {
  updateStorageState((current) =>
    current.data.kind === 'missing' ? { ...current, data: { ...current.data, restoring: true } } : current,
  );
}

/** The user chose to continue with the data that is here now; backups start again. */
export async function acceptCurrentData(): Promise<void> {
  await active?.acceptCurrentData();
}
