/** Target sets shipped with the app: offered everywhere, always labelled as examples. */
import { EXAMPLE_TARGET_SET, type TargetSet } from '../../../../core/targets/index.ts';

export const BUILT_IN_TARGET_SETS: readonly TargetSet[] = [EXAMPLE_TARGET_SET];
