/** Who is responsible for what: the rule the UI shows and every write path enforces. */
import type { Catalogue, KpiDefinition } from '../catalogue/types.ts';
import { pointsOf } from '../catalogue/index.ts';
import { sameName } from './same-name.ts';
import { pointKey, type Assignment, type Participant, type WorkshopState } from './state.ts';

/** Department names are typed by people: "Water " and "water" are the same department. */
export function sameDepartment(a: string | null, b: string | null): boolean {
  return !!a && !!b && sameName(a, b);
}

/** The assignment in effect for a data point: its own, when it names anyone, else the KPI's. */
export function responsibilityFor(state: WorkshopState, kpiId: string, pointId: string): Assignment | null {
  const own = state.pointAssignments.get(pointKey(kpiId, pointId));
  if (own && (own.department || own.participantId)) return own;
  const kpi = state.assignments.get(kpiId);
  return kpi && (kpi.department || kpi.participantId) ? kpi : null;
}

function isAssignedTo(assignment: Assignment | null, participant: Participant): boolean {
  if (!assignment) return false;
  return assignment.participantId === participant.id || sameDepartment(assignment.department, participant.department);
}

/** Whether this person may change this data point's value. Facilitators may (they re-key paper sheets); verifiers never. */
export function mayEnterPoint(state: WorkshopState, participant: Participant, kpiId: string, pointId: string): boolean {
  if (participant.role === 'facilitator') return true;
  if (participant.role === 'verifier') return false;
  return isAssignedTo(responsibilityFor(state, kpiId, pointId), participant);
}

/** Whether this person may enter any of the KPI's data points (and so submit the KPI). */
export function mayEnterKpi(state: WorkshopState, participant: Participant, kpi: KpiDefinition): boolean {
  return pointsOf(kpi).some((point) => mayEnterPoint(state, participant, kpi.id, point.id));
}

/** The KPIs a participant is responsible for (not those a facilitator merely may edit), in catalogue order. */
export function kpisAssignedTo(state: WorkshopState, catalogue: Catalogue, participant: Participant): KpiDefinition[] {
  return catalogue.kpis.filter((kpi) => pointsOf(kpi).some((point) => isAssignedTo(responsibilityFor(state, kpi.id, point.id), participant)));
}

/** The KPIs whose responsible department (of the KPI or one of its points) is this one, in catalogue order. */
export function kpisOfDepartment(state: WorkshopState, catalogue: Catalogue, department: string): KpiDefinition[] {
  return catalogue.kpis.filter((kpi) => pointsOf(kpi).some((point) => sameDepartment(responsibilityFor(state, kpi.id, point.id)?.department ?? null, department)));
}

/** Participants whose name is this revision author (names are unique in a workshop; a merge may bring two). */
export function participantsNamed(state: WorkshopState, author: string): Participant[] {
  return author.trim() === '' ? [] : state.participants.filter((participant) => sameName(participant.name, author));
}

/** Departments named by participants or assignments, sorted. */
export function departmentsOf(state: WorkshopState): string[] {
  const names = new Map<string, string>();
  const add = (name: string | null) => {
    const trimmed = name?.trim();
    if (trimmed) names.set(trimmed.toLocaleLowerCase(), names.get(trimmed.toLocaleLowerCase()) ?? trimmed);
  };
  for (const participant of state.participants) if (participant.role === 'participant') add(participant.department);
  for (const assignment of [...state.assignments.values(), ...state.pointAssignments.values()]) add(assignment.department);
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

/** Whether the participant is responsible for the KPI or any of its data points (so may submit it and answer its questions). */
export function isResponsibleForKpi(state: WorkshopState, participant: Participant, kpiId: string): boolean {
  if (isAssignedTo(state.assignments.get(kpiId) ?? null, participant)) return true;
  for (const [key, assignment] of state.pointAssignments) if (key.startsWith(`${kpiId}/`) && isAssignedTo(assignment, participant)) return true;
  return false;
}
