import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataError } from '../data/index.ts';
import { hrefFor } from './routes.ts';
import { saveRescueCopy } from './rescue-copy.ts';

/** A stable code to quote when asking for help: the data layer's own, else the kind of failure. */
function codeOf(error: unknown): string {
  if (error instanceof DataError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E_[A-Z_]{1,40}$/.test(code)) return code;
  return 'E_RENDER';
}

type CopyState = { readonly kind: 'idle' } | { readonly kind: 'saving' } | { readonly kind: 'saved'; readonly name: string } | { readonly kind: 'failed'; readonly code: string };

function SaveCopy() {
  const { t } = useTranslation('recovery');
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const save = async () => {
    setState({ kind: 'saving' });
    try {
      const name = await saveRescueCopy();
      setState(name === null ? { kind: 'idle' } : { kind: 'saved', name });
    } catch (error) {
      setState({ kind: 'failed', code: codeOf(error) });
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => void save()} disabled={state.kind === 'saving'}>
        {t('export')}
      </button>
      <p aria-live="polite" className="muted">
        {state.kind === 'saving' ? t('exporting') : null}
        {state.kind === 'saved' ? t('exported', { name: state.name }) : null}
        {state.kind === 'failed' ? t('exportFailed', { code: state.code }) : null}
      </p>
    </>
  );
}

/** The translated sentence for a failure no screen handled, its code, and the ways on. */
function FatalMessage({ error, onRetry }: { readonly error: unknown; readonly onRetry: () => void }) {
  const { t } = useTranslation(['common', 'recovery']);
  const code = codeOf(error);
  const known = error instanceof DataError;
  return (
    <section className="stack" role="alert">
      <h1>{t('common:fatal.title')}</h1>
      <p>{known ? t(`common:errors.data.${code}`) : t('recovery:unexpected')}</p>
      <p className="muted">
        <code className="code" dir="ltr">
          {t('recovery:code', { code })}
        </code>
      </p>
      {code === 'E_DB_NEWER' ? null : (
        <>
          <p>{t('recovery:intro')}</p>
          <div className="cluster">
            <button type="button" className="button" onClick={onRetry}>
              {t('common:fatal.retry')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
              {t('recovery:reload')}
            </button>
            <a className="button button-secondary" href={hrefFor({ name: 'home' })} onClick={onRetry}>
              {t('recovery:home')}
            </a>
          </div>
          <SaveCopy />
        </>
      )}
    </section>
  );
}

interface State {
  readonly error: unknown;
}

/**
 * A failed read or a screen that throws shows a translated explanation, its code and the ways on
 * (try again, reload, go home, save a copy of the data) instead of blanking the window.
 */
export class FatalErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('screen failed', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return <FatalMessage error={this.state.error} onRetry={() => this.setState({ error: null })} />;
  }
}
