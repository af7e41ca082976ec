import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pointNameKey, pointsOf } from '../../../../core/catalogue/index.ts';
import type { Catalogue, Computation, DataPointDefinition, KpiDefinition } from '../../../../core/catalogue/types.ts';
import type { Denominators } from '../../../../core/compute/index.ts';
import { formatLocaleNumber } from '../../../../core/numbers/index.ts';
import type { ValueField } from '../../../../core/revisions/fields.ts';
import type { KpiStatus } from '../../../../core/status/index.ts';
import { SHARED_FIELDS, resolveConflict, saveValueFields, valueRecordId } from '../../data/index.ts';
import type { AssessmentView, FieldValue, ValueView } from '../../data/types.ts';
import { plainFields } from './field-values.ts';
import { FIRST_FIELD_SELECTOR, takeFirstFieldFocusRequest } from './first-field-focus.ts';
import { IssueList } from './IssueList.tsx';
import { KpiHistory } from './KpiHistory.tsx';
import { KpiSteps } from './KpiSteps.tsx';
import { useKpiHelp } from './kpi-help.ts';
import { PointEntry } from './PointEntry.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { SharedMetadata, useSharedFieldChoice } from '../workshop/SharedMetadata.tsx';
import { WorkshopGate } from '../workshop/WorkshopGate.tsx';
import { WorkshopKpiPanel } from '../workshop/WorkshopKpiPanel.tsx';

export interface KpiEntryProps {
  readonly assessment: AssessmentView;
  readonly catalogue: Catalogue;
  readonly kpi: KpiDefinition;
  readonly values: ReadonlyMap<string, ValueView>;
  readonly denominators: Denominators;
  /** The KPI's status and its points', with every error and warning (cross-KPI checks included). */
  readonly status: KpiStatus;
}

function departmentsIn(values: ReadonlyMap<string, ValueView>, locale: string): string[] {
  const names = new Set<string>();
  for (const view of values.values()) {
    const department = plainFields(view).department;
    if (typeof department === 'string' && department.trim() !== '') names.add(department.trim());
  }
  return [...names].sort(new Intl.Collator(locale).compare);
}

function computationText(computation: Computation, t: (key: string, options?: Record<string, unknown>) => string, locale: string): string {
  if (computation.kind !== 'ratio') return t(`entry:kpi.computationKind.${computation.kind}`);
  return t(`entry:kpi.computationKind.ratio.${computation.denominator}`, { scale: formatLocaleNumber(computation.scale, locale) });
}

/** Memoised: the workspace re-renders as other live data arrives, the form only when its own props change. */
export const KpiEntry = memo(function KpiEntry({ assessment, catalogue, kpi, values, denominators, status }: KpiEntryProps) {
  const { t, i18n } = useTranslation(['entry', 'catalogue', 'status']);
  const locale = i18n.language;
  const help = useKpiHelp(kpi);
  const points = pointsOf(kpi);
  const viewOf = (point: DataPointDefinition) => values.get(valueRecordId(assessment.id, kpi.id, point.id));
  const articleRef = useRef<HTMLElement>(null);
  const shared = useSharedFieldChoice(assessment.id, kpi, values);

  useEffect(() => {
    if (!takeFirstFieldFocusRequest()) return;
    articleRef.current?.querySelector<HTMLElement>(FIRST_FIELD_SELECTOR)?.focus();
  }, []);

  /** A change to a field in conflict resolves the conflict: every competing value becomes its parent. */
  const commit = (point: DataPointDefinition, field: ValueField, value: FieldValue): Promise<unknown> => {
    const recordId = valueRecordId(assessment.id, kpi.id, point.id);
    const inConflict = values.get(recordId)?.fields[field]?.conflict === true;
    return inConflict ? resolveConflict(recordId, field, value) : saveValueFields(assessment.id, kpi.id, point.id, { [field]: value });
  };

  const departments = useMemo(() => departmentsIn(values, locale), [values, locale]);
  const name = t(`catalogue:kpi.${kpi.id}.name`);
  const pointName = (pointId: string) => {
    const key = pointNameKey(kpi.id, pointId);
    return key ? t(`catalogue:${key}`) : null;
  };
  const errors = status.points.flatMap((point) => point.errors.map((issue) => ({ ...issue, pointId: point.pointId })));
  return (
    <article className="entry stack" aria-labelledby={`kpi-${kpi.id}-name`} ref={articleRef}>
      <header className="entry__header stack">
        <h1 id={`kpi-${kpi.id}-name`}>{name}</h1>
        <p className="entry__definition">{help.definition}</p>
        <div className="entry__status cluster" data-testid="kpi-status">
          <StatusBadge status={status.status} />
          {status.totalPoints > 1 ? (
            <span>{t('entry:kpi.pointsReported', { reported: status.reportedPoints, total: status.totalPoints })}</span>
          ) : null}
        </div>
        {errors.length > 0 ? (
          <section className="notice notice-danger stack-tight" aria-label={t('entry:kpi.errorsTitle')}>
            <p>{t('entry:kpi.errorsIntro')}</p>
            <ul className="entry__errors">
              {errors.map((issue, index) => {
                const named = pointName(issue.pointId);
                return (
                  <li key={`${issue.pointId}-${issue.code}-${index}`}>
                    {named ? <strong>{named}: </strong> : null}
                    <IssueList issues={[issue]} inline />
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        <dl className="entry__facts">
          <div>
            <dt>{t('entry:kpi.code')}</dt>
            <dd>
              <span className="code" dir="ltr">
                {kpi.code}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('entry:kpi.unit')}</dt>
            <dd>{t(`catalogue:units.${kpi.unit}`)}</dd>
          </div>
          <div>
            <dt>{t('entry:kpi.computation')}</dt>
            <dd>{computationText(kpi.computation, t, locale)}</dd>
          </div>
          <div>
            <dt>{t('entry:kpi.tier')}</dt>
            <dd>
              <span className="badge">{t(`catalogue:tiers.${kpi.tier}`)}</span>
            </dd>
          </div>
          {kpi.typeTag ? (
            <div>
              <dt>{t('entry:kpi.typeTag')}</dt>
              <dd>
                <span className="badge">{t(`catalogue:typeTags.${kpi.typeTag}`)}</span>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('entry:kpi.sdgs')}</dt>
            <dd>
              {kpi.sdgs.length === 0 ? (
                t('entry:kpi.noSdg')
              ) : (
                <ul className="cluster entry__sdgs">
                  {kpi.sdgs.map((goal) => (
                    <li key={goal} className="badge">
                      {t('entry:kpi.sdg', { goal })}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </header>

      {status.conflicts > 0 ? <p className="notice notice-warning">{t('entry:conflict.kpiSummary', { count: status.conflicts })}</p> : null}

      <WorkshopKpiPanel assessmentId={assessment.id} kpi={kpi} />

      <WorkshopGate assessmentId={assessment.id} kpi={kpi}>
      <SharedMetadata assessmentId={assessment.id} kpi={kpi} values={values} perPoint={shared.perPoint} onChoose={shared.choose} />
      {points.map((point, index) => (
        <PointEntry
          key={point.id}
          kpi={kpi}
          point={point}
          view={viewOf(point)}
          denominators={denominators}
          status={status.points[index]!}
          onCommit={(field, value) => commit(point, field, value)}
          departments={departments}
          enteredOnce={SHARED_FIELDS.filter((field) => !shared.perPoint.has(field))}
        />
      ))}
      </WorkshopGate>

      <KpiSteps assessmentId={assessment.id} catalogue={catalogue} kpi={kpi} />

      <KpiHistory assessmentId={assessment.id} kpi={kpi} points={points} />
    </article>
  );
});
