/** What a set of revisions is about, for the manifest's scope, counts and catalogue ids. */
import { recordIdParser } from '../revisions/record-id.ts';
import type { Revision } from '../revisions/types.ts';

export interface RevisionScope {
  readonly cityIds: string[];
  readonly assessmentIds: string[];
  readonly catalogueIds: string[];
  readonly recordCount: number;
}

const SCOPE_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

export function scopeOf(revisions: readonly Revision[]): RevisionScope {
  const cityIds = new Set<string>();
  const assessmentIds = new Set<string>();
  const catalogueIds = new Set<string>();
  const records = new Set<string>();
  // Each record parsed once, however many revisions it has.
  const parse = recordIdParser();
  for (const revision of revisions) {
    records.add(revision.recordId);
    const ref = parse(revision.recordId);
    if (ref?.kind === 'city') cityIds.add(ref.cityId);
    if (ref?.kind === 'kpiValue') assessmentIds.add(ref.assessmentId);
    if (ref?.kind === 'assessment') {
      assessmentIds.add(ref.assessmentId);
      const { cityId, catalogueId } = revision.fields;
      if (typeof cityId === 'string' && SCOPE_ID.test(cityId)) cityIds.add(cityId);
      if (typeof catalogueId === 'string' && SCOPE_ID.test(catalogueId)) catalogueIds.add(catalogueId);
    }
  }
  return {
    cityIds: [...cityIds].sort(),
    assessmentIds: [...assessmentIds].sort(),
    catalogueIds: [...catalogueIds].sort(),
    recordCount: records.size,
  };
}
