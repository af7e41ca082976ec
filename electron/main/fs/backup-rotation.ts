import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Backups are ordinary bundles, so the Import screen restores them like any other `.citykpi` file. */
export const BACKUP_EXTENSION = '.citykpi';

/** One file of a backup split into a bundle set: its place in the set, 1-based. */
export interface BackupVolume {
  readonly index: number;
  readonly count: number;
}

/**
 * `daily-2026-11-28T07-05-09-123Z.citykpi`, or `daily-2026-11-28T07-05-09-123Z.2-of-5.citykpi` for the
 * second file of a set: sorts by time as plain text, keeps a set's files together, valid on every OS.
 */
export function backupFileName(label: string, now: Date, volume?: BackupVolume): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${label}-${stamp}${volume ? `.${volume.index}-of-${volume.count}` : ''}${BACKUP_EXTENSION}`;
}

const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:\.(\d{1,5})-of-(\d{1,5}))?$/;

interface BackupFile {
  readonly name: string;
  readonly stamp: string;
  readonly volume: BackupVolume | null;
}

function parseBackupName(label: string, name: string): BackupFile | null {
  if (!name.startsWith(`${label}-`) || !name.endsWith(BACKUP_EXTENSION)) return null;
  const match = NAME.exec(name.slice(label.length + 1, -BACKUP_EXTENSION.length));
  if (!match) return null;
  return { name, stamp: match[1]!, volume: match[2] ? { index: Number(match[2]), count: Number(match[3]) } : null };
}

/** A backup is whole when it is one file, or when every file of its set is there. */
function isWhole(files: readonly BackupFile[]): boolean {
  if (files.length === 1 && files[0]!.volume === null) return true;
  const count = files[0]?.volume?.count;
  if (count === undefined || files.some((file) => file.volume?.count !== count)) return false;
  return new Set(files.map((file) => file.volume!.index)).size === count;
}

/**
 * Keeps the newest `keep` whole backups with this label and deletes older files, with any set left
 * incomplete by a failed run once a newer backup is whole. A set still newer than the newest whole
 * backup is kept: it may be being written. Other files in the folder are never touched.
 */
export async function rotateBackups(directory: string, label: string, keep: number): Promise<readonly string[]> {
  const byStamp = new Map<string, BackupFile[]>();
  for (const name of await readdir(directory)) {
    const file = parseBackupName(label, name);
    if (file) byStamp.set(file.stamp, [...(byStamp.get(file.stamp) ?? []), file]);
  }
  const expired: string[] = [];
  let whole = 0;
  for (const stamp of [...byStamp.keys()].sort().reverse()) {
    const files = byStamp.get(stamp)!;
    const kept = isWhole(files) ? ++whole <= keep : whole === 0;
    if (!kept) expired.push(...files.map((file) => file.name));
  }
  expired.sort();
  for (const name of expired) await rm(join(directory, name), { force: true });
  return expired;
}
