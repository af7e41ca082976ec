/**
 * Everything the data layer throws is a DataError with a stable code the UI translates
 * (`errors.data.<code>`); the original error is kept as `cause` for logs.
 */
import type { RecordFinding } from '../../../core/records/index.ts';

export type DataErrorCode =
  /** The disk or the browser's storage quota is full: nothing of the failed write was stored. */
  | 'E_DISK_FULL'
  /** The disk was full earlier in this session: writes wait for a restart of CityKPI (see refuseWritesAfterDiskFull). */
  | 'E_RESTART_NEEDED'
  /** The database failed (closed, blocked by another window, corrupted, upgrade failed). */
  | 'E_DB'
  /** The database was made by a newer CityKPI (a higher schema version): it is left untouched. */
  | 'E_DB_NEWER'
  /** The caller passed something the data model does not accept. */
  | 'E_INVALID'
  /** The assessment, city or record does not exist (or was deleted). */
  | 'E_NOT_FOUND'
  /** A receipt (or bundle) is signed by a key that is not trusted on this machine. */
  | 'E_UNKNOWN_SIGNER'
  /** A receipt signed by a trusted key that is not an office key (e.g. a peer laptop): it may not mark anything delivered. */
  | 'E_RECEIPT_NOT_OFFICE'
  /** A receipt that confirms none of the revisions this laptop holds: it is for another laptop. */
  | 'E_RECEIPT_NOT_OURS'
  /** The workshop's rules refuse the change: not assigned to this person, not their role, or verified and locked. */
  | 'E_FORBIDDEN'
  /** The passphrase typed does not open the device key. */
  | 'E_WRONG_PASSPHRASE'
  /** The device key is sealed with a passphrase that has not been typed since CityKPI started. */
  | 'E_KEY_LOCKED';

export class DataError extends Error {
  /** For E_INVALID from the record rules: every rule the refused write broke, the first one first. */
  readonly findings: readonly RecordFinding[];

  constructor(
    readonly code: DataErrorCode,
    message: string,
    options?: { cause?: unknown; findings?: readonly RecordFinding[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.findings = options?.findings ?? [];
    // Not 'DataError': Dexie turns errors with IndexedDB error names into its own classes.
    this.name = 'CityKpiDataError';
  }
}

interface ErrorLike {
  readonly name?: unknown;
  readonly inner?: unknown;
  readonly failures?: unknown;
  readonly cause?: unknown;
}

/** True when the error or anything it wraps (AbortError.inner, BulkError.failures, cause) is named `wanted`. */
function isNamed(error: unknown, wanted: string, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { name, inner, failures, cause } = error as ErrorLike;
  if (name === wanted) return true;
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures : [])];
  return nested.some((candidate) => isNamed(candidate, wanted, depth + 1));
}

/**
 * Chromium reports a full quota as QuotaExceededError, and a full disk under it as an UnknownError
 * naming FILE_ERROR_NO_SPACE; the connection then closes, and reopening it fails ("Internal error
 * opening backing store") until space is freed.
 */
const DISK_FULL_MESSAGE = /quota|disk (is )?full|no[ _]space|ENOSPC/i;
const REOPEN_FAILED = /opening backing store/i;

const DISK_FULL_KEY = 'citykpi.diskFullThisSession';

/**
 * Once Chromium's IndexedDB has failed a write for lack of space, it may report later writes as
 * committed although they never reach the disk (they are gone after the next browser start). So after
 * a full disk, writes are refused until CityKPI restarts. The mark lives in sessionStorage: a page
 * reload keeps it, a new browser or desktop session starts without it.
 */
function markDiskFull(): void {
  try {
    globalThis.sessionStorage?.setItem(DISK_FULL_KEY, String(Date.now()));
  } catch {
    // no session storage: the error itself still says "disk full"
  }
}

function diskFullThisSession(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(DISK_FULL_KEY) != null;
  } catch {
    return false;
  }
}

/** Every write path calls this first. */
export function refuseWritesAfterDiskFull(): void {
  if (diskFullThisSession()) throw new DataError('E_RESTART_NEEDED', 'the disk was full in this session: restart CityKPI before saving again');
}

function messagesOf(error: unknown): string[] {
  const messages: string[] = [];
  for (let current = error, depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const { message, inner, cause } = current as { message?: unknown; inner?: unknown; cause?: unknown };
    if (typeof message === 'string') messages.push(message);
    current = inner ?? cause;
  }
  return messages;
}

function isQuotaError(error: unknown): boolean {
  if (isNamed(error, 'QuotaExceededError')) return true;
  const messages = messagesOf(error);
  if (messages.some((message) => DISK_FULL_MESSAGE.test(message))) return true;
  return diskFullThisSession() && messages.some((message) => REOPEN_FAILED.test(message));
}

/** Dexie wraps a failure of its `ready` step (e.g. E_DB_NEWER) in OpenFailedError, as `inner`. */
function wrappedDataError(error: unknown): DataError | null {
  for (let current = error, depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    if (current instanceof DataError) return current;
    const { inner, cause } = current as ErrorLike;
    current = inner ?? cause;
  }
  return null;
}

export function toDataError(error: unknown): DataError {
  const wrapped = wrappedDataError(error);
  if (wrapped) return wrapped;
  if (isQuotaError(error)) {
    markDiskFull();
    return new DataError('E_DISK_FULL', 'storage is full', { cause: error });
  }
  if (isNamed(error, 'VersionError')) return new DataError('E_DB_NEWER', 'the database was made by a newer CityKPI', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new DataError('E_DB', message, { cause: error });
}

/** Runs a data-layer operation so that callers only ever see DataError. */
export async function mapDataErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toDataError(error);
  }
}

/** Failures the user resolves outside CityKPI's screens, each with its own explanation. */
export type StorageProblem = Extract<DataErrorCode, 'E_DISK_FULL' | 'E_RESTART_NEEDED'>;

export function storageProblemOf(error: unknown): StorageProblem | null {
  return error instanceof DataError && (error.code === 'E_DISK_FULL' || error.code === 'E_RESTART_NEEDED') ? error.code : null;
}
