import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { KeyStoreStatus } from '../../../../electron/contract/bridge.ts';
import { getBridge } from '../../bridge/index.ts';
import { deviceKeyState } from '../../data/index.ts';
import { useLanguage } from '../../i18n/index.ts';
import { LanguageSwitcher } from '../settings/LanguageSwitcher.tsx';

// Most computers never show these screens; they (and the strength estimator) load only where needed.
const ChoosePassphrase = lazy(() => import('./ChoosePassphrase.tsx').then((module) => ({ default: module.ChoosePassphrase })));
const UnlockDeviceKey = lazy(() => import('./UnlockDeviceKey.tsx').then((module) => ({ default: module.UnlockDeviceKey })));

type CheckedState =
  | { readonly kind: 'open' }
  | { readonly kind: 'choose-passphrase'; readonly backend: string }
  | { readonly kind: 'locked' };
type GateState = { readonly kind: 'checking' } | CheckedState;

/** A shell that cannot say is treated as having no key store: a passphrase protects the key anywhere. */
const UNKNOWN_KEY_STORE: KeyStoreStatus = { kind: 'none', backend: 'unavailable' };

/** What the gate shows first; main.tsx runs it while the translations load, so the first render is the app. */
export async function checkDeviceKey(): Promise<CheckedState> {
  const keyStore = await getBridge()
    .keyStore()
    .catch(() => UNKNOWN_KEY_STORE);
  // A database that does not open is the app's to explain (newer version, full disk): let it through.
  const state = await deviceKeyState(keyStore.kind).catch(() => 'ready' as const);
  if (state === 'choose-passphrase') return { kind: state, backend: keyStore.backend };
  return state === 'locked' ? { kind: 'locked' } : { kind: 'open' };
}

export interface DeviceKeyGateProps {
  readonly children: ReactNode;
  /** checkDeviceKey's answer when it came before the first render; checked on mount otherwise. */
  readonly checked?: CheckedState;
}

/**
 * Before the app opens on a computer without a key store: asks the facilitator to choose the
 * passphrase that seals the device key (first start) or to type it (every later start).
 */
export function DeviceKeyGate({ children, checked }: DeviceKeyGateProps) {
  const { t } = useTranslation(['devicekey', 'common']);
  const language = useLanguage();
  const [state, setState] = useState<GateState>(checked ?? { kind: 'checking' });
  const needsCheck = checked === undefined;
  useEffect(() => {
    if (!needsCheck) return undefined;
    let live = true;
    void checkDeviceKey().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [needsCheck]);

  if (state.kind === 'open') return children;
  const open = () => setState({ kind: 'open' });
  const loading = <output className="muted">{t('common:status.loading')}</output>;
  return (
    <I18nProvider locale={language}>
      <div className="app-shell">
        <header className="app-header">
          <span className="app-name">{t('common:app.name')}</span>
          <div className="app-header-tools">
            <LanguageSwitcher />
          </div>
        </header>
        <main id="main" className="app-main">
          <Suspense fallback={loading}>
            {state.kind === 'checking' ? (
              loading
            ) : state.kind === 'choose-passphrase' ? (
              <ChoosePassphrase backend={state.backend} onDone={open} />
            ) : (
              <UnlockDeviceKey onDone={open} />
            )}
          </Suspense>
        </main>
      </div>
    </I18nProvider>
  );
}
