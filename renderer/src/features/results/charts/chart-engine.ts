/**
 * ECharts with only the pieces CityKPI draws, on the SVG renderer (crisp in print and PDF, no canvas).
 * Loaded by EChart with import() when a screen with a chart opens, so the first screen never carries it.
 */
import { BarChart, LineChart, RadarChart, SunburstChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, RadarSeriesOption, SunburstSeriesOption } from 'echarts/charts';
import { GridComponent, RadarComponent } from 'echarts/components';
import type { GridComponentOption, RadarComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([SunburstChart, RadarChart, BarChart, LineChart, RadarComponent, GridComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  SunburstSeriesOption | RadarSeriesOption | BarSeriesOption | LineSeriesOption | RadarComponentOption | GridComponentOption
>;

export interface DrawnChart {
  update(option: ChartOption): void;
  resize(): void;
  dispose(): void;
}

/** An empty chart in the container; `update` draws, replacing whatever was drawn before. */
export function createChart(container: HTMLElement): DrawnChart {
  const chart = init(container, null, { renderer: 'svg' });
  return {
    // Animations would inject a <style> element, which the app's Content-Security-Policy refuses.
    update: (option) => chart.setOption({ animation: false, ...option }, { notMerge: true }),
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}
