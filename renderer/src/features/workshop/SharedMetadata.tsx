import { useState, type ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { pointsOf } from '../../../../core/catalogue/index.ts';
import type { KpiDefinition } from '../../../../core/catalogue/types.ts';
import { DATA_ORIGINS, QUALITY_LEVELS } from '../../../../core/revisions/fields.ts';
import type { FieldValue } from '../../../../core/revisions/types.ts';
import { SHARED_FIELDS, saveSharedFields, valueRecordId, type SharedField } from '../../data/index.ts';
import type { ValueView } from '../../data/types.ts';
import { NumberField } from '../../ui/number-field/index.ts';
import { CommitTextField } from '../../ui/text-field/CommitTextField.tsx';
import { Problem, useDescribeActionError } from './Problem.tsx';
import { SelectField } from './SelectField.tsx';

const formatYear = (value: number) => String(value);

/** The value all points agree on, or undefined when they differ (or one is in conflict). */
function common(views: readonly (ValueView | undefined)[], field: SharedField): FieldValue | undefined {
  const values = views.map((view) => {
    const state = view?.fields[field];
    return state === undefined ? null : state.conflict ? undefined : state.current.value;
  });
  return values.every((value) => value !== undefined && value === values[0]) ? values[0] : undefined;
}

/**
 * Which shared fields a multi-point KPI's points take one by one: those the user chose to differ, and
 * those whose points already differ (or conflict) until the user chooses one value for all. A KPI of
 * one data point has nothing to share.
 */
export function useSharedFieldChoice(assessmentId: string, kpi: KpiDefinition, values: ReadonlyMap<string, ValueView>) {
  const [choice, setChoice] = useState<{ readonly kpiId: string; readonly perPoint: Partial<Record<SharedField, boolean>> }>({ kpiId: kpi.id, perPoint: {} });
  const chosen = choice.kpiId === kpi.id ? choice.perPoint : {};
  const points = pointsOf(kpi);
  const views = points.map((point) => values.get(valueRecordId(assessmentId, kpi.id, point.id)));
  const perPoint: ReadonlySet<SharedField> = new Set(points.length < 2 ? SHARED_FIELDS : SHARED_FIELDS.filter((field) => chosen[field] ?? common(views, field) === undefined));
  const choose = (field: SharedField, differs: boolean) => setChoice({ kpiId: kpi.id, perPoint: { ...chosen, [field]: differs } });
  return { perPoint, choose };
}

export interface SharedMetadataProps {
  readonly assessmentId: string;
  readonly kpi: KpiDefinition;
  readonly values: ReadonlyMap<string, ValueView>;
  /** The shared fields entered with each data point instead of here. */
  readonly perPoint: ReadonlySet<SharedField>;
  readonly onChoose: (field: SharedField, differs: boolean) => void;
}

/** For a KPI with several data points: year, source, quality, origin and department typed once for all of them, or per point where they differ. */
export function SharedMetadata({ assessmentId, kpi, values, perPoint, onChoose }: SharedMetadataProps) {
  const { t } = useTranslation(['workshop', 'entry']);
  const describeError = useDescribeActionError();
  const [problem, setProblem] = useState<string | null>(null);
  const points = pointsOf(kpi);
  if (points.length < 2) return null;
  const views = points.map((point) => values.get(valueRecordId(assessmentId, kpi.id, point.id)));
  const save = (field: SharedField, value: FieldValue) =>
    saveSharedFields(assessmentId, kpi.id, { [field]: value }).then(
      () => setProblem(null),
      (error: unknown) => {
        setProblem(describeError(error));
        return false;
      },
    );
  const shown = (field: SharedField) => common(views, field);
  const differs = (field: SharedField) => (shown(field) === undefined ? t('shared.differs') : undefined);
  const text = (field: SharedField) => {
    const value = shown(field);
    return typeof value === 'string' ? value : '';
  };
  const year = shown('dataYear');
  const labels: Readonly<Record<SharedField, string>> = {
    dataYear: t('entry:point.dataYear'),
    quality: t('entry:point.quality'),
    origin: t('entry:point.origin'),
    department: t('entry:point.department'),
    source: t('entry:point.source'),
  };
  const once = (field: SharedField, control: ReactNode) => (perPoint.has(field) ? null : control);
  return (
    <section className="card stack-tight shared-metadata" aria-labelledby={`shared-${kpi.id}`}>
      <h2 id={`shared-${kpi.id}`}>{t('shared.title', { count: points.length })}</h2>
      <p className="muted">{t('shared.intro')}</p>
      <div className="form-grid">
        {once(
          'dataYear',
          <NumberField label={labels.dataYear} value={typeof year === 'number' ? year : null} formatValue={formatYear} description={differs('dataYear')} onCommit={(value) => save('dataYear', value)} />,
        )}
        {once(
          'quality',
          <SelectField label={labels.quality} value={text('quality')} onChange={(value) => void save('quality', value || null)}>
            <option value="">{differs('quality') ?? t('entry:point.none')}</option>
            {QUALITY_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`entry:point.qualities.${level}`)}
              </option>
            ))}
          </SelectField>,
        )}
        {once(
          'origin',
          <SelectField label={labels.origin} value={text('origin')} onChange={(value) => void save('origin', value || null)}>
            <option value="">{differs('origin') ?? t('entry:point.none')}</option>
            {DATA_ORIGINS.map((origin) => (
              <option key={origin} value={origin}>
                {t(`entry:point.origins.${origin}`)}
              </option>
            ))}
          </SelectField>,
        )}
        {once('department', <CommitTextField label={labels.department} value={text('department')} description={differs('department')} onCommit={(value) => save('department', value || null)} />)}
      </div>
      {once('source', <CommitTextField label={labels.source} value={text('source')} description={differs('source')} multiline onCommit={(value) => save('source', value || null)} />)}
      <fieldset className="shared-choice">
        <legend className="field-label">{t('shared.perPoint')}</legend>
        <div className="cluster">
          {SHARED_FIELDS.map((field) => (
            <Checkbox key={field} className="checkbox" isSelected={perPoint.has(field)} onChange={(selected) => onChoose(field, selected)}>
              {labels[field]}
            </Checkbox>
          ))}
        </div>
      </fieldset>
      <Problem text={problem} />
    </section>
  );
}
