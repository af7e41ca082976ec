import { useTranslation } from 'react-i18next';
import { BANDS_BEST_FIRST, UNSCORED_COLOUR, bandColour } from './bands.ts';

/** The published legend of the benchmark wheel, plus the grey of areas with nothing scored. */
export function BandLegend() {
  const { t } = useTranslation('results');
  return (
    <ul className="band-legend" aria-label={t('band.legend')}>
      {BANDS_BEST_FIRST.map((band) => (
        <li key={band}>
          <span className="band-swatch" style={{ backgroundColor: bandColour(band) }} aria-hidden="true" />
          {t(`band.${band}`)}
        </li>
      ))}
      <li>
        <span className="band-swatch" style={{ backgroundColor: UNSCORED_COLOUR }} aria-hidden="true" />
        {t('band.none')}
      </li>
    </ul>
  );
}
