import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Backups are ordinary bundles, so the Import screen restores them like any other `.citykpi` file. */
export const BACKUP_EXTENSION = '.citykpi';

/** `daily-2026-11-28T07-05-09-123Z.citykpi`: sorts by time as plain text, and is a valid name on every OS. */
export function backupFileName(label: string, now: Date): string {
  return `${label}-${now.toISOString().replace(/[:.]/g, '-')}${BACKUP_EXTENSION}`;
}

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

function isBackupOf(label: string, name: string): boolean {
  if (!name.startsWith(`${label}-`) || !name.endsWith(BACKUP_EXTENSION)) return false;
  return STAMP.test(name.slice(label.length + 1, -BACKUP_EXTENSION.length));
}

/** Deletes all but the newest `keep` backups with this label; other files in the folder are never touched. */
export async function rotateBackups(directory: string, label: string, keep: number): Promise<readonly string[]> {
  const names = (await readdir(directory)).filter((name) => isBackupOf(label, name)).sort();
  const expired = names.slice(0, Math.max(0, names.length - keep));
  for (const name of expired) await rm(join(directory, name), { force: true });
  return expired;
}
