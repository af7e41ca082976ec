import { useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { WorkshopRole } from '../../../../core/workshop/fields.ts';
import { hrefFor } from '../../app/routes.ts';
import { addParticipant } from '../../data/index.ts';
import { useWorkshop } from '../../data/hooks.ts';
import { formatDay, useLanguage } from '../../i18n/index.ts';
import { AssignmentPanel } from './AssignmentPanel.tsx';
import { ParticipantSwitcher } from './ParticipantSwitcher.tsx';
import { ParticipantPackages } from './ParticipantPackages.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';
import { sheetKey } from './sheets.ts';
import { TextInput } from './TextInput.tsx';
import './workshop.css';
import { Problem, useDescribeActionError } from './Problem.tsx';

function AddParticipantForm({ assessmentId }: { readonly assessmentId: string }) {
  const { t } = useTranslation(['workshop', 'common']);
  const describeError = useDescribeActionError();
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');
  const [role, setRole] = useState<WorkshopRole>('participant');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      await addParticipant(assessmentId, { name, department, role });
      setName('');
      setDepartment('');
      setProblem(null);
    } catch (error) {
      setProblem(describeError(error));
    }
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('people.add')}>
      <TextInput label={t('people.name')} value={name} onChange={setName} />
      <TextInput label={t('people.department')} value={department} onChange={setDepartment} />
      <div className="field">
        <label className="field-label" htmlFor="new-participant-role">
          {t('people.role')}
        </label>
        <select id="new-participant-role" className="input" value={role} onChange={(event) => setRole(event.target.value as WorkshopRole)}>
          {(['participant', 'verifier', 'facilitator'] as const).map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field assign-submit">
        <Button type="submit" className="button button-secondary">
          {t('people.add')}
        </Button>
      </div>
      <Problem text={problem} />
    </form>
  );
}

/** The facilitator's desk: the workshop, who is at the keyboard, people, assignments, review, sheets and packages. */
export function WorkshopScreen({ assessmentId }: { readonly assessmentId: string }) {
  const { t } = useTranslation('workshop');
  const language = useLanguage();
  const view = useWorkshop(assessmentId);
  if (view === undefined) return <output className="muted">{t('loading')}</output>;
  const workshop = view.state.workshops[0];
  if (!workshop) {
    return (
      <section className="stack">
        <h1>{t('screen.none')}</h1>
        <p>
          <a className="button button-secondary" href={hrefFor({ name: 'newWorkshop' })}>
            {t('screen.create')}
          </a>
        </p>
      </section>
    );
  }
  const departments = [...new Set(view.state.participants.filter((participant) => participant.department && participant.role === 'participant').map((participant) => participant.department))].sort();
  const dates = [formatDay(workshop.startDate, language), formatDay(workshop.endDate, language)].filter(Boolean).join(' – ');
  return (
    <div className="stack workshop-screen">
      <header className="stack-tight">
        <h1>
          <bdi>{workshop.title}</bdi>
        </h1>
        <p className="muted">{[dates, workshop.place].filter(Boolean).join(' · ')}</p>
        <p className="cluster">
          <a className="button" href={hrefFor({ name: 'board', assessmentId })}>
            {t('screen.board')}
          </a>
        </p>
      </header>
      <ParticipantSwitcher assessmentId={assessmentId} />
      <div className="split">
        <section className="card stack" aria-labelledby="people-title">
          <h2 id="people-title">{t('people.title')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.department')}</th>
                <th scope="col">{t('people.role')}</th>
                <th scope="col">{t('sheets.column')}</th>
              </tr>
            </thead>
            <tbody>
              {view.state.participants.map((participant) => (
                <tr key={participant.id}>
                  <td>
                    <bdi>{participant.name}</bdi>
                  </td>
                  <td>
                    <bdi>{participant.department}</bdi>
                  </td>
                  <td>{t(`roles.${participant.role}`)}</td>
                  <td>
                    {participant.role === 'participant' ? (
                      <a href={hrefFor({ name: 'worksheet', assessmentId, sheet: sheetKey({ kind: 'participant', id: participant.id }) })}>
                        {t('sheets.open')}
                        <span className="visually-hidden"> {participant.name}</span>
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <AddParticipantForm assessmentId={assessmentId} />
          {departments.length > 0 ? (
            <div className="stack-tight">
              <h3>{t('sheets.byDepartment')}</h3>
              <ul className="cluster">
                {departments.map((department) => (
                  <li key={department}>
                    <a href={hrefFor({ name: 'worksheet', assessmentId, sheet: sheetKey({ kind: 'department', id: department }) })}>
                      <bdi>{department}</bdi>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
        <ReviewQueue assessmentId={assessmentId} state={view.state} />
      </div>
      <AssignmentPanel assessmentId={assessmentId} state={view.state} />
      <ParticipantPackages assessmentId={assessmentId} state={view.state} />
    </div>
  );
}
