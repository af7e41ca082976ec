/**
 * The demo city's sample workshop: a facilitator, a verifier and four departments, with the KPIs of
 * the demo catalogue assigned by category. Ids are fixed, so the sample loaded on two laptops is one
 * workshop after a merge (equal values on the same records never conflict).
 */
import type { SubdimensionId } from '../catalogue/types.ts';
import type { WorkshopRole } from '../workshop/fields.ts';

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
};
