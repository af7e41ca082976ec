// The desktop path of `npm start`; the browser fallback (which needs the built renderer) is tested
// end to end in test/e2e/start.test.ts.
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

describe('npm start (build/start.mjs) with a runnable Electron', () => {
  it('launches the Electron binary on the app folder, without ELECTRON_RUN_AS_NODE, and passes its exit code on', async () => {
    if (process.platform === 'win32') return;
    const record = join(dir, 'launched.json');
    const fake = join(dir, 'electron');
    // Answers the `--version` probe like Electron does, then records how the app itself was launched.
    await writeFile(
      fake,
      `#!${process.execPath}\nif (process.argv[2] === '--version') { console.log('v45.5.0'); process.exit(0); }\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\nprocess.exit(7);\n`,
    );
    await chmod(fake, 0o755);
    const result = start({ ELECTRON_OVERRIDE_DIST_PATH: dir, ELECTRON_RUN_AS_NODE: '1' });
    expect(result.stderr).not.toMatch(/not available/);
    expect(result.status).toBe(7);
    expect(JSON.parse(await readFile(record, 'utf8'))).toEqual({ args: ['.'], cwd: repo.replace(/\/$/, ''), runAsNode: null });
  });
});
