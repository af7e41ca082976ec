import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { FieldWrite } from '../../../../core/revisions/derive.ts';
import type { FieldValue } from '../../data/types.ts';
import { formatClock, formatFieldValue, shortDevice } from './format-field.ts';

export interface ConflictPanelProps {
  readonly field: string;
  readonly fieldLabel: string;
  readonly candidates: readonly FieldWrite[];
  readonly onChoose: (value: FieldValue) => void;
}

/**
 * Every competing value stays visible with who wrote it, where and when; keeping one (or typing a new
 * value in the field itself) writes a revision based on all of them, which ends the conflict everywhere.
 */
export function ConflictPanel({ field, fieldLabel, candidates, onChoose }: ConflictPanelProps) {
  const { t, i18n } = useTranslation('entry');
  const locale = i18n.language;
  return (
    <fieldset className="entry-conflict notice notice-warning" data-conflict-field={field}>
      <legend className="visually-hidden">{t('conflict.groupLabel', { field: fieldLabel })}</legend>
      <p>
        <span className="badge badge-warning">{t('conflict.badge')}</span>{' '}
        {t('conflict.summary', { count: candidates.length })}
      </p>
      <ul className="entry-conflict__candidates">
        {candidates.map((candidate) => {
          const value = formatFieldValue(field, candidate.value, t, locale);
          return (
            <li key={candidate.revisionId} className="cluster">
              <span dir="auto">
                {t('conflict.candidate', {
                  value,
                  author: candidate.author === '' ? t('history.unknownAuthor') : candidate.author,
                  device: shortDevice(candidate.deviceId),
                  time: formatClock(candidate.hlc, locale),
                })}
              </span>
              <Button className="button button-secondary button-small" onPress={() => onChoose(candidate.value)}>
                {t('conflict.keep', { value })}
              </Button>
            </li>
          );
        })}
      </ul>
      <p className="field-description">{t('conflict.newValue')}</p>
    </fieldset>
  );
}
