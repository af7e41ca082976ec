import { afterEach, describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { setAppStoreForTests } from '../../renderer/src/data/app-store.ts';
import { createDb } from '../../renderer/src/data/db.ts';
import { decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { useAssessment, useAssessments, useExportStatus, useHeldBundles, useImports, useRecordHistory, useSigners, useValues } from '../../renderer/src/data/hooks.ts';
import {
  applyBundle,
  collectExport,
  createAssessment,
  deleteAssessment,
  getBundleSigner,
  getDeviceIdentity,
  openDemo,
  saveValueFields,
  valueRecordId,
} from '../../renderer/src/data/index.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';

let store: DataStore | undefined;

function useFreshAppStore(): void {
  store = createDataStore(createDb(`hooks-${Math.random().toString(36).slice(2)}`));
  setAppStoreForTests(store);
}

afterEach(() => {
  store?.db.close();
  setAppStoreForTests(undefined);
});

const CITY = {
  city: { name: 'Hookton', country: 'Nowhere', population: 100, households: 40, areaKm2: 2, gdp: 3, currency: 'EUR' },
  year: 2025,
};

describe('data hooks', () => {
  it('start undefined, then follow every committed change', async () => {
    useFreshAppStore();
    const list = renderHook(() => useAssessments());
    expect(list.result.current).toBeUndefined();
    await waitFor(() => expect(list.result.current).toEqual([]));

    const { assessmentId } = await createAssessment(CITY);
    await waitFor(() => expect(list.result.current?.map((view) => view.id)).toEqual([assessmentId]));

    const single = renderHook(() => useAssessment(assessmentId));
    await waitFor(() => expect(single.result.current?.city.name).toBe('Hookton'));

    const values = renderHook(() => useValues(assessmentId));
    await waitFor(() => expect(values.result.current?.size).toBe(0));
    await saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { numerator: 20 });
    await saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { numerator: 21 });
    const recordId = valueRecordId(assessmentId, 'EC-ICT-ICT-1C', '_');
    await waitFor(() => expect(values.result.current?.get(recordId)?.fields.numerator).toMatchObject({ current: { value: 21 } }));

    const history = renderHook(() => useRecordHistory(recordId));
    await waitFor(() => expect(history.result.current?.map((revision) => revision.fields.numerator)).toEqual([21, 20]));

    await deleteAssessment(assessmentId);
    await waitFor(() => expect(list.result.current).toEqual([]));
    await waitFor(() => expect(single.result.current).toBeNull());
  });
});

describe('bundle hooks through the app API', () => {
  it('follow export status, signers, held bundles and imports', async () => {
    useFreshAppStore();
    const status = renderHook(() => useExportStatus());
    const signers = renderHook(() => useSigners());
    const held = renderHook(() => useHeldBundles());
    const imports = renderHook(() => useImports());
    await waitFor(() => expect(status.result.current).toEqual({ totalCount: 0, undeliveredCount: 0, lastReceipt: null }));

    await openDemo();
    const identity = await getDeviceIdentity(null);
    await waitFor(() => expect(signers.result.current?.map((row) => row.fingerprint)).toEqual([identity.fingerprint]));
    const snapshot = await collectExport({ sinceReceipt: false });
    await waitFor(() => expect(status.result.current?.undeliveredCount).toBe(snapshot.revisions.length));

    // A bundle signed by this very device imports without a question (its own key is trusted).
    const signer = await getBundleSigner(null);
    expect(signer.publicKey).toEqual(identity.publicKey);
    const bytes = await encodeBundle({ revisions: snapshot.revisions, device: signer, encryption: { kind: 'none' } });
    expect(await applyBundle({ bytes, decoded: await decodeBundle(bytes) })).toEqual({
      status: 'imported',
      addedCount: 0,
      knownCount: snapshot.revisions.length,
    });
    await waitFor(() => expect(imports.result.current).toHaveLength(1));
    expect(held.result.current).toEqual([]);
  });
});
