/**
 * The progress board's arithmetic: one board state per KPI, from its entry status (core/status) and
 * where it stands in the workshop's review, counted by department, dimension and participant.
 */
import { pointsOf } from '../catalogue/index.ts';
import type { Catalogue, DimensionId } from '../catalogue/types.ts';
import { isFilled, type PointFields } from '../compute/field-readers.ts';
import type { AssessmentStatus } from '../status/assessment-status.ts';
import { kpisAssignedTo, responsibilityFor } from './assignment.ts';
import { sameName } from './same-name.ts';
import type { WorkshopState } from './state.ts';

/** Best first: the board's columns and colours follow this order. */
export const BOARD_STATES = ['verified', 'reported', 'missingSourceOrQuality', 'partial', 'notReported', 'returned', 'missing'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export type BoardCounts = Readonly<Record<BoardState, number>> & { readonly total: number };

export interface BoardRow {
  /** A department name, a dimension id or a participant id. */
  readonly key: string;
  readonly counts: BoardCounts;
}

export interface WorkshopProgress {
  readonly byKpi: ReadonlyMap<string, BoardState>;
  readonly overall: BoardCounts;
  readonly departments: readonly BoardRow[];
  readonly dimensions: readonly BoardRow[];
  readonly participants: readonly BoardRow[];
  /** KPIs nobody is responsible for yet. */
  readonly unassigned: number;
}

/** The current settled fields of a data point, or undefined when it has none. */
export type PointFieldsLookup = (kpiId: string, pointId: string) => PointFields | undefined;

function boardStateOf(catalogue: Catalogue, kpiId: string, state: WorkshopState, status: AssessmentStatus, fieldsOf: PointFieldsLookup): BoardState {
  const review = state.reviews.get(kpiId);
  if (review?.verified === 'yes') return 'verified';
  if (review?.submission === 'returned') return 'returned';
  const kpiStatus = status.kpis.get(kpiId);
  switch (kpiStatus?.status) {
    case 'reported': {
      const kpi = catalogue.kpis.find((candidate) => candidate.id === kpiId)!;
      const documented = pointsOf(kpi).every((point) => {
        const fields = fieldsOf(kpiId, point.id) ?? {};
        return fields.status === 'notReported' || (isFilled(fields, 'source') && isFilled(fields, 'quality'));
      });
      return documented ? 'reported' : 'missingSourceOrQuality';
    }
    case 'notReported':
      return 'notReported';
    case 'inProgress':
    case 'reportedWithErrors':
      return 'partial';
    default:
      return 'missing';
  }
}

function count(states: readonly BoardState[]): BoardCounts {
  const counts = Object.fromEntries(BOARD_STATES.map((state) => [state, 0])) as Record<BoardState, number>;
  for (const state of states) counts[state] += 1;
  return { ...counts, total: states.length };
}

export function workshopProgress(catalogue: Catalogue, state: WorkshopState, status: AssessmentStatus, fieldsOf: PointFieldsLookup): WorkshopProgress {
  const byKpi = new Map(catalogue.kpis.map((kpi) => [kpi.id, boardStateOf(catalogue, kpi.id, state, status, fieldsOf)]));
  const departmentStates = new Map<string, BoardState[]>();
  let unassigned = 0;
  for (const kpi of catalogue.kpis) {
    const department = responsibilityFor(state, kpi.id, pointsOf(kpi)[0]!.id)?.department;
    if (!department) {
      unassigned += 1;
      continue;
    }
    const key = [...departmentStates.keys()].find((known) => sameName(known, department)) ?? department;
    departmentStates.set(key, [...(departmentStates.get(key) ?? []), byKpi.get(kpi.id)!]);
  }
  const dimensionRows = catalogue.dimensions.map((dimension: DimensionId) => ({
    key: dimension,
    counts: count(catalogue.kpis.filter((kpi) => kpi.dimension === dimension).map((kpi) => byKpi.get(kpi.id)!)),
  }));
  const participantRows = state.participants
    .filter((participant) => participant.role === 'participant')
    .map((participant) => ({ key: participant.id, counts: count(kpisAssignedTo(state, catalogue, participant).map((kpi) => byKpi.get(kpi.id)!)) }));
  return {
    byKpi,
    overall: count([...byKpi.values()]),
    departments: [...departmentStates].sort(([a], [b]) => a.localeCompare(b)).map(([key, states]) => ({ key, counts: count(states) })),
    dimensions: dimensionRows,
    participants: participantRows,
    unassigned,
  };
}
