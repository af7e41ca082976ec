import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CATALOGUE_ID } from '../../../../core/catalogue/index.ts';
import { EXAMPLE_TARGET_SET_ID, type TargetSet } from '../../../../core/targets/index.ts';
import { hrefFor, navigate } from '../../app/routes.ts';
import { saveTargetSet } from '../../data/index.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { useTargetSets } from '../results/use-scores.ts';
import { TargetSetNameFields } from './TargetSetNameFields.tsx';
import { DeleteTargetSetButton } from './DeleteTargetSetButton.tsx';
import { ExportTargetSetButton } from './ExportTargetSetButton.tsx';
import { ImportTargetSet } from './ImportTargetSet.tsx';
import { targetSetLabel } from '../results/target-set-label.ts';
import '../table-import/table-import.css';
import './targets.css';

function NewTargetSetForm() {
  const { t } = useTranslation('targets');
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [failed, setFailed] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    const set: TargetSet = { id: crypto.randomUUID(), name: name.trim(), source: source.trim(), catalogueId: DEFAULT_CATALOGUE_ID, example: false, targets: [] };
    try {
      await saveTargetSet(set);
      navigate({ name: 'targets', targetSetId: set.id });
    } catch {
      setFailed(true);
    }
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-target-set">
      <h2 id="new-target-set">{t('create.title')}</h2>
      <TargetSetNameFields name={name} onNameChange={setName} source={source} onSourceChange={setSource} />
      <div className="cluster">
        <Button type="submit" className="button" isDisabled={name.trim() === ''}>
          {t('create.submit')}
        </Button>
      </div>
      {failed ? <p className="notice notice-danger">{t('create.failed')}</p> : null}
    </form>
  );
}

/** Every target set offered for scoring: the ones stored here and the shipped example. */
export function TargetSetsScreen() {
  const { t } = useTranslation(['targets', 'results']);
  const format = useFormatNumber();
  const offered = useTargetSets();
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {offered ? (
        <table className="table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('field.source')}</th>
              <th scope="col" className="numeric">
                {t('list.targets')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('list.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {offered.sets.map((set) => (
              <tr key={set.id}>
                <th scope="row">
                  <span className="cluster">
                    <a href={hrefFor({ name: 'targets', targetSetId: set.id })}>
                      <bdi>{set.id === EXAMPLE_TARGET_SET_ID ? t('results:targets.exampleSdgName') : set.name}</bdi>
                    </a>
                    {set.example ? <span className="badge badge-demo">{t('targets:example.badge')}</span> : null}
                  </span>
                </th>
                <td>
                  <bdi>{set.source}</bdi>
                </td>
                <td className="numeric">{format(set.targets.length)}</td>
                <td>
                  <span className="cluster list-actions">
                    <ExportTargetSetButton set={set} label={targetSetLabel(set, t)} />
                    {set.example ? null : <DeleteTargetSetButton set={set} />}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <output className="muted">{t('loading')}</output>
      )}
      <div className="split">
        <NewTargetSetForm />
        <ImportTargetSet />
      </div>
    </div>
  );
}
