import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pointsOf } from '../../../../core/catalogue/index.ts';
import type { KpiDefinition } from '../../../../core/catalogue/types.ts';
import { DATA_ORIGINS, QUALITY_LEVELS } from '../../../../core/revisions/fields.ts';
import type { FieldValue } from '../../../../core/revisions/types.ts';
import { saveSharedFields, valueRecordId, type SharedField } from '../../data/index.ts';
import type { ValueView } from '../../data/types.ts';
import { NumberField } from '../../ui/number-field/index.ts';
import { CommitTextField } from '../../ui/text-field/CommitTextField.tsx';
import { Problem, dataErrorKey } from './Problem.tsx';
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

export interface SharedMetadataProps {
  readonly assessmentId: string;
  readonly kpi: KpiDefinition;
  readonly values: ReadonlyMap<string, ValueView>;
}

/** For a KPI with several data points: year, source, quality, origin and department typed once for all of them. */
export function SharedMetadata({ assessmentId, kpi, values }: SharedMetadataProps) {
  const { t } = useTranslation(['workshop', 'entry']);
  const [problem, setProblem] = useState<string | null>(null);
  const points = pointsOf(kpi);
  if (points.length < 2) return null;
  const views = points.map((point) => values.get(valueRecordId(assessmentId, kpi.id, point.id)));
  const save = (field: SharedField, value: FieldValue) =>
    saveSharedFields(assessmentId, kpi.id, { [field]: value }).then(
      () => setProblem(null),
      (error: unknown) => {
        setProblem(t(dataErrorKey(error)));
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
  return (
    <section className="card stack-tight shared-metadata" aria-labelledby={`shared-${kpi.id}`}>
      <h2 id={`shared-${kpi.id}`}>{t('shared.title', { count: points.length })}</h2>
      <p className="muted">{t('shared.intro')}</p>
      <div className="form-grid">
        <NumberField
          label={t('entry:point.dataYear')}
          value={typeof year === 'number' ? year : null}
          formatValue={formatYear}
          description={differs('dataYear')}
          onCommit={(value) => save('dataYear', value)}
        />
        <SelectField label={t('entry:point.quality')} value={text('quality')} onChange={(value) => void save('quality', value || null)}>
          <option value="">{differs('quality') ?? t('entry:point.none')}</option>
          {QUALITY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`entry:point.qualities.${level}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('entry:point.origin')} value={text('origin')} onChange={(value) => void save('origin', value || null)}>
          <option value="">{differs('origin') ?? t('entry:point.none')}</option>
          {DATA_ORIGINS.map((origin) => (
            <option key={origin} value={origin}>
              {t(`entry:point.origins.${origin}`)}
            </option>
          ))}
        </SelectField>
        <CommitTextField label={t('entry:point.department')} value={text('department')} description={differs('department')} onCommit={(value) => save('department', value || null)} />
      </div>
      <CommitTextField label={t('entry:point.source')} value={text('source')} description={differs('source')} multiline onCommit={(value) => save('source', value || null)} />
      <Problem text={problem} />
    </section>
  );
}
