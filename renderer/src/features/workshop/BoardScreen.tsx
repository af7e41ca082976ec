import { useTranslation } from 'react-i18next';
import { BOARD_STATES, type BoardCounts, type BoardRow } from '../../../../core/workshop/progress.ts';
import { hrefFor } from '../../app/routes.ts';
import { useFormatNumber } from '../../i18n/index.ts';
import { useWorkshopProgress } from './use-progress.ts';
import './board.css';

function Bar({ counts }: { readonly counts: BoardCounts }) {
  return (
    <span className="board-bar" aria-hidden="true">
      {BOARD_STATES.map((state) =>
        counts[state] > 0 ? <span key={state} className={`board-bar__part board-${state}`} style={{ flexGrow: counts[state] }} /> : null,
      )}
    </span>
  );
}

function Row({ label, counts }: { readonly label: string; readonly counts: BoardCounts }) {
  const { t } = useTranslation('workshop');
  const format = useFormatNumber();
  const done = counts.reported + counts.verified;
  return (
    <tr>
      <th scope="row">
        <bdi>{label}</bdi>
      </th>
      <td>
        <Bar counts={counts} />
        <span className="visually-hidden">{t('board.rowSummary', { done: format(done), total: format(counts.total) })}</span>
      </td>
      {BOARD_STATES.map((state) => (
        <td key={state} className="numeric">
          {format(counts[state])}
        </td>
      ))}
    </tr>
  );
}

function Table({ title, rows, labelOf }: { readonly title: string; readonly rows: readonly BoardRow[]; readonly labelOf: (key: string) => string }) {
  const { t } = useTranslation('workshop');
  if (rows.length === 0) return null;
  return (
    <table className="board-table">
      <caption>{title}</caption>
      <colgroup>
        <col className="board-col-label" />
        <col className="board-col-bar" />
        {BOARD_STATES.map((state) => (
          <col key={state} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{title}</span>
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('board.progress')}</span>
          </th>
          {BOARD_STATES.map((state) => (
            <th key={state} scope="col">
              <span className={`board-key board-${state}`} aria-hidden="true" />
              {t(`board.states.${state}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row key={row.key} label={labelOf(row.key)} counts={row.counts} />
        ))}
      </tbody>
    </table>
  );
}

/** For the projector: large type, high contrast, one screen at 1366×768, live as values arrive. */
export function BoardScreen({ assessmentId }: { readonly assessmentId: string }) {
  const { t } = useTranslation(['workshop', 'catalogue']);
  const format = useFormatNumber();
  const view = useWorkshopProgress(assessmentId);
  if (view === undefined) return <output className="muted">{t('loading')}</output>;
  if (view === null) return <p className="notice notice-danger">{t('notFound')}</p>;
  const { progress, workshop, assessment } = view;
  const people = new Map(workshop.state.participants.map((participant) => [participant.id, participant.name]));
  const done = progress.overall.reported + progress.overall.verified;
  return (
    <div className="board" aria-labelledby="board-title">
      <header className="board-header">
        <h1 id="board-title">
          <bdi>{workshop.state.workshops[0]?.title ?? assessment.city.name}</bdi>
        </h1>
        <output className="board-total" aria-live="polite">
          {t('board.total', { done: format(done), total: format(progress.overall.total) })}
        </output>
        <a className="board-exit" href={hrefFor({ name: 'workshop', assessmentId })}>
          {t('board.exit')}
        </a>
      </header>
      <div className="board-grid">
        <Table title={t('board.byDepartment')} rows={progress.departments} labelOf={(key) => key} />
        <Table title={t('board.byDimension')} rows={progress.dimensions} labelOf={(key) => t(`catalogue:dimensions.${key}`)} />
        <Table title={t('board.byParticipant')} rows={progress.participants} labelOf={(key) => people.get(key) ?? key} />
      </div>
      {progress.unassigned > 0 ? <p className="board-note">{t('board.unassigned', { count: progress.unassigned, formatted: format(progress.unassigned) })}</p> : null}
    </div>
  );
}
