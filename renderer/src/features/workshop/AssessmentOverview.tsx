import { useTranslation } from 'react-i18next';
import { getCatalogue, DEFAULT_CATALOGUE_ID } from '../../../../core/catalogue/index.ts';
import { kpisAssignedTo } from '../../../../core/workshop/assignment.ts';
import { BOARD_STATES } from '../../../../core/workshop/progress.ts';
import { hrefFor } from '../../app/routes.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { useWorkshopProgress } from './use-progress.ts';
import { SnapshotSummary } from '../results/SnapshotSummary.tsx';
import './board.css';
import './workshop.css';

const NEXT_SHOWN = 8;

/** Where an assessment opens: how far it is, what is missing or returned, and the next KPIs of whoever is at the keyboard. */
export function AssessmentOverview({ assessmentId }: { readonly assessmentId: string }) {
  const { t } = useTranslation(['workshop', 'catalogue']);
  const format = useFormatNumber();
  const view = useWorkshopProgress(assessmentId);
  if (!view) return <output className="muted">{t('loading')}</output>;
  const { progress, workshop, assessment } = view;
  const catalogue = getCatalogue(assessment.catalogueId) ?? getCatalogue(DEFAULT_CATALOGUE_ID)!;
  const codeOf = new Map(catalogue.kpis.map((kpi) => [kpi.id, kpi.code]));
  const returned = catalogue.kpis.filter((kpi) => progress.byKpi.get(kpi.id) === 'returned');
  const active = workshop.active;
  const open = (kpiId: string) => !['reported', 'verified', 'notReported'].includes(progress.byKpi.get(kpiId) ?? 'missing');
  const next = (active && active.role === 'participant' ? kpisAssignedTo(workshop.state, catalogue, active) : catalogue.kpis).filter((kpi) => open(kpi.id)).slice(0, NEXT_SHOWN);
  const hasWorkshop = workshop.state.workshops.length > 0;
  const link = (kpiId: string) => (
    <a href={hrefFor({ name: 'workspace', assessmentId, kpiId })}>
      <span className="code" dir="ltr">
        {codeOf.get(kpiId)}
      </span>{' '}
      {t(`catalogue:kpi.${kpiId}.name`)}
    </a>
  );
  return (
    <div className="stack overview">
      <h1>{assessment.title ?? t('overview.title', { city: assessment.city.name, year: assessment.year })}</h1>
      <section className="stack-tight" aria-labelledby="overview-progress">
        <h2 id="overview-progress">{t('overview.progress')}</h2>
        <ul className="overview-counts">
          {BOARD_STATES.map((state) => (
            <li key={state}>
              <span className={`board-key board-${state}`} aria-hidden="true" />
              {t(`board.states.${state}`)}: <strong>{format(progress.overall[state])}</strong>
            </li>
          ))}
        </ul>
      </section>
      {returned.length > 0 ? (
        <section className="stack-tight" aria-labelledby="overview-returned">
          <h2 id="overview-returned">{t('overview.returned')}</h2>
          <ul>
            {returned.map((kpi) => (
              <li key={kpi.id}>{link(kpi.id)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="stack-tight" aria-labelledby="overview-next">
        <h2 id="overview-next">{active ? t('overview.nextFor', { name: active.name }) : t('overview.next')}</h2>
        {next.length === 0 ? (
          <p className="muted">{t('overview.nothingLeft')}</p>
        ) : (
          <ul>
            {next.map((kpi) => (
              <li key={kpi.id}>{link(kpi.id)}</li>
            ))}
          </ul>
        )}
      </section>
      <SnapshotSummary assessmentId={assessmentId} />
      <p className="cluster">
        {hasWorkshop ? (
          <>
            <a className="button" href={hrefFor({ name: 'workshop', assessmentId })}>
              {t('overview.workshop')}
            </a>
            <a className="button button-secondary" href={hrefFor({ name: 'board', assessmentId })}>
              {t('screen.board')}
            </a>
          </>
        ) : (
          <a className="button button-secondary" href={hrefFor({ name: 'newWorkshop' })}>
            {t('screen.create')}
          </a>
        )}
      </p>
    </div>
  );
}
