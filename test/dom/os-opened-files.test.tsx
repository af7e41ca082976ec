import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { encodeBundle } from '../../core/bundle/index.ts';
import type { Bridge, BridgeResult, OpenedFile } from '../../electron/contract/bridge.ts';
import { createWebBridge, resetBridgeForTests } from '../../renderer/src/bridge/index.ts';
import { watchFilesOpenedByOs } from '../../renderer/src/features/sync/os-opened-files.ts';
import { SyncScreen } from '../../renderer/src/features/sync/SyncScreen.tsx';
import { i18n } from '../../renderer/src/i18n/index.ts';
import { sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { useScreenDatabase } from './support/screen-database.ts';

vi.setConfig({ testTimeout: 60_000 });
useScreenDatabase('os-opened');

type BridgeWindow = Window & { __CITYKPI_TEST_BRIDGE__?: Bridge };

/** A shell that hands over the files in `handed` one at a time, as the desktop does. */
function shellHanding(handed: BridgeResult<OpenedFile | null>[]): Bridge {
  const bridge: Bridge = { ...createWebBridge(), takeOpenedFile: vi.fn(async (): Promise<BridgeResult<OpenedFile | null>> => handed.shift() ?? { ok: true, value: null }) };
  (window as BridgeWindow).__CITYKPI_TEST_BRIDGE__ = bridge;
  resetBridgeForTests();
  return bridge;
}

async function bundleBytes(): Promise<Uint8Array> {
  const device = await signerFromSeed(43, 'Field laptop 43');
  return encodeBundle({ revisions: await sampleRevisions(device.id), device, encryption: { kind: 'none' } });
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  delete (window as BridgeWindow).__CITYKPI_TEST_BRIDGE__;
  resetBridgeForTests();
});

describe('a .citykpi file the operating system opens', () => {
  it('at start: the Exchange screen opens with the import preview of that file', async () => {
    const bridge = shellHanding([{ ok: true, value: { name: 'field.citykpi', bytes: await bundleBytes() } }]);
    stop = watchFilesOpenedByOs(bridge);
    await vi.waitFor(() => expect(window.location.hash).toBe('#/sync'));
    render(<SyncScreen />);
    expect(await screen.findByRole('heading', { name: i18n.t('sync:preview.title') }, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getAllByText('Field laptop 43').length).toBeGreaterThan(0);
    expect(bridge.takeOpenedFile).toHaveBeenCalledTimes(2);
  });

  it('while the Exchange screen is open: the window gains focus and the new file is previewed; one that cannot be read says so', async () => {
    const handed: BridgeResult<OpenedFile | null>[] = [];
    const bridge = shellHanding(handed);
    stop = watchFilesOpenedByOs(bridge);
    render(<SyncScreen />);
    await screen.findByRole('button', { name: i18n.t('sync:import.choose') });

    handed.push({ ok: false, code: 'E_TOO_LARGE' });
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByText(i18n.t('sync:bridge.E_TOO_LARGE'))).toBeTruthy();

    handed.push({ ok: true, value: { name: 'field.citykpi', bytes: await bundleBytes() } });
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByRole('heading', { name: i18n.t('sync:preview.title') }, { timeout: 20_000 })).toBeTruthy();
  });
});
