import { describe, expect, it, vi } from 'vitest';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import type { ChartOption } from '../../renderer/src/features/results/charts/chart-engine.ts';
import { DEMO_ASSESSMENT_ID } from '../../renderer/src/data/index.ts';
import { saveTargetSet } from '../../renderer/src/data/target-sets.ts';
import { i18n } from '../../renderer/src/i18n/index.ts';
import { useScreenDatabase } from './support/screen-database.ts';

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 10_000 });

const drawn: ChartOption[] = [];
vi.mock('../../renderer/src/features/results/charts/chart-engine.ts', () => ({
  createChart: () => ({
    update: (option: ChartOption) => drawn.push(option),
    resize: () => undefined,
    dispose: () => undefined,
  }),
}));

const { SnapshotScreen } = await import('../../renderer/src/features/results/SnapshotScreen.tsx');
const { ReportScreen } = await import('../../renderer/src/features/results/ReportScreen.tsx');

const database = useScreenDatabase('results-snapshot');

/** Targets for two KPIs the demo city reports: household internet access and life expectancy. */
async function openDemoWithTargets() {
  await database.store.openDemo();
  await saveTargetSet(database.store, {
    id: 'city-plan',
    name: 'City plan 2030',
    source: 'Lake Amara council resolution 12/2024',
    catalogueId: 'u4ssc-2017',
    example: false,
    targets: [
      { kpiId: 'EC-ICT-ICT-1C', pointId: '_', target: 100, direction: 'higher' },
      { kpiId: 'SC-EH-H-1C', pointId: '_', target: 82, direction: 'higher', source: 'WHO regional average' },
    ],
  });
  window.localStorage.setItem('citykpi.targetSet', 'city-plan');
}

describe('City Snapshot', () => {
  it('labels the results as a self-assessment and shows completeness, SDG groups and the KPIs not reported', async () => {
    await database.store.openDemo();
    render(<SnapshotScreen assessmentId={DEMO_ASSESSMENT_ID} />);
    await screen.findByRole('heading', { level: 1, name: /Lake Amara/ });
    expect(screen.getByText('Self-assessment, not verified.')).toBeTruthy();

    const completeness = screen.getByRole('table', { name: 'KPIs reported, partially reported and not reported, by dimension' });
    const rows = within(completeness).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Economy', 'Environment', 'Society and Culture']);
    const totals = rows.map((row) => Number(within(row).getAllByRole('cell').at(-1)!.textContent));
    expect(totals.reduce((sum, count) => sum + count, 0)).toBe(91);

    expect(screen.getByRole('heading', { level: 3, name: 'SDG 6' })).toBeTruthy();
    const notReported = screen.getByRole('table', { name: 'KPIs with at least one data point not reported' });
    expect(within(notReported).getAllByRole('row').length).toBeGreaterThan(1);
  });

  it('scores against the chosen target set and shows the rule, target and source beside each score', async () => {
    await openDemoWithTargets();
    drawn.length = 0;
    render(<SnapshotScreen assessmentId={DEMO_ASSESSMENT_ID} />);
    const areas = await screen.findByRole('table', { name: 'Scores by dimension, sub-dimension and category' });
    expect(within(areas).getByRole('rowheader', { name: 'All dimensions' })).toBeTruthy();

    const economy = screen.getByRole('table', { name: 'Data points of the dimension Economy with their targets' });
    const internet = within(economy).getByText('EC: ICT: ICT: 1C').closest('tr')!;
    expect(within(internet).getByText('Higher is better: value ÷ target, at most 100 %')).toBeTruthy();
    expect(within(internet).getByText('Lake Amara council resolution 12/2024')).toBeTruthy();
    expect(internet.textContent).toMatch(/\d points \(\d+% of target\)/);

    // One wheel and a radar per dimension, coloured from the score report.
    await waitFor(() => expect(drawn.length).toBeGreaterThanOrEqual(4));
    const wheel = drawn.find((option) => JSON.stringify(option).includes('"sunburst"'))!;
    expect(JSON.stringify(wheel)).toContain('Economy');
    expect(drawn.filter((option) => JSON.stringify(option).includes('"radar"'))).toHaveLength(3);
  });

  it('renders in Arabic right to left with Arabic labels', async () => {
    await database.store.openDemo();
    await act(() => i18n.changeLanguage('ar'));
    render(<SnapshotScreen assessmentId={DEMO_ASSESSMENT_ID} />);
    await screen.findByText('تقييم ذاتي، غير مُتحقَّق منه.');
    expect(document.documentElement.dir).toBe('rtl');
  });
});

describe('results report', () => {
  it('holds a summary, a results table per dimension with provenance, and the KPIs not reported', async () => {
    await openDemoWithTargets();
    render(<ReportScreen assessmentId={DEMO_ASSESSMENT_ID} />);
    await screen.findByRole('heading', { level: 1, name: /Results report of .*Lake Amara/ });
    expect(screen.getByText('Self-assessment, not verified.')).toBeTruthy();
    for (const dimension of ['Economy', 'Environment', 'Society and Culture']) {
      const table = screen.getByRole('table', { name: `Results of the dimension ${dimension}` });
      expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
        'Code',
        'KPI',
        'Value',
        'Unit',
        'Data year',
        'Source',
        'Quality',
        'Band',
      ]);
    }
    expect(screen.getByRole('heading', { level: 2, name: 'KPIs not reported' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toBeTruthy();
  });
});
