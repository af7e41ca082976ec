import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes.ts';
import { isolate, useFormatNumber } from '../../i18n/index.ts';
import { fileStem } from '../sync/files.ts';
import { BenchmarkScores } from './BenchmarkScores.tsx';
import { Completeness } from './Completeness.tsx';
import { NotReportedList } from './NotReportedList.tsx';
import { PrintButton } from './PrintButton.tsx';
import { ResultsTable } from './ResultsTable.tsx';
import { targetSetLabel } from './target-set-label.ts';
import { VerificationLabel } from './VerificationLabel.tsx';
import { useScores, useTargetSets } from './use-scores.ts';
import { isVerified } from './verification.ts';
import { useWorkshop } from '../../data/hooks.ts';
import { useSnapshot, type SnapshotState } from './use-snapshot.ts';
import './results.css';

type Ready = Extract<SnapshotState, { kind: 'ready' }>;

/** Laid out like the results part of a U4SSC verification report: summary, data points, results per dimension, KPIs not reported. */
function Report({ state }: { readonly state: Ready }) {
  const { t } = useTranslation(['results', 'catalogue']);
  const format = useFormatNumber();
  const { assessment, catalogue, model } = state;
  const targets = useTargetSets();
  const verified = isVerified(model, useWorkshop(assessment.id)?.state);
  const report = useScores(catalogue, model, targets?.chosen ?? null, verified);
  const city = assessment.city.name;
  const kpiCounts = { reported: 0, partial: 0, notReported: 0 };
  for (const row of model.kpis) kpiCounts[row.completeness] += 1;
  return (
    <article className="stack results report">
      <div className="cluster no-print">
        <a className="button button-secondary" href={hrefFor({ name: 'snapshot', assessmentId: assessment.id })}>
          {t('results:report.back')}
        </a>
        <PrintButton fileStem={`${fileStem(`${city}-${assessment.year}`)}-report`} />
      </div>
      <header className="stack-tight report-title">
        <h1>{t('results:report.title', { city: isolate(city), year: assessment.year })}</h1>
        <VerificationLabel verified={verified} />
      </header>

      <section className="stack-tight report-section" aria-labelledby="report-summary">
        <h2 id="report-summary">{t('results:report.summary')}</h2>
        <dl className="facts">
          <dt>{t('results:report.city')}</dt>
          <dd>
            <bdi>{city}</bdi>
          </dd>
          <dt>{t('results:report.country')}</dt>
          <dd>
            <bdi>{assessment.city.country}</bdi>
          </dd>
          <dt>{t('results:report.year')}</dt>
          <dd>{assessment.year}</dd>
          <dt>{t('results:report.targetSet')}</dt>
          <dd>
            {targets?.chosen ? targetSetLabel(targets.chosen, t) : t('results:targets.none')}
          </dd>
        </dl>
        {targets?.chosen?.example ? <p className="notice notice-warning">{t('results:targets.exampleWarning')}</p> : null}
        <p className="muted">{t('results:snapshot.context')}</p>
      </section>

      <section className="stack-tight report-section" aria-labelledby="report-data-points">
        <h2 id="report-data-points">{t('results:report.dataPoints')}</h2>
        <p>
          {t('results:report.kpiSummary', {
            reported: format(kpiCounts.reported),
            partial: format(kpiCounts.partial),
            notReported: format(kpiCounts.notReported),
            total: format(model.kpis.length),
          })}
        </p>
        <p>
          {t('results:report.pointSummary', {
            reported: format(model.pointCounts.reported),
            notReported: format(model.pointCounts.notReported),
            total: format(model.pointCounts.total),
          })}
        </p>
        <Completeness model={model} />
      </section>

      {report ? (
        <section className="stack-tight report-section" aria-labelledby="report-benchmark">
          <h2 id="report-benchmark">{t('results:report.benchmark')}</h2>
          <BenchmarkScores catalogue={catalogue} report={report} />
        </section>
      ) : null}

      {catalogue.dimensions.map((dimension) => (
        <section key={dimension} className="stack-tight report-section report-dimension" aria-labelledby={`report-${dimension}`}>
          <h2 id={`report-${dimension}`}>{t('results:report.resultsOf', { dimension: t(`catalogue:dimensions.${dimension}`) })}</h2>
          <ResultsTable model={model} report={report} dimension={dimension} />
        </section>
      ))}

      <section className="stack-tight report-section" aria-labelledby="report-not-reported">
        <h2 id="report-not-reported">{t('results:notReported.title')}</h2>
        <NotReportedList model={model} />
      </section>
    </article>
  );
}

export function ReportScreen({ assessmentId }: { readonly assessmentId: string }) {
  const { t } = useTranslation('results');
  const state = useSnapshot(assessmentId);
  if (state.kind === 'loading') return <output className="muted">{t('loading')}</output>;
  if (state.kind === 'missing') return <p className="notice notice-danger">{t('missing')}</p>;
  return <Report state={state} />;
}
