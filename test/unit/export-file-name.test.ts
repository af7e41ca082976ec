import { describe, expect, it } from 'vitest';
import { formatRecordId } from '../../core/revisions/record-id.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { FieldMap, Revision } from '../../core/revisions/types.ts';
import { exportFileStem, slug } from '../../renderer/src/features/sync/export-file-name.ts';

const NOW = new Date(2026, 11, 3, 17, 46);
let clock = 0;

function write(recordId: string, fields: FieldMap): Promise<Revision> {
  clock += 1;
  return createRevision({ recordId, fields, author: 'a', deviceId: 'd', hlc: `0000000000${clock}:0000:d`, parents: [] });
}

async function assessment(id: string, cityId: string, city: string, year: number): Promise<Revision[]> {
  return [
    await write(formatRecordId({ kind: 'city', cityId }), { name: city }),
    await write(formatRecordId({ kind: 'assessment', assessmentId: id }), { cityId, year }),
  ];
}

describe('export file names', () => {
  it('name the city, the year, the laptop and the date', async () => {
    const revisions = await assessment('a1', 'c1', 'Lake Amara', 2026);
    expect(exportFileStem(revisions, 'Amina’s laptop', NOW)).toBe('lake-amara-2026-amina-s-laptop-2026-12-03-1746');
  });

  it('keep city names in their own script', async () => {
    const revisions = await assessment('a1', 'c1', 'الدار البيضاء', 2025);
    expect(exportFileStem(revisions, 'حاسوب 3', NOW)).toBe('الدار-البيضاء-2025-حاسوب-3-2026-12-03-1746');
    expect(slug('  Saint-Étienne / Loire  ')).toBe('saint-étienne-loire');
  });

  it('say how many more assessments a file holds', async () => {
    const revisions = [...(await assessment('a1', 'c1', 'Lyon', 2025)), ...(await assessment('a2', 'c2', 'Nantes', 2025))];
    expect(exportFileStem(revisions, 'laptop', NOW)).toBe('lyon-2025+1-laptop-2026-12-03-1746');
  });

  it('still have a name when the export holds no assessment', () => {
    expect(exportFileStem([], 'laptop', NOW)).toBe('laptop-2026-12-03-1746');
  });
});
