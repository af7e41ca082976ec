/**
 * `citykpi score`: every assessment in the bundles scored against a target-set CSV, as U4SSC reports score:
 * points per data point, then categories, sub-dimensions and dimensions as points ÷ (4 × scored points).
 */
import { scoreRevisions, type AreaScore, type AssessmentScore, type PointScore } from '../../core/scoring/index.ts';
import { findKpi, getCatalogue } from '../../core/catalogue/index.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { targetSetsFromRevisions, type TargetSet } from '../../core/targets/index.ts';
import { EXIT_OK, InputError, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { terminalText } from '../terminal-text.ts';
import { KEY_USAGE } from './bundle-files.ts';
import { DATABASE_USAGE, localeOption, parseBundleArgs, readRevisionSource, readTargetsFile } from './results-files.ts';
import { OFFICE_TRUST_USAGE } from './trust-files.ts';

const USAGE = `citykpi score <file>... | --postgres <url> --targets <targets.csv> | --target-set <id> [--json] [--locale <language>] [--allow-unknown]

Scores every assessment in the bundles against the targets: each reported data point with a target gets
1 to 4 points (0-33 %, 33-66 %, 66-95 %, 95 % and more of its target), and each category, sub-dimension
and dimension scores its points / (4 x scored data points). Points not reported, without a target, in
conflict, out of range or in another unit are left out. Results are a self-assessment, not verified.

Options:
      --targets <file>        CSV or XLSX with columns kpi,data_point,target,direction[,source][,note]
      --target-set <id>       a target set the bundles or the database hold (made in the app), instead of --targets
      --locale <language>     also read target numbers written the way this language writes them (1 234,5)
      --json                  print a JSON array, one object per assessment
${KEY_USAGE}
${OFFICE_TRUST_USAGE}
${DATABASE_USAGE}
  -h, --help                  show this help`;

export const RULE_TEXT =
  'rule: achievement = value/target (higher is better), target/value (lower is better), smaller/larger (target value), ' +
  'capped at 100 %; 1 point below 33 %, 2 below 66 %, 3 below 95 %, 4 from 95 %; areas score points / (4 x scored points)';

function percent(share: number | null): string {
  return share === null ? '-' : `${(Math.round(share * 10_000) / 100).toString()} %`;
}

function areaLine(area: AreaScore): string {
  return [area.level, area.id, area.points, area.maxPoints, percent(area.share), area.band ?? '-', area.excludedPoints].join('\t');
}

function pointLine(point: PointScore, code: string): string {
  const target = point.target;
  return [
    code,
    point.pointId,
    point.value === null ? '-' : terminalText(String(point.value)),
    target ? target.target : '-',
    point.direction,
    percent(point.achievement),
    point.points ?? '-',
    point.excluded ?? '',
    target?.source === undefined ? '' : terminalText(target.source),
  ].join('\t');
}

function assessmentText(score: AssessmentScore): string {
  const title = `${terminalText(score.cityName ?? score.cityId ?? '?')} (${terminalText(score.country ?? '?')}) ${score.year ?? '?'}`;
  if (!score.report) return `${title}: not scored, the assessment names a catalogue this installation does not know\n`;
  const { report } = score;
  const catalogue = getCatalogue(report.catalogueId)!;
  const label = report.verification === 'verified' ? 'verified' : 'self-assessment, not verified';
  const lines = [
    `${title}: ${label}; targets: ${terminalText(report.targetSet.name)} (${terminalText(report.targetSet.source)})`,
    RULE_TEXT,
    ['level', 'id', 'points', 'max', 'score', 'band', 'left_out'].join('\t'),
    areaLine(report.overall),
    ...report.dimensions.map(areaLine),
    ...report.subdimensions.map(areaLine),
    ...report.categories.map(areaLine),
    ['kpi_code', 'point', 'value', 'target', 'direction', 'achievement', 'points', 'left_out', 'target_source'].join('\t'),
    ...report.points.filter((point) => point.value !== null || point.target !== null).map((point) => pointLine(point, findKpi(catalogue, point.kpiId)?.code ?? point.kpiId)),
  ];
  return `${lines.join('\n')}\n`;
}

function storedTargetSet(revisions: readonly Revision[], id: string): TargetSet {
  const stored = targetSetsFromRevisions(revisions);
  const found = stored.find((entry) => entry.set.id === id);
  if (!found) {
    const known = stored.map((entry) => entry.set.id).join(', ') || 'none';
    throw new InputError('E_NOT_FOUND', `no target set ${JSON.stringify(id)} in the revisions read (target sets held: ${known})`);
  }
  return found.set;
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseBundleArgs(args, {
    targets: { type: 'string' },
    'target-set': { type: 'string' },
    locale: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if ((values.targets === undefined) === (values['target-set'] === undefined)) throw new UsageError('give either --targets or --target-set');
  const revisions = await readRevisionSource(io, positionals, values);
  const targets = values.targets === undefined ? storedTargetSet(revisions, values['target-set']!) : await readTargetsFile(io, values.targets, localeOption(values.locale));
  const scores = scoreRevisions(revisions, targets);
  io.out(values.json ? `${JSON.stringify(scores, null, 2)}\n` : scores.map(assessmentText).join('\n'));
  return EXIT_OK;
}

export const scoreCommand: Command = { name: 'score', usage: USAGE, run };
