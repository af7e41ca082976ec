/**
 * `.citykpi` files the operating system asks CityKPI to open: double-clicked in a file manager or
 * dropped on the icon. macOS says so with `open-file` (even before the app is ready); Windows and
 * Linux pass the path on the command line, to this process or, when CityKPI already runs, to the
 * first instance through `second-instance`. The paths wait here until the page takes them, one at a
 * time, through the Bridge; the page asks at start and whenever its window gains focus.
 */
import { isAbsolute, resolve } from 'node:path';
import type { BridgeResult, OpenedFile } from '../contract/bridge.ts';
import { MAX_FILE_BYTES } from '../contract/limits.ts';
import { readBounded } from './handlers/files.ts';

export const OPENED_FILE_EXTENSION = '.citykpi';

/** The `.citykpi` paths among command-line arguments (not switches), made absolute against `workingDirectory`. */
export function bundlePathsIn(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .filter((argument) => !argument.startsWith('-') && argument.toLowerCase().endsWith(OPENED_FILE_EXTENSION))
    .map((argument) => (isAbsolute(argument) ? argument : resolve(workingDirectory, argument)));
}

export interface OpenedFiles {
  add(paths: readonly string[]): void;
  /** The next waiting file, read and bounded like a chosen one; `null` when none waits. */
  takeNext(): Promise<BridgeResult<OpenedFile | null>>;
}

export function createOpenedFiles(): OpenedFiles {
  const waiting: string[] = [];
  return {
    add(paths) {
      for (const path of paths) if (!waiting.includes(path)) waiting.push(path);
    },
    async takeNext() {
      const path = waiting.shift();
      if (path === undefined) return { ok: true, value: null };
      try {
        return await readBounded(path, MAX_FILE_BYTES);
      } catch {
        // Moved, deleted or unreadable since the OS named it: the page says it could not be read.
        return { ok: false, code: 'E_IO' };
      }
    },
  };
}
