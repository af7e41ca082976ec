import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
let project: string;

async function put(relative: string, contents: string): Promise<void> {
  await mkdir(dirname(join(project, relative)), { recursive: true });
  await writeFile(join(project, relative), contents);
}

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'citykpi-pack-project-'));
  const manifest = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
  const { name, version, description, license, main, homepage, author } = manifest;
  await put('package.json', JSON.stringify({ name, version, description, license, main, homepage, author }, null, 2));
  await put('dist/renderer/index.html', '<!doctype html><title>CityKPI</title>');
  await put('dist/renderer/assets/index.js', 'console.log(1)');
  await put('dist-electron/main.cjs', '"use strict";');
  await put('dist-electron/preload.cjs', '"use strict";');
  // Decoys the `files` list must keep out of app.asar:
  await put('dist/renderer/assets/index.js.map', '{}');
  await put('dist/report.html', 'bundle analysis');
  await put('node_modules/leaky/index.js', 'module.exports = 1;');
  await put('electron/main/index.ts', 'source');
  await put('.env', 'SECRET=1');
  // ...and one stray file that `files` lets in, which the check itself must catch:
  await put('dist-electron/stray.js', 'leftover');
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('build/pack-check.mjs (electron-builder --dir with a stub Electron)', () => {
  it('packs only the intended files, flips the fuses, and reports anything unexpected', () => {
    const result = spawnSync(process.execPath, [join(repo, 'build', 'pack-check.mjs'), '--project', project], { encoding: 'utf8', timeout: 90_000 });
    expect(result.stderr).toContain('pack-check: FAILED');
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  - '))).toEqual(['  - unexpected file in app.asar: dist-electron/stray.js']);
    expect(result.status).toBe(1);
  }, 90_000);
});
