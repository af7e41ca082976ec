/**
 * Everything the data layer throws is a DataError with a stable code the UI translates
 * (`errors.data.<code>`); the original error is kept as `cause` for logs.
 */
import type { RecordFinding } from '../../../core/records/index.ts';

export type DataErrorCode =
  /** The disk or the browser's storage quota is full: nothing of the failed write was stored. */
  | 'E_DISK_FULL'
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
  /** The workshop's rules refuse the change: not assigned to this person, not their role, or verified and locked. */
  | 'E_FORBIDDEN';

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

/** Chromium reports a full quota as QuotaExceededError, and a full disk under it often as an I/O failure. */
const DISK_FULL_MESSAGE = /quota|disk (is )?full|no space|ENOSPC/i;

function isQuotaError(error: unknown): boolean {
  if (isNamed(error, 'QuotaExceededError')) return true;
  for (let current = error, depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const { message, inner } = current as { message?: unknown; inner?: unknown };
    if (typeof message === 'string' && DISK_FULL_MESSAGE.test(message)) return true;
    current = inner ?? (current as ErrorLike).cause;
  }
  return false;
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
  if (isQuotaError(error)) return new DataError('E_DISK_FULL', 'storage is full', { cause: error });
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
