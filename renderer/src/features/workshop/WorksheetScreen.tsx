import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { getCatalogue, DEFAULT_CATALOGUE_ID, pointNameKey } from '../../../../core/catalogue/index.ts';
import type { DataPointDefinition } from '../../../../core/catalogue/types.ts';
import { QUALITY_LEVELS } from '../../../../core/revisions/fields.ts';
import { hrefFor } from '../../app/routes.ts';
import { getBridge } from '../../bridge/index.ts';
import { useWorkshop } from '../../data/hooks.ts';
import { i18n, NATIVE_LANGUAGE_NAMES, SUPPORTED_LANGUAGES, useLanguage } from '../../i18n/index.ts';
import { Problem } from './Problem.tsx';
import { SelectField } from './SelectField.tsx';
import { parseSheetKey, sheetLines, sheetTitle } from './sheets.ts';
import './worksheet.css';

const SHEET_NAMESPACES = ['workshop', 'catalogue', 'entry', 'kpi-help'];

/** The translation function of the sheet's language, which may differ from the interface's. */
function useSheetT(language: string): TFunction | null {
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void i18n.loadLanguages(language).then(() => i18n.loadNamespaces(SHEET_NAMESPACES)).then(() => {
      if (current) setReady(language);
    });
    return () => {
      current = false;
    };
  }, [language]);
  return ready === language ? i18n.getFixedT(language, SHEET_NAMESPACES) : null;
}

function Boxes({ point, t }: { readonly point: DataPointDefinition; readonly t: TFunction }) {
  const { computation } = point;
  if (computation.kind === 'choice') {
    return (
      <span className="sheet-choices">
        {computation.options.map((option) => (
          <span key={option} className="sheet-option">
            <span className="sheet-tick" aria-hidden="true" /> {t(`catalogue:choices.${option}`)}
          </span>
        ))}
      </span>
    );
  }
  if (computation.kind === 'ratio' && computation.denominator === 'entered') {
    return (
      <>
        <span className="sheet-box">{t('workshop:sheets.numerator')}</span>
        <span className="sheet-box">{t('workshop:sheets.denominator')}</span>
      </>
    );
  }
  return <span className="sheet-box">{computation.kind === 'ratio' ? t('workshop:sheets.numerator') : t('workshop:sheets.value')}</span>;
}

/** A printable worksheet for a department or a participant: one line per data point, with its short id. */
export function WorksheetScreen({ assessmentId, sheetKey }: { readonly assessmentId: string; readonly sheetKey: string }) {
  const uiLanguage = useLanguage();
  const [language, setLanguage] = useState<string>(uiLanguage);
  const { t: ui } = useTranslation('workshop');
  const t = useSheetT(language);
  const view = useWorkshop(assessmentId);
  const sheet = parseSheetKey(sheetKey);
  const [printProblem, setPrintProblem] = useState(false);
  if (!view || !t) return <output className="muted">{ui('loading')}</output>;
  if (!sheet) return <p className="notice notice-danger">{ui('notFound')}</p>;
  const catalogue = getCatalogue(DEFAULT_CATALOGUE_ID)!;
  const lines = sheetLines(catalogue, view.state, sheet);
  const workshop = view.state.workshops[0];
  const print = async () => {
    const result = await getBridge().printToPdf({ suggestedName: `worksheet-${sheetKey}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }], pageSize: 'A4', landscape: true });
    setPrintProblem(!result.ok && result.code !== 'E_CANCELLED');
  };
  return (
    <div className="stack">
      <div className="cluster no-print">
        <SelectField label={ui('sheets.language')} value={language} onChange={setLanguage}>
            {SUPPORTED_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {NATIVE_LANGUAGE_NAMES[code]}
              </option>
            ))}
        </SelectField>
        <Button className="button" onPress={() => void print()}>
          {ui('sheets.print')}
        </Button>
        <a className="button button-secondary" href={hrefFor({ name: 'reentry', assessmentId, sheet: sheetKey })}>
          {ui('sheets.reentry')}
        </a>
        <Problem text={printProblem ? ui('sheets.printFailed') : null} />
      </div>
      <article className="worksheet" lang={language} dir={i18n.dir(language)} aria-labelledby="sheet-title">
        <header className="worksheet-header">
          <h1 id="sheet-title">{t('workshop:sheets.title', { who: sheetTitle(view.state, sheet) })}</h1>
          <p>{[workshop?.title, t('workshop:sheets.instructions')].filter(Boolean).join(' · ')}</p>
          <p className="worksheet-quality">
            {t('workshop:sheets.qualityKey')}{' '}
            {QUALITY_LEVELS.map((level, index) => (
              <span key={level}>
                <strong>{t('workshop:sheets.qualityCode', { number: index + 1 })}</strong> {t(`entry:point.qualities.${level}`)}{' '}
              </span>
            ))}
          </p>
        </header>
        <table className="worksheet-table">
          <thead>
            <tr>
              <th scope="col">{t('workshop:sheets.shortId')}</th>
              <th scope="col">{t('workshop:sheets.kpi')}</th>
              <th scope="col">{t('workshop:sheets.definition')}</th>
              <th scope="col">{t('workshop:sheets.unit')}</th>
              <th scope="col">{t('workshop:sheets.figures')}</th>
              <th scope="col">{t('workshop:sheets.year')}</th>
              <th scope="col">{t('workshop:sheets.source')}</th>
              <th scope="col">{t('workshop:sheets.quality')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map(({ kpi, point, shortId }) => {
              const pointKey = pointNameKey(kpi.id, point.id);
              const helpKey = `kpi-help:points.${kpi.id}.${point.id}.help`;
              const pointHelpKey = i18n.exists(helpKey, { lng: language }) ? helpKey : null;
              return (
                <tr key={`${kpi.id}/${point.id}`} data-kpi={kpi.id}>
                  <td className="worksheet-id" dir="ltr">
                    {shortId}
                  </td>
                  <td>
                    <span className="code" dir="ltr">
                      {kpi.code}
                    </span>{' '}
                    <strong>{t(`catalogue:kpi.${kpi.id}.name`)}</strong>
                    {pointKey ? <span className="worksheet-point"> – {t(`catalogue:${pointKey}`)}</span> : null}
                  </td>
                  <td className="worksheet-definition">
                    {t(`kpi-help:kpi.${kpi.id}.definition`)}
                    {pointHelpKey ? <span className="worksheet-point"> {t(pointHelpKey)}</span> : null}
                  </td>
                  <td>{t(`catalogue:units.${point.unit}`)}</td>
                  <td className="worksheet-figures">
                    <Boxes point={point} t={t} />
                  </td>
                  <td>
                    <span className="sheet-box sheet-box-short">{t('workshop:sheets.year')}</span>
                  </td>
                  <td>
                    <span className="sheet-box sheet-box-wide">{t('workshop:sheets.source')}</span>
                  </td>
                  <td>
                    <span className="sheet-box sheet-box-short">{t('workshop:sheets.quality')}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {lines.length === 0 ? <p>{t('workshop:sheets.empty')}</p> : null}
      </article>
    </div>
  );
}
