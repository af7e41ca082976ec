/** Target sets as revision records: written as changes, derived back, merged, and carried in bundles. */
import { describe, expect, it } from 'vitest';
import { SINGLE_POINT, U4SSC_2017_V2, findKpi, findPoint, getCatalogue } from '../../core/catalogue/index.ts';
import { decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { parseRecordId } from '../../core/revisions/record-id.ts';
import type { Revision } from '../../core/revisions/types.ts';
import {
  EXAMPLE_TARGET_SET,
  deleteTargetSetChange,
  targetSetChanges,
  targetSetsFromRevisions,
  type RecordChange,
  type TargetSet,
} from '../../core/targets/index.ts';
import { edit, signerFromSeed } from '../fixtures/bundles/helpers.ts';

async function write(changes: readonly RecordChange[], device = 'dev-a', start = 1_000, parents: Revision[] = []): Promise<Revision[]> {
  const written: Revision[] = [];
  for (const [index, change] of changes.entries()) {
    const heads = parents.filter((revision) => revision.recordId === change.recordId).map((revision) => revision.id);
    written.push(await edit(device, change.recordId, change.fields, start + index, heads));
  }
  return written;
}

const small: TargetSet = {
  id: 'office-2025',
  name: 'Office targets 2025',
  source: 'Central office',
  catalogueId: 'u4ssc-2017-v2',
  example: false,
  targets: [
    { kpiId: 'EC-ICT-ICT-1C', pointId: SINGLE_POINT, target: 90, direction: 'higher' },
    { kpiId: 'EN-EN-AQ-1C', pointId: 'pm25', target: 5, direction: 'lower', source: 'WHO air quality guidelines 2021', note: 'annual mean' },
  ],
};

describe('target set records', () => {
  it('round-trips a set through record changes and back', async () => {
    const changes = targetSetChanges(null, small);
    expect(changes.map((change) => change.recordId)).toEqual([
      'targetSet:office-2025',
      'target:office-2025:EC-ICT-ICT-1C:_',
      'target:office-2025:EN-EN-AQ-1C:pm25',
    ]);
    for (const change of changes) expect(parseRecordId(change.recordId)).not.toBeNull();
    const stored = targetSetsFromRevisions(await write(changes));
    expect(stored).toEqual([{ set: small, conflicts: [] }]);
  });

  it('writes only what changed, removes a target with target null, and deletes a set', async () => {
    const first = await write(targetSetChanges(null, small));
    const wanted: TargetSet = { ...small, name: 'Renamed', targets: [small.targets[1]!] };
    const changes = targetSetChanges(small, wanted);
    expect(changes).toEqual([
      { recordId: 'targetSet:office-2025', fields: { name: 'Renamed' } },
      { recordId: 'target:office-2025:EC-ICT-ICT-1C:_', fields: { target: null, direction: null } },
    ]);
    const second = await write(changes, 'dev-a', 2_000, first);
    expect(targetSetsFromRevisions([...first, ...second])[0]?.set).toEqual(wanted);
    const deleted = await write([deleteTargetSetChange('office-2025')], 'dev-a', 3_000, [...first, ...second]);
    expect(targetSetsFromRevisions([...first, ...second, ...deleted])).toEqual([]);
  });

  it('keeps concurrent edits of one target as a conflict and leaves that target out until resolved', async () => {
    const first = await write(targetSetChanges(null, small));
    const a = await write([{ recordId: 'target:office-2025:EC-ICT-ICT-1C:_', fields: { target: 95 } }], 'dev-a', 2_000, first);
    const b = await write([{ recordId: 'target:office-2025:EC-ICT-ICT-1C:_', fields: { target: 80 } }], 'dev-b', 2_000, first);
    const [stored] = targetSetsFromRevisions([...first, ...a, ...b]);
    expect(stored?.conflicts).toEqual([{ recordId: 'target:office-2025:EC-ICT-ICT-1C:_', field: 'target' }]);
    expect(stored?.set.targets.map((target) => target.kpiId)).toEqual(['EN-EN-AQ-1C']);
  });

  it('travels in a signed bundle like any other record', async () => {
    const signer = await signerFromSeed(3);
    const revisions = await write(targetSetChanges(null, EXAMPLE_TARGET_SET), signer.id);
    const bytes = await encodeBundle({ revisions, device: signer, encryption: { kind: 'none' }, bundleId: 'a'.repeat(32), createdAt: '2025-02-01T00:00:00Z' });
    const decoded = await decodeBundle(bytes);
    const byPoint = (a: { kpiId: string }, b: { kpiId: string }) => (a.kpiId < b.kpiId ? -1 : 1);
    expect(targetSetsFromRevisions(decoded.revisions)[0]?.set).toEqual({ ...EXAMPLE_TARGET_SET, targets: [...EXAMPLE_TARGET_SET.targets].sort(byPoint) });
  });
});

describe('the example SDG target set', () => {
  it('is labelled an example and names a source for every target', () => {
    expect(EXAMPLE_TARGET_SET.example).toBe(true);
    expect(EXAMPLE_TARGET_SET.name).toMatch(/^Example/);
    expect(EXAMPLE_TARGET_SET.note).toMatch(/not the U4SSC benchmark/);
    for (const target of EXAMPLE_TARGET_SET.targets) expect(target.source, target.kpiId).toMatch(/^SDG \d+\.\d/);
  });

  it('targets real data points of its catalogue, in the catalogue direction', () => {
    const catalogue = getCatalogue(EXAMPLE_TARGET_SET.catalogueId);
    expect(catalogue).toBe(U4SSC_2017_V2);
    for (const target of EXAMPLE_TARGET_SET.targets) {
      const kpi = findKpi(U4SSC_2017_V2, target.kpiId)!;
      expect(findPoint(kpi, target.pointId), target.kpiId).toBeDefined();
      expect(target.direction, target.kpiId).toBe(kpi.direction);
    }
  });

  it('holds the SDG targets the issue names: safe water 100 %, maternal mortality below 70, road deaths halved', () => {
    const byKpi = Object.fromEntries(EXAMPLE_TARGET_SET.targets.map((target) => [target.kpiId, target]));
    expect(byKpi['EC-I-WS-1C']).toMatchObject({ target: 100, direction: 'higher' });
    expect(byKpi['SC-EH-H-2C']).toMatchObject({ target: 70, direction: 'lower' });
    expect(byKpi['SC-SH-SA-9C']).toMatchObject({ target: 8.7, direction: 'lower' });
    expect(byKpi['SC-SH-SI-1C']).toMatchObject({ target: 1, direction: 'target' });
  });
});
