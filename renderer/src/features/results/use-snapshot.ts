import { useMemo } from 'react';
import { getCatalogue } from '../../../../core/catalogue/index.ts';
import type { Catalogue } from '../../../../core/catalogue/types.ts';
import { useAssessment, useValues } from '../../data/hooks.ts';
import type { AssessmentView } from '../../data/types.ts';
import { buildSnapshot, type SnapshotModel } from './snapshot-model.ts';

export type SnapshotState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'ready'; readonly assessment: AssessmentView; readonly catalogue: Catalogue; readonly model: SnapshotModel };

/** The assessment's snapshot model, recomputed when any of its values changes (in this window or another). */
export function useSnapshot(assessmentId: string): SnapshotState {
  const assessment = useAssessment(assessmentId);
  const values = useValues(assessmentId);
  return useMemo((): SnapshotState => {
    if (assessment === undefined || values === undefined) return { kind: 'loading' };
    const catalogue = assessment ? getCatalogue(assessment.catalogueId) : undefined;
    if (!assessment || !catalogue) return { kind: 'missing' };
    return { kind: 'ready', assessment, catalogue, model: buildSnapshot(catalogue, assessment, values) };
  }, [assessment, values]);
}
