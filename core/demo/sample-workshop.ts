/**
 * The demo city's sample workshop, part of the demo's revisions: a facilitator, a verifier and four
 * departments, the KPIs assigned by sub-dimension (and one data point on its own), and the review
 * under way: KPIs submitted, one returned with a reason, some accepted and verified, and the
 * verifier's question log. Ids are fixed, so every laptop has the same workshop.
 */
import type { Catalogue, SubdimensionId } from '../catalogue/types.ts';
import { formatRecordId, type RecordRef } from '../revisions/record-id.ts';
import type { FieldMap } from '../revisions/types.ts';
import { HEAD_SEPARATOR, type QuestionOutcome, type WorkshopRole } from '../workshop/fields.ts';

export interface SampleParticipant {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  readonly role: WorkshopRole;
}

export interface SampleWorkshop {
  readonly workshopId: string;
  readonly title: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly place: string;
  /** The facilitator first: the sample is written in their name. */
  readonly participants: readonly SampleParticipant[];
  /** Which department answers for each sub-dimension's KPIs. */
  readonly departmentOf: Readonly<Record<SubdimensionId, string>>;
  /** Data points answered by another department than their KPI's. */
  readonly pointDepartments: readonly { readonly kpiId: string; readonly pointId: string; readonly department: string }[];
  /** KPIs their department's participant submitted, not yet reviewed. */
  readonly submitted: readonly string[];
  /** KPIs the facilitator returned, with the reason. */
  readonly returned: readonly { readonly kpiId: string; readonly reason: string }[];
  /** KPIs the facilitator accepted. */
  readonly accepted: readonly string[];
  /** Accepted KPIs the verifier found reported and verified: their values are locked. */
  readonly verified: readonly string[];
  /** The verifier's questions, by KPI. */
  readonly questions: readonly { readonly id: string; readonly kpiId: string; readonly question: string; readonly answer: string; readonly outcome: QuestionOutcome }[];
}

export const SAMPLE_WORKSHOP: SampleWorkshop = {
  workshopId: 'demo-workshop-lake-amara',
  title: 'Lake Amara data workshop (sample)',
  startDate: '2025-03-10',
  endDate: '2025-03-12',
  place: 'Lake Amara City Hall, room 2',
  participants: [
    { id: 'demo-facilitator', name: 'Grace Achieng', department: 'Planning Office', role: 'facilitator' },
    { id: 'demo-verifier', name: 'Tomás Ribeiro', department: '', role: 'verifier' },
    { id: 'demo-ict', name: 'Nadia Haddad', department: 'ICT and Statistics', role: 'participant' },
    { id: 'demo-water', name: 'Samuel Otieno', department: 'Water and Environment', role: 'participant' },
    { id: 'demo-economy', name: 'Wei Lin', department: 'Economy and Transport', role: 'participant' },
    { id: 'demo-social', name: 'Amara Diallo', department: 'Health and Social Services', role: 'participant' },
  ],
  departmentOf: {
    'EC-ICT': 'ICT and Statistics',
    'EC-P': 'Economy and Transport',
    'EC-I': 'Economy and Transport',
    'EN-EN': 'Water and Environment',
    'EN-E': 'Water and Environment',
    'SC-EH': 'Health and Social Services',
    'SC-SH': 'Health and Social Services',
  },
  pointDepartments: [{ kpiId: 'EN-EN-AQ-1C', pointId: 'no2', department: 'Economy and Transport' }],
  submitted: ['EN-EN-AQ-2C', 'SC-SH-SA-8C', 'EC-P-IN-1C'],
  returned: [{ kpiId: 'EC-I-WA-1C', reason: 'Please name the year of the count and the agency that made it.' }],
  accepted: ['EC-I-WS-3C', 'EC-ICT-PS-2A', 'EN-E-E-1C', 'SC-EH-H-2C'],
  verified: ['EC-ICT-PS-2A', 'EN-E-E-1C', 'SC-EH-H-2C'],
  questions: [
    {
      id: 'demo-question-clinics',
      kpiId: 'SC-EH-H-2C',
      question: 'Does the count include deaths in private clinics?',
      answer: 'Yes: registered private clinics report to the health register every month.',
      outcome: 'resolved',
    },
    { id: 'demo-question-boundary', kpiId: 'EN-EN-AQ-2C', question: 'Does the inventory count flights from the airport outside the city boundary?', answer: '', outcome: 'open' },
  ],
};

export interface SampleRecord {
  readonly recordId: string;
  readonly fields: FieldMap;
  /** Who wrote it: the workshop rule lets only the right role write each record. */
  readonly author: string;
}

/**
 * The sample workshop as root revisions' contents, in writing order: the workshop and its people, the
 * assignments, then the review. Two people writing one review record write different fields (the
 * facilitator's acceptance, the verifier's verdict), so the roots never conflict. `valueIds` names the
 * demo's value revisions of a KPI: the verdicts lock them.
 */
export function sampleWorkshopRecords(sample: SampleWorkshop, assessmentId: string, catalogue: Catalogue, valueIds: (kpiId: string) => readonly string[]): SampleRecord[] {
  const [facilitator, verifier] = sample.participants;
  const nameOf = (department: string) => sample.participants.find((person) => person.role === 'participant' && person.department === department)!.name;
  const departmentOfKpi = new Map(catalogue.kpis.map((kpi) => [kpi.id, sample.departmentOf[kpi.subdimension]]));
  const byFacilitator = (ref: RecordRef, fields: FieldMap): SampleRecord => ({ recordId: formatRecordId(ref), fields, author: facilitator!.name });
  const review = (kpiId: string): RecordRef => ({ kind: 'review', assessmentId, kpiId });
  return [
    byFacilitator({ kind: 'workshop', assessmentId, workshopId: sample.workshopId }, { title: sample.title, startDate: sample.startDate, endDate: sample.endDate, place: sample.place }),
    ...sample.participants.map((person) =>
      byFacilitator({ kind: 'participant', assessmentId, participantId: person.id }, { workshopId: sample.workshopId, name: person.name, department: person.department, role: person.role }),
    ),
    ...catalogue.kpis.map((kpi) => byFacilitator({ kind: 'assignment', assessmentId, kpiId: kpi.id }, { department: departmentOfKpi.get(kpi.id)!, participantId: null })),
    ...sample.pointDepartments.map(({ kpiId, pointId, department }) => byFacilitator({ kind: 'assignment', assessmentId, kpiId, pointId }, { department, participantId: null })),
    ...sample.submitted.map((kpiId) => ({ recordId: formatRecordId(review(kpiId)), fields: { submission: 'submitted' }, author: nameOf(departmentOfKpi.get(kpiId)!) })),
    ...sample.returned.map(({ kpiId, reason }) => byFacilitator(review(kpiId), { submission: 'returned', returnReason: reason })),
    ...sample.accepted.map((kpiId) => byFacilitator(review(kpiId), { submission: 'accepted' })),
    ...sample.verified.map((kpiId) => ({
      recordId: formatRecordId(review(kpiId)),
      fields: { reported: 'yes', verified: 'yes', verifiedHeads: [...valueIds(kpiId)].sort().join(HEAD_SEPARATOR) },
      author: verifier!.name,
    })),
    ...sample.questions.map(({ id, kpiId, question, answer, outcome }) => ({
      recordId: formatRecordId({ kind: 'question', assessmentId, kpiId, questionId: id }),
      fields: { question, answer, outcome },
      author: verifier!.name,
    })),
  ];
}
