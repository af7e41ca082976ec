import type { TFunction } from 'i18next';
import { DataError } from '../../data/index.ts';

/** The translated sentence for a failure of sealing or opening the device key. */
export function describeKeyError(error: unknown, t: TFunction): string {
  if (error instanceof DataError) {
    if (error.code === 'E_WRONG_PASSPHRASE') return t('devicekey:unlock.wrong');
    return t(`common:errors.data.${error.code}`);
  }
  return t('devicekey:failed');
}
