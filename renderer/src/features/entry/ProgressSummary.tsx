import { useTranslation } from 'react-i18next';
import { ENTRY_STATUSES, type AssessmentStatus } from '../../../../core/status/index.ts';
import { hrefFor } from '../../app/routes.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { requestFirstFieldFocus } from './first-field-focus.ts';

/** One line for the tree: reported KPIs and reported data points, both named. */
export function ProgressLine({ status }: { readonly status: AssessmentStatus }) {
  const { t } = useTranslation('status');
  const format = useFormatNumber();
  return (
    <p className="progress-line" data-testid="progress-line">
      {t('summary.line', {
        kpis: format(status.kpiCounts.reported),
        kpiTotal: format(status.kpiCounts.total),
        points: format(status.pointCounts.reported),
        pointTotal: format(status.pointCounts.total),
      })}
    </p>
  );
}

/** The assessment overview: KPIs and data points per status, and the KPIs that need a look. */
export function ProgressSummary({ assessmentId, status }: { readonly assessmentId: string; readonly status: AssessmentStatus }) {
  const { t } = useTranslation(['status', 'catalogue']);
  const format = useFormatNumber();
  const attention = [...status.kpis.values()].filter((kpi) => kpi.errors + kpi.warnings > 0);
  return (
    <section className="stack" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('status:summary.title')}</h2>
      <table className="table progress-table">
        <caption className="visually-hidden">{t('status:summary.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('status:summary.statusColumn')}</th>
            <th scope="col" className="numeric">
              {t('status:summary.kpis')}
            </th>
            <th scope="col" className="numeric">
              {t('status:summary.points')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ENTRY_STATUSES.map((entryStatus) => (
            <tr key={entryStatus}>
              <th scope="row">
                <StatusBadge status={entryStatus} />
              </th>
              <td className="numeric">{format(status.kpiCounts[entryStatus])}</td>
              <td className="numeric">{format(status.pointCounts[entryStatus])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('status:summary.total')}</th>
            <td className="numeric">{format(status.kpiCounts.total)}</td>
            <td className="numeric">{format(status.pointCounts.total)}</td>
          </tr>
        </tbody>
      </table>
      <h3>{t('status:summary.needsAttention')}</h3>
      {attention.length === 0 ? (
        <p className="muted">{t('status:summary.noIssues')}</p>
      ) : (
        <ul className="stack-tight">
          {attention.map((kpi) => (
            <li key={kpi.kpiId}>
              <a href={hrefFor({ name: 'workspace', assessmentId, kpiId: kpi.kpiId })} onClick={requestFirstFieldFocus}>
                {t(`catalogue:kpi.${kpi.kpiId}.name`)}
              </a>{' '}
              {kpi.errors > 0 ? <StatusBadge status="reportedWithErrors" /> : <span className="badge badge-warning">{t('status:hasWarnings')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
