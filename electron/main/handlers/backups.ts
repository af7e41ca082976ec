import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupRequest, BridgeResult } from '../../contract/bridge.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { backupFileName, rotateBackups } from '../fs/backup-rotation.ts';

export const BACKUPS_KEPT = 10;
/** Sets being written at once (one per label in practice); an older unfinished one is forgotten. */
const OPEN_SETS = 4;

/**
 * Writes each file atomically. The files of a bundle set share the time of the first, so they sort
 * together; old backups are rotated away only once the last file of a set is written, so a failed run
 * never costs a whole backup.
 */
export function createWriteBackup(getBackupDirectory: () => string, now: () => Date = () => new Date()) {
  const setStarts = new Map<string, Date>();
  return async (request: BackupRequest): Promise<BridgeResult<{ readonly name: string }>> => {
    const directory = getBackupDirectory();
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const volume = request.volume;
    let startedAt = now();
    if (volume) {
      const known = setStarts.get(volume.setId);
      if (volume.index === 1) setStarts.set(volume.setId, startedAt);
      else if (known) startedAt = known;
      else return { ok: false, code: 'E_INVALID_REQUEST' };
      while (setStarts.size > OPEN_SETS) setStarts.delete(setStarts.keys().next().value!);
    }
    const name = backupFileName(request.label, startedAt, volume);
    await writeFileAtomic(join(directory, name), request.bytes, { mode: 0o600 });
    if (volume && volume.index < volume.count) return { ok: true, value: { name } };
    if (volume) setStarts.delete(volume.setId);
    await rotateBackups(directory, request.label, BACKUPS_KEPT);
    return { ok: true, value: { name } };
  };
}
