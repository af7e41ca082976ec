import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const startScript = join(repo, 'build', 'start.mjs');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citykpi-start-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const { ELECTRON_RUN_AS_NODE: _ignored, ...inherited } = process.env;
  return spawnSync(process.execPath, [startScript], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...inherited, CITYKPI_START_SKIP_BUILD: '1', ...env },
  });
}

describe('npm start (build/start.mjs)', () => {
  it('without a runnable Electron prints one line pointing to npm run web and exits non-zero', () => {
    const result = start({ ELECTRON_OVERRIDE_DIST_PATH: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^CityKPI: Electron's binary is not available \(.+\); run "npm run web"/);
  });

  it('on a Node older than 22.12, refuses at once instead of attempting the download', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    // On a newer Node the script would really download Electron: tests never touch the network.
    if (major > 22 || (major === 22 && minor >= 12)) return;
    const startedAt = Date.now();
    const result = start({});
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `CityKPI: Electron's binary is not available (not installed, and downloading it needs Node 22.12+, this is Node ${process.versions.node}); run "npm run web" to use CityKPI in a browser instead.`,
    ]);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });

  it('launches the Electron binary on the app folder, without ELECTRON_RUN_AS_NODE, and passes its exit code on', async () => {
    if (process.platform === 'win32') return;
    const record = join(dir, 'launched.json');
    const fake = join(dir, 'electron');
    await writeFile(
      fake,
      `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\nprocess.exit(7);\n`,
    );
    await chmod(fake, 0o755);
    const result = start({ ELECTRON_OVERRIDE_DIST_PATH: dir, ELECTRON_RUN_AS_NODE: '1' });
    expect(result.status).toBe(7);
    expect(JSON.parse(await readFile(record, 'utf8'))).toEqual({ args: ['.'], cwd: repo.replace(/\/$/, ''), runAsNode: null });
  });
});
