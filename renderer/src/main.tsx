import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/fonts.css';
import './styles/app.css';
import { App } from './app/App.tsx';
import { parseHash } from './app/routes.ts';
import { preloadWorkspace } from './app/workspace-slot.tsx';
import { FatalErrorBoundary } from './app/FatalError.tsx';
import { checkDeviceKey, DeviceKeyGate } from './features/device-key/DeviceKeyGate.tsx';
import { watchFilesOpenedByOs } from './features/sync/os-opened-files.ts';
import { getBridge } from './bridge/index.ts';
import { getUiLanguage, setUiLanguage } from './data/index.ts';
import { detectLanguage, initI18n, preloadLikelyTranslations, rememberLanguageIn } from './i18n/index.ts';

async function start(): Promise<void> {
  // Opened on an assessment: its screen's code loads while the translations do, not after them.
  if (parseHash(window.location.hash).name === 'workspace') void preloadWorkspace().catch(() => undefined);
  // The database says which language was chosen; meanwhile the likely one loads.
  preloadLikelyTranslations();
  rememberLanguageIn({ read: getUiLanguage, write: setUiLanguage });
  const deviceKey = checkDeviceKey();
  // Translations load before the first render: no flash of raw keys or of the wrong language.
  await initI18n(await detectLanguage(getBridge()));
  const checked = await deviceKey;
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <FatalErrorBoundary>
        <DeviceKeyGate checked={checked}>
          <App />
        </DeviceKeyGate>
      </FatalErrorBoundary>
    </StrictMode>,
  );
  watchFilesOpenedByOs(getBridge());
}

void start();
