import { useTranslation } from 'react-i18next';
import type { SaveState } from './use-save-tracker.ts';

/** Always rendered, so assistive technology already watches the live regions when a write completes. */
export function SaveStatus({ state }: { readonly state: SaveState }) {
  const { t } = useTranslation('entry');
  return (
    <div className="entry-save">
      <output className="save-status" data-state={state.kind === 'done' ? 'saved' : undefined} data-testid="save-status">
        {state.kind === 'done' ? <span key={state.count}>{state.outcome === 'resolved' ? t('conflict.resolved') : t('save.saved')}</span> : null}
      </output>
      <p className="save-status" data-state={state.kind === 'failed' ? 'error' : undefined} role="alert">
        {state.kind === 'failed' ? (state.outcome === 'resolved' ? t('conflict.failed') : t('save.failed')) : null}
      </p>
    </div>
  );
}
