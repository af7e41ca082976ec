import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { U4SSC_2017 } from '../../../../core/catalogue/index.ts';
import { kpisCheckedWith } from '../../../../core/validation/index.ts';
import { useAllValues, useAssessments, useValuesOfKpis } from '../../data/hooks.ts';
import { useLanguage } from '../../i18n/index.ts';
import { OptionSelect } from '../../ui/option-select/OptionSelect.tsx';
import { preloadChartEngine } from '../results/charts/EChart.tsx';
import { ExportButtons } from '../results/ExportButtons.tsx';
import { TargetSetPicker } from '../results/TargetSetPicker.tsx';
import { useTargetSets } from '../results/use-scores.ts';
import { fileStem } from '../sync/files.ts';
import { pointKey, pointOptions } from '../targets/point-options.ts';
import { CategoryComparisonView, PointComparisonView, TrendView } from './ComparisonViews.tsx';
import { countriesOf, filterEntries, officeEntries, outliersOf, regionsOf, type OfficeEntry, type OfficeFilter } from './office-model.ts';
import { OutlierList } from './OutlierList.tsx';
import '../results/results.css';
import './office.css';

type Measure = 'point' | 'category';

const FIRST_POINT = pointKey(U4SSC_2017.kpis[0]!.id, '_');
const FIRST_CATEGORY = U4SSC_2017.categories[0]!.id;
const NOTHING_CHECKED: readonly OfficeEntry[] = [];

/** The central office's desk: every city and year stored here, side by side, with the values to check twice. */
export function OfficeScreen() {
  const { t } = useTranslation(['office', 'catalogue']);
  const language = useLanguage();
  const assessments = useAssessments();
  const targets = useTargetSets();
  const [filter, setFilter] = useState<OfficeFilter>({ country: null, region: null });
  const [measure, setMeasure] = useState<Measure>('point');
  const [point, setPoint] = useState(FIRST_POINT);
  const [category, setCategory] = useState(FIRST_CATEGORY);
  useEffect(preloadChartEngine, []);
  const [kpiId, pointId] = point.split('/') as [string, string];

  // The compared KPI (and the KPIs its checks read) of every assessment first, then every value: the
  // comparison is on screen while the rest, which the outliers and category scores need, is read.
  const [comparedShown, setComparedShown] = useState(false);
  const all = useAllValues(comparedShown);
  const assessmentIds = useMemo(() => assessments?.map((assessment) => assessment.id) ?? null, [assessments]);
  const comparedKpis = useMemo(() => kpisCheckedWith(kpiId), [kpiId]);
  const compared = useValuesOfKpis(all ? null : assessmentIds, comparedKpis);
  // Set during render (React's pattern for state that follows another): no commit of the compared values waits for it.
  if (compared && !comparedShown) setComparedShown(true);
  const values = all ?? (compared?.kpiIds === comparedKpis ? compared.values : undefined);

  const entries = useMemo(() => (assessments && values ? officeEntries(assessments, values) : undefined), [assessments, values]);
  const shown = useMemo(() => (entries ? filterEntries(entries, filter) : []), [entries, filter]);
  const complete = all !== undefined;
  // Checking every value of every assessment waits until the comparison is on screen.
  const checked = useDeferredValue(complete ? shown : NOTHING_CHECKED, NOTHING_CHECKED);
  const outliers = useMemo(() => (checked === NOTHING_CHECKED ? null : outliersOf(checked)), [checked]);
  const points = useMemo(() => pointOptions(U4SSC_2017, t), [t]);

  if (!entries) return <output className="muted">{t('office:loading')}</output>;
  return (
    <div className="stack office">
      <h1>{t('office:title')}</h1>
      <p className="muted">{t('office:intro', { total: entries.length })}</p>
      <fieldset className="office-filters cluster">
        <legend className="visually-hidden">{t('office:filters.label')}</legend>
        <OptionSelect
          label={t('office:filters.country')}
          noneLabel={t('office:filters.all')}
          options={countriesOf(entries, language).map((country) => ({ id: country, label: country }))}
          value={filter.country}
          onChange={(country) => setFilter((current) => ({ ...current, country }))}
        />
        <OptionSelect
          label={t('office:filters.region')}
          noneLabel={t('office:filters.allRegions')}
          options={regionsOf(entries, language).map((region) => ({ id: region, label: region }))}
          value={filter.region}
          onChange={(region) => setFilter((current) => ({ ...current, region }))}
        />
        <RadioGroup className="field" value={measure} onChange={(chosen) => setMeasure(chosen === 'category' ? 'category' : 'point')}>
          <Label className="field-label">{t('office:measure.label')}</Label>
          <div className="radio-list">
            <Radio className="radio" value="point">
              {t('office:measure.point')}
            </Radio>
            <Radio className="radio" value="category">
              {t('office:measure.category')}
            </Radio>
          </div>
        </RadioGroup>
        {measure === 'point' ? (
          <OptionSelect
            className="office-picker"
            label={t('office:measure.pointLabel')}
            noneLabel={t('office:measure.choose')}
            options={points}
            value={point}
            onChange={(chosen) => setPoint(chosen ?? FIRST_POINT)}
          />
        ) : (
          <OptionSelect
            className="office-picker"
            label={t('office:measure.categoryLabel')}
            noneLabel={t('office:measure.choose')}
            options={U4SSC_2017.categories.map((one) => ({ id: one.id, label: t(`catalogue:categories.${one.id}`) }))}
            value={category}
            onChange={(chosen) => setCategory(chosen ?? FIRST_CATEGORY)}
          />
        )}
      </fieldset>

      {shown.length === 0 ? (
        <p className="notice">{t('office:empty')}</p>
      ) : measure === 'point' ? (
        <>
          <section className="stack" aria-labelledby="office-compare">
            <h2 id="office-compare">{t('office:compare.title')}</h2>
            <PointComparisonView entries={shown} kpiId={kpiId} pointId={pointId} />
          </section>
          <section className="stack" aria-labelledby="office-trend">
            <h2 id="office-trend">{t('office:trend.title')}</h2>
            <TrendView entries={shown} kpiId={kpiId} pointId={pointId} />
          </section>
        </>
      ) : (
        <section className="stack" aria-labelledby="office-compare">
          <h2 id="office-compare">{t('office:compare.title')}</h2>
          {targets ? <TargetSetPicker sets={targets.sets} chosen={targets.chosen} onChoose={targets.choose} /> : null}
          {!targets?.chosen ? (
            <p className="notice">{t('office:compare.noTargets')}</p>
          ) : complete ? (
            <CategoryComparisonView entries={shown} categoryId={category} targets={targets.chosen} />
          ) : (
            <output className="muted">{t('office:loading')}</output>
          )}
        </section>
      )}

      {shown.length > 0 ? <ExportButtons assessmentIds={shown.map((entry) => entry.assessment.id)} fileStem={fileStem([filter.country, filter.region].filter(Boolean).join('-') || 'all-cities')} /> : null}

      <section className="stack" aria-labelledby="office-outliers">
        <h2 id="office-outliers">{t('office:outliers.title')}</h2>
        {outliers ? <OutlierList outliers={outliers} /> : <output className="muted">{t('office:outliers.checking')}</output>}
      </section>
    </div>
  );
}
