/** The snapshot's data points as core's scoring reads them. */
import type { ScoringValue } from '../../../../core/scoring/index.ts';
import type { SnapshotModel } from './snapshot-model.ts';

export function scoringValuesOf(model: SnapshotModel): ScoringValue[] {
  return model.kpis.flatMap((row) =>
    row.points.map((point, index): ScoringValue => {
      const conflicts = model.status.kpis.get(row.kpi.id)?.points[index]?.conflicts ?? 0;
      return {
        kpiId: row.kpi.id,
        pointId: point.point.id,
        value: point.value.kind === 'missing' || point.status === 'notReported' ? null : point.value.value,
        unit: point.point.unit,
        conflict: conflicts > 0,
        hardError: point.status === 'reportedWithErrors',
      };
    }),
  );
}
