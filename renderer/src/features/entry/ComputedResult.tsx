import { useTranslation } from 'react-i18next';
import type { ComputedValue } from '../../../../core/compute/index.ts';
import { formatLocaleNumber } from '../../../../core/numbers/index.ts';

export interface ComputedResultProps {
  readonly id: string;
  /** numerator ÷ denominator, as if no direct value were typed. */
  readonly ratio: ComputedValue;
  readonly direct: number | null;
  readonly unitName: string;
}

/** Two decimals read well for percentages and rates; small values keep three significant digits instead of rounding to 0. */
function displayPrecision(value: number): Intl.NumberFormatOptions {
  return Math.abs(value) >= 1 || value === 0 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 };
}

/**
 * Both candidate values of a ratio KPI side by side: the one that counts is marked "used" and stands out,
 * the other is marked "set aside", never struck through or hidden.
 */
export function ComputedResult({ id, ratio, direct, unitName }: ComputedResultProps) {
  const { t, i18n } = useTranslation('entry');
  const format = (value: number) => `${formatLocaleNumber(value, i18n.language, displayPrecision(value))} ${unitName}`;
  const computed = ratio.kind === 'computed' ? ratio.value : null;
  const directUsed = direct !== null;
  const marker = (used: boolean) => (
    <span className={used ? 'badge badge-success' : 'badge'} data-testid={used ? 'value-used' : 'value-set-aside'}>
      {used ? t('result.used') : t('result.setAside')}
    </span>
  );
  return (
    <fieldset className="entry-field entry-field--wide entry-result">
      <legend className="field-label">{t('result.title')}</legend>
      <div className="entry-result__row" data-used={(!directUsed && computed !== null) || undefined}>
        <span className="entry-result__name" id={id}>
          {t('point.computed')}
        </span>
        <output className="entry-result__value numeric" aria-labelledby={id} aria-live="polite" data-missing={computed === null || undefined}>
          {computed === null ? t('point.computedMissing') : format(computed)}
        </output>
        {computed === null ? null : marker(!directUsed)}
      </div>
      {directUsed ? (
        <div className="entry-result__row" data-used>
          <span className="entry-result__name">{t('point.directValue')}</span>
          <span className="entry-result__value numeric">{format(direct)}</span>
          {marker(true)}
        </div>
      ) : null}
      {directUsed ? <p className="field-description">{computed === null ? t('result.directOnly') : t('result.directReplaces')}</p> : null}
    </fieldset>
  );
}
