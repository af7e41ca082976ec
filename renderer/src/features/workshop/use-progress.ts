import { useMemo } from 'react';
import { getCatalogue } from '../../../../core/catalogue/index.ts';
import type { PointFields } from '../../../../core/compute/field-readers.ts';
import { assessmentStatus, statusInputOf } from '../../../../core/status/index.ts';
import { workshopProgress, type WorkshopProgress } from '../../../../core/workshop/progress.ts';
import { valueRecordId } from '../../data/index.ts';
import { useAssessment, useValues, useWorkshop } from '../../data/hooks.ts';
import type { AssessmentView, WorkshopView } from '../../data/index.ts';

export interface ProgressView {
  readonly assessment: AssessmentView;
  readonly workshop: WorkshopView;
  readonly progress: WorkshopProgress;
}

/** The board's numbers, live: they follow every committed write of any window and every import. */
export function useWorkshopProgress(assessmentId: string): ProgressView | null | undefined {
  const assessment = useAssessment(assessmentId);
  const values = useValues(assessmentId);
  const workshop = useWorkshop(assessmentId);
  return useMemo(() => {
    if (assessment === undefined || values === undefined || workshop === undefined) return undefined;
    const catalogue = assessment ? getCatalogue(assessment.catalogueId) : undefined;
    if (!assessment || !catalogue) return null;
    const lookup = (kpiId: string, pointId: string) => {
      const view = values.get(valueRecordId(assessmentId, kpiId, pointId));
      return view ? statusInputOf(view.fields) : undefined;
    };
    const status = assessmentStatus(catalogue, lookup, {
      denominators: { population: assessment.city.population, households: assessment.city.households },
      assessmentYear: assessment.year,
    });
    const fieldsOf = (kpiId: string, pointId: string): PointFields | undefined => lookup(kpiId, pointId)?.fields;
    return { assessment, workshop, progress: workshopProgress(catalogue, workshop.state, status, fieldsOf) };
  }, [assessment, values, workshop, assessmentId]);
}
