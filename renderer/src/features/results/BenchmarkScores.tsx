import type { Catalogue } from '../../../../core/catalogue/types.ts';
import type { ScoreReport } from '../../../../core/scoring/index.ts';
import { AreaScores } from './AreaScores.tsx';
import { BandLegend } from './BandLegend.tsx';
import { BenchmarkWheel } from './SnapshotCharts.tsx';

/** The benchmark wheel beside its band legend, then the score of every dimension and category. */
export function BenchmarkScores({ catalogue, report }: { readonly catalogue: Catalogue; readonly report: ScoreReport }) {
  return (
    <>
      <div className="wheel-layout">
        <BenchmarkWheel catalogue={catalogue} report={report} />
        <BandLegend />
      </div>
      <AreaScores catalogue={catalogue} report={report} />
    </>
  );
}
