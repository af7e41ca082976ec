/**
 * Files the operating system hands CityKPI (a `.citykpi` double-clicked while it runs or to start it)
 * reach the Exchange screen's import here: they are taken from the Bridge at start and whenever the
 * window gains focus (the shell brings it forward for them), the Exchange screen is opened, and its
 * import panel previews each one as if it had been chosen there.
 */
import type { Bridge, BridgeErrorCode, OpenedFile } from '../../../../electron/contract/bridge.ts';
import { hrefFor } from '../../app/routes.ts';

export type OsOpened = { readonly kind: 'file'; readonly file: OpenedFile } | { readonly kind: 'failed'; readonly code: BridgeErrorCode };

const waiting: OsOpened[] = [];
const listeners = new Set<() => void>();

/** The oldest file handed over and not yet previewed. */
export function takeOsOpened(): OsOpened | undefined {
  return waiting.shift();
}

export function onOsOpened(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** More than any real double-click brings; stops a shell that keeps answering from spinning the page. */
const MAX_FILES_AT_ONCE = 20;

async function takeAll(bridge: Pick<Bridge, 'takeOpenedFile'>): Promise<void> {
  let taken = 0;
  for (; taken < MAX_FILES_AT_ONCE; taken++) {
    const result = await bridge.takeOpenedFile().catch(() => ({ ok: false, code: 'E_IO' }) as const);
    if (result.ok && result.value === null) break;
    waiting.push(result.ok ? { kind: 'file', file: result.value! } : { kind: 'failed', code: result.code });
  }
  if (taken === 0) return;
  const exchange = hrefFor({ name: 'sync' });
  if (window.location.hash !== exchange) window.location.hash = exchange;
  for (const listener of listeners) listener();
}

/** Starts listening; returns the function that stops. */
export function watchFilesOpenedByOs(bridge: Pick<Bridge, 'takeOpenedFile'>): () => void {
  const take = () => void takeAll(bridge);
  take();
  window.addEventListener('focus', take);
  return () => window.removeEventListener('focus', take);
}
