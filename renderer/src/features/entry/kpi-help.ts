/**
 * What each KPI means and what each field counts, in the participant's language (locales/<lng>/kpi-help.json,
 * written from the U4SSC collection methodology). A field label falls back to the generic one
 * ("Numerator") where the help file names nothing more precise.
 */
import { useTranslation } from 'react-i18next';
import { SINGLE_POINT } from '../../../../core/catalogue/types.ts';
import type { KpiDefinition } from '../../../../core/catalogue/types.ts';

export type HelpField = 'numerator' | 'denominator' | 'value';

export interface KpiHelp {
  readonly definition: string;
  /** What the data point stands for; null for a KPI's single point (its definition says it). */
  readonly pointHelp: (pointId: string) => string | null;
  /** What to count in a field: the point's own wording first, then the KPI's. */
  readonly fieldText: (pointId: string, field: HelpField) => string | null;
}

export function useKpiHelp(kpi: KpiDefinition): KpiHelp {
  const { t, i18n } = useTranslation('kpi-help');
  const text = (key: string) => (i18n.exists(key, { ns: 'kpi-help' }) ? t(key) : null);
  return {
    definition: t(`kpi.${kpi.id}.definition`),
    pointHelp: (pointId) => (pointId === SINGLE_POINT ? null : text(`points.${kpi.id}.${pointId}.help`)),
    fieldText: (pointId, field) =>
      (pointId === SINGLE_POINT ? null : text(`points.${kpi.id}.${pointId}.${field}`)) ?? text(`kpi.${kpi.id}.${field}`),
  };
}
