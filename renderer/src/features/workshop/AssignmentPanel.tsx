import { Fragment, useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { categoriesOf, getCatalogue, pointNameKey, pointsOf, kpisInCategory, kpisInDimension, kpisInSubdimension, subdimensionsOf, DEFAULT_CATALOGUE_ID } from '../../../../core/catalogue/index.ts';
import type { Catalogue, KpiDefinition, SubdimensionId, DimensionId } from '../../../../core/catalogue/types.ts';
import { departmentsOf } from '../../../../core/workshop/assignment.ts';
import { pointKey, type Assignment, type WorkshopState } from '../../../../core/workshop/state.ts';
import { AssignOneByOne } from './AssignOneByOne.tsx';
import { assignKpis } from '../../data/index.ts';
import { TextInput } from './TextInput.tsx';
import { useDescribeActionError } from './Problem.tsx';

/** `d:EC`, `s:EC-ICT`, `c:EC-ICT-ICT`, `k:EC-ICT-ICT-1C`: what one bulk assignment covers. */
function kpisOfScope(catalogue: Catalogue, scope: string): readonly KpiDefinition[] {
  const [kind, id = ''] = scope.split(':');
  if (kind === 'd') return kpisInDimension(catalogue, id as DimensionId);
  if (kind === 's') return kpisInSubdimension(catalogue, id as SubdimensionId);
  if (kind === 'c') return kpisInCategory(catalogue, id);
  return catalogue.kpis.filter((kpi) => kpi.id === id);
}

function ScopeOptions({ catalogue }: { readonly catalogue: Catalogue }) {
  const { t } = useTranslation('catalogue');
  return (
    <>
        {catalogue.dimensions.map((dimension) => (
          <optgroup key={dimension} label={t(`dimensions.${dimension}`)}>
            <option value={`d:${dimension}`}>{t(`dimensions.${dimension}`)}</option>
            {subdimensionsOf(catalogue, dimension).flatMap((subdimension) => [
              <option key={subdimension} value={`s:${subdimension}`}>
                {`— ${t(`subdimensions.${subdimension}`)}`}
              </option>,
              ...categoriesOf(catalogue, subdimension).flatMap((category) => [
                <option key={category.id} value={`c:${category.id}`}>
                  {`—— ${t(`categories.${category.id}`)}`}
                </option>,
                ...kpisInCategory(catalogue, category.id).map((kpi) => (
                  <option key={kpi.id} value={`k:${kpi.id}`}>
                    {`——— ${kpi.code} ${t(`kpi.${kpi.id}.name`)}`}
                  </option>
                )),
              ]),
            ])}
          </optgroup>
        ))}
    </>
  );
}

function AssignmentRow({ state, code, name, assignment }: { readonly state: WorkshopState; readonly code: string; readonly name: string; readonly assignment: Assignment | undefined }) {
  const person = state.participants.find((participant) => participant.id === assignment?.participantId);
  return (
    <tr>
      <td dir="ltr" className="code">
        {code}
      </td>
      <td>{name}</td>
      <td>
        <bdi>{assignment?.department ?? '—'}</bdi>
      </td>
      <td>
        <bdi>{person?.name ?? '—'}</bdi>
      </td>
    </tr>
  );
}

/** Bulk assignment by dimension, sub-dimension, category or single KPI, and the list of who is responsible for what. */
export function AssignmentPanel({ assessmentId, state }: { readonly assessmentId: string; readonly state: WorkshopState }) {
  const { t } = useTranslation(['workshop', 'catalogue', 'common']);
  const describeError = useDescribeActionError();
  const catalogue = getCatalogue(DEFAULT_CATALOGUE_ID)!;
  const scopeId = useId();
  const personId = useId();
  const listId = useId();
  const [scope, setScope] = useState(`d:${catalogue.dimensions[0]}`);
  const [department, setDepartment] = useState('');
  const [participantId, setParticipantId] = useState('');
  const [message, setMessage] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const departments = departmentsOf(state);
  const people = state.participants.filter((participant) => participant.role === 'participant');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const kpis = kpisOfScope(catalogue, scope);
    const chosen = people.find((participant) => participant.id === participantId);
    const responsible = department.trim() || chosen?.department || '';
    if (!responsible && !chosen) {
      setMessage({ ok: false, text: t('assign.needWho') });
      return;
    }
    try {
      await assignKpis(assessmentId, kpis.map((kpi) => ({ kpiId: kpi.id })), { department: responsible || null, participantId: chosen?.id ?? null });
      setMessage({ ok: true, text: t('assign.done', { count: kpis.length }) });
    } catch (error) {
      setMessage({ ok: false, text: describeError(error) });
    }
  };

  return (
    <>
      <section className="card stack" aria-labelledby="assign-title">
        <h2 id="assign-title">{t('assign.title')}</h2>
        <form className="form-grid" onSubmit={submit}>
          <div className="field">
            <label className="field-label" htmlFor={scopeId}>
              {t('assign.scope')}
            </label>
            <select id={scopeId} className="input" value={scope} onChange={(event) => setScope(event.target.value)}>
              <ScopeOptions catalogue={catalogue} />
            </select>
          </div>
          <TextInput label={t('assign.department')} value={department} onChange={setDepartment} list={listId} />
          <datalist id={listId}>
            {departments.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </datalist>
          <div className="field">
            <label className="field-label" htmlFor={personId}>
              {t('assign.participant')}
            </label>
            <select id={personId} className="input" value={participantId} onChange={(event) => setParticipantId(event.target.value)}>
              <option value="">{t('assign.anyone')}</option>
              {people.map((participant) => (
                <option key={participant.id} value={participant.id}>
                  {participant.department ? t('assign.personOf', { name: participant.name, department: participant.department }) : participant.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field assign-submit">
            <Button type="submit" className="button">
              {t('assign.submit')}
            </Button>
          </div>
        </form>
        {message ? (
          <p className={message.ok ? 'notice' : 'notice notice-danger'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        ) : null}
        <details>
          <summary>{t('assign.listTitle')}</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('catalogue:fields.code')}</th>
                <th scope="col">{t('catalogue:fields.name')}</th>
                <th scope="col">{t('assign.department')}</th>
                <th scope="col">{t('assign.participant')}</th>
              </tr>
            </thead>
            <tbody>
              {catalogue.kpis.map((kpi) => (
                <Fragment key={kpi.id}>
                  <AssignmentRow state={state} code={kpi.code} name={t(`catalogue:kpi.${kpi.id}.name`)} assignment={state.assignments.get(kpi.id)} />
                  {pointsOf(kpi).map((point) => {
                    const own = state.pointAssignments.get(pointKey(kpi.id, point.id));
                    const nameKey = pointNameKey(kpi.id, point.id);
                    return own && (own.department || own.participantId) && nameKey ? (
                      <AssignmentRow key={point.id} state={state} code="" name={`— ${t(`catalogue:${nameKey}`)}`} assignment={own} />
                    ) : null;
                  })}
                </Fragment>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      <AssignOneByOne assessmentId={assessmentId} state={state} catalogue={catalogue} departmentList={listId} />
    </>
  );
}
