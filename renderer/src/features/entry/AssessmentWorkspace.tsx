import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findKpi, getCatalogue } from '../../../../core/catalogue/index.ts';
import type { Denominators } from '../../../../core/compute/index.ts';
import { useAssessment, useValues } from '../../data/hooks.ts';
import type { ValueView } from '../../data/types.ts';
import { crossKpiIssuesOf } from './cross-kpi-issues.ts';
import { KpiTree } from '../tree/KpiTree.tsx';
import { KpiEntry } from './KpiEntry.tsx';
import { AssessmentOverview } from '../workshop/AssessmentOverview.tsx';
import './entry.css';

export interface AssessmentWorkspaceProps {
  readonly assessmentId: string;
  readonly kpiId?: string | undefined;
}

const NO_VALUES: ReadonlyMap<string, ValueView> = new Map();

/** The KPI tree beside the entry form of the KPI named in the address. */
export function AssessmentWorkspace({ assessmentId, kpiId }: AssessmentWorkspaceProps) {
  const { t } = useTranslation('entry');
  const assessment = useAssessment(assessmentId);
  const values = useValues(assessmentId) ?? NO_VALUES;
  const population = assessment?.city.population ?? null;
  const households = assessment?.city.households ?? null;
  const denominators = useMemo<Denominators>(() => ({ population, households }), [population, households]);
  const catalogue = assessment ? getCatalogue(assessment.catalogueId) : undefined;
  const crossIssues = useMemo(
    () => (catalogue ? crossKpiIssuesOf(catalogue, values, denominators) : []),
    [catalogue, values, denominators],
  );

  if (assessment === undefined) {
    return (
      <output className="muted">{t('workspace.loading')}</output>
    );
  }
  if (assessment === null) return <p className="notice notice-danger">{t('workspace.notFound')}</p>;
  if (!catalogue) return <p className="notice notice-danger">{t('workspace.notFound')}</p>;
  const kpi = kpiId === undefined ? undefined : findKpi(catalogue, kpiId);

  return (
    <div className="workspace">
      <aside className="workspace__tree" aria-label={t('workspace.treeRegion')}>
        <KpiTree assessmentId={assessmentId} catalogue={catalogue} values={values} shared={denominators} selectedKpiId={kpiId} />
      </aside>
      <section className="workspace__entry" aria-label={t('workspace.entryRegion')}>
        {kpiId === undefined ? (
          <AssessmentOverview assessmentId={assessmentId} />
        ) : kpi === undefined ? (
          <p className="notice notice-danger">{t('kpi.notFound')}</p>
        ) : (
          <KpiEntry key={kpi.id} assessment={assessment} kpi={kpi} values={values} denominators={denominators} crossKpiIssues={crossIssues.filter((item) => item.kpiId === kpi.id).map((item) => item.issue)} />
        )}
      </section>
    </div>
  );
}
