/**
 * Every revision shown can be traced to the key that made it: the KPI history and the import preview
 * show the proven key's fingerprint, this laptop's own for what was typed here, and "made on every
 * laptop" for the demo's revisions.
 */
import { describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { findKpi, getCatalogue, pointsOf } from '../../core/catalogue/index.ts';
import { fingerprintOf } from '../../core/crypto/fingerprint.ts';
import { DEMO_ASSESSMENT_ID } from '../../core/demo/index.ts';
import { valueRecordId } from '../../renderer/src/data/index.ts';
import { recordHistory } from '../../renderer/src/data/queries.ts';
import { applyBundle, previewImport } from '../../renderer/src/data/sync.ts';
import { KpiHistory } from '../../renderer/src/features/entry/KpiHistory.tsx';
import { ImportPreviewView } from '../../renderer/src/features/sync/ImportPreviewView.tsx';
import { edit, signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { useScreenDatabase } from './support/screen-database.ts';

vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 10_000 });

const database = useScreenDatabase('revision-provenance');
const KPI = 'EC-ICT-ICT-1C';

async function demoWithEdits() {
  await database.store.openDemo();
  await database.store.saveValueFields(DEMO_ASSESSMENT_ID, KPI, '_', { numerator: 130_000 });
  const recordId = valueRecordId(DEMO_ASSESSMENT_ID, KPI, '_');
  const [head] = await recordHistory(database.db, recordId);
  const other = await signerFromSeed(31, 'Field laptop 31');
  // The demo is a workshop assessment: the other laptop's edit is by the participant responsible for the KPI.
  const theirs = await edit(other.id, recordId, { source: 'Census 2025' }, Date.parse('2026-01-01'), [head!.id], 'Nadia Haddad');
  const bytes = await encodeBundle({ revisions: [theirs], device: other, encryption: { kind: 'none' } });
  return { other, otherFingerprint: await fingerprintOf(other.publicKey), bytes };
}

describe('provenance on screen', () => {
  it('the KPI history names the key of every revision: this laptop, another laptop by its code, the demo as made everywhere', async () => {
    const { bytes, otherFingerprint } = await demoWithEdits();
    await applyBundle(database.db, { bytes, decoded: await decodeBundle(bytes) }, { approveSigner: true });
    const kpi = findKpi(getCatalogue('u4ssc-2017')!, KPI)!;
    render(<KpiHistory assessmentId={DEMO_ASSESSMENT_ID} kpi={kpi} points={pointsOf(kpi)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show the history of this KPI' }));
    const table = await screen.findByRole('table');
    // Opening the history made this laptop's key, which no export had made yet.
    await waitFor(async () => expect(await database.db.identity.get('device')).toBeDefined());
    const own = await fingerprintOf((await database.db.identity.get('device'))!.publicKey);
    expect(within(table).getByRole('columnheader', { name: 'Key that made it' })).toBeTruthy();
    await waitFor(() => expect(within(table).getAllByText(own)).toHaveLength(1));
    const rows = within(table).getAllByRole('row').slice(1);
    const rowOf = (text: string) => rows.find((row) => row.textContent?.includes(text));
    expect(rowOf('Nadia Haddad')?.textContent).toContain(otherFingerprint);
    expect(rowOf('Nadia Haddad')?.textContent).toContain('Field laptop 31');
    expect(rowOf(own)?.textContent).toContain('this laptop');
    expect(rows.filter((row) => row.textContent?.includes('Made on every laptop'))).toHaveLength(rows.length - 2);
  });

  it('the import preview lists who made the edits, and the key behind each value it replaces', async () => {
    const { bytes, otherFingerprint } = await demoWithEdits();
    const opened = { bytes, decoded: await decodeBundle(bytes) };
    render(<ImportPreviewView opened={opened} preview={await previewImport(database.db, opened)} />);
    const makers = await screen.findByRole('region', { name: 'Who made these edits' });
    expect(within(makers).getByRole('listitem').textContent).toContain(otherFingerprint);
    expect(within(makers).getByRole('listitem').textContent).toContain('1 edit');
  });
});
