/** ECharts options of the office's view: one bar per assessment, one line per city over the years. */
import type { ChartLook } from '../results/charts/chart-options.ts';
import type { ChartOption } from '../results/charts/chart-engine.ts';
import type { TrendSeries } from './office-model.ts';

export interface Bar {
  readonly label: string;
  readonly value: number | null;
}

/** Up to this many bars every one is labelled; beyond, ECharts labels as many as fit without overlap. */
const LABEL_EVERY_BAR_UP_TO = 40;

/** Bars read from the reading side: in a right-to-left language the first bar stands on the right. */
export function barOption(bars: readonly Bar[], look: ChartLook & { readonly rightToLeft: boolean }): ChartOption {
  return {
    textStyle: { fontFamily: look.fontFamily },
    grid: { containLabel: true, left: 16, right: 16, top: 16, bottom: 16 },
    xAxis: { type: 'category', data: bars.map((bar) => bar.label), inverse: look.rightToLeft, axisLabel: { color: look.textColour, interval: bars.length > LABEL_EVERY_BAR_UP_TO ? 'auto' : 0, rotate: bars.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', position: look.rightToLeft ? 'right' : 'left', axisLabel: { color: look.textColour } },
    series: [{ type: 'bar', data: bars.map((bar) => bar.value), itemStyle: { color: '#1f5fa8' } }],
  };
}

export function trendOption(series: readonly TrendSeries[], years: readonly number[], look: ChartLook & { readonly rightToLeft: boolean }): ChartOption {
  return {
    textStyle: { fontFamily: look.fontFamily },
    grid: { containLabel: true, left: 16, right: 16, top: 16, bottom: 16 },
    xAxis: { type: 'category', data: years.map(String), inverse: look.rightToLeft, axisLabel: { color: look.textColour } },
    yAxis: { type: 'value', position: look.rightToLeft ? 'right' : 'left', axisLabel: { color: look.textColour } },
    series: series.map((one) => ({
      type: 'line',
      name: one.cityName,
      connectNulls: true,
      data: years.map((year) => one.points.find((point) => point.year === year)?.value ?? null),
    })),
  };
}
