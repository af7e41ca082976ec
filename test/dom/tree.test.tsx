import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { pointsOf, U4SSC_2017 } from '../../core/catalogue/index.ts';
import { nextHlc } from '../../core/revisions/hlc.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import { valueRecordId } from '../../renderer/src/data/index.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { listValues } from '../../renderer/src/data/queries.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import { KpiTree } from '../../renderer/src/features/tree/KpiTree.tsx';
import { i18n, initI18n } from '../../renderer/src/i18n/index.ts';

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 10_000 });

const SHARED = { population: 100_000, households: 40_000 };
let db: CityKpiDb;
let store: DataStore;
let assessmentId: string;

beforeAll(async () => {
  await initI18n('fr');
});

beforeEach(async () => {
  db = createDb(`tree-test-${Math.random().toString(36).slice(2)}`);
  store = createDataStore(db);
  ({ assessmentId } = await store.createAssessment({
    city: { name: 'Testville', country: 'Nowhere', population: SHARED.population, households: SHARED.households, areaKm2: null, gdp: null, currency: 'EUR' },
    year: 2025,
  }));
  // Reported (computed on the profile's households), partial (one of two points), and not reported (a source only).
  await store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { numerator: 18_000, department: 'Service informatique' });
  await store.saveValueFields(assessmentId, 'EC-ICT-ICT-4C', '3g', { directValue: 98 });
  await store.saveValueFields(assessmentId, 'EC-ICT-ICT-2C', '_', { source: 'Opérateurs', department: 'Direction des réseaux' });
  await act(() => i18n.changeLanguage('fr'));
});

afterEach(() => {
  cleanup();
  db.close();
});

async function renderTree(selectedKpiId?: string) {
  const values = await listValues(db, assessmentId);
  render(<KpiTree assessmentId={assessmentId} catalogue={U4SSC_2017} values={values} shared={SHARED} selectedKpiId={selectedKpiId} />);
  return screen.getByRole('navigation', { name: 'KPI' });
}

function totalPoints(filter: (kpi: (typeof U4SSC_2017.kpis)[number]) => boolean): number {
  return U4SSC_2017.kpis.filter(filter).reduce((sum, kpi) => sum + pointsOf(kpi).length, 0);
}

function search(text: string) {
  fireEvent.change(screen.getByLabelText('Rechercher un KPI'), { target: { value: text } });
}

async function chooseFilter(label: string, option: string) {
  const field = screen.getByText(label, { selector: '.field-label' }).closest('.field') as HTMLElement;
  const trigger = within(field).getByRole('button');
  fireEvent.keyDown(trigger, { key: 'ArrowDown' });
  fireEvent.keyUp(trigger, { key: 'ArrowDown' });
  const listbox = await screen.findByRole('listbox');
  fireEvent.click(within(listbox).getByRole('option', { name: option }));
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
}

function shownKpis(nav: HTMLElement): string[] {
  return within(nav)
    .queryAllByRole('link')
    .map((link) => link.querySelector('.kpi-tree__code')?.textContent ?? '');
}

describe('KPI tree (French)', () => {
  it('shows completion counts at every level, in French', async () => {
    const nav = await renderTree('EC-ICT-ICT-1C');
    const economy = totalPoints((kpi) => kpi.dimension === 'EC');
    expect(within(nav).getByRole('button', { name: `Économie 2 points de données renseignés sur ${economy}` })).toBeTruthy();
    const environment = totalPoints((kpi) => kpi.dimension === 'EN');
    expect(within(nav).getByRole('button', { name: `Environnement 0 points de données renseignés sur ${environment}` })).toBeTruthy();
    const category = totalPoints((kpi) => kpi.category === 'EC-ICT-ICT');
    expect(within(nav).getByRole('button', { name: `Infrastructures TIC 2 points de données renseignés sur ${category}` })).toBeTruthy();

    const internet = within(nav).getByRole('link', { name: /Accès des ménages à Internet/ });
    expect(internet.getAttribute('href')).toBe(`#/a/${assessmentId}/kpi/EC-ICT-ICT-1C`);
    expect(internet.getAttribute('aria-current')).toBe('page');
    expect(internet.textContent).toContain('Renseigné');
    expect(within(nav).getByRole('link', { name: /EC: ICT: ICT: 4C/ }).textContent).toContain('Partiel');
    expect(within(nav).getByRole('link', { name: /EC: ICT: ICT: 2C/ }).textContent).toContain('Non renseigné');
  });

  it('opens and closes groups from the keyboard-operable disclosure buttons', async () => {
    const nav = await renderTree();
    expect(within(nav).queryAllByRole('link')).toHaveLength(0);
    const economy = within(nav).getByRole('button', { name: /^Économie/ });
    expect(economy.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(economy);
    await waitFor(() => expect(economy.getAttribute('aria-expanded')).toBe('true'));
    expect(within(nav).getByRole('button', { name: /^TIC/ })).toBeTruthy();
  });

  it('finds KPIs by French name regardless of accents and case', async () => {
    const nav = await renderTree();
    search('ELECTRICITE');
    await waitFor(() =>
      expect(shownKpis(nav)).toEqual(['EC: ICT: ES: 2A', 'EC: I: ES: 1C', 'EC: I: ES: 2C', 'EC: I: ES: 3C', 'EN: E: E: 2C']),
    );
    expect(screen.getByText('5 KPI affichés')).toBeTruthy();
  });

  it('finds a KPI by its official code typed with any separators', async () => {
    const nav = await renderTree();
    search('ict ict 1c');
    await waitFor(() => expect(shownKpis(nav)).toEqual(['EC: ICT: ICT: 1C']));
    expect(screen.getByText('1 KPI affiché')).toBeTruthy();
    search('zzz');
    await waitFor(() => expect(screen.getByText('Aucun KPI ne correspond à la recherche et aux filtres.')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Effacer la recherche et les filtres' }));
    await waitFor(() => expect((screen.getByLabelText('Rechercher un KPI') as HTMLInputElement).value).toBe(''));
  });

  it('filters by status, by core/advanced and by department', async () => {
    const nav = await renderTree();
    await chooseFilter('Statut', 'Partiel');
    await waitFor(() => expect(shownKpis(nav)).toEqual(['EC: ICT: ICT: 4C']));

    await chooseFilter('Statut', 'Tous');
    await chooseFilter('Service', 'Direction des réseaux');
    await waitFor(() => expect(shownKpis(nav)).toEqual(['EC: ICT: ICT: 2C']));

    await chooseFilter('Service', 'Tous');
    await chooseFilter('Essentiel ou avancé', 'Avancé');
    const advanced = U4SSC_2017.kpis.filter((kpi) => kpi.tier === 'advanced').map((kpi) => kpi.code);
    await waitFor(() => expect(shownKpis(nav)).toEqual(advanced));
  });

  it('marks KPIs holding conflicts and can list only those', async () => {
    const recordId = valueRecordId(assessmentId, 'EN-EN-AQ-1C', 'pm10');
    const edits = [
      { author: 'Bruno', deviceId: 'laptop-bruno', value: 18 },
      { author: 'Chen', deviceId: 'laptop-chen', value: 21 },
    ];
    await db.revisions.bulkPut(
      await Promise.all(
        edits.map((edit, index) =>
          createRevision({
            recordId,
            fields: { directValue: edit.value },
            author: edit.author,
            deviceId: edit.deviceId,
            hlc: nextHlc(null, Date.UTC(2026, 0, 5, 9 + index), edit.deviceId),
            parents: [],
          }),
        ),
      ),
    );
    const nav = await renderTree();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Seulement les KPI en conflit' }));
    await waitFor(() => expect(shownKpis(nav)).toEqual(['EN: EN: AQ: 1C']));
    expect(within(nav).getByRole('link', { name: /EN: EN: AQ: 1C/ }).textContent).toContain('Conflit');
  });
});
