/**
 * The fictional demo assessment. Every laptop and the CLI build it from the same data with the same
 * ids, clock and author, so the demo's revisions are byte-identical everywhere and merge into one
 * assessment instead of conflicting with themselves.
 */
import { getCatalogue, U4SSC_2017_ID } from '../catalogue/index.ts';
import { nextHlc } from '../revisions/hlc.ts';
import { formatRecordId, valueRecordPrefix } from '../revisions/record-id.ts';
import { createRevision } from '../revisions/revision-id.ts';
import type { FieldMap, Revision } from '../revisions/types.ts';
import { LAKE_AMARA_CITY, LAKE_AMARA_TITLE, LAKE_AMARA_VALUES, LAKE_AMARA_YEAR, type DemoCity, type DemoValue } from './lake-amara.ts';
import { SAMPLE_WORKSHOP, sampleWorkshopRecords } from './sample-workshop.ts';

export type { DemoCity, DemoValue };

export const DEMO_CITY_ID = 'demo-city-lake-amara';
export const DEMO_ASSESSMENT_ID = 'demo-assessment-lake-amara-2025';

export interface DemoDataset {
  readonly cityId: string;
  readonly assessmentId: string;
  readonly catalogueId: string;
  readonly year: number;
  readonly title: string;
  readonly city: DemoCity;
  readonly values: readonly DemoValue[];
}

export function demoDataset(): DemoDataset {
  return {
    cityId: DEMO_CITY_ID,
    assessmentId: DEMO_ASSESSMENT_ID,
    // The demo's revisions must be byte-identical on every laptop forever, so it names the catalogue it was
    // first written in; the catalogue migration moves it on with ordinary revisions, like any assessment.
    catalogueId: U4SSC_2017_ID,
    year: LAKE_AMARA_YEAR,
    title: LAKE_AMARA_TITLE,
    city: LAKE_AMARA_CITY,
    values: LAKE_AMARA_VALUES,
  };
}

export interface DemoRevisionOptions {
  readonly deviceId: string;
  readonly author: string;
  /** Wall clock of the first revision; later ones follow on the same hybrid logical clock. */
  readonly startMs: number;
}

/** The shared origin of the demo: use it unless you deliberately want a different device's copy. */
export const DEMO_ORIGIN: DemoRevisionOptions = {
  deviceId: 'citykpi-demo',
  author: 'CityKPI demo',
  startMs: Date.UTC(2025, 0, 15, 9, 0, 0),
};

/** The day the sample workshop opened: the demo's values were entered before it, so they need no participant. */
const SAMPLE_WORKSHOP_OPENED_MS = Date.UTC(2025, 2, 10, 9, 0, 0);

/**
 * The demo as root revisions (no parents): city, assessment, one per KPI data point, then the sample
 * workshop (core/demo/sample-workshop.ts) in its people's names, on the day it opened.
 */
export async function demoRevisions(options: DemoRevisionOptions = DEMO_ORIGIN): Promise<Revision[]> {
  const dataset = demoDataset();
  const records: [string, FieldMap][] = [
    [formatRecordId({ kind: 'city', cityId: dataset.cityId }), { ...dataset.city }],
    [
      formatRecordId({ kind: 'assessment', assessmentId: dataset.assessmentId }),
      { cityId: dataset.cityId, year: dataset.year, catalogueId: dataset.catalogueId, title: dataset.title, demo: true },
    ],
    ...dataset.values.map(({ kpiId, pointId, fields }): [string, FieldMap] => [
      formatRecordId({ kind: 'kpiValue', assessmentId: dataset.assessmentId, kpiId, pointId }),
      fields as FieldMap,
    ]),
  ];
  const revisions: Revision[] = [];
  let clock: string | null = null;
  const write = async (recordId: string, fields: FieldMap, author: string, wallMs: number) => {
    clock = nextHlc(clock, wallMs, options.deviceId);
    revisions.push(await createRevision({ recordId, fields, author, deviceId: options.deviceId, hlc: clock, parents: [] }));
  };
  for (const [recordId, fields] of records) await write(recordId, fields, options.author, options.startMs);
  const valueIds = (kpiId: string) => revisions.filter((revision) => revision.recordId.startsWith(`${valueRecordPrefix(dataset.assessmentId)}${kpiId}:`)).map((revision) => revision.id);
  const workshop = sampleWorkshopRecords(SAMPLE_WORKSHOP, dataset.assessmentId, getCatalogue(dataset.catalogueId)!, valueIds);
  for (const { recordId, fields, author } of workshop) await write(recordId, fields, author, SAMPLE_WORKSHOP_OPENED_MS);
  return revisions;
}
