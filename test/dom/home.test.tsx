import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useScreenDatabase } from './support/screen-database.ts';
import { DEMO_ASSESSMENT_ID } from '../../core/demo/index.ts';
import { listAssessments } from '../../renderer/src/data/queries.ts';
import { HomeScreen } from '../../renderer/src/features/home/HomeScreen.tsx';
import { i18n } from '../../renderer/src/i18n/index.ts';

// Whole screens over a real (fake-indexeddb) database.
vi.setConfig({ testTimeout: 30_000 });

const database = useScreenDatabase('home-test');

function commitText(label: string, text: string) {
  const input = screen.getByLabelText(label, { exact: false, selector: 'input' });
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

function submit(name: string | RegExp = 'Create assessment') {
  fireEvent.click(screen.getByRole('button', { name }));
}

describe('home screen', () => {
  it('welcomes a first-run user with an empty list', async () => {
    render(<HomeScreen />);
    expect(await screen.findByRole('heading', { name: 'Welcome to CityKPI' })).toBeTruthy();
    expect(await screen.findByText('There are no assessments yet.')).toBeTruthy();
  });

  it('creates an assessment from numbers typed in French and opens it', async () => {
    await act(() => i18n.changeLanguage('fr'));
    render(<HomeScreen />);
    await screen.findByText('Il n’y a pas encore d’évaluation.');
    commitText('Nom de la ville', '  Lyon ');
    commitText('Pays', 'France');
    commitText('Population', '522 250');
    commitText('Ménages', '290 000');
    commitText('Superficie', '47,87');
    commitText('PIB', '95 000 000 000');
    commitText('Devise', 'eur');
    commitText('Année de l’évaluation', '2025');
    submit('Créer l’évaluation');

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/a\/.+/));
    const [created] = await listAssessments(database.db);
    expect(created).toBeDefined();
    expect(window.location.hash).toBe(`#/a/${created!.id}`);
    expect(created!.year).toBe(2025);
    expect(created!.demo).toBe(false);
    expect(created!.city).toMatchObject({
      name: 'Lyon',
      country: 'France',
      population: 522250,
      households: 290000,
      areaKm2: 47.87,
      gdp: 95e9,
      currency: 'EUR',
    });
  });

  it('refuses to create an assessment without a name and country, and says why', async () => {
    const create = vi.spyOn(database.store, 'createAssessment');
    render(<HomeScreen />);
    await screen.findByText('There are no assessments yet.');
    submit();
    expect(await screen.findByText('Enter the name of the city.')).toBeTruthy();
    expect(screen.getByText('Enter the country.')).toBeTruthy();
    expect(screen.getByLabelText('City name', { exact: false, selector: 'input' }).getAttribute('aria-invalid')).toBe('true');
    expect(create).not.toHaveBeenCalled();
    expect(await listAssessments(database.db)).toEqual([]);
  });

  it('shows the households-above-population error from core/validation and creates nothing', async () => {
    const create = vi.spyOn(database.store, 'createAssessment');
    render(<HomeScreen />);
    await screen.findByText('There are no assessments yet.');
    commitText('City name', 'Smallton');
    commitText('Country', 'Nowhere');
    commitText('Population', '1000');
    commitText('Households', '1200');
    submit();
    expect(await screen.findByText(/more households/i)).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('opens the demo city in one click and lists it as fictional', async () => {
    render(<HomeScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open the demo city' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/a/${DEMO_ASSESSMENT_ID}`), { timeout: 15_000 });
    const row = (await screen.findByRole('link', { name: 'Lake Amara' })).closest('tr')!;
    expect(within(row).getByText('Demo (fictional)')).toBeTruthy();
  });

  it('deletes an assessment only after confirmation', async () => {
    await database.store.createAssessment({
      city: { name: 'Testville', country: 'Nowhere', population: null, households: null, areaKm2: null, gdp: null, currency: '' },
      year: 2024,
    });
    render(<HomeScreen />);
    const row = (await screen.findByRole('link', { name: 'Testville' })).closest('tr')!;

    fireEvent.click(within(row).getByRole('button', { name: /Delete/ }));
    let dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByRole('heading').textContent).toContain('Testville');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(await listAssessments(database.db)).toHaveLength(1);

    fireEvent.click(within(row).getByRole('button', { name: /Delete/ }));
    dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Testville' })).toBeNull());
    expect(await listAssessments(database.db)).toEqual([]);

    // Deleting is a revision: the assessment can be restored with everything in it.
    const deleted = await screen.findByRole('region', { name: 'Deleted assessments' });
    fireEvent.click(within(deleted).getByRole('button', { name: /Restore/ }));
    expect(await screen.findByRole('link', { name: 'Testville' })).toBeTruthy();
    expect(await listAssessments(database.db)).toHaveLength(1);
  });
});
