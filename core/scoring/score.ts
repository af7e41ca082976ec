/**
 * Scores an assessment as U4SSC reports do: every reported data point with a target gets 1–4 points; a
 * category, sub-dimension or dimension scores its points ÷ (4 × scored data points), leaving out points not
 * reported or without a target. Pure: values, catalogue and targets in, a report out, so the app, the CLI
 * and the office server all score alike.
 */
import { directionOf, findPoint, getCatalogue, kpiIndex, pointsOf } from '../catalogue/index.ts';
import type { Catalogue, DataPointDefinition, Direction, KpiDefinition, NumericRange } from '../catalogue/types.ts';
import type { Target, TargetSet } from '../targets/types.ts';
import { CHOICE_VALUES, achievement, bandOf, type Points } from './achievement.ts';

/** One data point's current value, as the app, a bundle or a database row has it. */
export interface ScoringValue {
  readonly kpiId: string;
  readonly pointId: string;
  /** A number, a choice (`yes`, `partial`, `no`), or null when there is none. */
  readonly value: number | string | null;
  /** The unit the value is in; checked against the target's catalogue when given. */
  readonly unit?: string | null;
  /** Competing edits leave the value undecided. */
  readonly conflict?: boolean;
  /** The value breaks a hard rule (validation or the entry status says so). */
  readonly hardError?: boolean;
}

export interface ScoringInput {
  readonly catalogue: Catalogue;
  readonly values: readonly ScoringValue[];
  readonly targets: TargetSet;
  /** True only once an independent verifier has verified the values; a workshop's own results are not. */
  readonly verified?: boolean;
}

export type ExclusionReason =
  /** No value (not reported, not entered, or not computable yet). */
  | 'notReported'
  /** The target set has no target for this point. */
  | 'noTarget'
  /** The value is outside the point's hard range or has a hard validation error. */
  | 'invalidValue'
  | 'conflict'
  /** The value's unit is not the unit the target is in (e.g. a value from an older catalogue version). */
  | 'unitMismatch';

export interface PointScore {
  readonly kpiId: string;
  readonly pointId: string;
  readonly value: number | string | null;
  readonly target: Target | null;
  readonly direction: Direction;
  /** Share of the target reached, 0–1; null when excluded. */
  readonly achievement: number | null;
  readonly points: Points | null;
  readonly excluded: ExclusionReason | null;
}

export type AreaLevel = 'category' | 'subdimension' | 'dimension' | 'overall';

export interface AreaScore {
  readonly level: AreaLevel;
  /** Category, sub-dimension or dimension id; `overall` for the whole assessment. */
  readonly id: string;
  readonly points: number;
  /** 4 × scored data points. */
  readonly maxPoints: number;
  readonly scoredPoints: number;
  /** Data points of the area that were left out, by reason. */
  readonly excludedPoints: number;
  /** points ÷ maxPoints; null when nothing in the area could be scored. */
  readonly share: number | null;
  readonly band: Points | null;
}

export interface ScoreReport {
  readonly catalogueId: string;
  readonly targetSet: { readonly id: string; readonly name: string; readonly source: string; readonly example: boolean };
  /** `selfAssessment` until a verifier has verified the values: label every result with it. */
  readonly verification: 'selfAssessment' | 'verified';
  /** Every data point of the catalogue, in catalogue order. */
  readonly points: readonly PointScore[];
  readonly categories: readonly AreaScore[];
  readonly subdimensions: readonly AreaScore[];
  readonly dimensions: readonly AreaScore[];
  readonly overall: AreaScore;
}

function key(kpiId: string, pointId: string): string {
  return `${kpiId}\u0000${pointId}`;
}

function outside(range: NumericRange | undefined, value: number): boolean {
  return (range?.min !== undefined && value < range.min) || (range?.max !== undefined && value > range.max);
}

function numberOf(value: number | string | null): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return CHOICE_VALUES[value] ?? null;
  return null;
}

/** The unit a target is in: its data point's unit in the target set's own catalogue, when that catalogue is known. */
function targetUnit(targetCatalogue: Catalogue | undefined, kpiId: string, pointId: string): string | null {
  const kpi = targetCatalogue ? kpiIndex(targetCatalogue).get(kpiId) : undefined;
  const point = kpi ? findPoint(kpi, pointId) : undefined;
  return point?.unit ?? null;
}

function scorePoint(
  kpi: KpiDefinition,
  point: DataPointDefinition,
  value: ScoringValue | undefined,
  target: Target | undefined,
  targetCatalogue: Catalogue | undefined,
): PointScore {
  const base = { kpiId: kpi.id, pointId: point.id, value: value?.value ?? null, target: target ?? null };
  const direction = target?.direction ?? directionOf(kpi, point);
  const excluded = (reason: ExclusionReason): PointScore => ({ ...base, direction, achievement: null, points: null, excluded: reason });
  if (value?.conflict) return excluded('conflict');
  const number = numberOf(value?.value ?? null);
  if (number === null) return excluded('notReported');
  if (value?.hardError || (typeof value?.value === 'number' && outside(point.hardRange, number))) return excluded('invalidValue');
  if (!target) return excluded('noTarget');
  const unit = value?.unit ?? null;
  const expected = targetUnit(targetCatalogue, kpi.id, point.id);
  if (unit !== null && expected !== null && unit !== expected) return excluded('unitMismatch');
  const share = achievement(number, target.target, target.direction);
  return { ...base, direction, achievement: share, points: bandOf(share), excluded: null };
}

function area(level: AreaLevel, id: string, scores: readonly PointScore[]): AreaScore {
  const scored = scores.filter((score) => score.points !== null);
  const points = scored.reduce((sum, score) => sum + (score.points ?? 0), 0);
  const maxPoints = 4 * scored.length;
  const share = maxPoints === 0 ? null : points / maxPoints;
  return {
    level,
    id,
    points,
    maxPoints,
    scoredPoints: scored.length,
    excludedPoints: scores.length - scored.length,
    share,
    band: share === null ? null : bandOf(share),
  };
}

export function scoreAssessment(input: ScoringInput): ScoreReport {
  const { catalogue, targets } = input;
  const values = new Map(input.values.map((value) => [key(value.kpiId, value.pointId), value]));
  const targetsByPoint = new Map(targets.targets.map((target) => [key(target.kpiId, target.pointId), target]));
  const targetCatalogue = getCatalogue(targets.catalogueId);

  const points: PointScore[] = [];
  const byArea = new Map<string, PointScore[]>();
  const file = (areaId: string, score: PointScore) => {
    const list = byArea.get(areaId) ?? [];
    list.push(score);
    byArea.set(areaId, list);
  };
  for (const kpi of catalogue.kpis) {
    for (const point of pointsOf(kpi)) {
      const pointKey = key(kpi.id, point.id);
      const score = scorePoint(kpi, point, values.get(pointKey), targetsByPoint.get(pointKey), targetCatalogue);
      points.push(score);
      for (const areaId of [kpi.category, kpi.subdimension, kpi.dimension]) file(areaId, score);
    }
  }
  const areaOf = (level: AreaLevel, id: string) => area(level, id, byArea.get(id) ?? []);

  return {
    catalogueId: catalogue.id,
    targetSet: { id: targets.id, name: targets.name, source: targets.source, example: targets.example },
    verification: input.verified ? 'verified' : 'selfAssessment',
    points,
    categories: catalogue.categories.map((category) => areaOf('category', category.id)),
    subdimensions: catalogue.subdimensions.map((sub) => areaOf('subdimension', sub.id)),
    dimensions: catalogue.dimensions.map((dimension) => areaOf('dimension', dimension)),
    overall: area('overall', 'overall', points),
  };
}
