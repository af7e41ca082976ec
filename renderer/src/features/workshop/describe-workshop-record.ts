import type { TFunction } from 'i18next';
import { pointNameKey } from '../../../../core/catalogue/index.ts';
import { parseRecordId } from '../../../../core/revisions/record-id.ts';
import { i18n } from '../../i18n/index.ts';

/** A record as people name it: the KPI (and data point) it is about, or the workshop part it is. */
export function describeRecord(recordId: string, t: TFunction): string {
  const ref = parseRecordId(recordId);
  if (!ref || !('kpiId' in ref)) return ref?.kind === 'participant' ? t('workshop:people.title') : t('workshop:nav.workshop');
  const kpiKey = `catalogue:kpi.${ref.kpiId}.name`;
  const kpi = i18n.exists(kpiKey) ? t(kpiKey) : ref.kpiId;
  const pointId = 'pointId' in ref ? ref.pointId : undefined;
  const pointKey = pointId === undefined ? null : pointNameKey(ref.kpiId, pointId);
  return pointKey && i18n.exists(`catalogue:${pointKey}`) ? `${kpi} – ${t(`catalogue:${pointKey}`)}` : kpi;
}
