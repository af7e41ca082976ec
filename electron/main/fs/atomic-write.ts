import { randomBytes } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls an atomic write makes; tests inject failures through them. */
export interface AtomicWriteIo {
  readonly open: typeof fsPromises.open;
  readonly rename: typeof fsPromises.rename;
  readonly rm: typeof fsPromises.rm;
}

export interface AtomicWriteOptions {
  /** Permission bits for a newly created file (before umask). */
  readonly mode?: number;
  readonly io?: AtomicWriteIo;
}

const nodeIo: AtomicWriteIo = { open: fsPromises.open, rename: fsPromises.rename, rm: fsPromises.rm };

/**
 * Replaces `target` with `bytes` so that a crash or error at any point leaves either the old file or the
 * new one, never a mix: write a temp file in the same directory, fsync it, rename it over the target,
 * then fsync the directory so the rename itself survives a power loss.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const io = options.io ?? nodeIo;
  const directory = dirname(target);
  const temp = join(directory, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await io.open(temp, 'wx', options.mode ?? 0o666);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temp, target);
  } catch (error) {
    await io.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(directory, io);
}

async function syncDirectory(directory: string, io: AtomicWriteIo): Promise<void> {
  let handle: fsPromises.FileHandle;
  try {
    handle = await io.open(directory, 'r');
  } catch (error) {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
