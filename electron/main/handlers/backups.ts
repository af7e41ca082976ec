import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupRequest, BridgeResult } from '../../contract/bridge.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { backupFileName, rotateBackups } from '../fs/backup-rotation.ts';

export const BACKUPS_KEPT = 10;

export function createWriteBackup(getBackupDirectory: () => string, now: () => Date = () => new Date()) {
  return async (request: BackupRequest): Promise<BridgeResult<{ readonly name: string }>> => {
    const directory = getBackupDirectory();
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const name = backupFileName(request.label, now());
    await writeFileAtomic(join(directory, name), request.bytes, { mode: 0o600 });
    await rotateBackups(directory, request.label, BACKUPS_KEPT);
    return { ok: true, value: { name } };
  };
}
