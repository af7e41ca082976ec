/** How much work each figure does: the sizes the goals are stated for, and a quick run for checking the harness. */
export interface BenchSizes {
  /** Revisions in the bundle that is imported, verified and exported. */
  readonly revisions: number;
  readonly evidenceBytes: number;
  readonly startRuns: number;
  /** Bundle counts for the merge figure, smallest first. */
  readonly mergeCounts: readonly number[];
  readonly keystrokes: number;
  readonly storedAssessments: number;
  readonly officeCities: number;
  readonly officeYears: number;
}

export const FULL_SIZES: BenchSizes = {
  revisions: 100_000,
  evidenceBytes: 50_000_000,
  startRuns: 9,
  mergeCounts: [250, 500, 1000],
  keystrokes: 500,
  storedAssessments: 1000,
  officeCities: 200,
  officeYears: 10,
};

export const QUICK_SIZES: BenchSizes = {
  revisions: 20_000,
  evidenceBytes: 10_000_000,
  startRuns: 3,
  mergeCounts: [50, 100, 200],
  keystrokes: 100,
  storedAssessments: 200,
  officeCities: 40,
  officeYears: 5,
};
