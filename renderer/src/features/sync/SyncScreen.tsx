import { useTranslation } from 'react-i18next';
import { DeviceIdentityPanel } from './DeviceIdentityPanel.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { OfficeKeysPanel } from './OfficeKeysPanel.tsx';
import { ReceiptsPanel } from './ReceiptsPanel.tsx';
import { SendToOfficePanel } from './SendToOfficePanel.tsx';

/** Moving data between laptops and the central office: export, import, keys and receipts. */
export function SyncScreen() {
  const { t } = useTranslation('sync');
  return (
    <div className="stack">
      <div className="page-header">
        <h1>{t('title')}</h1>
        <ExportDialog />
      </div>
      <p className="muted">{t('intro')}</p>
      <div className="split">
        <div className="stack">
          <SendToOfficePanel />
          <ImportPanel />
          <ReceiptsPanel />
          <ImportHistory />
        </div>
        <div className="stack">
          <DeviceIdentityPanel />
          <OfficeKeysPanel />
        </div>
      </div>
    </div>
  );
}
