import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import type { SnapshotModel } from './snapshot-model.ts';

/** KPIs not reported, and for partially reported ones the data points that are missing. */
export function NotReportedList({ model }: { readonly model: SnapshotModel }) {
  const { t } = useTranslation(['results', 'catalogue']);
  const list = new Intl.ListFormat(useLanguage(), { type: 'conjunction' });
  if (model.notReported.length === 0) return <p>{t('results:notReported.none')}</p>;
  return (
    <table className="table results-table">
      <caption className="visually-hidden">{t('results:notReported.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results:table.code')}</th>
          <th scope="col">{t('results:table.kpi')}</th>
          <th scope="col">{t('results:table.remark')}</th>
        </tr>
      </thead>
      <tbody>
        {model.notReported.map((row) => (
          <tr key={row.kpi.id}>
            <td className="code" dir="ltr">
              {row.kpi.code}
            </td>
            <td>{t(`catalogue:kpi.${row.kpi.id}.name`)}</td>
            <td>
              {row.completeness === 'partial'
                ? t('results:notReported.partial', {
                    points: list.format(
                      row.points.filter((point) => !point.reported).map((point) => t(`catalogue:points.${row.kpi.id}.${point.point.id}`)),
                    ),
                  })
                : t('results:notReported.whole')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
