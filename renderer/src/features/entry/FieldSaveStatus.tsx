import { useTranslation } from 'react-i18next';
import { useFieldSave, type FieldSaves } from './field-saves.ts';

/**
 * Beside the field being edited, so the eye never has to leave it. Always rendered, so assistive
 * technology already watches the live regions when a write completes.
 */
export function FieldSaveStatus({ saves, field }: { readonly saves: FieldSaves; readonly field: string }) {
  const { t } = useTranslation(['entry', 'common']);
  const state = useFieldSave(saves, field);
  const problem =
    state?.kind === 'failed'
      ? t('entry:save.notSaved', { reason: state.code ? t(`common:errors.data.${state.code}`) : t('entry:save.tryAgain') })
      : state?.kind === 'refused'
        ? t('entry:save.refused')
        : null;
  return (
    <div className="field-save">
      <output className="save-status" data-state={state?.kind} data-testid="save-status">
        {state?.kind === 'saving' ? <span>{t('entry:save.saving')}</span> : null}
        {state?.kind === 'saved' ? (
          <span key={state.count}>{state.outcome === 'resolved' ? t('entry:conflict.resolved') : t('entry:save.saved')}</span>
        ) : null}
      </output>
      <p className="save-status" data-state={problem ? 'error' : undefined} role="alert">
        {problem}
      </p>
    </div>
  );
}
