import { useDeferredValue, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findKpi, getCatalogue } from '../../../../core/catalogue/index.ts';
import type { Denominators } from '../../../../core/compute/index.ts';
import { useAssessment, useValues } from '../../data/hooks.ts';
import type { ValueView } from '../../data/types.ts';
import { AuthorPrompt } from '../author/AuthorPrompt.tsx';
import { KpiTree } from '../tree/KpiTree.tsx';
import { useAssessmentStatus } from './assessment-status.ts';
import { KpiEntry } from './KpiEntry.tsx';
import { AssessmentOverview } from '../workshop/AssessmentOverview.tsx';
import { ProgressLine, ProgressSummary } from './ProgressSummary.tsx';
import './entry.css';

export interface AssessmentWorkspaceProps {
  readonly assessmentId: string;
  readonly kpiId?: string | undefined;
}

const NO_VALUES: ReadonlyMap<string, ValueView> = new Map();

/** Its children render right after the screen around them, as interruptible work: the first field does not wait for them. */
function RightAfter({ children }: { readonly children: ReactNode }) {
  return useDeferredValue(true, false) ? children : null;
}

/** The KPI tree beside the entry form of the KPI named in the address, or the assessment's progress. */
export function AssessmentWorkspace({ assessmentId, kpiId }: AssessmentWorkspaceProps) {
  const { t } = useTranslation('entry');
  const assessment = useAssessment(assessmentId);
  // Deferred: a save's new values re-render the tree and the form as interruptible work, so the next
  // keystroke is handled (and its save started) between render slices instead of after the whole screen.
  const loadedValues = useDeferredValue(useValues(assessmentId));
  const values = loadedValues ?? NO_VALUES;
  const population = assessment?.city.population ?? null;
  const households = assessment?.city.households ?? null;
  const denominators = useMemo<Denominators>(() => ({ population, households }), [population, households]);
  const catalogue = assessment ? getCatalogue(assessment.catalogueId) : undefined;
  const status = useAssessmentStatus(catalogue, assessmentId, values, denominators, assessment?.year ?? null);

  // Never a form of empty fields that fill in a moment later: the values come with the form.
  if (assessment === undefined || (assessment !== null && loadedValues === undefined)) {
    return <output className="muted">{t('workspace.loading')}</output>;
  }
  if (assessment === null || !catalogue || !status) return <p className="notice notice-danger">{t('workspace.notFound')}</p>;
  const kpi = kpiId === undefined ? undefined : findKpi(catalogue, kpiId);

  return (
    <>
      <AuthorPrompt />
      <div className="workspace">
        <aside className="workspace__tree" aria-label={t('workspace.treeRegion')}>
          <ProgressLine status={status} />
          <RightAfter>
            <KpiTree assessmentId={assessmentId} catalogue={catalogue} values={values} status={status} selectedKpiId={kpiId} />
          </RightAfter>
        </aside>
        <section className="workspace__entry" aria-label={t('workspace.entryRegion')}>
          {kpiId === undefined ? (
            <div className="stack">
              <AssessmentOverview assessmentId={assessmentId} />
              <ProgressSummary assessmentId={assessmentId} status={status} />
            </div>
          ) : kpi === undefined ? (
            <p className="notice notice-danger">{t('kpi.notFound')}</p>
          ) : (
            <KpiEntry key={kpi.id} assessment={assessment} catalogue={catalogue} kpi={kpi} values={values} denominators={denominators} status={status.kpis.get(kpi.id)!} />
          )}
        </section>
      </div>
    </>
  );
}
