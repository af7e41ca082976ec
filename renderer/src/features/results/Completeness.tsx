import { useTranslation } from 'react-i18next';
import { useFormatNumber } from '../../i18n/index.ts';
import { KPI_COMPLETENESS, type SnapshotModel } from './snapshot-model.ts';

/** Reported, partially reported and not reported KPIs per dimension, as the verification report counts them. */
export function Completeness({ model }: { readonly model: SnapshotModel }) {
  const { t } = useTranslation(['results', 'catalogue']);
  const format = useFormatNumber();
  return (
    <table className="table results-table">
      <caption>{t('results:completeness.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results:completeness.dimension')}</th>
          {KPI_COMPLETENESS.map((kind) => (
            <th scope="col" key={kind} className="numeric">
              {t(`results:completeness.${kind}`)}
            </th>
          ))}
          <th scope="col" className="numeric">
            {t('results:completeness.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {model.completeness.map((row) => (
          <tr key={row.dimension}>
            <th scope="row">{t(`catalogue:dimensions.${row.dimension}`)}</th>
            {KPI_COMPLETENESS.map((kind) => (
              <td key={kind} className="numeric">
                {format(row.counts[kind])}
              </td>
            ))}
            <td className="numeric">{format(row.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
