/** Planning the move from u4ssc-2017 to u4ssc-2017-v2: exact conversions only, notes, determinism, idempotence. */
import { describe, expect, it } from 'vitest';
import { planCatalogueMigrations } from '../../core/catalogue/migrations.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { edit } from '../fixtures/bundles/helpers.ts';

const value = (kpiId: string) => `value:a1:${kpiId}:_`;

async function assessment(catalogueId: string, extra: Revision[] = []): Promise<Revision[]> {
  return [await edit('dev-a', 'assessment:a1', { cityId: 'c1', year: 2024, catalogueId }, 1_000), ...extra];
}

describe('planCatalogueMigrations', () => {
  it('moves a u4ssc-2017 assessment and converts Outage Time to CAIDI through Outage Frequency', async () => {
    const revisions = await assessment('u4ssc-2017', [
      await edit('dev-a', value('EC-I-ES-1C'), { numerator: 307_800, denominator: 171_000 }, 2_000),
      await edit('dev-a', value('EC-I-ES-2C'), { numerator: 478_800, denominator: 171_000, note: 'grid report' }, 2_100),
    ]);
    const [plan] = planCatalogueMigrations(revisions);
    expect(plan?.changes.map((change) => [change.recordId, change.heads.length])).toEqual([
      ['assessment:a1', 1],
      [value('EC-I-ES-2C'), 1],
    ]);
    expect(plan?.changes[0]?.fields).toEqual({ catalogueId: 'u4ssc-2017-v2' });
    const outage = plan!.changes[1]!.fields;
    expect(outage).toMatchObject({ numerator: 28_728_000, denominator: 307_800 });
    // 478 800 customer hours over 171 000 customers, 1.8 interruptions each: 93.3 minutes per interruption.
    expect((outage.numerator as number) / (outage.denominator as number)).toBeCloseTo(93.333, 3);
    expect(outage.note).toMatch(/^grid report\n\nCatalogue u4ssc-2017 → u4ssc-2017-v2: Electricity System Outage Time is now minutes per interruption/);
  });

  it('keeps what it cannot convert in the note and clears it, converts only the hours', async () => {
    const revisions = await assessment('u4ssc-2017', [await edit('dev-a', value('EC-I-ES-2C'), { numerator: 100, denominator: 50, directValue: 2 }, 2_000)]);
    const fields = planCatalogueMigrations(revisions)[0]!.changes[1]!.fields;
    expect(fields).toMatchObject({ numerator: 6_000, denominator: null, directValue: null });
    expect(fields.note).toContain('Not converted, because Outage Frequency has no value: denominator 50 customers, value 2 hours per customer per year');
  });

  it('notes the full-time-equivalent wording on Police and Fire Service values without changing numbers', async () => {
    const revisions = await assessment('u4ssc-2017', [
      await edit('dev-a', value('SC-SH-SA-6C'), { numerator: 300 }, 2_000),
      await edit('dev-a', value('SC-SH-SA-7C'), { status: 'notReported' }, 2_100),
    ]);
    const changes = planCatalogueMigrations(revisions)[0]!.changes;
    expect(changes.map((change) => change.recordId)).toEqual(['assessment:a1', value('SC-SH-SA-6C')]);
    expect(Object.keys(changes[1]!.fields)).toEqual(['note']);
    expect(changes[1]!.fields.note).toMatch(/full-time equivalents/);
  });

  it('leaves current-version, deleted and already-converted values alone, and plans the same on every laptop', async () => {
    expect(planCatalogueMigrations(await assessment('u4ssc-2017-v2'))).toEqual([]);
    const deleted = await edit('dev-a', 'assessment:a1', { cityId: 'c1', year: 2024, catalogueId: 'u4ssc-2017', deleted: true }, 1_000);
    expect(planCatalogueMigrations([deleted])).toEqual([]);
    const converted = await assessment('u4ssc-2017', [
      await edit('dev-a', value('EC-I-ES-2C'), { numerator: 6_000, note: 'Catalogue u4ssc-2017 → u4ssc-2017-v2: Electricity System Outage Time is now …' }, 2_000),
    ]);
    expect(planCatalogueMigrations(converted)[0]?.changes.map((change) => change.recordId)).toEqual(['assessment:a1']);
    const revisions = await assessment('u4ssc-2017', [await edit('dev-a', value('EC-I-ES-2C'), { numerator: 1 }, 2_000)]);
    expect(planCatalogueMigrations([...revisions].reverse())).toEqual(planCatalogueMigrations(revisions));
  });
});
