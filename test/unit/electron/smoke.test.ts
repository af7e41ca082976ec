// `npm run smoke` needs Electron's binary; where it is missing it must say so plainly, not crash.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

describe('npm run smoke (build/smoke.mjs)', () => {
  it('without Electron\'s binary, explains in one line where to run it and exits with 2', () => {
    const empty = mkdtempSync(join(tmpdir(), 'citykpi-smoke-test-'));
    try {
      const result = spawnSync(process.execPath, [join(repo, 'build', 'smoke.mjs')], {
        cwd: repo,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
      });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toEqual([
        'CityKPI smoke test: cannot run here, Electron\'s binary is not available (it is not installed (npm start downloads it on Node 22.12 or newer)). Run "npm run smoke" on a machine where "npm start" opens the desktop window (docs/release-checklist.md).',
      ]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
