import { useTranslation } from 'react-i18next';
import type { DimensionId } from '../../../../core/catalogue/types.ts';
import type { PointScore, ScoreReport } from '../../../../core/scoring/index.ts';
import { useFormatNumber, useLanguage } from '../../i18n/index.ts';
import { formatFieldValue } from '../entry/format-field.ts';
import { bandColour } from './bands.ts';
import { formatPointValue, pointLabel } from './format-value.ts';
import type { SnapshotModel } from './snapshot-model.ts';

export interface ResultsTableProps {
  readonly model: SnapshotModel;
  readonly report: ScoreReport | null;
  readonly dimension: DimensionId;
}

/** A verification report's results table for one dimension: value, unit, year, source, quality and band per data point. */
export function ResultsTable({ model, report, dimension }: ResultsTableProps) {
  const { t } = useTranslation(['results', 'catalogue', 'entry']);
  const format = useFormatNumber();
  const language = useLanguage();
  const scores = new Map<string, PointScore>((report?.points ?? []).map((score) => [`${score.kpiId}:${score.pointId}`, score]));
  const rows = model.kpis.filter((row) => row.kpi.dimension === dimension).flatMap((row) => row.points);
  return (
    <table className="table results-table report-table">
      <caption>{t('results:report.tableCaption', { dimension: t(`catalogue:dimensions.${dimension}`) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results:table.code')}</th>
          <th scope="col">{t('results:table.kpi')}</th>
          <th scope="col" className="numeric">
            {t('results:table.value')}
          </th>
          <th scope="col">{t('results:table.unit')}</th>
          <th scope="col" className="numeric">
            {t('results:table.year')}
          </th>
          <th scope="col">{t('results:table.source')}</th>
          <th scope="col">{t('results:table.quality')}</th>
          <th scope="col">{t('results:table.band')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const band = scores.get(`${row.kpi.id}:${row.point.id}`)?.points ?? null;
          return (
            <tr key={`${row.kpi.id}:${row.point.id}`} data-reported={row.reported}>
              <td className="code" dir="ltr">
                {row.kpi.code}
              </td>
              <td>{pointLabel(row, t)}</td>
              <td className="numeric">{formatPointValue(row, t, format)}</td>
              <td>{t(`catalogue:units.${row.point.unit}`)}</td>
              <td className="numeric">{row.reported && row.dataYear !== null ? row.dataYear : ''}</td>
              <td>
                <bdi>{row.reported ? (row.source ?? '') : ''}</bdi>
              </td>
              <td>{row.reported && row.quality ? formatFieldValue('quality', row.quality, t, language) : ''}</td>
              <td>
                {band ? (
                  <>
                    <span className="band-swatch" style={{ backgroundColor: bandColour(band) }} aria-hidden="true" /> {t(`results:band.${band}`)}
                  </>
                ) : (
                  ''
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
