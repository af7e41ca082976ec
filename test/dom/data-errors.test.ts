/** How storage failures reach the screens: Chromium's words for a full disk become E_DISK_FULL, and after one, writes wait for a restart. */
import { afterEach, describe, expect, it } from 'vitest';
import { DataError, refuseWritesAfterDiskFull, storageProblemOf, toDataError } from '../../renderer/src/data/errors.ts';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

afterEach(() => window.sessionStorage.clear());

describe('storage errors', () => {
  it('maps a quota error, wrapped as Dexie wraps it, to E_DISK_FULL', () => {
    const abort = Object.assign(named('AbortError', 'aborted'), { inner: named('QuotaExceededError', 'quota exceeded') });
    expect(toDataError(abort).code).toBe('E_DISK_FULL');
  });

  it('maps the I/O failure Chromium reports on a full disk to E_DISK_FULL, then refuses writes until a restart', () => {
    expect(() => refuseWritesAfterDiskFull()).not.toThrow();
    // Before any full disk, a failing reopen is an ordinary database failure.
    expect(toDataError(named('UnknownError', 'Internal error opening backing store for indexedDB.open.')).code).toBe('E_DB');
    const noSpace = named('UnknownError', 'Connection is closing because of: IO error: .../000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)');
    expect(toDataError(noSpace).code).toBe('E_DISK_FULL');
    expect(toDataError(named('UnknownError', 'Internal error opening backing store for indexedDB.open.')).code).toBe('E_DISK_FULL');
    let refused: unknown;
    try {
      refuseWritesAfterDiskFull();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataError);
    expect(storageProblemOf(refused)).toBe('E_RESTART_NEEDED');
  });

  it('keeps a DataError that Dexie wrapped, and names a database from a newer version', () => {
    const wrapped = Object.assign(named('OpenFailedError', 'open failed'), { inner: new DataError('E_DB_NEWER', 'newer') });
    expect(toDataError(wrapped).code).toBe('E_DB_NEWER');
    expect(toDataError(named('VersionError', 'The requested version (30) is less than the existing version (40).')).code).toBe('E_DB_NEWER');
    expect(storageProblemOf(new DataError('E_DB', 'x'))).toBeNull();
  });
});
