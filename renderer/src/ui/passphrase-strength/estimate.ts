/**
 * Passphrase strength from zxcvbn-ts with its common dictionaries and keyboard layouts. The library
 * and its word lists are large, so they load on first use only, never with the app's first screen.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

let estimator: Promise<ZxcvbnFactory> | undefined;

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => new core.ZxcvbnFactory({ graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary } }),
  );
  return estimator;
}

/** 0 (guessed at once) to 4 (very unlikely to be guessed), as zxcvbn scores it. */
export async function passphraseScore(passphrase: string): Promise<StrengthScore> {
  return (await loadEstimator()).check(passphrase).score;
}
