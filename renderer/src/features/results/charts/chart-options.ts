/** ECharts options for the City Snapshot, built from the score report: pure, so tests read them directly. */
import type { Catalogue, DimensionId } from '../../../../../core/catalogue/types.ts';
import type { AreaScore, ScoreReport } from '../../../../../core/scoring/index.ts';
import { bandColour, textOnBand } from '../bands.ts';
import type { ChartOption } from './chart-engine.ts';

export interface AreaNames {
  readonly dimension: (id: DimensionId) => string;
  readonly subdimension: (id: string) => string;
  readonly category: (id: string) => string;
}

export interface ChartLook {
  /** The page's font stack, so chart labels use the bundled Arabic and Chinese faces. */
  readonly fontFamily: string;
  readonly textColour: string;
}

function byId(areas: readonly AreaScore[]): ReadonlyMap<string, AreaScore> {
  return new Map(areas.map((area) => [area.id, area]));
}

/** Dimensions inside, then sub-dimensions, then categories on the rim; every category the same size. */
export function wheelOption(catalogue: Catalogue, report: ScoreReport, names: AreaNames, look: ChartLook): ChartOption {
  const dimensions = byId(report.dimensions);
  const subdimensions = byId(report.subdimensions);
  const categories = byId(report.categories);
  const node = (name: string, area: AreaScore | undefined) => ({
    name,
    itemStyle: { color: bandColour(area?.band ?? null) },
    label: { color: textOnBand(area?.band ?? null) },
  });
  const data = catalogue.dimensions.map((dimension) => ({
    ...node(names.dimension(dimension), dimensions.get(dimension)),
    children: catalogue.subdimensions
      .filter((sub) => sub.dimension === dimension)
      .map((sub) => ({
        ...node(names.subdimension(sub.id), subdimensions.get(sub.id)),
        children: catalogue.categories
          .filter((category) => category.subdimension === sub.id)
          .map((category) => ({ ...node(names.category(category.id), categories.get(category.id)), value: 1 })),
      })),
  }));
  return {
    textStyle: { fontFamily: look.fontFamily },
    series: [
      {
        type: 'sunburst',
        data,
        radius: ['12%', '95%'],
        sort: undefined,
        nodeClick: false,
        emphasis: { disabled: true },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        label: { fontSize: 10, minAngle: 8, overflow: 'truncate' },
        // Sub-dimension names are long: only wide segments name theirs; the table beside names every area.
        levels: [{}, { label: { rotate: 0, fontSize: 12 } }, { label: { fontSize: 10, minAngle: 30 } }, { label: { fontSize: 9 } }],
      },
    ],
  };
}

/** One axis per category of the dimension, 0–100 % of target; unscored categories sit at 0 and say so in the table beside. */
export function radarOption(catalogue: Catalogue, dimension: DimensionId, report: ScoreReport, names: AreaNames, look: ChartLook): ChartOption {
  const categories = byId(report.categories);
  const inDimension = catalogue.categories.filter((category) =>
    catalogue.subdimensions.some((sub) => sub.id === category.subdimension && sub.dimension === dimension),
  );
  return {
    textStyle: { fontFamily: look.fontFamily },
    radar: {
      indicator: inDimension.map((category) => ({ name: names.category(category.id), max: 100, min: 0 })),
      radius: '62%',
      axisName: { color: look.textColour, fontSize: 10, fontFamily: look.fontFamily },
      splitNumber: 4,
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            value: inDimension.map((category) => {
              const share = categories.get(category.id)?.share ?? null;
              return share === null ? 0 : Math.round(share * 1000) / 10;
            }),
            areaStyle: { opacity: 0.25 },
            name: names.dimension(dimension),
          },
        ],
      },
    ],
  };
}
