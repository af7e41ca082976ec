import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { OUTLIER_CHANGE_THRESHOLD, type OutlierReason } from '../../../../core/office/outliers.ts';
import { saveValueFields } from '../../data/index.ts';
import { isolate, useFormatNumber, type FormatNumber } from '../../i18n/index.ts';
import { CommitTextField } from '../../ui/text-field/CommitTextField.tsx';
import { formatPointValue, pointLabel } from '../results/format-value.ts';
import type { OfficeOutlier } from './office-model.ts';

function reasonText(reason: OutlierReason, t: TFunction, format: FormatNumber): string {
  if (reason.kind === 'change') {
    return t('office:outliers.change', { year: reason.previousYear, previous: format(reason.previousValue, { maximumFractionDigits: 2 }) });
  }
  if (reason.range.min !== undefined && reason.range.max !== undefined) {
    return t('office:outliers.outsideBetween', { min: format(reason.range.min), max: format(reason.range.max) });
  }
  return reason.range.min !== undefined
    ? t('office:outliers.belowMin', { min: format(reason.range.min) })
    : t('office:outliers.aboveMax', { max: format(reason.range.max ?? 0) });
}

function OutlierItem({ outlier }: { readonly outlier: OfficeOutlier }) {
  const { t } = useTranslation(['office', 'results', 'catalogue']);
  const format = useFormatNumber();
  const [failed, setFailed] = useState(false);
  const { entry, row, value } = outlier;
  const save = async (fields: Parameters<typeof saveValueFields>[3]) => {
    setFailed(false);
    try {
      await saveValueFields(entry.assessment.id, row.kpi.id, row.point.id, fields);
    } catch (error) {
      setFailed(true);
      throw error;
    }
  };
  const where = t('office:outliers.where', { city: isolate(entry.assessment.city.name), year: entry.assessment.year });
  return (
    <li className="card stack-tight outlier" data-confirmed={outlier.confirmed}>
      <p>
        <strong>
          <bdi>{where}</bdi>
        </strong>{' '}
        <span className="code" dir="ltr">
          {row.kpi.code}
        </span>{' '}
        {pointLabel(row, t)}
      </p>
      <p>
        {t('office:outliers.value', { value: formatPointValue(row, t, format) })}{' '}
        {outlier.reasons.map((reason) => reasonText(reason, t, format)).join(' ')}
      </p>
      <div className="cluster">
        {outlier.confirmed ? (
          <span className="badge badge-success">{t('office:outliers.confirmed')}</span>
        ) : (
          <Button className="button button-secondary button-small" onPress={() => void save({ confirmedValue: value.value }).catch(() => undefined)}>
            {t('office:outliers.confirm')}
            <span className="visually-hidden"> {where}</span>
          </Button>
        )}
      </div>
      <CommitTextField label={t('office:outliers.note')} value={row.officeNote ?? ''} onCommit={(note) => save({ officeNote: note === '' ? null : note })} />
      {failed ? <p className="notice notice-danger">{t('office:outliers.failed')}</p> : null}
    </li>
  );
}

/** Values to look at twice, each with why; confirming or noting one is a revision on the value. */
export function OutlierList({ outliers }: { readonly outliers: readonly OfficeOutlier[] }) {
  const { t } = useTranslation('office');
  const format = useFormatNumber();
  const open = outliers.filter((outlier) => !outlier.confirmed);
  return (
    <div className="stack">
      <p className="muted">{t('outliers.rule', { threshold: format(OUTLIER_CHANGE_THRESHOLD, { style: 'percent' }) })}</p>
      <p>{t('outliers.count', { open: format(open.length), all: format(outliers.length) })}</p>
      {outliers.length === 0 ? null : (
        <ul className="stack outlier-list">
          {outliers.map((outlier) => (
            <OutlierItem key={`${outlier.entry.assessment.id}:${outlier.row.kpi.id}:${outlier.row.point.id}`} outlier={outlier} />
          ))}
        </ul>
      )}
    </div>
  );
}
