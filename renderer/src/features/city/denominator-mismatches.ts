import { getCatalogue, pointsOf } from '../../../../core/catalogue/index.ts';
import { exceedsMismatchTolerance } from '../../../../core/validation/index.ts';
import { valueRecordId } from '../../data/index.ts';
import type { AssessmentView, ValueView } from '../../data/types.ts';

export interface DenominatorMismatch {
  readonly kpiId: string;
  readonly pointId: string;
  readonly shared: 'population' | 'households';
  readonly entered: number;
  readonly profile: number;
  /** How far the entered figure is from the profile's, in percent of the profile's. */
  readonly percent: number;
}

/**
 * Data points whose typed denominator stands for the city's population or households but differs from
 * the profile by more than the U4SSC tolerance (5 %): the same figure entered in two places disagrees.
 */
export function denominatorMismatches(assessment: AssessmentView, values: ReadonlyMap<string, ValueView>): DenominatorMismatch[] {
  const catalogue = getCatalogue(assessment.catalogueId);
  if (!catalogue) return [];
  const found: DenominatorMismatch[] = [];
  for (const kpi of catalogue.kpis) {
    for (const point of pointsOf(kpi)) {
      const { computation } = point;
      if (computation.kind !== 'ratio' || computation.denominator === 'entered') continue;
      const shared = computation.denominator;
      const profile = assessment.city[shared];
      const state = values.get(valueRecordId(assessment.id, kpi.id, point.id))?.fields.denominator;
      const entered = state && !state.conflict ? state.current.value : null;
      if (typeof entered !== 'number' || entered <= 0 || profile === null || profile <= 0) continue;
      if (!exceedsMismatchTolerance(entered, profile)) continue;
      found.push({ kpiId: kpi.id, pointId: point.id, shared, entered, profile, percent: (Math.abs(entered - profile) * 100) / profile });
    }
  }
  return found;
}
