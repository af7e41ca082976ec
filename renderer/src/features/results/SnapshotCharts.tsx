import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue, DimensionId } from '../../../../core/catalogue/types.ts';
import type { ScoreReport } from '../../../../core/scoring/index.ts';
import { EChart } from './charts/EChart.tsx';
import { radarOption, wheelOption, type AreaNames, type ChartLook } from './charts/chart-options.ts';

function useAreaNames(): AreaNames {
  const { t } = useTranslation('catalogue');
  return useMemo(
    () => ({
      dimension: (id: DimensionId) => t(`dimensions.${id}`),
      subdimension: (id: string) => t(`subdimensions.${id}`),
      category: (id: string) => t(`categories.${id}`),
    }),
    // t changes with the language, and the names with it.
    [t],
  );
}

function pageLook(): ChartLook {
  const style = getComputedStyle(document.documentElement);
  return { fontFamily: style.fontFamily, textColour: style.color };
}

export function BenchmarkWheel({ catalogue, report }: { readonly catalogue: Catalogue; readonly report: ScoreReport }) {
  const names = useAreaNames();
  const option = useMemo(() => wheelOption(catalogue, report, names, pageLook()), [catalogue, report, names]);
  return <EChart option={option} className="chart chart-wheel" />;
}

export function DimensionRadar({ catalogue, report, dimension }: { readonly catalogue: Catalogue; readonly report: ScoreReport; readonly dimension: DimensionId }) {
  const names = useAreaNames();
  const { t } = useTranslation('catalogue');
  const option = useMemo(() => radarOption(catalogue, dimension, report, names, pageLook()), [catalogue, dimension, report, names]);
  return (
    <figure className="radar-figure">
      <EChart option={option} className="chart chart-radar" />
      <figcaption>{t(`dimensions.${dimension}`)}</figcaption>
    </figure>
  );
}
