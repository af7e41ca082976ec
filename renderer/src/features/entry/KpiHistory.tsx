import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { pointNameKey } from '../../../../core/catalogue/index.ts';
import type { DataPointDefinition, KpiDefinition } from '../../../../core/catalogue/types.ts';
import { formatRecordId } from '../../../../core/revisions/record-id.ts';
import { getBridge } from '../../bridge/index.ts';
import { getDeviceIdentity } from '../../data/index.ts';
import { useRecordHistory, useRecordProvenance } from '../../data/hooks.ts';
import { RevisionOrigin } from '../../ui/revision-origin/RevisionOrigin.tsx';
import { formatClock, formatFieldValue, shortDevice } from './format-field.ts';

interface KpiHistoryProps {
  readonly assessmentId: string;
  readonly kpi: KpiDefinition;
  readonly points: readonly DataPointDefinition[];
}

function PointHistory({ assessmentId, kpi, point, titled }: { assessmentId: string; kpi: KpiDefinition; point: DataPointDefinition; titled: boolean }) {
  const { t, i18n } = useTranslation(['entry', 'catalogue', 'provenance']);
  const locale = i18n.language;
  const recordId = formatRecordId({ kind: 'kpiValue', assessmentId, kpiId: kpi.id, pointId: point.id });
  const revisions = useRecordHistory(recordId);
  const origins = useRecordProvenance(recordId);
  const nameKey = pointNameKey(kpi.id, point.id);
  const caption = titled && nameKey ? t('entry:point.heading', { name: t(`catalogue:${nameKey}`) }) : null;
  if (revisions === undefined) return null;
  if (revisions.length === 0) {
    return (
      <div className="entry-history__point">
        {caption ? <h3>{caption}</h3> : null}
        <p className="muted">{t('entry:history.empty')}</p>
      </div>
    );
  }
  return (
    <table className="table entry-history__table" data-point-id={point.id}>
      <caption>
        {caption ? `${caption} · ` : ''}
        {t('entry:history.revisions', { count: revisions.length })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('entry:history.time')}</th>
          <th scope="col">{t('entry:history.author')}</th>
          <th scope="col">{t('entry:history.device')}</th>
          <th scope="col">{t('provenance:history.column')}</th>
          <th scope="col">{t('entry:history.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {revisions.map((revision) => (
          <tr key={revision.id}>
            <td className="numeric">{formatClock(revision.hlc, locale)}</td>
            <td dir="auto">{revision.author === '' ? t('entry:history.unknownAuthor') : revision.author}</td>
            <td>
              <span className="code" dir="ltr" title={revision.deviceId}>
                {shortDevice(revision.deviceId)}
              </span>
            </td>
            <td>
              <RevisionOrigin origin={origins?.get(revision.id)} />
            </td>
            <td>
              {revision.parents.length > 1 ? (
                <p className="badge badge-success">{t('entry:history.merged', { count: revision.parents.length })}</p>
              ) : null}
              <ul className="entry-history__changes">
                {Object.entries(revision.fields).map(([field, value]) => (
                  <li key={field} dir="auto">
                    {t('entry:history.change', {
                      field: t(`entry:fields.${field}`, { defaultValue: field }),
                      value: formatFieldValue(field, value, t, locale),
                    })}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every revision of the KPI's data points, newest first; read from the database only while open. */
export function KpiHistory({ assessmentId, kpi, points }: KpiHistoryProps) {
  const { t } = useTranslation('entry');
  const [open, setOpen] = useState(false);
  const panelId = `history-${kpi.id}`;
  useEffect(() => {
    // What is typed here is made by this laptop's key: make the key now if no export has made it yet, so
    // the history can show its fingerprint (the origins are read live and follow once it exists). If the
    // key cannot be made, the history says that no key proves those revisions, which is then true.
    if (open) getDeviceIdentity(getBridge()).catch(() => undefined);
  }, [open]);
  return (
    <section className="entry-history card stack" aria-labelledby={`${panelId}-heading`}>
      <div className="cluster">
        <h2 id={`${panelId}-heading`}>{t('history.heading')}</h2>
        <Button className="button button-secondary button-small" aria-expanded={open} aria-controls={panelId} onPress={() => setOpen(!open)}>
          {open ? t('history.hide') : t('history.show')}
        </Button>
      </div>
      <div id={panelId} hidden={!open}>
        {open
          ? points.map((point) => (
              <PointHistory key={point.id} assessmentId={assessmentId} kpi={kpi} point={point} titled={points.length > 1} />
            ))
          : null}
      </div>
    </section>
  );
}
