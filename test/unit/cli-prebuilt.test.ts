import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the bin folder, without types
import { isBuildFresh } from '../../cli/bin/fresh-build.mjs';
import { globalUsage } from '../../cli/main.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;

function sourceTree(): { root: string; built: string; source: string } {
  const root = mkdtempSync(join(tmpdir(), 'cli-fresh-'));
  mkdirSync(join(root, 'src', 'deep'), { recursive: true });
  const source = join(root, 'src', 'deep', 'a.ts');
  writeFileSync(source, 'export {}');
  const built = join(root, 'main.mjs');
  writeFileSync(built, '');
  const past = new Date(Date.now() - 60_000);
  utimesSync(source, past, past);
  utimesSync(join(root, 'src', 'deep'), past, past);
  utimesSync(join(root, 'src'), past, past);
  return { root, built, source };
}

describe('prebuilt citykpi', () => {
  it('is used only when it exists and is newer than every source file', () => {
    const { root, built, source } = sourceTree();
    expect(isBuildFresh(built, [join(root, 'src')])).toBe(true);
    expect(isBuildFresh(join(root, 'missing.mjs'), [join(root, 'src')])).toBe(false);
    const future = new Date(Date.now() + 60_000);
    utimesSync(source, future, future);
    expect(isBuildFresh(built, [join(root, 'src')])).toBe(false);
  });

  it('builds to one module that answers like the sources', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'cli-build-'));
    const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
    const build = spawnSync(process.execPath, [vite, 'build', '--config', 'build/cli.vite.config.ts', '--outDir', outDir], { cwd: repoRoot, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const built = (await import(join(outDir, 'main.mjs'))) as { globalUsage(): string };
    expect(built.globalUsage()).toBe(globalUsage());
  }, 60_000);
});
