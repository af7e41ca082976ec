import { describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { getCatalogue } from '../../core/catalogue/index.ts';
import type { WorkshopState } from '../../core/workshop/state.ts';
import type { Bridge } from '../../electron/contract/bridge.ts';
import { createWebBridge, resetBridgeForTests } from '../../renderer/src/bridge/index.ts';
import { getAssessment, listValues } from '../../renderer/src/data/queries.ts';
import { getTargetSet, saveTargetSet } from '../../renderer/src/data/target-sets.ts';
import { PrintButton } from '../../renderer/src/features/results/PrintButton.tsx';
import { buildSnapshot } from '../../renderer/src/features/results/snapshot-model.ts';
import { isVerified } from '../../renderer/src/features/results/verification.ts';
import { TargetSetScreen } from '../../renderer/src/features/targets/TargetSetScreen.tsx';
import { useScreenDatabase } from './support/screen-database.ts';

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 10_000 });

const database = useScreenDatabase('results-verification');

function workshopWith(verdicts: Record<string, 'yes' | 'no'>): WorkshopState {
  const review = (verified: 'yes' | 'no') => ({ submission: null, returnReason: null, reported: 'yes' as const, verified, verifiedHeads: [], reopenReason: null });
  return {
    assessmentId: 'a',
    workshops: [],
    participants: [],
    assignments: new Map(),
    pointAssignments: new Map(),
    reviews: new Map(Object.entries(verdicts).map(([kpiId, verdict]) => [kpiId, review(verdict)])),
    pointReviews: new Map(),
    questions: [],
  };
}

describe('verification label', () => {
  it('lifts "not verified" only when a verifier has verified every reported KPI', async () => {
    const { assessmentId } = await database.store.createAssessment({
      city: { name: 'Testville', country: 'Nowhere', population: 100_000, households: 40_000, areaKm2: null, gdp: null, currency: '' },
      year: 2025,
    });
    await database.store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { directValue: 80 });
    await database.store.saveValueFields(assessmentId, 'SC-EH-H-1C', '_', { directValue: 78 });
    const assessment = (await getAssessment(database.db, assessmentId))!;
    const model = buildSnapshot(getCatalogue(assessment.catalogueId)!, assessment, await listValues(database.db, assessmentId));
    expect(isVerified(model, undefined)).toBe(false);
    expect(isVerified(model, workshopWith({ 'EC-ICT-ICT-1C': 'yes' }))).toBe(false);
    expect(isVerified(model, workshopWith({ 'EC-ICT-ICT-1C': 'yes', 'SC-EH-H-1C': 'no' }))).toBe(false);
    expect(isVerified(model, workshopWith({ 'EC-ICT-ICT-1C': 'yes', 'SC-EH-H-1C': 'yes' }))).toBe(true);
  });
});

describe('print button', () => {
  it('prints through the Bridge and says where the PDF went, or that it failed', async () => {
    const printToPdf = vi.fn<Bridge['printToPdf']>().mockResolvedValueOnce({ ok: true, value: { name: 'lake-amara.pdf' } }).mockResolvedValueOnce({ ok: false, code: 'E_IO' });
    (window as { __CITYKPI_TEST_BRIDGE__?: Bridge }).__CITYKPI_TEST_BRIDGE__ = { ...createWebBridge(), printToPdf };
    resetBridgeForTests();
    try {
      render(<PrintButton fileStem="lake-amara-2025-report" />);
      fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
      await screen.findByText('Saved as lake-amara.pdf.');
      expect(printToPdf).toHaveBeenCalledWith({ suggestedName: 'lake-amara-2025-report.pdf', filters: [{ name: 'PDF document', extensions: ['pdf'] }], pageSize: 'A4', landscape: false });
      fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
      await screen.findByText('The report could not be printed or saved. Try again.');
    } finally {
      delete (window as { __CITYKPI_TEST_BRIDGE__?: Bridge }).__CITYKPI_TEST_BRIDGE__;
      resetBridgeForTests();
    }
  });
});

describe('target set editor', () => {
  it('edits a target and removes one, each a saved change', async () => {
    await saveTargetSet(database.store, {
      id: 'plan',
      name: 'City plan',
      source: 'Council',
      catalogueId: 'u4ssc-2017',
      example: false,
      targets: [{ kpiId: 'EC-ICT-ICT-1C', pointId: '_', target: 90, direction: 'higher' }],
    });
    render(<TargetSetScreen targetSetId="plan" />);
    const target = await screen.findByRole('textbox', { name: /Target for Household Internet Access/ });
    fireEvent.focus(target);
    fireEvent.change(target, { target: { value: '95' } });
    fireEvent.blur(target);
    await waitFor(async () => expect((await getTargetSet(database.db, 'plan'))?.set.targets[0]?.target).toBe(95));

    const removeButton = screen.getByRole('button', { name: /Remove/ });
    fireEvent.click(removeButton);
    await waitFor(async () => expect((await getTargetSet(database.db, 'plan'))?.set.targets).toEqual([]));
    await screen.findByText('This set has no targets yet.');
  });

  it('shows the shipped example read only, labelled as an example', async () => {
    render(<TargetSetScreen targetSetId="example-sdg-2030" />);
    await screen.findByRole('heading', { level: 1, name: 'Explicit SDG targets for 2030 (example)' });
    expect(screen.getByText(/They are not the U4SSC benchmarks/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Targets of the set' });
    expect(within(table).queryAllByRole('textbox')).toEqual([]);
    expect(within(table).getByText(/SDG 3\.1/)).toBeTruthy();
  });
});
