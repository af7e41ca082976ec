import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/routes.ts';
import { getBridge } from '../../bridge/index.ts';
import { localStore } from './local-store.ts';
import { acceptCurrentData, beginRestore, startStorageGuard } from './storage-guard.ts';
import { useStorageState, type DataCheck } from './storage-state.ts';
import './backup.css';

type Missing = Extract<DataCheck, { kind: 'missing' }>;

/**
 * Automatic backups are signed but not encrypted: they must restore on this laptop after the
 * browser lost its database, and the office's secret key is not here (see data/backup.ts).
 */
const signedOnly = (): readonly string[] => [];

let guardOwner: symbol | null = null;
const ownerListeners = new Set<() => void>();
const currentOwner = (): symbol | null => guardOwner;
function setOwner(next: symbol | null): void {
  guardOwner = next;
  for (const listener of ownerListeners) listener();
}
function subscribeOwner(listener: () => void): () => void {
  ownerListeners.add(listener);
  return () => ownerListeners.delete(listener);
}

function reload(): void {
  window.location.reload();
}

function ContinueWithoutButton() {
  const { t } = useTranslation('backup');
  const [failed, setFailed] = useState(false);
  return (
    <>
      {failed ? (
        <p className="notice notice-danger" role="alert">
          {t('missing.acceptFailed')}
        </p>
      ) : null}
      <Button
        className="button button-danger"
        onPress={() => {
          setFailed(false);
          acceptCurrentData().catch(() => setFailed(true));
        }}
      >
        {t('missing.acceptConfirm')}
      </Button>
    </>
  );
}

/** Blocks the app until the user decides: restore from a backup, or knowingly continue without the missing data. */
function MissingDataDialog({ missing }: { readonly missing: Missing }) {
  const { t } = useTranslation('backup');
  const [confirming, setConfirming] = useState(false);
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable={false} isKeyboardDismissDisabled>
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">{t('missing.title')}</Heading>
          <p>{t('missing.summary', { count: missing.expected, found: missing.found })}</p>
          {confirming ? (
            <>
              <p>{t('missing.acceptWarning')}</p>
              <div className="dialog-actions">
                <Button className="button button-secondary" onPress={() => setConfirming(false)} autoFocus>
                  {t('missing.back')}
                </Button>
                <ContinueWithoutButton />
              </div>
            </>
          ) : (
            <>
              <p>{t('missing.cause')}</p>
              <h3>{t('missing.stepsTitle')}</h3>
              <ol className="backup-steps">
                <li>{t('missing.stepOpenImport')}</li>
                <li>{t('missing.stepChooseFile')}</li>
                <li>{t('missing.stepTrustSigner')}</li>
                <li>{t('missing.stepEncrypted')}</li>
              </ol>
              <div className="dialog-actions">
                <Button className="button button-secondary" onPress={() => setConfirming(true)}>
                  {t('missing.accept')}
                </Button>
                <Button
                  className="button"
                  autoFocus
                  onPress={() => {
                    beginRestore();
                    window.location.hash = hrefFor({ name: 'sync' });
                  }}
                >
                  {t('missing.restore')}
                </Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function RestoringBanner({ missing }: { readonly missing: Missing }) {
  const { t } = useTranslation('backup');
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="notice notice-danger backup-banner" role="alert">
      <p>
        <strong>{t('missing.title')}</strong> {t('missing.stillMissing', { count: missing.expected - missing.found })}
      </p>
      {confirming ? (
        <>
          <p>{t('missing.acceptWarning')}</p>
          <div className="backup-banner-actions">
            <Button className="button button-secondary button-small" onPress={() => setConfirming(false)}>
              {t('missing.back')}
            </Button>
            <ContinueWithoutButton />
          </div>
        </>
      ) : (
        <div className="backup-banner-actions">
          <Button className="button button-secondary button-small" onPress={() => setConfirming(true)}>
            {t('missing.accept')}
          </Button>
        </div>
      )}
    </div>
  );
}

function ConnectionBanner({ problem }: { readonly problem: 'versionchange' | 'blocked' }) {
  const { t } = useTranslation('backup');
  return (
    <div className="notice notice-warning backup-banner" role="alert">
      <p>{problem === 'versionchange' ? t('connection.versionchange') : t('connection.blocked')}</p>
      <div className="backup-banner-actions">
        <Button className="button button-small" onPress={reload}>
          {t('connection.reload')}
        </Button>
      </div>
    </div>
  );
}

function BackupFailedBanner({ code, atMs }: { readonly code: string; readonly atMs: number }) {
  const { t } = useTranslation('backup');
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  if (dismissedAt === atMs) return null;
  return (
    <div className="notice notice-warning backup-banner" role="alert">
      <p>
        {t('failure.title')} {t(`failure.${code}`)} {t('failure.retry')}
      </p>
      <div className="backup-banner-actions">
        <Button className="button button-secondary button-small" onPress={() => setDismissedAt(atMs)}>
          {t('failure.dismiss')}
        </Button>
      </div>
    </div>
  );
}

/**
 * Starts the storage guard and shows what needs the user now: the blocking "local data is missing"
 * alert, the "reload to continue" banner when another window took the database over, and failed
 * automatic backups. Mount it once, in the app shell.
 */
/** Runs `task` when the page is next idle (at most half a second from now); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(task, { timeout: 500 });
  return () => cancelIdleCallback(handle);
}

export function StorageAlerts() {
  const { t } = useTranslation('backup');
  const state = useStorageState();
  const [token] = useState(() => Symbol('StorageAlerts'));
  const isOwner = useSyncExternalStore(subscribeOwner, currentOwner, currentOwner) === token;
  useEffect(() => {
    // One guard and one set of alerts per window, however many times this is mounted.
    if (currentOwner() !== null) return undefined;
    setOwner(token);
    // Started at the first idle moment, once the screen mounted with it has asked for its data: the
    // guard's first step walks every revision to count them, and IndexedDB answers in the order asked.
    let stop: (() => void) | undefined;
    const start = () => {
      stop = startStorageGuard({ bridge: getBridge(), recipients: signedOnly, storage: localStore() });
    };
    const cancel = whenIdle(start);
    return () => {
      cancel();
      stop?.();
      setOwner(null);
    };
  }, [token]);
  if (!isOwner) return null;
  const { data, connection, backup } = state;
  return (
    <>
      {connection !== 'open' ? <ConnectionBanner problem={connection} /> : null}
      {data.kind === 'missing' && !data.restoring ? <MissingDataDialog missing={data} /> : null}
      {data.kind === 'missing' && data.restoring ? <RestoringBanner missing={data} /> : null}
      {data.kind === 'failed' && connection === 'open' ? (
        <div className="notice notice-danger backup-banner" role="alert">
          <p>{t('check.failed')}</p>
          <div className="backup-banner-actions">
            <Button className="button button-small" onPress={reload}>
              {t('connection.reload')}
            </Button>
          </div>
        </div>
      ) : null}
      {backup.failure ? <BackupFailedBanner code={backup.failure.code} atMs={backup.failure.atMs} /> : null}
    </>
  );
}
