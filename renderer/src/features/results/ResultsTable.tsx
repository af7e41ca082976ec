import { useTranslation } from 'react-i18next';
import type { DimensionId } from '../../../../core/catalogue/types.ts';
import type { ScoreReport } from '../../../../core/scoring/index.ts';
import { useFormatNumber, useLanguage } from '../../i18n/index.ts';
import { formatFieldValue } from '../entry/format-field.ts';
import { bandColour } from './bands.ts';
import { PointCells, PointHeadings, scoredPointsOf } from './dimension-points.tsx';
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
  const points = scoredPointsOf(model, report, dimension);
  return (
    <table className="table results-table report-table">
      <caption>{t('results:report.tableCaption', { dimension: t(`catalogue:dimensions.${dimension}`) })}</caption>
      <thead>
        <tr>
          <PointHeadings t={t} />
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
        {points.map(({ key, row, score }) => {
          const band = score?.points ?? null;
          return (
            <tr key={key} data-reported={row.reported}>
              <PointCells row={row} t={t} format={format} />
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
