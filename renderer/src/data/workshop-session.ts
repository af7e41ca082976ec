/**
 * Who is at the keyboard of a shared laptop, per assessment, and the PINs that guard switching to the
 * facilitator or verifier. Both are this device's own facts (the `meta` table), never revisions: a
 * PIN hash in a bundle could be guessed offline, and the next laptop has its own keyboard.
 */
import { parseRecordId } from '../../../core/revisions/record-id.ts';
import { deriveWorkshopState, type Participant } from '../../../core/workshop/state.ts';
import type { CityKpiDb } from './db.ts';
import { workshopRevisions } from './workshop-guard.ts';

const activeKey = (assessmentId: string): string => `activeParticipant:${assessmentId}`;
const pinKey = (assessmentId: string, participantId: string): string => `pin:${assessmentId}:${participantId}`;

export async function readActiveParticipantId(db: CityKpiDb, assessmentId: string): Promise<string | null> {
  return (await db.meta.get(activeKey(assessmentId)))?.value ?? null;
}

export async function writeActiveParticipantId(db: CityKpiDb, assessmentId: string, participantId: string | null): Promise<void> {
  await db.meta.put({ key: activeKey(assessmentId), value: participantId });
}

export async function readPinHash(db: CityKpiDb, assessmentId: string, participantId: string): Promise<string | null> {
  return (await db.meta.get(pinKey(assessmentId, participantId)))?.value ?? null;
}

export async function writePinHash(db: CityKpiDb, assessmentId: string, participantId: string, hash: string): Promise<void> {
  await db.meta.put({ key: pinKey(assessmentId, participantId), value: hash });
}

/** The participant at the keyboard for this assessment, or null when nobody is chosen (or they left the workshop). */
export async function activeParticipant(db: CityKpiDb, assessmentId: string): Promise<Participant | null> {
  const id = await readActiveParticipantId(db, assessmentId);
  if (id === null) return null;
  const state = deriveWorkshopState(assessmentId, await workshopRevisions(db, [assessmentId]));
  return state.participants.find((participant) => participant.id === id) ?? null;
}

/** The name to stamp on revisions of these records: the participant at the keyboard, if their assessment has one. */
export async function workshopAuthorFor(db: CityKpiDb, recordIds: readonly string[]): Promise<string | null> {
  for (const recordId of recordIds) {
    const ref = parseRecordId(recordId);
    if (!ref || !('assessmentId' in ref)) continue;
    const participant = await activeParticipant(db, ref.assessmentId);
    if (participant) return participant.name;
  }
  return null;
}
