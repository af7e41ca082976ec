export { BAND_EDGES, CHOICE_VALUES, achievement, bandOf, type Points } from './achievement.ts';
export {
  scoreAssessment,
  type AreaLevel,
  type AreaScore,
  type ExclusionReason,
  type PointScore,
  type ScoreReport,
  type ScoringInput,
  type ScoringValue,
} from './score.ts';
export { scoreRevisions, scoringValueOf, type AssessmentScore } from './from-revisions.ts';
