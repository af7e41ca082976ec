import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../core/revisions/hlc.ts';
import { formatRecordId, type RecordRef } from '../../core/revisions/record-id.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { FieldMap, Revision } from '../../core/revisions/types.ts';
import { checkWorkshopRevisions, deriveWorkshopState, kpisAssignedTo, type WorkshopViolationCode } from '../../core/workshop/index.ts';
import { U4SSC_2017 } from '../../core/catalogue/index.ts';

const A = 'assessment-1';
const KPI = 'EC-ICT-ICT-1C';
const OTHER_KPI = 'EC-ICT-ICT-2C';
let wall = Date.UTC(2026, 2, 1);

async function write(ref: RecordRef, fields: FieldMap, author: string, parents: readonly Revision[] = [], at?: number): Promise<Revision> {
  wall += 1000;
  return createRevision({
    recordId: formatRecordId(ref),
    fields,
    author,
    deviceId: 'laptop-1',
    hlc: formatHlc({ wallMs: at ?? wall, counter: 0, deviceId: 'laptop-1' }),
    parents: parents.map((parent) => parent.id),
  });
}

const value = (kpiId: string, pointId = '_'): RecordRef => ({ kind: 'kpiValue', assessmentId: A, kpiId, pointId });
const review = (kpiId: string): RecordRef => ({ kind: 'review', assessmentId: A, kpiId });

/** Facilitator Fatima, participant Amina (Water), participant Li (Energy), verifier Victor; KPI assigned to Water. */
async function workshop(): Promise<Revision[]> {
  const revisions = [await write({ kind: 'workshop', assessmentId: A, workshopId: 'w1' }, { title: 'Data week', place: 'Town hall' }, 'Fatima')];
  const people: [string, string, string, string][] = [
    ['p-fatima', 'Fatima', 'Planning', 'facilitator'],
    ['p-amina', 'Amina', 'Water', 'participant'],
    ['p-li', 'Li', 'Energy', 'participant'],
    ['p-victor', 'Victor', '', 'verifier'],
  ];
  for (const [participantId, name, department, role] of people) {
    revisions.push(await write({ kind: 'participant', assessmentId: A, participantId }, { workshopId: 'w1', name, department, role }, 'Fatima'));
  }
  revisions.push(await write({ kind: 'assignment', assessmentId: A, kpiId: KPI }, { department: 'water' }, 'Fatima'));
  revisions.push(await write({ kind: 'assignment', assessmentId: A, kpiId: OTHER_KPI }, { department: 'Energy', participantId: 'p-li' }, 'Fatima'));
  return revisions;
}

function codes(candidates: readonly Revision[], stored: readonly Revision[]): (WorkshopViolationCode | null)[] {
  const violations = checkWorkshopRevisions(candidates, stored);
  return candidates.map((revision) => violations.find((violation) => violation.revisionId === revision.id)?.code ?? null);
}

describe('assignments', () => {
  it('lets a participant change the KPIs of their department and nothing else', async () => {
    const stored = await workshop();
    const own = await write(value(KPI), { numerator: 4 }, 'Amina');
    const foreign = await write(value(OTHER_KPI), { numerator: 4 }, 'Amina');
    const theirs = await write(value(OTHER_KPI), { numerator: 5 }, ' li ');
    expect(codes([own, foreign, theirs], stored)).toEqual([null, 'notAssigned', null]);
  });

  it('lets the facilitator re-key any value and the verifier none', async () => {
    const stored = await workshop();
    expect(codes([await write(value(OTHER_KPI), { numerator: 1 }, 'Fatima'), await write(value(KPI), { numerator: 1 }, 'Victor')], stored)).toEqual([
      null,
      'notAssigned',
    ]);
  });

  it('refuses a stranger, but keeps values typed before the workshop began', async () => {
    const earlier = await write(value(KPI), { numerator: 1 }, 'Someone', [], Date.UTC(2025, 0, 1));
    const stored = await workshop();
    expect(codes([earlier, await write(value(KPI), { numerator: 2 }, 'Mallory')], stored)).toEqual([null, 'notAMember']);
  });

  it('puts no rule on an assessment without a workshop', async () => {
    expect(codes([await write(value(KPI), { numerator: 2 }, 'Anyone')], [])).toEqual([null]);
  });

  it('judges a bundle against the state it brings: assignment and values together are accepted', async () => {
    const setup = await workshop();
    const stored = setup.slice(0, 3);
    const candidates = [...setup.slice(3), await write(value(KPI), { numerator: 3 }, 'Amina')];
    expect(checkWorkshopRevisions(candidates, stored)).toEqual([]);
  });

  it('lets only the facilitator change the workshop, its participants and its assignments', async () => {
    const stored = await workshop();
    const selfAssigned = await write({ kind: 'assignment', assessmentId: A, kpiId: OTHER_KPI }, { participantId: 'p-amina' }, 'Amina');
    const promoted = await write({ kind: 'participant', assessmentId: A, participantId: 'p-amina' }, { role: 'facilitator' }, 'Amina');
    expect(codes([selfAssigned], stored)).toEqual(['facilitatorOnly']);
    expect(codes([promoted], stored)).toEqual(['facilitatorOnly']);
    const second = await write({ kind: 'participant', assessmentId: A, participantId: 'p-m' }, { workshopId: 'w1', name: 'Mallory', role: 'facilitator' }, 'Mallory');
    expect(codes([second], stored)).toEqual(['notAMember']);
    expect(checkWorkshopRevisions([selfAssigned], stored)[0]).toMatchObject({ recordId: `assignment:${A}:${OTHER_KPI}`, author: 'Amina' });
  });

  it('lets the first facilitator arrive with the co-facilitator they enrolled, in either order, but no stranger after them', async () => {
    const opened = await write({ kind: 'workshop', assessmentId: A, workshopId: 'w1' }, { title: 'Data week' }, 'Fatima');
    const herself = await write({ kind: 'participant', assessmentId: A, participantId: 'p-fatima' }, { workshopId: 'w1', name: 'Fatima', role: 'facilitator' }, 'Fatima');
    const colleague = await write({ kind: 'participant', assessmentId: A, participantId: 'p-omar' }, { workshopId: 'w1', name: 'Omar', role: 'facilitator' }, 'Fatima');
    expect(codes([opened, herself, colleague], [])).toEqual([null, null, null]);
    expect(codes([colleague, herself, opened], [])).toEqual([null, null, null]);
    const stranger = await write({ kind: 'participant', assessmentId: A, participantId: 'p-m' }, { workshopId: 'w1', name: 'Mallory', role: 'facilitator' }, 'Mallory');
    expect(codes([stranger], [opened, herself, colleague])).toEqual(['notAMember']);
  });

  it('refuses unknown fields and bad values on workshop records', async () => {
    const stored = await workshop();
    const badRole = await write({ kind: 'participant', assessmentId: A, participantId: 'p-x' }, { name: 'X', role: 'boss' }, 'Fatima');
    const extra = await write({ kind: 'workshop', assessmentId: A, workshopId: 'w1' }, { budget: 3 }, 'Fatima');
    const badDate = await write({ kind: 'workshop', assessmentId: A, workshopId: 'w1' }, { startDate: '2026-13-01' }, 'Fatima');
    expect(codes([badRole, extra, badDate], stored)).toEqual(['invalidField', 'invalidField', 'invalidField']);
  });

  it('lists what a participant is responsible for', async () => {
    const state = deriveWorkshopState(A, await workshop());
    const amina = state.participants.find((person) => person.name === 'Amina')!;
    expect(kpisAssignedTo(state, U4SSC_2017, amina).map((kpi) => kpi.id)).toEqual([KPI]);
    expect(state.participants.map((person) => person.role)).toEqual(['participant', 'facilitator', 'participant', 'verifier']);
  });
});

describe('submission and review', () => {
  it('lets the responsible participant submit, and only the facilitator accept or return, with a reason', async () => {
    const stored = await workshop();
    const submitted = await write(review(KPI), { submission: 'submitted' }, 'Amina');
    const selfAccepted = await write(review(KPI), { submission: 'accepted' }, 'Amina', [submitted]);
    const strangerSubmits = await write(review(KPI), { submission: 'submitted' }, 'Li');
    const returnedBare = await write(review(KPI), { submission: 'returned' }, 'Fatima', [submitted]);
    const returned = await write(review(KPI), { submission: 'returned', returnReason: 'Source missing' }, 'Fatima', [submitted]);
    const accepted = await write(review(KPI), { submission: 'accepted' }, 'Fatima', [submitted]);
    expect(codes([submitted, selfAccepted, strangerSubmits, returnedBare, returned, accepted], stored)).toEqual([
      null,
      'facilitatorOnly',
      'facilitatorOnly',
      'reasonRequired',
      null,
      null,
    ]);
  });
});

describe('verification', () => {
  async function verified() {
    const stored = await workshop();
    const entered = await write(value(KPI), { numerator: 4 }, 'Amina');
    const verdict = await write(review(KPI), { reported: 'yes', verified: 'yes', verifiedHeads: entered.id }, 'Victor');
    return { stored: [...stored, entered, verdict], entered, verdict };
  }

  it('lets only the verifier give verdicts', async () => {
    const stored = await workshop();
    const byFacilitator = await write(review(KPI), { verified: 'yes' }, 'Fatima');
    const pointVerdict = await write({ kind: 'review', assessmentId: A, kpiId: KPI, pointId: '_' }, { reported: 'yes', verified: 'no' }, 'Victor');
    const pointSubmission = await write({ kind: 'review', assessmentId: A, kpiId: KPI, pointId: '_' }, { submission: 'submitted' }, 'Amina');
    expect(codes([byFacilitator, pointVerdict, pointSubmission], stored)).toEqual(['verifierOnly', null, 'invalidField']);
  });

  it('locks a verified value: an edit made after the verdict is refused, even by the facilitator', async () => {
    const { stored, entered } = await verified();
    expect(codes([await write(value(KPI), { numerator: 5 }, 'Amina', [entered]), await write(value(KPI), { source: 'x' }, 'Fatima', [entered])], stored)).toEqual([
      'locked',
      'locked',
    ]);
  });

  it('locks a KPI verified with nothing entered', async () => {
    const stored = await workshop();
    const verdict = await write(review(KPI), { reported: 'no', verified: 'yes', verifiedHeads: '' }, 'Victor');
    expect(codes([await write(value(KPI), { numerator: 1 }, 'Amina')], [...stored, verdict])).toEqual(['locked']);
  });

  it('keeps an edit made concurrently with the verdict (it becomes visible as a change since verification)', async () => {
    const { stored } = await verified();
    const concurrent = await write(value(KPI), { numerator: 6 }, 'Amina');
    expect(codes([concurrent], stored)).toEqual([null]);
  });

  it('reopens only with a reason, then allows the edit', async () => {
    const { stored, entered, verdict } = await verified();
    const bare = await write(review(KPI), { verified: null, verifiedHeads: null }, 'Fatima', [verdict]);
    const participantReopens = await write(review(KPI), { verified: null, reopenReason: 'typo' }, 'Amina', [verdict]);
    const reopened = await write(review(KPI), { verified: null, verifiedHeads: null, reopenReason: 'Wrong year' }, 'Fatima', [verdict]);
    expect(codes([bare, participantReopens, reopened], stored)).toEqual(['reasonRequired', 'verifierOnly', null]);
    const edit = await write(value(KPI), { numerator: 5 }, 'Amina', [entered]);
    expect(codes([edit], [...stored, reopened])).toEqual([null]);
    expect(codes([edit], stored)).toEqual(['locked']);
  });
});

describe('question log', () => {
  it('lets the verifier ask and the responsible participant answer', async () => {
    const stored = await workshop();
    const ref: RecordRef = { kind: 'question', assessmentId: A, kpiId: KPI, questionId: 'q1' };
    const asked = await write(ref, { question: 'Which year?', outcome: 'open' }, 'Victor');
    const answered = await write(ref, { answer: '2024' }, 'Amina', [asked]);
    const closedByParticipant = await write(ref, { outcome: 'resolved' }, 'Amina', [answered]);
    const answeredByStranger = await write(ref, { answer: 'no idea' }, 'Li', [asked]);
    expect(codes([asked, answered, closedByParticipant, answeredByStranger], stored)).toEqual([null, null, 'verifierOnly', 'verifierOnly']);
    const state = deriveWorkshopState(A, [...stored, asked, answered]);
    expect(state.questions).toMatchObject([{ kpiId: KPI, question: 'Which year?', answer: '2024', outcome: 'open' }]);
  });
});

describe('workshop record ids', () => {
  it('round-trip through format and parse, and refuse malformed ones', async () => {
    const { parseRecordId } = await import('../../core/revisions/record-id.ts');
    const refs: RecordRef[] = [
      { kind: 'workshop', assessmentId: A, workshopId: 'w1' },
      { kind: 'participant', assessmentId: A, participantId: 'p1' },
      { kind: 'assignment', assessmentId: A, kpiId: KPI, pointId: undefined },
      { kind: 'assignment', assessmentId: A, kpiId: KPI, pointId: 'p2' },
      { kind: 'review', assessmentId: A, kpiId: KPI, pointId: undefined },
      { kind: 'question', assessmentId: A, kpiId: KPI, questionId: 'q1' },
    ];
    for (const ref of refs) expect(parseRecordId(formatRecordId(ref))).toEqual(ref);
    for (const bad of ['workshop:a', 'workshop:a:b:c', 'participant:a:b:c', 'question:a:b', 'review:a', 'assignment:a:b:c:d']) expect(parseRecordId(bad)).toBeNull();
  });
});

describe('participant packages', () => {
  it('carry the workshop, the participant’s assignments and the values of their KPIs only', async () => {
    const { participantPackage } = await import('../../core/workshop/package.ts');
    const setup = await workshop();
    const aminas = await write(value(KPI), { numerator: 4 }, 'Amina');
    const lis = await write(value(OTHER_KPI), { numerator: 5 }, 'Li');
    const question = await write({ kind: 'question', assessmentId: A, kpiId: OTHER_KPI, questionId: 'q' }, { question: 'Why?' }, 'Victor');
    const assessment = await write({ kind: 'assessment', assessmentId: A }, { cityId: 'c1', year: 2026 }, 'Fatima');
    const city = await write({ kind: 'city', cityId: 'c1' }, { name: 'Lake Town' }, 'Fatima');
    const elsewhere = await write({ kind: 'kpiValue', assessmentId: 'assessment-2', kpiId: KPI, pointId: '_' }, { numerator: 1 }, 'Amina');
    const all = [...setup, aminas, lis, question, assessment, city, elsewhere];
    const ids = new Set(participantPackage(all, U4SSC_2017, A, 'p-amina').map((revision) => revision.recordId));
    expect(ids.has(aminas.recordId)).toBe(true);
    expect(ids.has(`assignment:${A}:${KPI}`)).toBe(true);
    expect(ids.has('city:c1') && ids.has(`assessment:${A}`) && ids.has(`participant:${A}:p-victor`)).toBe(true);
    for (const foreign of [lis, question, elsewhere]) expect(ids.has(foreign.recordId)).toBe(false);
    expect(ids.has(`assignment:${A}:${OTHER_KPI}`)).toBe(false);
    expect(participantPackage(all, U4SSC_2017, A, 'nobody')).toEqual([]);
  });
});
