import { useEffect, useRef, useState } from 'react';
import type { ChartOption, DrawnChart } from './chart-engine.ts';

type ChartEngine = typeof import('./chart-engine.ts');

let engineLoad: Promise<ChartEngine> | undefined;
let loadedEngine: ChartEngine | null = null;

function loadEngine(): Promise<ChartEngine> {
  engineLoad ??= import('./chart-engine.ts').then(
    (loaded) => (loadedEngine = loaded),
    (error: unknown) => {
      engineLoad = undefined;
      throw error;
    },
  );
  return engineLoad;
}

/**
 * Starts loading the chart engine while a screen still reads its data, so its charts draw with their first
 * render; a failure here is left to the chart, which says so.
 */
export function preloadChartEngine(): void {
  loadEngine().catch(() => undefined);
}

export interface EChartProps {
  readonly option: ChartOption;
  /** Size and layout; the chart fills the element. */
  readonly className: string;
}

/**
 * One ECharts chart. It is drawn for the eye only (aria-hidden): every chart sits beside a table or list
 * that says the same to a screen reader, in the user's language and number format.
 */
export function EChart({ option, className }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<DrawnChart | null>(null);
  const [engine, setEngine] = useState<ChartEngine | null>(loadedEngine);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (engine) return;
    let live = true;
    loadEngine().then(
      (loaded) => live && setEngine(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [engine]);

  useEffect(() => {
    const element = container.current;
    if (!engine || !element) return;
    const drawn = engine.createChart(element);
    chart.current = drawn;
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => drawn.resize()) : null;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      drawn.dispose();
      chart.current = null;
    };
  }, [engine]);

  // Runs after the chart above was created, and again whenever the option changes.
  useEffect(() => {
    chart.current?.update(option);
  }, [engine, option]);

  return <div ref={container} className={className} aria-hidden="true" data-chart={failed ? 'failed' : engine ? 'drawn' : 'loading'} />;
}
