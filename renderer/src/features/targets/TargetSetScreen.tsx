import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { directionOf, findKpi, findPoint, getCatalogue, DEFAULT_CATALOGUE_ID } from '../../../../core/catalogue/index.ts';
import { DIRECTIONS, type Direction } from '../../../../core/catalogue/types.ts';
import type { Target, TargetSet } from '../../../../core/targets/types.ts';
import { hrefFor } from '../../app/routes.ts';
import { saveTargetSet } from '../../data/index.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { NumberField } from '../../ui/number-field/index.ts';
import { CommitTextField } from '../../ui/text-field/CommitTextField.tsx';
import { OptionSelect } from '../../ui/option-select/OptionSelect.tsx';
import { targetSetLabel } from '../results/target-set-label.ts';
import { useTargetSets } from '../results/use-scores.ts';
import { ExportTargetSetButton } from './ExportTargetSetButton.tsx';
import { pointKey, pointName, pointOptions } from './point-options.ts';
import './targets.css';

function withTarget(set: TargetSet, target: Target): TargetSet {
  const others = set.targets.filter((one) => one.kpiId !== target.kpiId || one.pointId !== target.pointId);
  return { ...set, targets: [...others, target] };
}

function withSource(target: Target, source: string): Target {
  const { source: _previous, ...rest } = target;
  return source === '' ? rest : { ...rest, source };
}

function withoutTarget(set: TargetSet, target: Target): TargetSet {
  return { ...set, targets: set.targets.filter((one) => one !== target) };
}

function AddTarget({ set, onSave }: { readonly set: TargetSet; readonly onSave: (next: TargetSet) => Promise<unknown> }) {
  const { t } = useTranslation(['targets', 'results']);
  const catalogue = getCatalogue(set.catalogueId) ?? getCatalogue(DEFAULT_CATALOGUE_ID)!;
  const options = useMemo(() => {
    const taken = new Set(set.targets.map((target) => pointKey(target.kpiId, target.pointId)));
    return pointOptions(catalogue, t).filter((option) => !taken.has(option.id));
  }, [catalogue, t, set.targets]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [value, setValue] = useState<number | null>(null);
  const option = options.find((one) => one.id === chosen);
  const add = async () => {
    if (!option || value === null) return;
    const kpi = findKpi(catalogue, option.kpiId)!;
    const direction = directionOf(kpi, findPoint(kpi, option.pointId)!);
    await onSave(withTarget(set, { kpiId: option.kpiId, pointId: option.pointId, target: value, direction }));
    setChosen(null);
    setValue(null);
  };
  return (
    <section className="card stack" aria-labelledby="add-target">
      <h2 id="add-target">{t('targets:add.title')}</h2>
      <div className="form-grid">
        <OptionSelect className="target-point-picker" label={t('targets:add.point')} noneLabel={t('targets:add.choose')} options={options} value={chosen} onChange={setChosen} />
        <NumberField label={t('targets:field.target')} value={value} onCommit={setValue} />
      </div>
      <div className="cluster">
        <Button className="button" isDisabled={!option || value === null} onPress={() => void add()}>
          {t('targets:add.submit')}
        </Button>
      </div>
    </section>
  );
}

function TargetRows({ set, editable, onSave }: { readonly set: TargetSet; readonly editable: boolean; readonly onSave: (next: TargetSet) => Promise<unknown> }) {
  const { t } = useTranslation(['targets', 'results', 'catalogue']);
  const format = useFormatNumber();
  const catalogue = getCatalogue(set.catalogueId) ?? getCatalogue(DEFAULT_CATALOGUE_ID)!;
  if (set.targets.length === 0) return <p className="muted">{t('targets:empty')}</p>;
  return (
    <table className="table target-table">
      <caption className="visually-hidden">{t('targets:table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results:table.code')}</th>
          <th scope="col">{t('results:table.kpi')}</th>
          <th scope="col">{t('targets:field.target')}</th>
          <th scope="col">{t('targets:field.direction')}</th>
          <th scope="col">{t('targets:field.targetSource')}</th>
          {editable ? (
            <th scope="col">
              <span className="visually-hidden">{t('targets:list.actions')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {set.targets.map((target) => {
          const kpi = findKpi(catalogue, target.kpiId);
          const name = pointName(target.kpiId, target.pointId, (kpi?.dataPoints.length ?? 0) > 0, t);
          const unit = kpi ? findPoint(kpi, target.pointId)?.unit : undefined;
          return (
            <tr key={pointKey(target.kpiId, target.pointId)}>
              <td className="code" dir="ltr">
                {kpi?.code ?? target.kpiId}
              </td>
              <td>{name}</td>
              <td>
                {editable ? (
                  <NumberField
                    label={t('targets:field.targetOf', { name })}
                    value={target.target}
                    unit={unit ? t(`catalogue:units.${unit}`) : undefined}
                    onCommit={(next) => (next === null ? Promise.resolve(false) : onSave(withTarget(set, { ...target, target: next })))}
                  />
                ) : (
                  <span className="numeric">{format(target.target, { maximumFractionDigits: 4 })}</span>
                )}
              </td>
              <td>
                {editable ? (
                  <OptionSelect
                    label={t('targets:field.directionOf', { name })}
                    noneLabel={t(`results:rule.${target.direction}`)}
                    options={DIRECTIONS.filter((direction) => direction !== target.direction).map((direction) => ({ id: direction, label: t(`results:rule.${direction}`) }))}
                    value={null}
                    onChange={(direction) => {
                      if (direction !== null) void onSave(withTarget(set, { ...target, direction: direction as Direction }));
                    }}
                  />
                ) : (
                  t(`results:rule.${target.direction}`)
                )}
              </td>
              <td>
                {editable ? (
                  <CommitTextField
                    label={t('targets:field.targetSourceOf', { name })}
                    value={target.source ?? ''}
                    onCommit={(source) => onSave(withTarget(set, withSource(target, source)))}
                  />
                ) : (
                  <bdi>{target.source ?? ''}</bdi>
                )}
              </td>
              {editable ? (
                <td>
                  <Button className="button button-quiet button-small" onPress={() => void onSave(withoutTarget(set, target))}>
                    {t('targets:remove')}
                    <span className="visually-hidden"> {name}</span>
                  </Button>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One target set: its name and source, and every target with its direction and source; the example is read only. */
export function TargetSetScreen({ targetSetId }: { readonly targetSetId: string }) {
  const { t } = useTranslation(['targets', 'results']);
  const offered = useTargetSets();
  const [failed, setFailed] = useState(false);
  if (!offered) return <output className="muted">{t('targets:loading')}</output>;
  const set = offered.sets.find((one) => one.id === targetSetId);
  if (!set) return <p className="notice notice-danger">{t('targets:notFound')}</p>;
  const editable = !set.example;
  const save = async (next: TargetSet) => {
    setFailed(false);
    try {
      await saveTargetSet(next);
    } catch (error) {
      setFailed(true);
      throw error;
    }
  };
  return (
    <div className="stack">
      <p>
        <a href={hrefFor({ name: 'targets' })}>{t('targets:back')}</a>
      </p>
      <h1>
        <bdi>{targetSetLabel(set, t)}</bdi>
      </h1>
      {set.example ? <p className="notice notice-warning">{t('results:targets.exampleWarning')}</p> : null}
      {editable ? (
        <div className="form-grid">
          <CommitTextField label={t('targets:field.name')} value={set.name} isRequired onCommit={(name) => (name === '' ? Promise.resolve(false) : save({ ...set, name }))} />
          <CommitTextField label={t('targets:field.source')} value={set.source} onCommit={(source) => save({ ...set, source })} />
        </div>
      ) : (
        <p>{t('results:targets.source', { source: set.source })}</p>
      )}
      <div className="cluster">
        <ExportTargetSetButton set={set} label={targetSetLabel(set, t)} />
      </div>
      <div aria-live="polite">{failed ? <p className="notice notice-danger">{t('targets:saveFailed')}</p> : null}</div>
      <TargetRows set={set} editable={editable} onSave={save} />
      {editable ? <AddTarget set={set} onSave={save} /> : null}
    </div>
  );
}
