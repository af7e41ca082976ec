import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pointsOf } from '../../../../core/catalogue/index.ts';
import type { Computation, DataPointDefinition, KpiDefinition } from '../../../../core/catalogue/types.ts';
import type { Denominators } from '../../../../core/compute/index.ts';
import { formatLocaleNumber } from '../../../../core/numbers/index.ts';
import { formatRecordId } from '../../../../core/revisions/record-id.ts';
import type { ValueField } from '../../../../core/revisions/fields.ts';
import { validatePoint } from '../../../../core/validation/validate-point.ts';
import { resolveConflict, saveValueFields } from '../../data/index.ts';
import type { AssessmentView, FieldValue, ValueView } from '../../data/types.ts';
import { plainFields } from './field-values.ts';
import { IssueList, type ShownIssue } from './IssueList.tsx';
import { KpiHistory } from './KpiHistory.tsx';
import { PointEntry } from './PointEntry.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { useSaveTracker } from './use-save-tracker.ts';
import { WorkshopGate } from '../workshop/WorkshopGate.tsx';
import { WorkshopKpiPanel } from '../workshop/WorkshopKpiPanel.tsx';

export interface KpiEntryProps {
  readonly assessment: AssessmentView;
  readonly kpi: KpiDefinition;
  readonly values: ReadonlyMap<string, ValueView>;
  readonly denominators: Denominators;
  /** Findings that involve other KPIs (e.g. Fixed Broadband above Household Internet Access). */
  readonly crossKpiIssues: readonly ShownIssue[];
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

export function KpiEntry({ assessment, kpi, values, denominators, crossKpiIssues }: KpiEntryProps) {
  const { t, i18n } = useTranslation(['entry', 'catalogue']);
  const locale = i18n.language;
  const { state: saveState, track } = useSaveTracker();
  const points = pointsOf(kpi);
  const viewOf = (point: DataPointDefinition) =>
    values.get(formatRecordId({ kind: 'kpiValue', assessmentId: assessment.id, kpiId: kpi.id, pointId: point.id }));

  const issuesByPoint = useMemo(
    () =>
      new Map(
        points.map((point) => {
          const view = values.get(formatRecordId({ kind: 'kpiValue', assessmentId: assessment.id, kpiId: kpi.id, pointId: point.id }));
          return [point.id, validatePoint(kpi, point, plainFields(view), denominators, { assessmentYear: assessment.year })];
        }),
      ),
    [points, values, assessment.id, assessment.year, kpi, denominators],
  );

  const commit = (point: DataPointDefinition, field: ValueField, value: FieldValue): Promise<boolean> => {
    const recordId = formatRecordId({ kind: 'kpiValue', assessmentId: assessment.id, kpiId: kpi.id, pointId: point.id });
    const inConflict = values.get(recordId)?.fields[field]?.conflict === true;
    return track(
      inConflict ? resolveConflict(recordId, field, value) : saveValueFields(assessment.id, kpi.id, point.id, { [field]: value }),
      inConflict ? 'resolved' : 'saved',
    );
  };

  const departments = useMemo(() => departmentsIn(values, locale), [values, locale]);
  const name = t(`catalogue:kpi.${kpi.id}.name`);
  const conflicts = points.reduce(
    (sum, point) => sum + Object.values(viewOf(point)?.fields ?? {}).filter((state) => state.conflict).length,
    0,
  );
  return (
    <article className="entry stack" aria-labelledby={`kpi-${kpi.id}-name`}>
      <header className="entry__header stack">
        <h1 id={`kpi-${kpi.id}-name`}>{name}</h1>
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
        <SaveStatus state={saveState} />
      </header>

      {conflicts > 0 ? <p className="notice notice-warning">{t('entry:conflict.kpiSummary', { count: conflicts })}</p> : null}

      {crossKpiIssues.length > 0 ? (
        <section className="notice notice-warning" aria-label={t('entry:validation.crossKpi')}>
          <IssueList issues={crossKpiIssues} />
        </section>
      ) : null}

      <WorkshopKpiPanel assessmentId={assessment.id} kpi={kpi} />

      <WorkshopGate assessmentId={assessment.id} kpi={kpi}>
      {points.map((point) => (
        <PointEntry
          key={point.id}
          kpi={kpi}
          point={point}
          view={viewOf(point)}
          denominators={denominators}
          issues={issuesByPoint.get(point.id) ?? []}
          onCommit={(field, value) => commit(point, field, value)}
          departments={departments}
        />
      ))}
      </WorkshopGate>

      <KpiHistory assessmentId={assessment.id} kpi={kpi} points={points} />
    </article>
  );
}
