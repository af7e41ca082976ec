import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { U4SSC_2017 } from '../../core/catalogue/index.ts';
import { nextHlc } from '../../core/revisions/hlc.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import { assessmentStatus, statusInputOf } from '../../core/status/index.ts';
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
  // Reported (on the profile's households), one of two points, a source only, a negative numerator, declared not reported.
  await store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { numerator: 18_000, department: 'Service informatique' });
  await store.saveValueFields(assessmentId, 'EC-ICT-ICT-4C', '3g', { numerator: 98, denominator: 100 });
  await store.saveValueFields(assessmentId, 'EC-ICT-ICT-2C', '_', { source: 'Opérateurs', department: 'Direction des réseaux' });
  await store.saveValueFields(assessmentId, 'EC-ICT-ICT-3C', '_', { numerator: -200 });
  await store.saveValueFields(assessmentId, 'EC-ICT-ICT-5C', '_', { status: 'notReported' });
  await act(() => i18n.changeLanguage('fr'));
});

afterEach(() => {
  cleanup();
  db.close();
});

async function renderTree(selectedKpiId?: string) {
  const values = await listValues(db, assessmentId);
  const status = assessmentStatus(
    U4SSC_2017,
    (kpiId, pointId) => {
      const view = values.get(valueRecordId(assessmentId, kpiId, pointId));
      return view ? statusInputOf(view.fields) : undefined;
    },
    { denominators: SHARED, assessmentYear: 2025 },
  );
  render(<KpiTree assessmentId={assessmentId} catalogue={U4SSC_2017} values={values} status={status} selectedKpiId={selectedKpiId} />);
  return screen.getByRole('navigation', { name: 'KPI' });
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

/** The codes of the KPI rows the tree shows. */
function shownKpis(nav: HTMLElement): string[] {
  return within(nav)
    .queryAllByRole('row')
    .flatMap((row) => row.querySelector('.kpi-tree__code')?.textContent ?? []);
}

function kpiRow(nav: HTMLElement, code: string): HTMLElement {
  return within(nav).getByRole('row', { name: new RegExp(code) });
}

function press(key: string) {
  const target = document.activeElement ?? document.body;
  fireEvent.keyDown(target, { key });
  fireEvent.keyUp(target, { key });
}

describe('KPI tree (French)', () => {
  it('counts reported KPIs in every group and says which status each KPI has, in French', async () => {
    const nav = await renderTree('EC-ICT-ICT-1C');
    const economy = U4SSC_2017.kpis.filter((kpi) => kpi.dimension === 'EC').length;
    expect(within(nav).getByRole('row', { name: `Économie, KPI renseignés : 1 sur ${economy}` })).toBeTruthy();
    const environment = U4SSC_2017.kpis.filter((kpi) => kpi.dimension === 'EN').length;
    expect(within(nav).getByRole('row', { name: `Environnement, KPI renseignés : 0 sur ${environment}` })).toBeTruthy();
    expect(within(nav).getByRole('row', { name: 'Infrastructures TIC, KPI renseignés : 1 sur 5' })).toBeTruthy();

    expect(kpiRow(nav, 'EC: ICT: ICT: 1C').getAttribute('aria-label')).toBe('Accès des ménages à Internet, EC: ICT: ICT: 1C, Renseigné, (ouvert)');
    expect(kpiRow(nav, 'EC: ICT: ICT: 4C').getAttribute('aria-label')).toMatch(/En cours, Points de données renseignés : 1 sur 2$/);
    expect(kpiRow(nav, 'EC: ICT: ICT: 2C').getAttribute('aria-label')).toMatch(/, En cours$/);
    expect(kpiRow(nav, 'EC: ICT: ICT: 3C').getAttribute('aria-label')).toMatch(/, Renseigné avec erreurs$/);
    expect(kpiRow(nav, 'EC: ICT: ICT: 5C').getAttribute('aria-label')).toMatch(/, Non renseigné \(déclaré\)$/);
  });

  it('is one Tab stop, moved through with the arrow keys, opened and closed with right and left', async () => {
    const nav = await renderTree();
    const grid = within(nav).getByRole('treegrid');
    const focusable = [...nav.querySelectorAll('[role="treegrid"] [tabindex="0"], [role="treegrid"][tabindex="0"]')];
    expect(focusable).toHaveLength(1);
    expect(shownKpis(nav)).toEqual([]);

    act(() => grid.focus());
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Économie/));
    press('ArrowRight');
    await waitFor(() => expect(within(nav).getByRole('row', { name: /^Économie/ }).getAttribute('aria-expanded')).toBe('true'));
    press('ArrowDown');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^TIC,/));
    press('ArrowLeft');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Économie/));
    press('ArrowLeft');
    await waitFor(() => expect(within(nav).getByRole('row', { name: /^Économie/ }).getAttribute('aria-expanded')).toBe('false'));
  });

  it('jumps to a group by typing the start of its name', async () => {
    const nav = await renderTree();
    act(() => within(nav).getByRole('treegrid').focus());
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Économie/));
    fireEvent.keyDown(document.activeElement!, { key: 's' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Société/));
  });

  it('opens a KPI with Enter', async () => {
    window.location.hash = '#/';
    const nav = await renderTree('EC-ICT-ICT-1C');
    act(() => kpiRow(nav, 'EC: ICT: ICT: 2C').focus());
    press('Enter');
    await waitFor(() => expect(window.location.hash).toBe(`#/a/${assessmentId}/kpi/EC-ICT-ICT-2C`));
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
    await chooseFilter('Statut', 'Renseigné avec erreurs');
    await waitFor(() => expect(shownKpis(nav)).toEqual(['EC: ICT: ICT: 3C']));
    await chooseFilter('Statut', 'Non renseigné (déclaré)');
    await waitFor(() => expect(shownKpis(nav)).toEqual(['EC: ICT: ICT: 5C']));

    await chooseFilter('Statut', 'Tous');
    await chooseFilter('Service', 'Direction des réseaux');
    await waitFor(() => expect(shownKpis(nav)).toEqual(['EC: ICT: ICT: 2C']));

    await chooseFilter('Service', 'Tous');
    await chooseFilter('Essentiel ou avancé', 'Avancé');
    const advanced = U4SSC_2017.kpis.filter((kpi) => kpi.tier === 'advanced').map((kpi) => kpi.code);
    await waitFor(() => expect(shownKpis(nav)).toEqual(advanced));
  });

  it('lists only the KPIs with errors or warnings', async () => {
    // A denominator 20 % off the profile's households: a warning, not an error.
    await store.saveValueFields(assessmentId, 'EC-I-WS-1C', '_', { numerator: 30_000, denominator: 32_000 });
    const nav = await renderTree();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Seulement les KPI avec erreurs ou avertissements' }));
    await waitFor(() => expect(shownKpis(nav)).toEqual(['EC: ICT: ICT: 3C', 'EC: I: WS: 1C']));
    expect(kpiRow(nav, 'EC: I: WS: 1C').textContent).toContain('À vérifier');
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
    expect(kpiRow(nav, 'EN: EN: AQ: 1C').textContent).toContain('Conflit');
  });
});
