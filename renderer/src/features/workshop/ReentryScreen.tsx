import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getCatalogue, DEFAULT_CATALOGUE_ID, pointNameKey } from '../../../../core/catalogue/index.ts';
import type { FieldState } from '../../../../core/revisions/derive.ts';
import { QUALITY_LEVELS, type ValueField } from '../../../../core/revisions/fields.ts';
import type { FieldValue } from '../../../../core/revisions/types.ts';
import { hrefFor } from '../../app/routes.ts';
import { saveValueFields, valueRecordId } from '../../data/index.ts';
import { useValues, useWorkshop } from '../../data/hooks.ts';
import { CommitTextField } from '../../ui/text-field/CommitTextField.tsx';
import { NumberField } from '../../ui/number-field/index.ts';
import { parseSheetKey, sheetLines, sheetTitle, type SheetLine } from './sheets.ts';
import { SelectField } from './SelectField.tsx';
import { TextInput } from './TextInput.tsx';
import { Problem, useDescribeActionError } from './Problem.tsx';

const formatYear = (value: number) => String(value);

function settled(fields: Readonly<Record<string, FieldState>> | undefined, field: string): FieldValue | undefined {
  const state = fields?.[field];
  return state && !state.conflict ? state.current.value : undefined;
}

const numberOr = (value: FieldValue | undefined) => (typeof value === 'number' ? value : null);

function Line({ assessmentId, line, fields, onError }: { readonly assessmentId: string; readonly line: SheetLine; readonly fields: Readonly<Record<string, FieldState>> | undefined; readonly onError: (error: unknown) => void }) {
  const { t } = useTranslation(['workshop', 'catalogue', 'entry']);
  const { kpi, point, shortId } = line;
  const save = (field: ValueField, value: FieldValue) => saveValueFields(assessmentId, kpi.id, point.id, { [field]: value }).catch((error: unknown) => {
    onError(error);
    return false;
  });
  const pointKey = pointNameKey(kpi.id, point.id);
  const name = `${t(`catalogue:kpi.${kpi.id}.name`)}${pointKey ? ` – ${t(`catalogue:${pointKey}`)}` : ''}`;
  const figures: { field: ValueField; label: string }[] =
    point.computation.kind === 'ratio' && point.computation.denominator === 'entered'
      ? [
          { field: 'numerator', label: t('sheets.numerator') },
          { field: 'denominator', label: t('sheets.denominator') },
        ]
      : point.computation.kind === 'ratio'
        ? [{ field: 'numerator', label: t('sheets.numerator') }]
        : point.computation.kind === 'direct'
          ? [{ field: 'directValue', label: t('sheets.value') }]
          : [];
  const quality = settled(fields, 'quality');
  return (
    <li className="reentry-line" id={`line-${shortId}`} aria-labelledby={`line-${shortId}-title`} tabIndex={-1}>
      <h2 id={`line-${shortId}-title`} className="reentry-title">
        <span className="worksheet-id" dir="ltr">
          {shortId}
        </span>{' '}
        <bdi>{name}</bdi>
      </h2>
      <div className="form-grid">
        {figures.map(({ field, label }) => (
          <NumberField key={field} label={label} value={numberOr(settled(fields, field))} onCommit={(value) => save(field, value)} />
        ))}
        {point.computation.kind === 'choice' ? (
          <SelectField label={t('sheets.value')} value={String(settled(fields, 'choice') ?? '')} onChange={(value) => void save('choice', value || null)}>
              <option value="">{t('entry:point.none')}</option>
              {point.computation.options.map((option) => (
                <option key={option} value={option}>
                  {t(`catalogue:choices.${option}`)}
                </option>
              ))}
          </SelectField>
        ) : null}
        <NumberField label={t('sheets.year')} value={numberOr(settled(fields, 'dataYear'))} formatValue={formatYear} onCommit={(value) => save('dataYear', value)} />
        <CommitTextField label={t('sheets.source')} value={String(settled(fields, 'source') ?? '')} onCommit={(value) => save('source', value || null)} />
        <SelectField label={t('sheets.quality')} value={typeof quality === 'string' ? quality : ''} onChange={(value) => void save('quality', value || null)}>
            <option value="">{t('entry:point.none')}</option>
            {QUALITY_LEVELS.map((level, index) => (
              <option key={level} value={level}>
                {t('sheets.qualityOption', { code: t('sheets.qualityCode', { number: index + 1 }), name: t(`entry:point.qualities.${level}`) })}
              </option>
            ))}
        </SelectField>
      </div>
    </li>
  );
}

/** Keying a filled-in worksheet back in: the sheet's order, keyboard only, and a short id to jump to any line. */
export function ReentryScreen({ assessmentId, sheetKey }: { readonly assessmentId: string; readonly sheetKey: string }) {
  const { t } = useTranslation(['workshop', 'common']);
  const describeError = useDescribeActionError();
  const view = useWorkshop(assessmentId);
  const values = useValues(assessmentId);
  const [jump, setJump] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const sheet = parseSheetKey(sheetKey);
  if (!view || !values) return <output className="muted">{t('loading')}</output>;
  if (!sheet) return <p className="notice notice-danger">{t('notFound')}</p>;
  const lines = sheetLines(getCatalogue(DEFAULT_CATALOGUE_ID)!, view.state, sheet);
  const go = (event: FormEvent) => {
    event.preventDefault();
    const target = lines.find((line) => line.shortId.toLowerCase() === jump.trim().toLowerCase());
    if (!target) {
      setProblem(t('reentry.unknownId', { id: jump.trim() }));
      return;
    }
    setProblem(null);
    document.getElementById(`line-${target.shortId}`)?.querySelector<HTMLElement>('input, select')?.focus();
  };
  const onError = (error: unknown) => setProblem(describeError(error));
  return (
    <div className="stack reentry">
      <h1>{t('reentry.title', { who: sheetTitle(view.state, sheet) })}</h1>
      <p className="muted">{t('reentry.intro')}</p>
      <form className="cluster" onSubmit={go}>
        <TextInput label={t('reentry.jump')} value={jump} onChange={setJump} dir="ltr" />
      </form>
      <Problem text={problem} />
      <ol className="stack reentry-lines">
        {lines.map((line) => (
          <Line key={`${line.kpi.id}/${line.point.id}`} assessmentId={assessmentId} line={line} fields={values.get(valueRecordId(assessmentId, line.kpi.id, line.point.id))?.fields} onError={onError} />
        ))}
      </ol>
      <p>
        <a href={hrefFor({ name: 'worksheet', assessmentId, sheet: sheetKey })}>{t('reentry.backToSheet')}</a>
      </p>
    </div>
  );
}
