/**
 * A whole assessment from an imported table: the city, the assessment and one revision per proposed value, all
 * root revisions by one author on one device's clock. The office uses it to turn a spreadsheet it received into a
 * bundle like any laptop's.
 */
import { nextHlc } from '../revisions/hlc.ts';
import { formatRecordId } from '../revisions/record-id.ts';
import { createRevision } from '../revisions/revision-id.ts';
import type { FieldMap, Revision } from '../revisions/types.ts';
import type { ProposedValue } from './value-import.ts';

export interface TableAssessment {
  readonly cityId: string;
  readonly cityName: string;
  readonly country: string;
  readonly assessmentId: string;
  readonly year: number;
  readonly catalogueId: string;
  readonly values: readonly ProposedValue[];
  readonly author: string;
  readonly deviceId: string;
  readonly nowMs: number;
}

export async function tableAssessmentRevisions(input: TableAssessment): Promise<Revision[]> {
  const records: [string, FieldMap][] = [
    [formatRecordId({ kind: 'city', cityId: input.cityId }), { name: input.cityName, country: input.country }],
    [formatRecordId({ kind: 'assessment', assessmentId: input.assessmentId }), { cityId: input.cityId, year: input.year, catalogueId: input.catalogueId }],
    ...input.values.map((value): [string, FieldMap] => [
      formatRecordId({ kind: 'kpiValue', assessmentId: input.assessmentId, kpiId: value.kpiId, pointId: value.pointId }),
      value.fields,
    ]),
  ];
  const revisions: Revision[] = [];
  let hlc: string | null = null;
  for (const [recordId, fields] of records) {
    hlc = nextHlc(hlc, input.nowMs, input.deviceId);
    revisions.push(await createRevision({ recordId, fields, author: input.author, deviceId: input.deviceId, hlc, parents: [] }));
  }
  return revisions;
}
