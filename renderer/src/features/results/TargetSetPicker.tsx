import { useTranslation } from 'react-i18next';
import type { TargetSet } from '../../../../core/targets/types.ts';
import { OptionSelect } from '../../ui/option-select/OptionSelect.tsx';
import { targetSetLabel } from './target-set-label.ts';

export interface TargetSetPickerProps {
  readonly sets: readonly TargetSet[];
  readonly chosen: TargetSet | null;
  readonly onChoose: (targetSetId: string) => void;
}

/** The target set scores are computed against; an example set says loudly that it is one. */
export function TargetSetPicker({ sets, chosen, onChoose }: TargetSetPickerProps) {
  const { t } = useTranslation('results');
  return (
    <div className="stack-tight target-set-picker">
      <div className="cluster">
        <OptionSelect
          label={t('targets.scoredAgainst')}
          noneLabel={t('targets.none')}
          options={sets.map((set) => ({ id: set.id, label: targetSetLabel(set, t) }))}
          value={chosen?.id ?? null}
          onChange={(id) => {
            if (id !== null) onChoose(id);
          }}
        />
      </div>
      {chosen ? (
        <p className="muted">
          {t('targets.source', { source: chosen.source })}
        </p>
      ) : null}
      {chosen?.example ? <p className="notice notice-warning">{t('targets.exampleWarning')}</p> : null}
    </div>
  );
}
