import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { pointNameKey, pointsOf } from '../../../../core/catalogue/index.ts';
import type { KpiDefinition } from '../../../../core/catalogue/types.ts';
import { isResponsibleForKpi } from '../../../../core/workshop/assignment.ts';
import { QUESTION_OUTCOMES, type QuestionOutcome, type Verdict } from '../../../../core/workshop/fields.ts';
import { pointKey, type Review, type WorkshopState } from '../../../../core/workshop/state.ts';
import { acceptKpi, askQuestion, recordVerdict, reopenKpi, returnKpi, submitKpi, updateQuestion } from '../../data/index.ts';
import { useWorkshop } from '../../data/hooks.ts';
import { SelectField } from './SelectField.tsx';
import { TextInput } from './TextInput.tsx';
import { Problem, useDescribeActionError } from './Problem.tsx';

/** Runs a workshop action and shows why it failed, next to the control that started it. */
function useAction() {
  const describeError = useDescribeActionError();
  const [problem, setProblem] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>) => {
    setProblem(null);
    void action().catch((error: unknown) => setProblem(describeError(error)));
  };
  const shown = <Problem text={problem} />;
  return { run, shown };
}

function VerdictSelect({ label, value, onChange }: { readonly label: string; readonly value: Verdict | null; readonly onChange: (value: Verdict | null) => void }) {
  const { t } = useTranslation('workshop');
  return (
    <SelectField label={label} value={value ?? ''} onChange={(chosen) => onChange(chosen === '' ? null : (chosen as Verdict))}>
        <option value="">{t('verify.unset')}</option>
        <option value="yes">{t('verify.yes')}</option>
        <option value="no">{t('verify.no')}</option>
    </SelectField>
  );
}

function VerdictForm({ assessmentId, kpiId, pointId, review, label }: { readonly assessmentId: string; readonly kpiId: string; readonly pointId: string | undefined; readonly review: Review | undefined; readonly label: string }) {
  const { t } = useTranslation('workshop');
  const { run, shown } = useAction();
  const [reported, setReported] = useState<Verdict | null>(review?.reported ?? 'yes');
  const [verified, setVerified] = useState<Verdict | null>(review?.verified ?? null);
  return (
    <fieldset className="stack-tight verdict">
      <legend>{label}</legend>
      <div className="cluster">
        <VerdictSelect label={t('verify.reported')} value={reported} onChange={setReported} />
        <VerdictSelect label={t('verify.verified')} value={verified} onChange={setVerified} />
        <Button className="button button-secondary" onPress={() => run(() => recordVerdict(assessmentId, kpiId, pointId, { reported, verified }))}>
          {t('verify.save')}
          <span className="visually-hidden"> {label}</span>
        </Button>
      </div>
      {shown}
    </fieldset>
  );
}

function QuestionLog({ assessmentId, kpiId, state, canAsk }: { readonly assessmentId: string; readonly kpiId: string; readonly state: WorkshopState; readonly canAsk: boolean }) {
  const { t } = useTranslation('workshop');
  const { run, shown } = useAction();
  const [question, setQuestion] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const questions = state.questions.filter((entry) => entry.kpiId === kpiId);
  return (
    <section className="stack-tight" aria-labelledby={`questions-${kpiId}`}>
      <h3 id={`questions-${kpiId}`}>{t('questions.title')}</h3>
      {questions.length === 0 ? <p className="muted">{t('questions.none')}</p> : null}
      <ol className="stack-tight">
        {questions.map((entry) => (
          <li key={entry.id} className="stack-tight question">
            <p>
              <strong>{t('questions.question')}</strong> <bdi>{entry.question}</bdi>
            </p>
            <p>
              <strong>{t('questions.answer')}</strong> {entry.answer ? <bdi>{entry.answer}</bdi> : <span className="muted">{t('questions.noAnswer')}</span>}
            </p>
            <div className="cluster">
              <TextInput label={t('questions.answerLabel')} value={answers[entry.id] ?? ''} onChange={(answer) => setAnswers({ ...answers, [entry.id]: answer })} />
              <Button className="button button-secondary" onPress={() => run(() => updateQuestion(assessmentId, kpiId, entry.id, { answer: answers[entry.id] ?? '' }))}>
                {t('questions.saveAnswer')}
              </Button>
              <SelectField
                label={t('questions.outcome')}
                value={entry.outcome}
                disabled={!canAsk}
                onChange={(outcome) => run(() => updateQuestion(assessmentId, kpiId, entry.id, { outcome: outcome as QuestionOutcome }))}
              >
                  {QUESTION_OUTCOMES.map((outcome) => (
                    <option key={outcome} value={outcome}>
                      {t(`questions.outcomes.${outcome}`)}
                    </option>
                  ))}
              </SelectField>
            </div>
          </li>
        ))}
      </ol>
      {canAsk ? (
        <div className="cluster">
          <TextInput label={t('questions.ask')} value={question} onChange={setQuestion} />
          <Button
            className="button button-secondary"
            onPress={() =>
              run(async () => {
                await askQuestion(assessmentId, kpiId, question);
                setQuestion('');
              })
            }
          >
            {t('questions.add')}
          </Button>
        </div>
      ) : null}
      {shown}
    </section>
  );
}

/** The KPI's place in the workshop: who is responsible, its review and verification, and what the person at the keyboard can do. */
export function WorkshopKpiPanel({ assessmentId, kpi }: { readonly assessmentId: string; readonly kpi: KpiDefinition }) {
  const { t } = useTranslation(['workshop', 'catalogue']);
  const view = useWorkshop(assessmentId);
  const { run, shown } = useAction();
  const [reason, setReason] = useState('');
  if (!view || view.state.workshops.length === 0) return null;
  const { state, active } = view;
  const review = state.reviews.get(kpi.id);
  const assignment = state.assignments.get(kpi.id);
  const responsible = state.participants.find((participant) => participant.id === assignment?.participantId);
  const role = active?.role;
  const verified = review?.verified === 'yes';
  const points = pointsOf(kpi);
  const canSubmit = active !== null && ((role === 'participant' && isResponsibleForKpi(state, active, kpi.id)) || role === 'facilitator') && review?.submission !== 'submitted' && !verified;
  return (
    <section className="card stack-tight workshop-kpi" aria-labelledby={`workshop-${kpi.id}`}>
      <h2 id={`workshop-${kpi.id}`}>{t('kpi.title')}</h2>
      <dl className="facts">
        <dt>{t('kpi.responsible')}</dt>
        <dd>
          <bdi>{[assignment?.department, responsible?.name].filter(Boolean).join(' · ') || t('kpi.nobody')}</bdi>
        </dd>
        <dt>{t('kpi.review')}</dt>
        <dd>
          <span className="badge" data-testid="submission-state">
            {t(`kpi.submission.${review?.submission ?? 'draft'}`)}
          </span>
          {review?.submission === 'returned' && review.returnReason ? (
            <>
              {' '}
              <bdi>{t('kpi.returnedBecause', { reason: review.returnReason })}</bdi>
            </>
          ) : null}
        </dd>
        <dt>{t('kpi.verification')}</dt>
        <dd>
          <span className={verified ? 'badge badge-success' : 'badge'} data-testid="verification-state">
            {t('kpi.verdict', { reported: t(`verify.${review?.reported ?? 'unset'}`), verified: t(`verify.${review?.verified ?? 'unset'}`) })}
          </span>
          {review?.reopenReason && !verified ? (
            <>
              {' '}
              <bdi>{t('kpi.reopenedBecause', { reason: review.reopenReason })}</bdi>
            </>
          ) : null}
        </dd>
      </dl>
      <div className="cluster">
        {canSubmit ? (
          <Button className="button" onPress={() => run(() => submitKpi(assessmentId, kpi.id))}>
            {t('kpi.submit')}
          </Button>
        ) : null}
        {role === 'facilitator' && review?.submission === 'submitted' ? (
          <Button className="button" onPress={() => run(() => acceptKpi(assessmentId, kpi.id))}>
            {t('review.accept')}
          </Button>
        ) : null}
      </div>
      {(role === 'facilitator' && review?.submission === 'submitted') || ((role === 'facilitator' || role === 'verifier') && verified) ? (
        <div className="cluster">
          <TextInput label={t('kpi.reason')} value={reason} onChange={setReason} />
          {role === 'facilitator' && review?.submission === 'submitted' ? (
            <Button className="button button-secondary" onPress={() => run(() => returnKpi(assessmentId, kpi.id, reason))}>
              {t('review.return')}
            </Button>
          ) : null}
          {verified ? (
            <Button className="button button-secondary" onPress={() => run(() => reopenKpi(assessmentId, kpi.id, reason))}>
              {t('kpi.reopen')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {shown}
      {role === 'verifier' ? (
        <div className="stack-tight">
          <VerdictForm key={`kpi-${review?.verified}`} assessmentId={assessmentId} kpiId={kpi.id} pointId={undefined} review={review} label={t('verify.kpi')} />
          {points.length > 1
            ? points.map((point) => {
                const key = pointNameKey(kpi.id, point.id);
                return (
                  <VerdictForm
                    key={point.id}
                    assessmentId={assessmentId}
                    kpiId={kpi.id}
                    pointId={point.id}
                    review={state.pointReviews.get(pointKey(kpi.id, point.id))}
                    label={key ? t(`catalogue:${key}`) : point.id}
                  />
                );
              })
            : null}
        </div>
      ) : null}
      {role === 'verifier' || role === 'facilitator' || state.questions.some((entry) => entry.kpiId === kpi.id) ? (
        <QuestionLog assessmentId={assessmentId} kpiId={kpi.id} state={state} canAsk={role === 'verifier' || role === 'facilitator'} />
      ) : null}
    </section>
  );
}
