import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CATALOGUE_ID, getCatalogue } from '../../../../core/catalogue/index.ts';
import { TARGET_COLUMNS, TARGET_OPTIONAL_COLUMNS, targetsFromTable, type TargetTableResult } from '../../../../core/targets/csv.ts';
import { navigate } from '../../app/routes.ts';
import { saveTargetSet } from '../../data/index.ts';
import { isolate, useFormatNumber, useLanguage } from '../../i18n/index.ts';
import { describeError } from '../sync/describe-error.ts';
import { describeIssue, describeTableError, pickTable } from '../table-import/read-table.ts';
import { TargetSetNameFields } from './TargetSetNameFields.tsx';

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preview'; readonly fileName: string; readonly result: TargetTableResult }
  | { readonly kind: 'failed'; readonly text: string };

/** A target set from a CSV file: every bad row explained, nothing stored until the user names the set and confirms. */
export function ImportTargetSet() {
  const { t } = useTranslation(['targets', 'tables', 'sync', 'common', 'bundle']);
  const format = useFormatNumber();
  const language = useLanguage();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const catalogueId = DEFAULT_CATALOGUE_ID;

  const choose = async () => {
    try {
      const picked = await pickTable(t('targets:csvFilter'), ['csv']);
      if (!picked) return;
      const result = targetsFromTable(picked.table, getCatalogue(catalogueId)!, language);
      setName(picked.name.replace(/\.csv$/i, ''));
      setStep({ kind: 'preview', fileName: picked.name, result });
    } catch (error) {
      setStep({ kind: 'failed', text: describeTableError(error, t) });
    }
  };

  const confirm = async (result: TargetTableResult) => {
    const id = crypto.randomUUID();
    try {
      await saveTargetSet({ id, name: name.trim(), source: source.trim(), catalogueId, example: false, targets: result.targets });
      navigate({ name: 'targets', targetSetId: id });
    } catch (error) {
      setStep({ kind: 'failed', text: describeError(error, t) });
    }
  };

  return (
    <section className="card stack" aria-labelledby="import-target-set">
      <h2 id="import-target-set">{t('targets:import.title')}</h2>
      <p className="muted">{t('targets:import.intro')}</p>
      <p>
        <code className="code" dir="ltr">
          {[...TARGET_COLUMNS, ...TARGET_OPTIONAL_COLUMNS].join(',')}
        </code>
      </p>
      {step.kind === 'preview' ? null : (
        <div className="cluster">
          <Button className="button button-secondary" onPress={() => void choose()}>
            {t('targets:import.choose')}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {step.kind === 'failed' ? <p className="notice notice-danger">{step.text}</p> : null}
        {step.kind === 'preview' ? (
          <p className={step.result.issues.length > 0 ? 'notice notice-warning' : 'notice'}>
            {t('targets:import.summary', { file: isolate(step.fileName), good: format(step.result.targets.length), bad: format(step.result.issues.length) })}
          </p>
        ) : null}
      </div>
      {step.kind === 'preview' ? (
        <>
          {step.result.issues.length > 0 ? (
            <ul className="stack-tight import-issues">
              {step.result.issues.map((issue, index) => (
                <li key={`${issue.row}-${index}`} className="notice notice-danger">
                  {describeIssue(issue, t)}
                </li>
              ))}
            </ul>
          ) : null}
          <TargetSetNameFields name={name} onNameChange={setName} source={source} onSourceChange={setSource} />
          <div className="cluster">
            <Button className="button" isDisabled={name.trim() === '' || step.result.targets.length === 0} onPress={() => void confirm(step.result)}>
              {t('targets:import.confirm', { good: format(step.result.targets.length) })}
            </Button>
            <Button className="button button-secondary" onPress={() => setStep({ kind: 'idle' })}>
              {t('common:action.cancel')}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
