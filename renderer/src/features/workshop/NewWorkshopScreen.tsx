import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { hrefFor, navigate } from '../../app/routes.ts';
import { createWorkshop, type NewParticipant } from '../../data/index.ts';
import { useAssessments } from '../../data/hooks.ts';
import { Problem, useDescribeActionError } from './Problem.tsx';
import { TextInput } from './TextInput.tsx';
import './workshop.css';

interface Draft {
  assessmentId: string;
  title: string;
  startDate: string;
  endDate: string;
  place: string;
  facilitator: string;
  facilitatorDepartment: string;
  verifier: string;
  participants: { name: string; department: string }[];
}

const STEPS = ['details', 'leaders', 'participants'] as const;
type Step = (typeof STEPS)[number];

function stepProblem(step: Step, draft: Draft): string | null {
  if (step === 'details') return !draft.assessmentId ? 'assessmentRequired' : !draft.title.trim() ? 'titleRequired' : draft.endDate && draft.startDate && draft.endDate < draft.startDate ? 'datesOrder' : null;
  if (step === 'leaders') return draft.facilitator.trim() ? null : 'facilitatorRequired';
  const names = [draft.facilitator, draft.verifier, ...draft.participants.map((participant) => participant.name)].map((name) => name.trim().toLocaleLowerCase()).filter(Boolean);
  return new Set(names).size === names.length ? null : 'duplicateName';
}

function participantsOf(draft: Draft): NewParticipant[] {
  const people: NewParticipant[] = [{ name: draft.facilitator, department: draft.facilitatorDepartment, role: 'facilitator' }];
  if (draft.verifier.trim()) people.push({ name: draft.verifier, department: '', role: 'verifier' });
  for (const participant of draft.participants) if (participant.name.trim()) people.push({ ...participant, role: 'participant' });
  return people;
}

/** The three-step wizard: the workshop, who leads and verifies it, who takes part. */
export function NewWorkshopScreen() {
  const { t } = useTranslation(['workshop', 'common']);
  const describeError = useDescribeActionError();
  const assessments = useAssessments();
  const [step, setStep] = useState<Step>('details');
  const [problem, setProblem] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<Draft>({
    assessmentId: '',
    title: '',
    startDate: '',
    endDate: '',
    place: '',
    facilitator: '',
    facilitatorDepartment: '',
    verifier: '',
    participants: [{ name: '', department: '' }],
  });
  const assessmentId = draft.assessmentId || assessments?.[0]?.id || '';
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const setParticipant = (index: number, change: Partial<Draft['participants'][number]>) =>
    setDraft((current) => ({ ...current, participants: current.participants.map((row, at) => (at === index ? { ...row, ...change } : row)) }));
  const index = STEPS.indexOf(step);

  const next = async (event: FormEvent) => {
    event.preventDefault();
    const checked = { ...draft, assessmentId };
    const found = stepProblem(step, checked);
    setProblem(found);
    if (found) return;
    if (index < STEPS.length - 1) {
      setStep(STEPS[index + 1]!);
      return;
    }
    setBusy(true);
    setFailed(null);
    try {
      await createWorkshop({
        assessmentId,
        title: draft.title,
        startDate: draft.startDate || null,
        endDate: draft.endDate || null,
        place: draft.place,
        participants: participantsOf(checked),
      });
      navigate({ name: 'workshop', assessmentId });
    } catch (error) {
      setFailed(describeError(error));
      setBusy(false);
    }
  };

  if (assessments !== undefined && assessments.length === 0) {
    return (
      <section className="stack">
        <h1>{t('wizard.title')}</h1>
        <p className="notice">{t('wizard.noAssessment')}</p>
        <p>
          <a href={hrefFor({ name: 'home' })}>{t('common:notFound.backHome')}</a>
        </p>
      </section>
    );
  }

  return (
    <form className="stack workshop-wizard" onSubmit={next} noValidate aria-labelledby="wizard-title">
      <h1 id="wizard-title">{t('wizard.title')}</h1>
      <ol className="cluster wizard-steps" aria-label={t('wizard.stepsLabel')}>
        {STEPS.map((name, at) => (
          <li key={name} aria-current={name === step ? 'step' : undefined} className={name === step ? 'badge badge-success' : 'badge'}>
            {t('wizard.stepOf', { step: at + 1, total: STEPS.length, name: t(`wizard.steps.${name}`) })}
          </li>
        ))}
      </ol>
      <h2>{t(`wizard.steps.${step}`)}</h2>
      {step === 'details' ? (
        <div className="form-grid">
          <div className="field">
            <label className="field-label" htmlFor="wizard-assessment">
              {t('wizard.assessment')}
            </label>
            <select id="wizard-assessment" className="input" value={assessmentId} onChange={(event) => update({ assessmentId: event.target.value })}>
              {(assessments ?? []).map((assessment) => (
                <option key={assessment.id} value={assessment.id}>
                  {assessment.title ?? t('wizard.assessmentOption', { city: assessment.city.name, year: assessment.year })}
                </option>
              ))}
            </select>
          </div>
          <TextInput label={t('wizard.workshopTitle')} value={draft.title} onChange={(title) => update({ title })} required />
          <TextInput label={t('wizard.startDate')} type="date" value={draft.startDate} onChange={(startDate) => update({ startDate })} />
          <TextInput label={t('wizard.endDate')} type="date" value={draft.endDate} onChange={(endDate) => update({ endDate })} />
          <TextInput label={t('wizard.place')} value={draft.place} onChange={(place) => update({ place })} />
        </div>
      ) : step === 'leaders' ? (
        <div className="form-grid">
          <TextInput label={t('wizard.facilitator')} value={draft.facilitator} onChange={(facilitator) => update({ facilitator })} required autoComplete="name" />
          <TextInput label={t('wizard.facilitatorDepartment')} value={draft.facilitatorDepartment} onChange={(facilitatorDepartment) => update({ facilitatorDepartment })} />
          <TextInput label={t('wizard.verifier')} value={draft.verifier} onChange={(verifier) => update({ verifier })} />
        </div>
      ) : (
        <div className="stack">
          <p className="muted">{t('wizard.participantsHint')}</p>
          {draft.participants.map((participant, at) => (
            <fieldset key={at} className="form-grid wizard-row">
              <legend className="visually-hidden">{t('wizard.participantNumber', { number: at + 1 })}</legend>
              <TextInput label={t('wizard.participantName', { number: at + 1 })} value={participant.name} onChange={(name) => setParticipant(at, { name })} />
              <TextInput label={t('wizard.participantDepartment', { number: at + 1 })} value={participant.department} onChange={(department) => setParticipant(at, { department })} />
            </fieldset>
          ))}
          <div className="cluster">
            <Button className="button button-secondary" onPress={() => update({ participants: [...draft.participants, { name: '', department: '' }] })}>
              {t('wizard.addParticipant')}
            </Button>
          </div>
        </div>
      )}
      <Problem text={problem ? t(`wizard.problems.${problem}`) : null} />
      <Problem text={failed} />
      <div className="cluster">
        {index > 0 ? (
          <Button className="button button-secondary" onPress={() => setStep(STEPS[index - 1]!)}>
            {t('wizard.back')}
          </Button>
        ) : null}
        <Button type="submit" className="button" isDisabled={busy}>
          {index < STEPS.length - 1 ? t('wizard.next') : t('wizard.create')}
        </Button>
      </div>
    </form>
  );
}
