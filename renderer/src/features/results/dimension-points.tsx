import type { TFunction } from 'i18next';
import type { DimensionId } from '../../../../core/catalogue/types.ts';
import type { PointScore, ScoreReport } from '../../../../core/scoring/index.ts';
import type { FormatNumber } from '../../i18n/index.ts';
import { formatPointValue, pointLabel } from './format-value.ts';
import type { PointRow, SnapshotModel } from './snapshot-model.ts';

export interface ScoredPoint {
  readonly key: string;
  readonly row: PointRow;
  /** Undefined without a score report, or for a point the report does not score. */
  readonly score: PointScore | undefined;
}

/** The data points of one dimension in catalogue order, each beside its score when there is a report. */
export function scoredPointsOf(model: SnapshotModel, report: ScoreReport | null, dimension: DimensionId): ScoredPoint[] {
  const scores = new Map<string, PointScore>((report?.points ?? []).map((score) => [`${score.kpiId}:${score.pointId}`, score]));
  return model.kpis
    .filter((kpiRow) => kpiRow.kpi.dimension === dimension)
    .flatMap((kpiRow) => kpiRow.points)
    .map((row) => {
      const key = `${row.kpi.id}:${row.point.id}`;
      return { key, row, score: scores.get(key) };
    });
}

/** The columns every table of data points starts with: code, KPI (and point), value. */
export function PointHeadings({ t }: { readonly t: TFunction }) {
  return (
    <>
      <th scope="col">{t('results:table.code')}</th>
      <th scope="col">{t('results:table.kpi')}</th>
      <th scope="col" className="numeric">
        {t('results:table.value')}
      </th>
    </>
  );
}

/** The cells under PointHeadings for one data point. */
export function PointCells({ row, t, format }: { readonly row: PointRow; readonly t: TFunction; readonly format: FormatNumber }) {
  return (
    <>
      <td className="code" dir="ltr">
        {row.kpi.code}
      </td>
      <td>{pointLabel(row, t)}</td>
      <td className="numeric">{formatPointValue(row, t, format)}</td>
    </>
  );
}
