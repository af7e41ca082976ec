import * as fsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, type AtomicWriteIo } from '../../../electron/main/fs/atomic-write.ts';

// Real fsyncs: on a busy disk one can take seconds.
vi.setConfig({ testTimeout: 30_000 });

let dir: string;
const OLD = new TextEncoder().encode('old contents, complete');
const NEW = new Uint8Array(64 * 1024).map((_, i) => i % 251);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citykpi-atomic-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Step = 'writeFile' | 'sync' | 'rename';

/** Real file-system calls, except that one step fails; a failing write first writes half the bytes. */
function failingIo(step: Step): AtomicWriteIo {
  const open: typeof fsPromises.open = async (...args: Parameters<typeof fsPromises.open>) => {
    const handle = await fsPromises.open(...args);
    if (args[1] !== 'wx') return handle;
    if (step === 'writeFile') {
      handle.writeFile = async (data) => {
        const bytes = data as Uint8Array;
        await handle.write(bytes, 0, Math.floor(bytes.byteLength / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      };
    }
    if (step === 'sync') handle.sync = async () => {
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    };
    return handle;
  };
  const rename: typeof fsPromises.rename = async (from, to) => {
    if (step === 'rename') throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
    return fsPromises.rename(from, to);
  };
  return { open, rename, rm: fsPromises.rm };
}

describe('writeFileAtomic', () => {
  it('creates a new file', async () => {
    const target = join(dir, 'export.citykpi');
    await writeFileAtomic(target, NEW);
    expect(new Uint8Array(await readFile(target))).toEqual(NEW);
    expect(await readdir(dir)).toEqual(['export.citykpi']);
  });

  it('replaces an existing file completely', async () => {
    const target = join(dir, 'export.citykpi');
    await writeFile(target, OLD);
    await writeFileAtomic(target, NEW);
    expect(new Uint8Array(await readFile(target))).toEqual(NEW);
    expect(await readdir(dir)).toEqual(['export.citykpi']);
  });

  it.each(['writeFile', 'sync', 'rename'] as const)('a failure at %s leaves the old file intact and no temp file', async (step) => {
    const target = join(dir, 'export.citykpi');
    await writeFile(target, OLD);
    await expect(writeFileAtomic(target, NEW, { io: failingIo(step) })).rejects.toThrow();
    expect(new Uint8Array(await readFile(target))).toEqual(OLD);
    expect(await readdir(dir)).toEqual(['export.citykpi']);
  });

  it.each(['writeFile', 'sync', 'rename'] as const)('a failure at %s on a new file leaves nothing behind', async (step) => {
    await expect(writeFileAtomic(join(dir, 'new.citykpi'), NEW, { io: failingIo(step) })).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails without creating anything when the directory does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.bin'), NEW)).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('applies the requested mode to a new file', async () => {
    if (process.platform === 'win32') return;
    const target = join(dir, 'key.bak');
    await writeFileAtomic(target, NEW, { mode: 0o600 });
    expect((await fsPromises.stat(target)).mode & 0o777).toBe(0o600);
  });
});
