import { useTranslation } from 'react-i18next';
import type { DimensionId } from '../../../../core/catalogue/types.ts';
import type { ScoreReport } from '../../../../core/scoring/index.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { bandColour } from './bands.ts';
import { PointCells, PointHeadings, scoredPointsOf } from './dimension-points.tsx';
import type { SnapshotModel } from './snapshot-model.ts';

export interface PointScoresProps {
  readonly model: SnapshotModel;
  readonly report: ScoreReport;
  readonly dimension: DimensionId;
}

/** Every data point of a dimension with its score, and beside it the rule, the target and where the target comes from. */
export function PointScores({ model, report, dimension }: PointScoresProps) {
  const { t } = useTranslation(['results', 'catalogue']);
  const format = useFormatNumber();
  const points = scoredPointsOf(model, report, dimension);
  return (
    <table className="table results-table point-scores">
      <caption>{t('results:pointScores.caption', { dimension: t(`catalogue:dimensions.${dimension}`) })}</caption>
      <thead>
        <tr>
          <PointHeadings t={t} />
          <th scope="col" className="numeric">
            {t('results:table.target')}
          </th>
          <th scope="col">{t('results:table.rule')}</th>
          <th scope="col">{t('results:table.targetSource')}</th>
          <th scope="col">{t('results:table.points')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map(({ key, row, score }) => {
          const target = score?.target ?? null;
          return (
            <tr key={key}>
              <PointCells row={row} t={t} format={format} />
              <td className="numeric">{target ? format(target.target, { maximumFractionDigits: 4 }) : t('results:table.noTarget')}</td>
              <td>{t(`results:rule.${score?.direction ?? 'higher'}`)}</td>
              <td>{target ? (target.source ?? report.targetSet.source) : ''}</td>
              <td>
                {score?.points ? (
                  <>
                    <span className="band-swatch" style={{ backgroundColor: bandColour(score.points) }} aria-hidden="true" />{' '}
                    {t('results:pointScores.points', {
                      points: format(score.points),
                      share: format(score.achievement ?? 0, { style: 'percent', maximumFractionDigits: 0 }),
                    })}
                  </>
                ) : (
                  <span className="muted">{t(`results:excluded.${score?.excluded ?? 'notReported'}`)}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
