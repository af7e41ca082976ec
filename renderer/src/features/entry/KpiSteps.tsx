import { useTranslation } from 'react-i18next';
import type { Catalogue, KpiDefinition } from '../../../../core/catalogue/types.ts';
import { hrefFor } from '../../app/routes.ts';
import { requestFirstFieldFocus } from './first-field-focus.ts';

/**
 * Next and previous KPI in catalogue order. "Next" comes first in the document, so one Tab from a KPI's
 * last field reaches it and Enter lands in the next KPI's first field; the layout still puts previous
 * at the start.
 */
export function KpiSteps({ assessmentId, catalogue, kpi }: { readonly assessmentId: string; readonly catalogue: Catalogue; readonly kpi: KpiDefinition }) {
  const { t } = useTranslation(['entry', 'catalogue']);
  const index = catalogue.kpis.findIndex((candidate) => candidate.id === kpi.id);
  const previous = index > 0 ? catalogue.kpis[index - 1] : undefined;
  const next = index >= 0 ? catalogue.kpis[index + 1] : undefined;
  const link = (target: KpiDefinition, key: 'next' | 'previous') => (
    <a
      className={`button button-secondary kpi-steps__${key}`}
      href={hrefFor({ name: 'workspace', assessmentId, kpiId: target.id })}
      onClick={requestFirstFieldFocus}
      rel={key === 'next' ? 'next' : 'prev'}
    >
      <span className="kpi-steps__direction">{t(`entry:steps.${key}`)}</span>
      <span className="kpi-steps__name">{t(`catalogue:kpi.${target.id}.name`)}</span>
    </a>
  );
  return (
    <nav className="kpi-steps" aria-label={t('entry:steps.label')}>
      {next ? link(next, 'next') : null}
      {previous ? link(previous, 'previous') : null}
    </nav>
  );
}
