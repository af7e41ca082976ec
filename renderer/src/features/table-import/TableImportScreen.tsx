import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { findKpi, getCatalogue } from '../../../../core/catalogue/index.ts';
import { SINGLE_POINT } from '../../../../core/catalogue/types.ts';
import { previewValueImport, VALUE_COLUMNS, VALUE_OPTIONAL_COLUMNS, type ValueImportPreview } from '../../../../core/tables/index.ts';
import { hrefFor } from '../../app/routes.ts';
import { applyValueImport } from '../../data/index.ts';
import { useAssessment } from '../../data/hooks.ts';
import { isolate, NATIVE_LANGUAGE_NAMES, SUPPORTED_LANGUAGES, useFormatNumber, useLanguage, type Language } from '../../i18n/index.ts';
import { OptionSelect } from '../../ui/option-select/OptionSelect.tsx';
import { formatFieldValue } from '../entry/format-field.ts';
import { describeError } from '../sync/describe-error.ts';
import { describeIssue, describeTableError, pickTable } from './read-table.ts';
import './table-import.css';

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'preview'; readonly fileName: string; readonly preview: ValueImportPreview }
  | { readonly kind: 'done'; readonly written: number }
  | { readonly kind: 'failed'; readonly text: string };

const SHOWN_FIELDS = ['directValue', 'choice', 'status', 'dataYear', 'quality', 'source', 'note'] as const;

function PreviewView({ assessmentId, preview }: { readonly assessmentId: string; readonly preview: ValueImportPreview }) {
  const { t } = useTranslation(['tables', 'catalogue', 'entry', 'results']);
  const language = useLanguage();
  const catalogue = getCatalogue(useAssessment(assessmentId)?.catalogueId ?? '');
  return (
    <div className="stack">
      {preview.issues.length > 0 ? (
        <section className="stack-tight" aria-labelledby="import-issues">
          <h3 id="import-issues">{t('tables:preview.issuesTitle')}</h3>
          <ul className="stack-tight import-issues">
            {preview.issues.map((issue, index) => (
              <li key={`${issue.row}-${issue.column ?? ''}-${index}`} className="notice notice-danger">
                {describeIssue(issue, t)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {preview.values.length > 0 ? (
        <table className="table">
          <caption>{t('tables:preview.goodCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('tables:preview.row')}
              </th>
              <th scope="col">{t('results:table.code')}</th>
              <th scope="col">{t('results:table.kpi')}</th>
              <th scope="col">{t('tables:preview.fields')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.values.map((value) => {
              const kpi = catalogue ? findKpi(catalogue, value.kpiId) : undefined;
              const name = t(`catalogue:kpi.${value.kpiId}.name`);
              return (
                <tr key={value.row}>
                  <td className="numeric">{value.row}</td>
                  <td className="code" dir="ltr">
                    {kpi?.code ?? value.kpiId}
                  </td>
                  <td>{value.pointId === SINGLE_POINT ? name : t('results:pointOfKpi', { kpi: name, point: t(`catalogue:points.${value.kpiId}.${value.pointId}`) })}</td>
                  <td>
                    {SHOWN_FIELDS.filter((field) => value.fields[field] !== undefined)
                      .map((field) => `${t(`entry:fields.${field}`)}: ${formatFieldValue(field, value.fields[field] ?? null, t, language)}`)
                      .join(' · ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** Values from a CSV or XLSX file: a preview with every bad row explained, and nothing written before the user confirms. */
export function TableImportScreen({ assessmentId }: { readonly assessmentId: string }) {
  const { t } = useTranslation(['tables', 'common', 'sync', 'bundle']);
  const format = useFormatNumber();
  const uiLanguage = useLanguage();
  const assessment = useAssessment(assessmentId);
  const [numberLocale, setNumberLocale] = useState<Language | null>(uiLanguage);
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  if (assessment === undefined) return <output className="muted">{t('tables:loading')}</output>;
  const catalogue = assessment ? getCatalogue(assessment.catalogueId) : undefined;
  if (!assessment || !catalogue) return <p className="notice notice-danger">{t('tables:missing')}</p>;

  const choose = async () => {
    setStep({ kind: 'busy' });
    try {
      const picked = await pickTable(t('tables:fileFilter'), ['csv', 'xlsx']);
      if (!picked) return setStep({ kind: 'idle' });
      setStep({ kind: 'preview', fileName: picked.name, preview: previewValueImport(picked.table, catalogue, numberLocale) });
    } catch (error) {
      setStep({ kind: 'failed', text: describeTableError(error, t) });
    }
  };

  const confirm = async (preview: ValueImportPreview) => {
    setStep({ kind: 'busy' });
    try {
      setStep({ kind: 'done', written: await applyValueImport(assessmentId, preview.values) });
    } catch (error) {
      setStep({ kind: 'failed', text: describeError(error, t) });
    }
  };

  const columns = [...VALUE_COLUMNS, ...VALUE_OPTIONAL_COLUMNS].join(',');
  return (
    <div className="stack table-import">
      <h1>{t('tables:title', { city: isolate(assessment.city.name), year: assessment.year })}</h1>
      <p>{t('tables:intro')}</p>
      <p>
        <code className="code" dir="ltr">
          {columns}
        </code>
      </p>
      <p className="muted">{t('tables:columnsHelp')}</p>
      {step.kind === 'preview' ? null : (
        <div className="cluster">
          <OptionSelect
            label={t('tables:numbers.label')}
            noneLabel={t('tables:numbers.canonical')}
            options={SUPPORTED_LANGUAGES.map((language) => ({ id: language, label: t('tables:numbers.language', { language: NATIVE_LANGUAGE_NAMES[language] }) }))}
            value={numberLocale}
            onChange={(chosen) => setNumberLocale(chosen as Language | null)}
          />
          <Button className="button" isDisabled={step.kind === 'busy'} onPress={() => void choose()}>
            {t('tables:choose')}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {step.kind === 'busy' ? <p className="muted">{t('tables:reading')}</p> : null}
        {step.kind === 'failed' ? <p className="notice notice-danger">{step.text}</p> : null}
        {step.kind === 'done' ? (
          <p className="notice">
            {t('tables:done', { written: format(step.written) })} <a href={hrefFor({ name: 'workspace', assessmentId })}>{t('tables:openAssessment')}</a>
          </p>
        ) : null}
        {step.kind === 'preview' ? (
          <p className={step.preview.issues.length > 0 ? 'notice notice-warning' : 'notice'}>
            {t('tables:preview.summary', {
              file: isolate(step.fileName),
              good: format(step.preview.values.length),
              bad: format(new Set(step.preview.issues.map((issue) => issue.row)).size),
            })}
          </p>
        ) : null}
      </div>
      {step.kind === 'preview' ? (
        <>
          <PreviewView assessmentId={assessmentId} preview={step.preview} />
          <div className="cluster">
            <Button className="button" isDisabled={step.preview.values.length === 0} onPress={() => void confirm(step.preview)}>
              {t('tables:confirm', { good: format(step.preview.values.length) })}
            </Button>
            <Button className="button button-secondary" onPress={() => setStep({ kind: 'idle' })}>
              {t('common:action.cancel')}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
