import { useMemo } from 'react';
import type { Catalogue } from '../../../../core/catalogue/types.ts';
import { scoreAssessment, type ScoreReport } from '../../../../core/scoring/index.ts';
import type { TargetSet } from '../../../../core/targets/types.ts';
import { useStoredTargetSets } from '../../data/hooks.ts';
import { scoringValuesOf } from './scoring-input.ts';
import type { SnapshotModel } from './snapshot-model.ts';
import { useTargetSetChoice } from './target-choice.ts';
import { BUILT_IN_TARGET_SETS } from './built-in-targets.ts';

export interface TargetSetsOffered {
  /** Stored sets first, then the built-in example (unless a stored set has its id). */
  readonly sets: readonly TargetSet[];
  readonly chosen: TargetSet | null;
  readonly choose: (targetSetId: string) => void;
}

/** The target sets to choose from and the chosen one; undefined while loading. */
export function useTargetSets(): TargetSetsOffered | undefined {
  const stored = useStoredTargetSets();
  const [chosenId, choose] = useTargetSetChoice();
  return useMemo(() => {
    if (!stored) return undefined;
    const own = stored.map((entry) => entry.set);
    const sets = [...own, ...BUILT_IN_TARGET_SETS.filter((builtIn) => !own.some((set) => set.id === builtIn.id))];
    const chosen = sets.find((set) => set.id === chosenId) ?? sets[0] ?? null;
    return { sets, chosen, choose };
  }, [stored, chosenId, choose]);
}

export function useScores(catalogue: Catalogue, model: SnapshotModel, targets: TargetSet | null, verified: boolean): ScoreReport | null {
  return useMemo(
    () => (targets ? scoreAssessment({ catalogue, values: scoringValuesOf(model), targets, verified }) : null),
    [catalogue, model, targets, verified],
  );
}
