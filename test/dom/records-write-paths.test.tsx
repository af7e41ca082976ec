/**
 * The record rules on every write path of the data layer (typed values, an import), a stored record
 * that breaks them listed as damaged instead of failing the list, and the top-level error boundary.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { evidenceValue } from '../../core/records/index.ts';
import { FatalErrorBoundary } from '../../renderer/src/app/FatalError.tsx';
import { DataError } from '../../renderer/src/data/errors.ts';
import { listAssessments } from '../../renderer/src/data/queries.ts';
import { trustSigner } from '../../renderer/src/data/signers.ts';
import { applyBundle, previewImport } from '../../renderer/src/data/sync.ts';
import { HomeScreen } from '../../renderer/src/features/home/HomeScreen.tsx';
import { edit, sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { useScreenDatabase } from './support/screen-database.ts';

const INTERNET = 'EC-ICT-ICT-1C';
const { db: database, store: dataStore } = (() => {
  const opened = useScreenDatabase('records');
  return { db: () => opened.db, store: () => opened.store };
})();

async function refusal(write: Promise<unknown>): Promise<DataError> {
  const error = await write.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

async function newAssessment(): Promise<string> {
  const { assessmentId } = await dataStore().createAssessment({
    city: { name: 'Lakeside', country: 'KE', population: 100_000, households: 40_000, areaKm2: null, gdp: null, currency: '' },
    year: 2025,
  });
  return assessmentId;
}

describe('typed values go through the record rules', () => {
  it('refuses a string for a number, HTML for a status and evidence with a path, naming the field, and stores nothing', async () => {
    const assessmentId = await newAssessment();
    const before = await database().revisions.count();
    const cases = [
      [{ numerator: '12' as unknown as number }, 'numerator', 'notANumber'],
      [{ status: '<b>reported</b>' }, 'status', 'notAChoice'],
      [{ evidence: evidenceValue([{ sha256: 'b'.repeat(64), name: '../secret/report.pdf', type: 'application/pdf', size: 10 }]) }, 'evidence', 'evidenceName'],
    ] as const;
    for (const [fields, field, reason] of cases) {
      const error = await refusal(dataStore().saveValueFields(assessmentId, INTERNET, '_', fields));
      expect(error.code).toBe('E_INVALID');
      expect(error.findings[0]).toMatchObject({ field, reason });
    }
    expect(await database().revisions.count()).toBe(before);
    expect(await dataStore().saveValueFields(assessmentId, INTERNET, '_', { numerator: 100, denominator: 100 })).not.toBeNull();
  });
});

describe('imports go through the record rules', () => {
  it('refuses a bundle from an approved signer whose assessment has cityId "bad id!", and writes nothing', async () => {
    const device = await signerFromSeed(61);
    await trustSigner(database(), { publicKey: device.publicKey, label: 'Field laptop', source: 'approved' });
    const bad = await edit(device.id, 'assessment:lake-2025', { cityId: 'bad id!', year: 2025, catalogueId: 'u4ssc-2017' }, 1_000);
    const bytes = await encodeBundle({ revisions: [...(await sampleRevisions(device.id)), bad], device, encryption: { kind: 'none' } });
    await expect(decodeBundle(bytes)).rejects.toMatchObject({ code: 'E_INVALID_RECORD', details: { recordId: 'assessment:lake-2025', field: 'cityId' } });

    // Even a decoded bundle handed over without the decoder's check is refused whole by the import transaction.
    const good = await decodeBundle(await encodeBundle({ revisions: await sampleRevisions(device.id), device, encryption: { kind: 'none' } }));
    const forged = { bytes, decoded: { ...good, revisions: [...good.revisions, bad] } };
    const error = await refusal(applyBundle(database(), forged, { nowMs: 5 }));
    expect(error.findings[0]).toMatchObject({ recordId: 'assessment:lake-2025', field: 'cityId', reason: 'notAnId' });
    expect(await database().revisions.count()).toBe(0);
    expect(await database().ledger.count()).toBe(0);
  });

  it('previews how many current values a bundle would replace, not only the conflicts it creates', async () => {
    const device = await signerFromSeed(62);
    await trustSigner(database(), { publicKey: device.publicKey, label: 'Field laptop', source: 'approved' });
    const sample = await sampleRevisions(device.id);
    const first = await decodeBundle(await encodeBundle({ revisions: sample, device, encryption: { kind: 'none' } }));
    await applyBundle(database(), { bytes: new Uint8Array([1]), decoded: first });
    const overwrite = await edit(device.id, sample[3]!.recordId, { numerator: 900 }, 6_000, [sample[3]!.id]);
    const second = await decodeBundle(await encodeBundle({ revisions: [...sample, overwrite], device, encryption: { kind: 'none' } }));
    const preview = await previewImport(database(), { bytes: new Uint8Array([2]), decoded: second });
    expect(preview.newConflicts).toEqual([]);
    expect(preview.replacedValues.map(({ recordId, field, before, after }) => [recordId, field, before.value, after.value])).toEqual([
      [sample[3]!.recordId, 'numerator', 820, 900],
    ]);
  });
});

describe('a stored record that breaks the rules', () => {
  it('is listed and marked as damaged; the other assessments are listed as before', async () => {
    const assessmentId = await newAssessment();
    const damaged = await edit('old-laptop', 'assessment:damaged-2024', { cityId: 'bad id!', year: 2024, catalogueId: 'u4ssc-2017' }, 1_000);
    await database().revisions.add(damaged);
    const listed = await listAssessments(database());
    expect(listed.map((assessment) => [assessment.id, assessment.damage.map((finding) => `${finding.field}:${finding.reason}`)])).toEqual(
      expect.arrayContaining([
        [assessmentId, []],
        ['damaged-2024', ['cityId:notAnId']],
      ]),
    );

    render(<HomeScreen />);
    const row = (await screen.findByText('damaged-2024')).closest('tr')!;
    expect(within(row).getByText('Damaged')).toBeTruthy();
    expect(row.textContent).toContain('is not a valid identifier');
    expect(await screen.findByText('Lakeside')).toBeTruthy();
  });
});

function Broken(): never {
  throw new Error('render failed');
}

describe('the top-level error boundary', () => {
  it('names the problem and its code, and offers try again, reload, go home and a copy of the data', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <FatalErrorBoundary>
        <Broken />
      </FatalErrorBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Part of this screen could not be shown.');
    expect(alert.textContent).toContain('Error code: E_RENDER');
    for (const name of ['Try again', 'Reload CityKPI', 'Save a copy of all data']) expect(within(alert).getByRole('button', { name })).toBeTruthy();
    expect(within(alert).getByRole('link', { name: 'Go to the start page' }).getAttribute('href')).toBe('#/');
    vi.restoreAllMocks();
  });
});
