import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '../../core/zod.ts';

const root = new URL('../../', import.meta.url).pathname;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

describe('zod in the page', () => {
  it('is jitless, so it never probes `new Function` (which the CSP would report)', () => {
    expect(z.config().jitless).toBe(true);
  });

  it('is reached by core and the renderer only through core/zod.ts, which configures it first', () => {
    const direct = [...sources(join(root, 'core')), ...sources(join(root, 'renderer/src'))]
      .map((path) => relative(root, path))
      .filter((path) => path !== 'core/zod.ts' && /from ['"]zod(?:\/[^'"]*)?['"]/.test(readFileSync(join(root, path), 'utf8')));
    expect(direct).toEqual([]);
  });
});
