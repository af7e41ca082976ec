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
interface ValueGroup {
  readonly value: FieldValue;
  readonly writes: readonly FieldWrite[];
}

/** Several devices may have written the same value: one choice per distinct value, newest first. */
function groupByValue(candidates: readonly FieldWrite[]): ValueGroup[] {
  const groups: { value: FieldValue; writes: FieldWrite[] }[] = [];
  for (const write of candidates) {
    const group = groups.find((existing) => Object.is(existing.value, write.value));
    if (group) group.writes.push(write);
    else groups.push({ value: write.value, writes: [write] });
  }
  return groups;
}

export function ConflictPanel({ field, fieldLabel, candidates, onChoose }: ConflictPanelProps) {
  const { t, i18n } = useTranslation('entry');
  const locale = i18n.language;
  const groups = groupByValue(candidates);
  return (
    <fieldset className="entry-conflict notice notice-warning" data-conflict-field={field}>
      <legend className="visually-hidden">{t('conflict.groupLabel', { field: fieldLabel })}</legend>
      <p>
        <span className="badge badge-warning">{t('conflict.badge')}</span>{' '}
        {t('conflict.summary', { count: groups.length })}
      </p>
      <ul className="entry-conflict__candidates">
        {groups.map((group) => {
          const value = formatFieldValue(field, group.value, t, locale);
          return (
            <li key={group.writes[0]!.revisionId} className="entry-conflict__candidate">
              <strong dir="auto" className="entry-conflict__value">
                {value}
              </strong>
              <ul className="entry-conflict__writers">
                {group.writes.map((write) => (
                  <li key={write.revisionId} dir="auto">
                    {t('conflict.writer', {
                      author: write.author === '' ? t('history.unknownAuthor') : write.author,
                      device: shortDevice(write.deviceId),
                      time: formatClock(write.hlc, locale),
                    })}
                  </li>
                ))}
              </ul>
              <Button className="button button-secondary button-small" onPress={() => onChoose(group.value)}>
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
