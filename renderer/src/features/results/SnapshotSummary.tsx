import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes.ts';
import { useWorkshop } from '../../data/hooks.ts';
import { AreaScores } from './AreaScores.tsx';
import { Completeness } from './Completeness.tsx';
import { useScores, useTargetSets } from './use-scores.ts';
import { useSnapshot, type SnapshotState } from './use-snapshot.ts';
import { VerificationLabel } from './VerificationLabel.tsx';
import { isVerified } from './verification.ts';
import './results.css';

function Summary({ state }: { readonly state: Extract<SnapshotState, { kind: 'ready' }> }) {
  const { t } = useTranslation('results');
  const { assessment, catalogue, model } = state;
  const targets = useTargetSets();
  const verified = isVerified(model, useWorkshop(assessment.id)?.state);
  const report = useScores(catalogue, model, targets?.chosen ?? null, verified);
  return (
    <section className="stack-tight results" aria-labelledby="snapshot-summary-title">
      <h2 id="snapshot-summary-title">{t('summary.title')}</h2>
      <VerificationLabel verified={verified} />
      {report ? <AreaScores catalogue={catalogue} report={report} /> : null}
      <Completeness model={model} />
      <p>
        <a className="button button-secondary" href={hrefFor({ name: 'snapshot', assessmentId: assessment.id })}>
          {t('summary.open')}
        </a>
      </p>
    </section>
  );
}

/** The City Snapshot in brief, where an assessment opens: scores by area and what is reported, without the charts. */
export function SnapshotSummary({ assessmentId }: { readonly assessmentId: string }) {
  const state = useSnapshot(assessmentId);
  return state.kind === 'ready' ? <Summary state={state} /> : null;
}
