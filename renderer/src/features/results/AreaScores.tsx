import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../../../core/catalogue/types.ts';
import type { AreaScore, ScoreReport } from '../../../../core/scoring/index.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { bandColour } from './bands.ts';

function ScoreCells({ area }: { readonly area: AreaScore | undefined }) {
  const { t } = useTranslation('results');
  const format = useFormatNumber();
  if (!area || area.share === null || area.band === null) {
    return (
      <>
        <td className="numeric">{t('score.none')}</td>
        <td>{t('band.none')}</td>
      </>
    );
  }
  return (
    <>
      <td className="numeric">
        {format(area.share, { style: 'percent', maximumFractionDigits: 1 })}{' '}
        <span className="muted">{t('score.points', { points: format(area.points), max: format(area.maxPoints) })}</span>
      </td>
      <td>
        <span className="band-swatch" style={{ backgroundColor: bandColour(area.band) }} aria-hidden="true" /> {t(`band.${area.band}`)}
      </td>
    </>
  );
}

/** The wheel's content as a table: every dimension, sub-dimension and category with its score and band. */
export function AreaScores({ catalogue, report }: { readonly catalogue: Catalogue; readonly report: ScoreReport }) {
  const { t } = useTranslation(['results', 'catalogue']);
  const find = (areas: readonly AreaScore[], id: string) => areas.find((area) => area.id === id);
  return (
    <table className="table results-table area-scores">
      <caption>{t('results:score.areasCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results:score.area')}</th>
          <th scope="col" className="numeric">
            {t('results:score.score')}
          </th>
          <th scope="col">{t('results:score.band')}</th>
        </tr>
      </thead>
      <tbody>
        <tr className="area-overall">
          <th scope="row">{t('results:score.overall')}</th>
          <ScoreCells area={report.overall} />
        </tr>
        {catalogue.dimensions.flatMap((dimension) => [
          <tr key={dimension} className="area-dimension">
            <th scope="row">{t(`catalogue:dimensions.${dimension}`)}</th>
            <ScoreCells area={find(report.dimensions, dimension)} />
          </tr>,
          ...catalogue.subdimensions
            .filter((sub) => sub.dimension === dimension)
            .flatMap((sub) => [
              <tr key={sub.id} className="area-subdimension">
                <th scope="row">{t(`catalogue:subdimensions.${sub.id}`)}</th>
                <ScoreCells area={find(report.subdimensions, sub.id)} />
              </tr>,
              ...catalogue.categories
                .filter((category) => category.subdimension === sub.id)
                .map((category) => (
                  <tr key={category.id} className="area-category">
                    <th scope="row">{t(`catalogue:categories.${category.id}`)}</th>
                    <ScoreCells area={find(report.categories, category.id)} />
                  </tr>
                )),
            ]),
        ])}
      </tbody>
    </table>
  );
}
