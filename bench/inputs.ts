/**
 * Deterministic inputs for `npm run bench`: the same sizes give the same bytes on every machine, so
 * a figure measured twice measures the same work, and `test/unit/bench-inputs.test.ts` can check
 * counts and hashes without timing anything.
 */
import { demoBundleInput, type DemoBundleInput } from '../core/bundle/demo-bundle.ts';
import type { BundleSigner } from '../core/bundle/index.ts';
import { deviceIdFromPublicKey, deviceIdentityFromSeed } from '../core/crypto/device-identity.ts';
import { LAKE_AMARA_CITY, LAKE_AMARA_VALUES, LAKE_AMARA_YEAR } from '../core/demo/lake-amara.ts';
import { DEFAULT_CATALOGUE_ID } from '../core/catalogue/index.ts';
import { nextHlc } from '../core/revisions/hlc.ts';
import { formatRecordId } from '../core/revisions/record-id.ts';
import { createRevision } from '../core/revisions/revision-id.ts';
import type { FieldMap, Revision } from '../core/revisions/types.ts';

/** One field laptop's long working history: the demo city plus edits until `revisionCount`. */
export function laptopHistory(revisionCount: number): Promise<DemoBundleInput> {
  return demoBundleInput({ seed: 7, revisions: revisionCount });
}

/** xorshift32: fills evidence files with bytes that do not compress, like scanned documents. */
function fillPseudoRandom(bytes: Uint8Array, seed: number): void {
  let state = seed >>> 0 || 1;
  for (let i = 0; i < bytes.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
}

const PDF_HEADER = new TextEncoder().encode('%PDF-1.7\n');

/** `totalBytes` of evidence as PDF-looking files of at most `fileBytes` each. */
export function evidenceFiles(totalBytes: number, fileBytes: number): Uint8Array[] {
  const files: Uint8Array[] = [];
  for (let offset = 0, index = 0; offset < totalBytes; offset += fileBytes, index++) {
    const file = new Uint8Array(Math.min(fileBytes, totalBytes - offset));
    fillPseudoRandom(file, index + 1);
    file.set(PDF_HEADER.subarray(0, file.length));
    files.push(file);
  }
  return files;
}

export interface FleetBundle {
  readonly cityIndex: number;
  readonly deviceIndex: number;
  readonly input: DemoBundleInput;
}

const EDITS_PER_DEVICE = 20;
const MINUTE = 60_000;

function cityIds(cityIndex: number): { cityId: string; assessmentId: string } {
  const suffix = String(cityIndex).padStart(4, '0');
  return { cityId: `bench-city-${suffix}`, assessmentId: `bench-assessment-${suffix}-${LAKE_AMARA_YEAR}` };
}

async function benchDevice(cityIndex: number, deviceIndex: number): Promise<BundleSigner> {
  const seed = new Uint8Array(32);
  new DataView(seed.buffer).setUint32(0, cityIndex + 1);
  new DataView(seed.buffer).setUint32(4, deviceIndex + 1);
  const identity = await deviceIdentityFromSeed(seed);
  const id = await deviceIdFromPublicKey(identity.publicKey);
  return { id, name: `City ${cityIndex} laptop ${deviceIndex}`, publicKey: identity.publicKey, privateKey: identity.privateKey };
}

/**
 * A workshop season at a central office: `cities` cities, each seen by `devicesPerCity` laptops.
 * Laptop 0 of a city creates the city, its assessment and every demo value; each other laptop edits
 * some of those values on top. A bundle holds only its own laptop's revisions (parents may point
 * outside it), so every bundle is signed by the device its revisions name.
 */
export async function officeFleet(cities: number, devicesPerCity: number): Promise<FleetBundle[]> {
  const bundles: FleetBundle[] = [];
  for (let cityIndex = 0; cityIndex < cities; cityIndex++) {
    const { cityId, assessmentId } = cityIds(cityIndex);
    const creator = await benchDevice(cityIndex, 0);
    const startMs = Date.UTC(2025, 2, 1) + cityIndex * 24 * 60 * MINUTE;
    const records: [string, FieldMap][] = [
      [formatRecordId({ kind: 'city', cityId }), { ...LAKE_AMARA_CITY, name: `Bench city ${cityIndex}` }],
      [formatRecordId({ kind: 'assessment', assessmentId }), { cityId, year: LAKE_AMARA_YEAR, catalogueId: DEFAULT_CATALOGUE_ID, title: `Bench ${cityIndex}` }],
      ...LAKE_AMARA_VALUES.map(({ kpiId, pointId, fields }): [string, FieldMap] => [
        formatRecordId({ kind: 'kpiValue', assessmentId, kpiId, pointId }),
        fields as FieldMap,
      ]),
    ];
    const base: Revision[] = [];
    let clock: string | null = null;
    for (const [recordId, fields] of records) {
      clock = nextHlc(clock, startMs, creator.id);
      base.push(await createRevision({ recordId, fields, author: `Facilitator ${cityIndex}`, deviceId: creator.id, hlc: clock, parents: [] }));
    }
    bundles.push({ cityIndex, deviceIndex: 0, input: fleetInput(base, creator, cityIndex, 0) });

    const values = base.slice(2);
    for (let deviceIndex = 1; deviceIndex < devicesPerCity; deviceIndex++) {
      const device = await benchDevice(cityIndex, deviceIndex);
      const edits: Revision[] = [];
      let deviceClock: string | null = null;
      for (let edit = 0; edit < EDITS_PER_DEVICE; edit++) {
        const parent = values[(edit * 7 + deviceIndex * 13) % values.length]!;
        deviceClock = nextHlc(deviceClock, startMs + (deviceIndex * 60 + edit) * MINUTE, device.id);
        edits.push(
          await createRevision({
            recordId: parent.recordId,
            fields: { note: `Checked by laptop ${deviceIndex}, pass ${edit}.` },
            author: `Participant ${deviceIndex}`,
            deviceId: device.id,
            hlc: deviceClock,
            parents: [parent.id],
          }),
        );
      }
      bundles.push({ cityIndex, deviceIndex, input: fleetInput(edits, device, cityIndex, deviceIndex) });
    }
  }
  return bundles;
}

function fleetInput(revisions: Revision[], device: BundleSigner, cityIndex: number, deviceIndex: number): DemoBundleInput {
  const bundleId = `${cityIndex.toString(16).padStart(8, '0')}${deviceIndex.toString(16).padStart(8, '0')}`.padEnd(32, 'b');
  return { revisions, device, bundleId, createdAt: '2025-03-01T12:00:00Z' };
}
