import { useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { pointNameKey, pointsOf } from '../../../../core/catalogue/index.ts';
import type { Catalogue, KpiDefinition } from '../../../../core/catalogue/types.ts';
import { pointKey, type Assignment, type Participant, type WorkshopState } from '../../../../core/workshop/state.ts';
import { assignEach, type AssignmentTarget } from '../../data/index.ts';
import { useDescribeActionError } from './Problem.tsx';
import { SelectField } from './SelectField.tsx';
import { TextInput } from './TextInput.tsx';

interface Draft {
  readonly target: AssignmentTarget;
  readonly department: string;
  readonly participantId: string;
}

function draftOf(target: AssignmentTarget, stored: Assignment | undefined): Draft {
  return { target, department: stored?.department ?? '', participantId: stored?.participantId ?? '' };
}

function draftsFor(state: WorkshopState, kpi: KpiDefinition): Draft[] {
  const points = pointsOf(kpi);
  return [
    draftOf({ kpiId: kpi.id }, state.assignments.get(kpi.id)),
    ...(points.length > 1 ? points.map((point) => draftOf({ kpiId: kpi.id, pointId: point.id }, state.pointAssignments.get(pointKey(kpi.id, point.id)))) : []),
  ];
}

function stored(state: WorkshopState, target: AssignmentTarget): Assignment | undefined {
  return target.pointId === undefined ? state.assignments.get(target.kpiId) : state.pointAssignments.get(pointKey(target.kpiId, target.pointId));
}

interface EditorProps {
  readonly assessmentId: string;
  readonly state: WorkshopState;
  readonly kpi: KpiDefinition;
  readonly people: readonly Participant[];
  readonly departmentList: string;
}

/** The responsible department and participant of one KPI and, for a KPI of several data points, of each point. */
function KpiAssignmentForm({ assessmentId, state, kpi, people, departmentList }: EditorProps) {
  const { t } = useTranslation(['workshop', 'catalogue']);
  const describeError = useDescribeActionError();
  const [drafts, setDrafts] = useState(() => draftsFor(state, kpi));
  const [message, setMessage] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const change = (index: number, update: Partial<Draft>) => setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, ...update } : draft)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = drafts
      .filter((draft) => {
        const before = draftOf(draft.target, stored(state, draft.target));
        return before.department !== draft.department.trim() || before.participantId !== draft.participantId;
      })
      .map(({ target, department, participantId }) => ({ target, to: { department: department || null, participantId: participantId || null } }));
    try {
      await assignEach(assessmentId, changes);
      setMessage({ ok: true, text: t('assign.saved', { code: kpi.code }) });
    } catch (error) {
      setMessage({ ok: false, text: describeError(error) });
    }
  };
  const legendOf = (target: AssignmentTarget) => {
    if (target.pointId === undefined) return t('assign.wholeKpi');
    const key = pointNameKey(kpi.id, target.pointId);
    return key ? t(`catalogue:${key}`) : target.pointId;
  };
  return (
    <form className="stack-tight" onSubmit={submit}>
      {drafts.map((draft, index) => (
        <fieldset key={draft.target.pointId ?? ''} className="assign-row form-grid">
          <legend className="field-label">{legendOf(draft.target)}</legend>
          <TextInput
            label={t('assign.department')}
            value={draft.department}
            onChange={(department) => change(index, { department })}
            list={departmentList}
            placeholder={draft.target.pointId === undefined ? undefined : t('assign.asKpi')}
          />
          <SelectField label={t('assign.participant')} value={draft.participantId} onChange={(participantId) => change(index, { participantId })}>
            <option value="">{draft.target.pointId === undefined ? t('assign.anyone') : t('assign.asKpi')}</option>
            {people.map((participant) => (
              <option key={participant.id} value={participant.id}>
                {participant.department ? t('assign.personOf', { name: participant.name, department: participant.department }) : participant.name}
              </option>
            ))}
          </SelectField>
        </fieldset>
      ))}
      {drafts.length > 1 ? <p className="muted">{t('assign.pointsHint')}</p> : null}
      <p>
        <Button type="submit" className="button">
          {t('assign.save')}
        </Button>
      </p>
      {message ? (
        <p className={message.ok ? 'notice' : 'notice notice-danger'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}

/** Assignment one KPI at a time, down to its data points: the bulk form's complement. */
export function AssignOneByOne({ assessmentId, state, catalogue, departmentList }: { readonly assessmentId: string; readonly state: WorkshopState; readonly catalogue: Catalogue; readonly departmentList: string }) {
  const { t } = useTranslation(['workshop', 'catalogue']);
  const titleId = useId();
  const [kpiId, setKpiId] = useState(catalogue.kpis[0]!.id);
  const kpi = catalogue.kpis.find((candidate) => candidate.id === kpiId) ?? catalogue.kpis[0]!;
  const people = state.participants.filter((participant) => participant.role === 'participant');
  return (
    <section className="card stack" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('assign.oneTitle')}</h2>
      <SelectField label={t('assign.kpi')} value={kpi.id} onChange={setKpiId}>
        {catalogue.kpis.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {`${candidate.code} ${t(`catalogue:kpi.${candidate.id}.name`)}`}
          </option>
        ))}
      </SelectField>
      <KpiAssignmentForm key={kpi.id} assessmentId={assessmentId} state={state} kpi={kpi} people={people} departmentList={departmentList} />
    </section>
  );
}
