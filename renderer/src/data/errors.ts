/**
 * Everything the data layer throws is a DataError with a stable code the UI translates
 * (`errors.data.<code>`); the original error is kept as `cause` for logs.
 */

export type DataErrorCode =
  /** The disk or the browser's storage quota is full: nothing of the failed write was stored. */
  | 'E_DISK_FULL'
  /** The database failed (closed, blocked by another window, corrupted, upgrade failed). */
  | 'E_DB'
  /** The caller passed something the data model does not accept. */
  | 'E_INVALID'
  /** The assessment, city or record does not exist (or was deleted). */
  | 'E_NOT_FOUND'
  /** A receipt (or bundle) is signed by a key that is not trusted on this machine. */
  | 'E_UNKNOWN_SIGNER'
  /** The workshop's rules refuse the change: not assigned to this person, not their role, or verified and locked. */
  | 'E_FORBIDDEN';

export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
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

/** True when the error or anything it wraps (AbortError.inner, BulkError.failures, cause) is a quota error. */
function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { name, inner, failures, cause } = error as ErrorLike;
  if (name === 'QuotaExceededError') return true;
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures : [])];
  return nested.some((candidate) => isQuotaError(candidate, depth + 1));
}

export function toDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  if (isQuotaError(error)) return new DataError('E_DISK_FULL', 'storage is full', { cause: error });
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
