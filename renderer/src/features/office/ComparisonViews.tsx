import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetSet } from '../../../../core/targets/types.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { Pager, useRowPage } from '../../ui/pager/Pager.tsx';
import { bandColour } from '../results/bands.ts';
import { EChart } from '../results/charts/EChart.tsx';
import { formatPointValue } from '../results/format-value.ts';
import { barOption, trendOption } from './office-charts.ts';
import { compareCategory, comparePoint, trendOf, yearsOf, type OfficeEntry } from './office-model.ts';

/** The page's font and direction, read again when the language changes. */
function useLook() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    return { fontFamily: style.fontFamily, textColour: style.color, rightToLeft: i18n.dir(language) === 'rtl' };
  }, [i18n, language]);
}

function entryLabel(entry: OfficeEntry): string {
  return `${entry.assessment.city.name} ${entry.assessment.year}`;
}

interface PointProps {
  readonly entries: readonly OfficeEntry[];
  readonly kpiId: string;
  readonly pointId: string;
}

/** One data point across every city and year: a bar chart, and the same in a table with provenance. */
export function PointComparisonView({ entries, kpiId, pointId }: PointProps) {
  const { t } = useTranslation(['office', 'results', 'catalogue']);
  const format = useFormatNumber();
  const look = useLook();
  const rows = useMemo(() => comparePoint(entries, kpiId, pointId), [entries, kpiId, pointId]);
  const option = useMemo(() => barOption(rows.map((row) => ({ label: entryLabel(row.entry), value: row.number })), look), [rows, look]);
  const page = useRowPage(rows);
  return (
    <>
      <EChart option={option} className="chart chart-office" />
      <table className="table results-table">
        <caption className="visually-hidden">{t('office:compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('office:table.city')}</th>
            <th scope="col">{t('office:table.country')}</th>
            <th scope="col" className="numeric">
              {t('office:table.year')}
            </th>
            <th scope="col" className="numeric">
              {t('results:table.value')}
            </th>
            <th scope="col">{t('results:table.source')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map(({ entry, row }) => (
            <tr key={entry.assessment.id}>
              <th scope="row">
                <bdi>{entry.assessment.city.name}</bdi>
              </th>
              <td>
                <bdi>{entry.assessment.city.country}</bdi>
              </td>
              <td className="numeric">{entry.assessment.year}</td>
              <td className="numeric">{row ? formatPointValue(row, t, format) : t('results:value.notReported')}</td>
              <td>
                <bdi>{row?.reported ? (row.source ?? '') : ''}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} label={t('office:compare.caption')} />
    </>
  );
}

/** One data point of each city over the years. */
export function TrendView({ entries, kpiId, pointId }: PointProps) {
  const { t } = useTranslation(['office', 'results']);
  const format = useFormatNumber();
  const look = useLook();
  const series = useMemo(() => trendOf(entries, kpiId, pointId), [entries, kpiId, pointId]);
  const years = useMemo(() => yearsOf(series), [series]);
  const option = useMemo(() => trendOption(series, years, look), [series, years, look]);
  const page = useRowPage(series);
  if (series.length === 0) return <p className="muted">{t('office:trend.none')}</p>;
  return (
    <>
      <EChart option={option} className="chart chart-office" />
      <table className="table results-table">
        <caption className="visually-hidden">{t('office:trend.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('office:table.city')}</th>
            {years.map((year) => (
              <th scope="col" key={year} className="numeric">
                {year}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((one) => (
            <tr key={`${one.cityName}/${one.country}`}>
              <th scope="row">
                <bdi>{one.cityName}</bdi> <span className="muted">(<bdi>{one.country}</bdi>)</span>
              </th>
              {years.map((year) => {
                const point = one.points.find((candidate) => candidate.year === year);
                return (
                  <td key={year} className="numeric">
                    {point ? format(point.value, { maximumFractionDigits: 2 }) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} label={t('office:trend.caption')} />
    </>
  );
}

/** A category's score across every city and year, against the chosen target set. */
export function CategoryComparisonView({ entries, categoryId, targets }: { readonly entries: readonly OfficeEntry[]; readonly categoryId: string; readonly targets: TargetSet }) {
  const { t } = useTranslation(['office', 'results']);
  const format = useFormatNumber();
  const look = useLook();
  const rows = useMemo(() => compareCategory(entries, categoryId, targets), [entries, categoryId, targets]);
  const option = useMemo(
    () => barOption(rows.map((row) => ({ label: entryLabel(row.entry), value: row.score?.share === null || !row.score ? null : Math.round(row.score.share * 1000) / 10 })), look),
    [rows, look],
  );
  const page = useRowPage(rows);
  return (
    <>
      <EChart option={option} className="chart chart-office" />
      <table className="table results-table">
        <caption className="visually-hidden">{t('office:compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('office:table.city')}</th>
            <th scope="col">{t('office:table.country')}</th>
            <th scope="col" className="numeric">
              {t('office:table.year')}
            </th>
            <th scope="col" className="numeric">
              {t('results:score.score')}
            </th>
            <th scope="col">{t('results:score.band')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map(({ entry, score }) => (
            <tr key={entry.assessment.id}>
              <th scope="row">
                <bdi>{entry.assessment.city.name}</bdi>
              </th>
              <td>
                <bdi>{entry.assessment.city.country}</bdi>
              </td>
              <td className="numeric">{entry.assessment.year}</td>
              <td className="numeric">{score?.share != null ? format(score.share, { style: 'percent', maximumFractionDigits: 1 }) : t('results:score.none')}</td>
              <td>
                {score?.band ? (
                  <>
                    <span className="band-swatch" style={{ backgroundColor: bandColour(score.band) }} aria-hidden="true" /> {t(`results:band.${score.band}`)}
                  </>
                ) : (
                  t('results:band.none')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} label={t('office:compare.caption')} />
    </>
  );
}
