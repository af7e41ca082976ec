import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useScreenDatabase } from './support/screen-database.ts';
import { App } from '../../renderer/src/app/App.tsx';
import { setLanguage } from '../../renderer/src/i18n/index.ts';

vi.setConfig({ testTimeout: 30_000 });

const database = useScreenDatabase('shell-test');

async function go(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('app shell', () => {
  it('has a skip link, a banner with the app name and a main landmark with the home screen', async () => {
    render(<App />);
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeTruthy();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'CityKPI' })).toBeTruthy();
    const main = screen.getByRole('main');
    expect(await within(main).findByRole('heading', { level: 1, name: 'Assessments' })).toBeTruthy();
  });

  it('routes to the city profile and settings, with the breadcrumb naming the city and year', async () => {
    const { assessmentId } = await database.store.createAssessment({
      city: { name: 'Testville', country: 'Nowhere', population: null, households: null, areaKm2: null, gdp: null, currency: '' },
      year: 2025,
    });
    render(<App />);
    await go(`#/a/${assessmentId}/profile`);
    expect(await screen.findByRole('heading', { level: 1, name: 'City profile' })).toBeTruthy();
    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await within(breadcrumb).findByRole('link', { name: 'Testville 2025' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));

    await go('#/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();

    await go('#/nowhere');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });

  it('lays the whole app out right to left in Arabic', async () => {
    render(<App />);
    await act(() => setLanguage('ar'));
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(await screen.findByRole('heading', { level: 1, name: 'التقييمات' })).toBeTruthy();
  });
});

describe('settings', () => {
  it('saves the author name stamped on this laptop’s changes and shows the device id', async () => {
    render(<App />);
    await go('#/settings');
    const input = await screen.findByLabelText('Your name', { exact: false, selector: 'input' });
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '  Amina ' } });
    fireEvent.blur(input);
    await waitFor(async () => expect(await database.store.getAuthorName()).toBe('Amina'));
    const deviceId = await database.store.getDeviceId();
    expect(await screen.findByText(deviceId)).toBeTruthy();
  });
});
