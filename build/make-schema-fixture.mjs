// Makes test/fixtures/schema/v<N>.json with the code of the commit that shipped schema version N:
//   node build/make-schema-fixture.mjs <version> <commit>
// The commit is unpacked (git archive) into a scratch folder next to this repository's node_modules and
// test/fixtures/schema/generate.ts runs there, so the rows are written by that version's data layer.
// Run once when a schema version ships; the fixture is then committed and never regenerated.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const [version, commit] = process.argv.slice(2);
if (!/^\d+$/.test(version ?? '') || !commit) {
  console.error('usage: node build/make-schema-fixture.mjs <version> <commit>');
  process.exit(2);
}
const checkout = mkdtempSync(join(tmpdir(), `citykpi-schema-v${version}-`));
try {
  execFileSync('sh', ['-c', 'git -C "$0" archive --format=tar "$1" | tar -x -C "$2"', repo, commit, checkout]);
  symlinkSync(join(repo, 'node_modules'), join(checkout, 'node_modules'), 'dir');
  const out = join(repo, 'test', 'fixtures', 'schema', `v${version}.json`);
  const run = spawnSync(process.execPath, [join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repo, 'test', 'fixtures', 'schema', 'generate.ts'), checkout, out], {
    cwd: checkout,
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
} finally {
  rmSync(checkout, { recursive: true, force: true });
}
