import type { TFunction } from 'i18next';
import { isBundleError } from '../../../../core/bundle/index.ts';
import { KeyFileError } from '../../../../core/crypto/index.ts';
import type { BridgeErrorCode } from '../../bridge/index.ts';
import { DataError } from '../../data/index.ts';
import { describeFinding, findingOfBundleError } from './describe-finding.ts';

/** A failed Bridge call, carried as an error so one handler can translate every failure. */
export class BridgeCallError extends Error {
  constructor(readonly code: BridgeErrorCode) {
    super(`bridge call failed: ${code}`);
    this.name = 'BridgeCallError';
  }
}

/** One translated sentence for anything an export, import or key import can throw. */
export function describeError(error: unknown, t: TFunction): string {
  if (isBundleError(error) && error.code === 'E_INVALID_RECORD') return describeFinding(findingOfBundleError(error), t, 'records:refused.import');
  if (isBundleError(error)) return t(`bundle:errors.${error.code}`, { ...error.details });
  if (error instanceof KeyFileError) {
    return error.line === null ? t('sync:keys.invalidFile') : t('sync:keys.invalidLine', { line: error.line });
  }
  if (error instanceof DataError && error.findings[0]) return describeFinding(error.findings[0], t, 'records:refused.import');
  if (error instanceof DataError) return t(`common:errors.data.${error.code}`);
  if (error instanceof BridgeCallError) return t(`sync:bridge.${error.code}`);
  return t('sync:unexpected');
}
