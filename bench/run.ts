/**
 * `npm run bench [-- --quick] [-- --only name,name]`: every figure beside its limit or peer, measured in
 * the same run, written to bench/results.json and as a table to docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appFigures, officeFigures } from './app-figures.ts';
import { buildBenchPage, importFigures, openBrowserBench } from './browser-figures.ts';
import type { Figure } from './figures.ts';
import { cliStartFigure, exportFigure, initialJsFigure, mergeFigures, verifyFigure } from './node-figures.ts';
import { renderReport } from './report.ts';
import { FULL_SIZES, QUICK_SIZES } from './sizes.ts';

const repoRoot = new URL('..', import.meta.url).pathname;

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const sizes = values.quick ? QUICK_SIZES : FULL_SIZES;
const only = values.only ? new Set(values.only.split(',')) : null;
const wanted = (group: string): boolean => only === null || only.has(group);

function viteBuild(config: string, what: string): void {
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', config, '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`building ${what} failed`);
}

const figures: Figure[] = [];
const started = Date.now();
// Other work on a shared machine slows both sides of a ratio, but it is worth reading beside the figures.
const loadAtStart = loadavg()[0]!;
const log = (figure: Figure): void => {
  figures.push(figure);
  const ratio = figure.ratio === undefined ? '' : `  ratio ${figure.ratio.toFixed(2)} (${figure.peer})`;
  const met = figure.met === undefined ? '' : figure.met ? '  goal met' : '  goal missed';
  console.log(`${figure.name}: ${figure.value.toFixed(1)} ${figure.unit}${ratio}${met}`);
};

const scratch = mkdtempSync(join(tmpdir(), 'citykpi-bench-'));
try {
  // As installed (npm install builds it): the command runs its prebuilt module, not the TypeScript sources.
  if (wanted('cli') || wanted('merge')) viteBuild('build/cli.vite.config.ts', 'the CLI');
  if (wanted('cli')) log(cliStartFigure(sizes));
  if (wanted('verify')) log(await verifyFigure(sizes));
  if (wanted('export')) log(await exportFigure(sizes));
  if (wanted('merge')) for (const figure of await mergeFigures(sizes, scratch)) log(figure);
  if (['browser', 'import', 'app', 'office', 'size'].some(wanted)) {
    viteBuild('renderer/vite.config.ts', 'the renderer');
    if (wanted('size') || wanted('browser')) log(initialJsFigure(join(repoRoot, 'dist', 'renderer')));
    buildBenchPage();
    // Each group in a browser profile of its own: an origin's databases share one LevelDB, which goes on
    // compacting for a while after the import group deletes its 100,000-row databases, and the next
    // group's figures would measure that instead of the stored data they name.
    const groups = [
      ['import', importFigures],
      ['app', appFigures],
      ['office', officeFigures],
    ] as const;
    for (const [group, figuresOf] of groups) {
      if (!wanted(group) && !wanted('browser')) continue;
      const bench = await openBrowserBench();
      try {
        for (const figure of await figuresOf(bench, sizes)) log(figure);
      } finally {
        await bench.close();
      }
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  chromium: spawnSync('/usr/bin/chromium', ['--version']).stdout?.toString().trim() ?? 'unknown',
  platform: `${process.platform} ${process.arch}`,
  loadAverage: `${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (1 min)`,
};
const run = { date: new Date().toISOString(), mode: values.quick ? 'quick' : 'full', seconds: Math.round((Date.now() - started) / 1000), machine };
writeFileSync(join(repoRoot, 'bench', 'results.json'), `${JSON.stringify({ run, figures }, null, 2)}\n`);
writeFileSync(join(repoRoot, 'docs', 'benchmarks.md'), renderReport(run, figures));
console.log(`bench: ${figures.length} figures in ${run.seconds} s → bench/results.json, docs/benchmarks.md`);
