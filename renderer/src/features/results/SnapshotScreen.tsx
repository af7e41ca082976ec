import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes.ts';
import { isolate } from '../../i18n/index.ts';
import { BenchmarkScores } from './BenchmarkScores.tsx';
import { fileStem } from '../sync/files.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { Completeness } from './Completeness.tsx';
import { NotReportedList } from './NotReportedList.tsx';
import { PointScores } from './PointScores.tsx';
import { SdgGroups } from './SdgGroups.tsx';
import { DimensionRadar } from './SnapshotCharts.tsx';
import { TargetSetPicker } from './TargetSetPicker.tsx';
import { VerificationLabel } from './VerificationLabel.tsx';
import { useScores, useTargetSets } from './use-scores.ts';
import { isVerified } from './verification.ts';
import { useWorkshop } from '../../data/hooks.ts';
import { useSnapshot, type SnapshotState } from './use-snapshot.ts';
import './results.css';
import { VerificationSummary } from '../workshop/VerificationSummary.tsx';

type Ready = Extract<SnapshotState, { kind: 'ready' }>;

function Snapshot({ state }: { readonly state: Ready }) {
  const { t } = useTranslation(['results', 'catalogue']);
  const { assessment, catalogue, model } = state;
  const targets = useTargetSets();
  const verified = isVerified(model, useWorkshop(assessment.id)?.state);
  const report = useScores(catalogue, model, targets?.chosen ?? null, verified);
  const city = assessment.city.name;
  return (
    <div className="stack results">
      <div className="page-header">
        <h1>{t('results:snapshot.title', { city: isolate(city), year: assessment.year })}</h1>
        <div className="cluster">
          <a className="button" href={hrefFor({ name: 'report', assessmentId: assessment.id })}>
            {t('results:report.open')}
          </a>
        </div>
      </div>
      <VerificationLabel verified={verified} />
      <VerificationSummary assessmentId={assessment.id} />
      {targets ? <TargetSetPicker sets={targets.sets} chosen={targets.chosen} onChoose={targets.choose} /> : null}
      <p className="muted">{t('results:snapshot.context')}</p>

      {report ? (
        <section className="stack" aria-labelledby="wheel-title">
          <h2 id="wheel-title">{t('results:snapshot.wheel')}</h2>
          <BenchmarkScores catalogue={catalogue} report={report} />
        </section>
      ) : null}

      {report ? (
        <section className="stack" aria-labelledby="radar-title">
          <h2 id="radar-title">{t('results:snapshot.radars')}</h2>
          <div className="radar-grid">
            {catalogue.dimensions.map((dimension) => (
              <DimensionRadar key={dimension} catalogue={catalogue} report={report} dimension={dimension} />
            ))}
          </div>
        </section>
      ) : null}

      <section className="stack" aria-labelledby="completeness-title">
        <h2 id="completeness-title">{t('results:completeness.title')}</h2>
        <Completeness model={model} />
      </section>

      {report ? (
        <section className="stack" aria-labelledby="scores-title">
          <h2 id="scores-title">{t('results:pointScores.title')}</h2>
          {catalogue.dimensions.map((dimension) => (
            <PointScores key={dimension} model={model} report={report} dimension={dimension} />
          ))}
        </section>
      ) : null}

      <section className="stack" aria-labelledby="sdg-title">
        <h2 id="sdg-title">{t('results:sdg.title')}</h2>
        <SdgGroups model={model} />
      </section>

      <section className="stack" aria-labelledby="not-reported-title">
        <h2 id="not-reported-title">{t('results:notReported.title')}</h2>
        <NotReportedList model={model} />
      </section>

      <ExportButtons assessmentIds={[assessment.id]} fileStem={fileStem(`${city}-${assessment.year}`)} />
    </div>
  );
}

/** The City Snapshot: where the city stands against the chosen targets, and what it has not reported. */
export function SnapshotScreen({ assessmentId }: { readonly assessmentId: string }) {
  const { t } = useTranslation('results');
  const state = useSnapshot(assessmentId);
  if (state.kind === 'loading') return <output className="muted">{t('loading')}</output>;
  if (state.kind === 'missing') return <p className="notice notice-danger">{t('missing')}</p>;
  return <Snapshot state={state} />;
}
