/**
 * One automatic local backup: a FULL bundle of every revision, in the same signed format as an
 * export, handed to the desktop shell which keeps a rotating set of files outside browser storage.
 * It is the restore source when the browser loses its database (see storage-health.ts).
 *
 * The snapshot is one read transaction (collectExportPlan); evidence bytes are read per file after it,
 * and signing, encrypting and writing happen outside any Dexie transaction.
 *
 * Encryption: to the `recipients` given (the office's public keys), or none: signed but readable.
 * A readable backup exposes nothing new: it sits in the same user profile as the IndexedDB it
 * copies, which holds the same revisions unencrypted, and anyone who can read one can read the
 * other. It also restores on this laptop after a wipe, where the office's secret key is not
 * available; an encrypted one only restores where the office's key file is loaded.
 */
import type { BundleEncryption, BundleSigner } from '../../../core/bundle/index.ts';
import { isBundleError } from '../../../core/bundle/errors.ts';
import type { BackupRequest, BridgeResult } from '../../../electron/contract/bridge.ts';
import type { CityKpiDb } from './db.ts';
import { DataError } from './errors.ts';
import { collectExportPlan, readAttachments } from './sync.ts';

export const AUTO_BACKUP_LABEL = 'auto';

/** Why a backup was not written; the UI translates each (`backup:failure.<code>`). */
export type BackupFailureCode =
  /** The shell could not write the file (disk, permissions). */
  | 'E_IO'
  /** The data is larger than a bundle or a backup may be. */
  | 'E_TOO_LARGE'
  | 'E_FORBIDDEN'
  /** The browser storage is full (reading the snapshot failed). */
  | 'E_DISK_FULL'
  /** The database could not be read. */
  | 'E_DB'
  /** This device's signing key could not be opened. */
  | 'E_SIGNER'
  /** A stored revision could not be written into a bundle. */
  | 'E_ENCODE'
  | 'E_UNEXPECTED';

export type BackupOutcome =
  | { readonly kind: 'written'; readonly name: string; readonly revisionCount: number; readonly encrypted: boolean }
  /** Nothing stored yet: nothing to back up (and never a backup that could rotate a real one away). */
  | { readonly kind: 'empty' }
  /** The shell has no backup folder (web mode). */
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'failed'; readonly code: BackupFailureCode; readonly cause?: unknown };

export interface BackupDependencies {
  readonly signer: () => Promise<BundleSigner>;
  /** The office's age recipients (`age1…`); empty for a signed-only backup. */
  readonly recipients: () => readonly string[];
  readonly writeBackup: (request: BackupRequest) => Promise<BridgeResult<{ readonly name: string }>>;
  readonly appVersion?: string;
  readonly label?: string;
  /** Evidence bytes per file of a bundle set; the default (DEFAULT_VOLUME_BYTES) unless a test needs many files from little data. */
  readonly volumeBytes?: number;
}

class BackupStepError extends Error {
  constructor(
    readonly code: BackupFailureCode,
    options: { cause?: unknown },
  ) {
    super(code, options);
  }
}

async function step<T>(code: BackupFailureCode, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw new BackupStepError(code, { cause: error });
  }
}

function encodeFailure(error: unknown): BackupFailureCode {
  return isBundleError(error) && error.code === 'E_TOO_LARGE' ? 'E_TOO_LARGE' : 'E_ENCODE';
}

function readFailure(error: unknown): BackupFailureCode {
  return error instanceof DataError && error.code === 'E_DISK_FULL' ? 'E_DISK_FULL' : 'E_DB';
}

/**
 * Writes one full backup. Never throws: every failure comes back as an outcome with a code. Past the
 * size of one file the backup is a bundle set (core/bundle/bundle-set.ts): each file is made, with
 * only its own evidence read from the database, and handed to the shell before the next is made.
 */
export async function writeFullBackup(db: CityKpiDb, dependencies: BackupDependencies): Promise<BackupOutcome> {
  try {
    const snapshot = await collectExportPlan(db, { sinceReceipt: false }).catch((error: unknown) => {
      throw new BackupStepError(readFailure(error), { cause: error });
    });
    if (snapshot.revisions.length === 0) return { kind: 'empty' };
    const device = await step('E_SIGNER', dependencies.signer);
    const recipients = dependencies.recipients();
    const encryption: BundleEncryption = recipients.length > 0 ? { kind: 'recipients', recipients } : { kind: 'none' };
    // The codec (signing, age) loads with the first backup, not with every screen at start.
    const { encodeBundleSet } = await import('../../../core/bundle/bundle-set.ts').catch((error: unknown) => {
      throw new BackupStepError('E_ENCODE', { cause: error });
    });
    const files = encodeBundleSet({
      revisions: snapshot.revisions,
      attachmentSizes: snapshot.attachmentSizes,
      loadAttachments: async (hashes) =>
        (
          await readAttachments(db, hashes).catch((error: unknown) => {
            throw new BackupStepError(readFailure(error), { cause: error });
          })
        ).values(),
      attestations: snapshot.attestations,
      device,
      encryption,
      ...(dependencies.volumeBytes ? { volumeBytes: dependencies.volumeBytes } : {}),
      ...(dependencies.appVersion ? { appVersion: dependencies.appVersion } : {}),
    });
    let firstName: string | null = null;
    for (;;) {
      const next = await files.next().catch((error: unknown) => {
        throw error instanceof BackupStepError ? error : new BackupStepError(encodeFailure(error), { cause: error });
      });
      if (next.done) break;
      const { bytes, index, count, setId } = next.value;
      const request: BackupRequest = { label: dependencies.label ?? AUTO_BACKUP_LABEL, bytes, ...(count > 1 ? { volume: { setId, index, count } } : {}) };
      const written = await step('E_IO', () => dependencies.writeBackup(request));
      if (!written.ok) {
        if (written.code === 'E_UNAVAILABLE') return { kind: 'unavailable' };
        return { kind: 'failed', code: written.code === 'E_TOO_LARGE' || written.code === 'E_FORBIDDEN' ? written.code : 'E_IO' };
      }
      firstName ??= written.value.name;
    }
    return { kind: 'written', name: firstName ?? '', revisionCount: snapshot.revisions.length, encrypted: encryption.kind !== 'none' };
  } catch (error) {
    if (error instanceof BackupStepError) return { kind: 'failed', code: error.code, cause: error.cause };
    return { kind: 'failed', code: 'E_UNEXPECTED', cause: error };
  }
}

const LAST_BACKUP_KEY_PREFIX = 'citykpi.lastBackup.';

/** The last backup written for this database, kept beside the sentinel so it outlives a lost database. */
export interface LastBackup {
  readonly name: string;
  readonly atMs: number;
  readonly revisionCount: number;
}

export type BackupRecordStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readLastBackup(db: CityKpiDb, storage: BackupRecordStorage): LastBackup | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(`${LAST_BACKUP_KEY_PREFIX}${db.name}`) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { name, atMs, revisionCount } = parsed as Record<string, unknown>;
    return typeof name === 'string' && typeof atMs === 'number' && typeof revisionCount === 'number' ? { name, atMs, revisionCount } : null;
  } catch {
    return null;
  }
}

export function recordLastBackup(db: CityKpiDb, storage: BackupRecordStorage, backup: LastBackup): void {
  try {
    storage.setItem(`${LAST_BACKUP_KEY_PREFIX}${db.name}`, JSON.stringify(backup));
  } catch {
    // Only the "last backup" display suffers; the backup file itself was written.
  }
}
