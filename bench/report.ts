/** The generated table of docs/benchmarks.md: replaced between two markers, the prose around it is kept. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './figures.ts';

export interface RunFacts {
  readonly date: string;
  readonly mode: string;
  readonly seconds: number;
  readonly machine: Readonly<Record<string, string | number>>;
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
const docPath = join(new URL('..', import.meta.url).pathname, 'docs', 'benchmarks.md');

function formatNumber(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 1 : 2);
}

function goalText(figure: Figure): string {
  if (!figure.goal) return '';
  const sign = figure.goal.kind === 'max' ? '≤' : '≥';
  const subject = figure.goal.on === 'ratio' ? `${sign} ${figure.goal.value}×` : `${sign} ${figure.goal.value} ${figure.unit}`;
  return `${subject} ${figure.met ? '✔ met' : '✘ missed'}`;
}

export function resultsTable(run: RunFacts, figures: readonly Figure[]): string {
  const machine = Object.entries(run.machine).map(([key, value]) => `${key} ${value}`).join(', ');
  const rows = figures.map((figure) => {
    const peer = figure.peer === undefined ? '' : `${figure.peer}: ${formatNumber(figure.peerValue ?? 0)} ${figure.unit}`;
    const ratio = figure.ratio === undefined ? '' : `${figure.ratio.toFixed(2)}×`;
    return `| ${figure.name} | ${formatNumber(figure.value)} ${figure.unit} | ${peer} | ${ratio} | ${goalText(figure)} | ${figure.note ?? ''} |`;
  });
  return [
    START,
    `Run of ${run.date} (${run.mode} sizes, ${run.seconds} s). Machine: ${machine}.`,
    '',
    '| Figure | Value | Peer or limit (same run) | Ratio | Goal | Conditions |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    END,
  ].join('\n');
}

/** The document with its generated part replaced (or appended when the markers are missing). */
export function renderReport(run: RunFacts, figures: readonly Figure[]): string {
  const table = resultsTable(run, figures);
  const current = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start === -1 || end === -1) return `${current.trimEnd()}\n\n${table}\n`;
  return `${current.slice(0, start)}${table}${current.slice(end + END.length)}`;
}
