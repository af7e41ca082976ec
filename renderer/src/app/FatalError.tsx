import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataError } from '../data/index.ts';

/** The translated sentence for a failure no screen handled; data-layer codes say what happened. */
function FatalMessage({ error, onRetry }: { readonly error: unknown; readonly onRetry: () => void }) {
  const { t } = useTranslation('common');
  const code = error instanceof DataError ? error.code : 'E_DB';
  return (
    <section className="stack" role="alert">
      <h1>{t('fatal.title')}</h1>
      <p>{t(`errors.data.${code}`)}</p>
      {code === 'E_DB_NEWER' ? null : (
        <p>
          <button type="button" className="button button-secondary" onClick={onRetry}>
            {t('fatal.retry')}
          </button>
        </p>
      )}
    </section>
  );
}

interface State {
  readonly error: unknown;
}

/**
 * A failed read (a database made by a newer CityKPI, a broken connection) shows a translated
 * explanation instead of blanking the window; the header stays usable.
 */
export class FatalErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return <FatalMessage error={this.state.error} onRetry={() => this.setState({ error: null })} />;
  }
}
