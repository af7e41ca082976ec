/**
 * A participant package: what a participant's own laptop needs to work on their KPIs offline, and
 * nothing else of the assessment. The city and assessment, the workshop and its people (for names and
 * roles), their assignments, and the whole history of their KPIs' values, reviews and questions, so
 * that their edits descend from the current values and merge back without conflicts nobody made.
 */
import { pointsOf } from '../catalogue/index.ts';
import type { Catalogue } from '../catalogue/types.ts';
import { currentValue, deriveRecord } from '../revisions/derive.ts';
import { formatRecordId, parseRecordId } from '../revisions/record-id.ts';
import type { Revision } from '../revisions/types.ts';
import { kpisAssignedTo } from './assignment.ts';
import { deriveWorkshopState } from './state.ts';

export function participantPackage(revisions: readonly Revision[], catalogue: Catalogue, assessmentId: string, participantId: string): Revision[] {
  const state = deriveWorkshopState(assessmentId, revisions);
  const participant = state.participants.find((candidate) => candidate.id === participantId);
  if (!participant) return [];
  const kpis = kpisAssignedTo(state, catalogue, participant);
  const kpiIds = new Set(kpis.map((kpi) => kpi.id));
  const assessmentRecord = formatRecordId({ kind: 'assessment', assessmentId });
  const cityId = currentValue(deriveRecord(assessmentRecord, revisions), 'cityId');
  const cityRecord = typeof cityId === 'string' ? formatRecordId({ kind: 'city', cityId }) : null;
  const assignmentRecords = new Set(
    kpis.flatMap((kpi) => [
      formatRecordId({ kind: 'assignment', assessmentId, kpiId: kpi.id }),
      ...pointsOf(kpi).map((point) => formatRecordId({ kind: 'assignment', assessmentId, kpiId: kpi.id, pointId: point.id })),
    ]),
  );
  return revisions.filter((revision) => {
    if (revision.recordId === assessmentRecord || revision.recordId === cityRecord) return true;
    const ref = parseRecordId(revision.recordId);
    if (!ref || !('assessmentId' in ref) || ref.kind === 'assessment' || ref.assessmentId !== assessmentId) return false;
    switch (ref.kind) {
      case 'workshop':
      case 'participant':
        return true;
      case 'assignment':
        return assignmentRecords.has(revision.recordId);
      case 'kpiValue':
      case 'review':
      case 'question':
        return kpiIds.has(ref.kpiId);
    }
  });
}
