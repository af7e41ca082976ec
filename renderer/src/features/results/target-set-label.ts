import type { TFunction } from 'i18next';
import { EXAMPLE_TARGET_SET_ID, type TargetSet } from '../../../../core/targets/index.ts';

/** A set's name as shown: the shipped example in the user's language, and every example marked as one. */
export function targetSetLabel(set: TargetSet, t: TFunction): string {
  const name = set.id === EXAMPLE_TARGET_SET_ID ? t('results:targets.exampleSdgName') : set.name;
  return set.example ? t('results:targets.exampleName', { name }) : name;
}
