import { useMemo } from 'react';
import type { Catalogue } from '../../../../core/catalogue/types.ts';
import type { Denominators } from '../../../../core/compute/index.ts';
import { assessmentStatus, statusInputOf, type AssessmentStatus } from '../../../../core/status/index.ts';
import { valueRecordId } from '../../data/index.ts';
import type { ValueView } from '../../data/types.ts';

/** The assessment's entry statuses (core/status) over the values the data layer derived. */
export function useAssessmentStatus(
  catalogue: Catalogue | undefined,
  assessmentId: string,
  values: ReadonlyMap<string, ValueView>,
  denominators: Denominators,
  assessmentYear: number | null,
): AssessmentStatus | undefined {
  return useMemo(() => {
    if (!catalogue) return undefined;
    const lookup = (kpiId: string, pointId: string) => {
      const view = values.get(valueRecordId(assessmentId, kpiId, pointId));
      return view ? statusInputOf(view.fields) : undefined;
    };
    return assessmentStatus(catalogue, lookup, { denominators, assessmentYear });
  }, [catalogue, assessmentId, values, denominators, assessmentYear]);
}
