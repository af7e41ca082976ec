import { describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ChartOption } from '../../renderer/src/features/results/charts/chart-engine.ts';
import { listValues } from '../../renderer/src/data/queries.ts';
import { useScreenDatabase } from './support/screen-database.ts';

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 10_000 });

const drawn: ChartOption[] = [];
vi.mock('../../renderer/src/features/results/charts/chart-engine.ts', () => ({
  createChart: () => ({ update: (option: ChartOption) => drawn.push(option), resize: () => undefined, dispose: () => undefined }),
}));

const { OfficeScreen } = await import('../../renderer/src/features/office/OfficeScreen.tsx');

const database = useScreenDatabase('office-view');

async function assessment(city: string, country: string, year: number, internet: number, region = '') {
  const { assessmentId } = await database.store.createAssessment({
    city: { name: city, country, region, population: 100_000, households: 40_000, areaKm2: null, gdp: null, currency: '' },
    year,
  });
  await database.store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { directValue: internet, source: `${city} survey ${year}` });
  return assessmentId;
}

describe('office view', () => {
  it('compares a KPI across cities and years, follows it over the years, and filters by country and region', async () => {
    await assessment('Lakeside', 'Veloria', 2024, 60, 'North');
    await assessment('Lakeside', 'Veloria', 2025, 64, 'North');
    await assessment('Hillton', 'Ostmark', 2025, 80, 'East');
    render(<OfficeScreen />);
    const comparison = await screen.findByRole('table', { name: 'Values of every city and year' });
    expect(within(comparison).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^HilltonOstmark202580/),
      expect.stringMatching(/^LakesideVeloria202460/),
      expect.stringMatching(/^LakesideVeloria202564/),
    ]);
    const trend = screen.getByRole('table', { name: 'Values of each city by year' });
    expect(within(trend).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['City', '2024', '2025']);
    await waitFor(() => expect(drawn.some((option) => JSON.stringify(option).includes('"line"'))).toBe(true));

    const choose = async (filter: string, option: string) => {
      fireEvent.click(within(screen.getByText(filter, { selector: '.field-label' }).closest('.field') as HTMLElement).getByRole('button'));
      fireEvent.click(await screen.findByRole('option', { name: option }));
    };
    const comparedRows = () => within(screen.getByRole('table', { name: 'Values of every city and year' })).getAllByRole('row').length - 1;
    await choose('Country', 'Ostmark');
    await waitFor(() => expect(comparedRows()).toBe(1));
    await choose('Region', 'North');
    await screen.findByText('No assessment matches the filters.');
    await choose('Country', 'All countries');
    await waitFor(() => expect(comparedRows()).toBe(2));
  });

  it('flags a value that moved more than half from the previous year, and a confirmation is a revision on the value', async () => {
    await assessment('Lakeside', 'Veloria', 2024, 60);
    const latest = await assessment('Lakeside', 'Veloria', 2025, 20);
    render(<OfficeScreen />);
    await screen.findByText('1 to check, of 1 flagged.');
    expect(screen.getByText(/It was 60 in 2024\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Confirm the value/ }));
    await screen.findByText('Confirmed');
    await screen.findByText('0 to check, of 1 flagged.');
    const [value] = [...(await listValues(database.db, latest)).values()];
    const confirmed = value?.fields.confirmedValue;
    expect(confirmed && !confirmed.conflict ? confirmed.current.value : undefined).toBe(20);
  });
});

describe('office view: category scores', () => {
  it('scores a category across cities against the chosen target set, the shipped example labelled as one', async () => {
    await assessment('Lakeside', 'Veloria', 2025, 60);
    render(<OfficeScreen />);
    fireEvent.click(await screen.findByRole('radio', { name: 'A category score' }));
    expect(await screen.findByText(/They are not the U4SSC benchmarks/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Explicit SDG targets for 2030 \(example\)/ })).toBeTruthy();
    // Scores need every value of every assessment, read after the compared data point's.
    const table = await screen.findByRole('table', { name: 'Values of every city and year' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['City', 'Country', 'Year', 'Score', 'Band']);
  });
});
