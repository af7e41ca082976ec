import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../renderer/src/i18n/index.ts';
import { useScreenDatabase } from './support/screen-database.ts';
import { cityRecordId, DataError } from '../../renderer/src/data/index.ts';
import { getAssessment, recordHistory } from '../../renderer/src/data/queries.ts';
import { CityProfileScreen } from '../../renderer/src/features/city/CityProfileScreen.tsx';

vi.setConfig({ testTimeout: 30_000 });

const database = useScreenDatabase('city-test');
let assessmentId: string;
let cityId: string;

beforeEach(async () => {
  ({ assessmentId, cityId } = await database.store.createAssessment({
    city: { name: 'Testville', country: 'Nowhere', population: 100_000, households: 40_000, areaKm2: 12.5, gdp: null, currency: '' },
    year: 2025,
  }));
});

afterEach(() => {
  vi.restoreAllMocks();
});

function commitText(label: string, text: string) {
  const input = screen.getByLabelText(label, { exact: false, selector: 'input' });
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

const status = () => screen.getByRole('status');

describe('city profile screen', () => {
  it('shows the stored profile', async () => {
    render(<CityProfileScreen assessmentId={assessmentId} />);
    const population = (await screen.findByLabelText('Population', { exact: false, selector: 'input' })) as HTMLInputElement;
    expect(population.value).toBe('100,000');
    expect((screen.getByLabelText('City name', { exact: false, selector: 'input' }) as HTMLInputElement).value).toBe('Testville');
  });

  it('saves each change as it is made and says "saved" only once the write has resolved', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const realUpdate = database.store.updateCity.bind(database.store);
    vi.spyOn(database.store, 'updateCity').mockImplementation(async (id, fields) => {
      await gate;
      return realUpdate(id, fields);
    });

    render(<CityProfileScreen assessmentId={assessmentId} />);
    await screen.findByLabelText('Population', { exact: false, selector: 'input' });
    commitText('Population', '120000');

    await waitFor(() => expect(status().textContent).toBe('Saving…'));
    expect(database.store.updateCity).toHaveBeenCalledWith(cityId, { population: 120000 });
    expect((await getAssessment(database.db, assessmentId))?.city.population).toBe(100_000);

    await act(async () => release());
    await waitFor(() => expect(status().textContent).toBe('All changes saved'));
    expect((await getAssessment(database.db, assessmentId))?.city.population).toBe(120_000);
  });

  it('reports a failed save, and why, instead of claiming it saved', async () => {
    const update = vi.spyOn(database.store, 'updateCity').mockRejectedValueOnce(new Error('unexpected'));
    render(<CityProfileScreen assessmentId={assessmentId} />);
    await screen.findByLabelText('Country', { exact: false, selector: 'input' });
    commitText('Country', 'Elsewhere');
    await waitFor(() => expect(status().textContent).toMatch(/could not be saved/));

    update.mockRejectedValueOnce(new DataError('E_DISK_FULL', 'quota'));
    commitText('Country', 'Elsewhere again');
    await waitFor(() => expect(status().textContent).toMatch(/storage is full/));
  });

  it('flags more households than inhabitants', async () => {
    render(<CityProfileScreen assessmentId={assessmentId} />);
    await screen.findByLabelText('Households', { exact: false, selector: 'input' });
    commitText('Households', '150000');
    expect(await screen.findByText(/more households/i)).toBeTruthy();
    await waitFor(() => expect(status().textContent).toBe('All changes saved'));
  });

  it('refuses to clear the city name and writes nothing', async () => {
    render(<CityProfileScreen assessmentId={assessmentId} />);
    await screen.findByLabelText('City name', { exact: false, selector: 'input' });
    const before = await recordHistory(database.db, cityRecordId(cityId));
    commitText('City name', '   ');
    expect(await screen.findByText('Enter the name of the city.')).toBeTruthy();
    expect(await recordHistory(database.db, cityRecordId(cityId))).toHaveLength(before.length);
    expect((await getAssessment(database.db, assessmentId))?.city.name).toBe('Testville');
  });

  it('flags indicators whose household count differs from the profile by more than 5 %', async () => {
    // Household Internet Access is a percentage of households; the participant typed their own count.
    await database.store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { numerator: 20_000, denominator: 42_000 });
    render(<CityProfileScreen assessmentId={assessmentId} />);
    expect(await screen.findByText(/No indicator uses/)).toBeTruthy();

    await database.store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { denominator: 50_000 });
    const link = await screen.findByRole('link', { name: 'Household Internet Access' });
    expect(link.getAttribute('href')).toBe(`#/a/${assessmentId}/kpi/EC-ICT-ICT-1C`);
    expect(link.closest('li')?.textContent).toContain('households 50,000 against 40,000 in the profile (25 % apart)');
    expect(screen.getByText(/1 indicator uses a figure/)).toBeTruthy();
  });

  it('offers ISO 4217 currencies by name, so "Kwacha" is found instead of cut to "KWA"', async () => {
    render(<CityProfileScreen assessmentId={assessmentId} />);
    const currency = (await screen.findByRole('combobox', { name: 'Currency' })) as HTMLInputElement;
    act(() => currency.focus());
    fireEvent.change(currency, { target: { value: 'kwacha' } });
    const list = await screen.findByRole('listbox');
    const options = within(list).getAllByRole('option').map((option) => option.textContent);
    expect(options).toContain('ZMW — Zambian Kwacha');
    expect(options).toContain('MWK — Malawian Kwacha');
    fireEvent.click(within(list).getByRole('option', { name: 'ZMW — Zambian Kwacha' }));
    await waitFor(async () => expect((await getAssessment(database.db, assessmentId))?.city.currency).toBe('ZMW'));
  });

  it('names the currencies in Arabic', async () => {
    await act(() => i18n.changeLanguage('ar'));
    await database.store.updateCity(cityId, { currency: 'EGP' });
    render(<CityProfileScreen assessmentId={assessmentId} />);
    const currency = (await screen.findByRole('combobox', { name: 'العملة' })) as HTMLInputElement;
    await waitFor(() => expect(currency.value).toBe(`EGP — ${new Intl.DisplayNames(['ar'], { type: 'currency' }).of('EGP')}`));
    expect(currency.value).toMatch(/جنيه/);
  });

  it('says so when the assessment does not exist', async () => {
    render(<CityProfileScreen assessmentId="no-such-assessment" />);
    expect(await screen.findByText(/does not exist/)).toBeTruthy();
  });
});
