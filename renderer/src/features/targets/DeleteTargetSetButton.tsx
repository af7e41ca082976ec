import { useTranslation } from 'react-i18next';
import type { TargetSet } from '../../../../core/targets/types.ts';
import { deleteTargetSet } from '../../data/index.ts';
import { isolate } from '../../i18n/index.ts';
import { ConfirmButton } from '../../ui/confirm-button/ConfirmButton.tsx';

export function DeleteTargetSetButton({ set }: { readonly set: TargetSet }) {
  const { t } = useTranslation(['targets', 'common']);
  const name = isolate(set.name);
  return (
    <ConfirmButton
      label={t('targets:delete.button')}
      labelTarget={name}
      title={t('targets:delete.title', { name })}
      body={t('targets:delete.body')}
      confirmLabel={t('targets:delete.confirm')}
      cancelLabel={t('common:action.cancel')}
      failedText={t('targets:delete.failed')}
      onConfirm={() => deleteTargetSet(set.id)}
    />
  );
}
