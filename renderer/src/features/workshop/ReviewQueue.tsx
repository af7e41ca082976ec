import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { getCatalogue, DEFAULT_CATALOGUE_ID } from '../../../../core/catalogue/index.ts';
import type { WorkshopState } from '../../../../core/workshop/state.ts';
import { hrefFor } from '../../app/routes.ts';
import { acceptKpi, returnKpi } from '../../data/index.ts';
import { TextInput } from './TextInput.tsx';
import { Problem, useDescribeActionError } from './Problem.tsx';


function SubmittedKpi({ assessmentId, kpiId, code }: { readonly assessmentId: string; readonly kpiId: string; readonly code: string }) {
  const { t } = useTranslation(['workshop', 'catalogue', 'common']);
  const describeError = useDescribeActionError();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (action: () => Promise<void>) => {
    setProblem(null);
    await action().catch((error: unknown) => setProblem(describeError(error)));
  };
  const name = t(`catalogue:kpi.${kpiId}.name`);
  return (
    <li className="card stack-tight">
      <p>
        <span className="code" dir="ltr">
          {code}
        </span>{' '}
        <a href={hrefFor({ name: 'workspace', assessmentId, kpiId })}>{name}</a>
      </p>
      <div className="cluster review-actions">
        <Button className="button" onPress={() => void act(() => acceptKpi(assessmentId, kpiId))}>
          {t('review.accept')}
          <span className="visually-hidden"> {name}</span>
        </Button>
        <TextInput label={t('review.reason', { kpi: name })} value={reason} onChange={setReason} />
        <Button
          className="button button-secondary"
          onPress={() => void act(() => (reason.trim() ? returnKpi(assessmentId, kpiId, reason) : Promise.reject(Object.assign(new Error('reason'), { code: 'E_INVALID' }))))}
        >
          {t('review.return')}
          <span className="visually-hidden"> {name}</span>
        </Button>
      </div>
      <Problem text={problem} />
    </li>
  );
}

/** Submitted KPIs waiting for the facilitator: accept, or return with a reason. */
export function ReviewQueue({ assessmentId, state }: { readonly assessmentId: string; readonly state: WorkshopState }) {
  const { t } = useTranslation('workshop');
  const catalogue = getCatalogue(DEFAULT_CATALOGUE_ID)!;
  const waiting = catalogue.kpis.filter((kpi) => state.reviews.get(kpi.id)?.submission === 'submitted');
  return (
    <section className="card stack" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      {waiting.length === 0 ? (
        <p className="muted">{t('review.empty')}</p>
      ) : (
        <ul className="stack-tight">
          {waiting.map((kpi) => (
            <SubmittedKpi key={kpi.id} assessmentId={assessmentId} kpiId={kpi.id} code={kpi.code} />
          ))}
        </ul>
      )}
    </section>
  );
}
