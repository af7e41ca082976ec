import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { nextHlc } from '../../core/revisions/hlc.ts';
import { createRevision } from '../../core/revisions/revision-id.ts';
import type { FieldMap, Revision } from '../../core/revisions/types.ts';
import { setAppStoreForTests } from '../../renderer/src/data/app-store.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { valueRecordId } from '../../renderer/src/data/index.ts';
import { recordHistory } from '../../renderer/src/data/queries.ts';
import { createDataStore, type DataStore } from '../../renderer/src/data/store.ts';
import { AssessmentWorkspace } from '../../renderer/src/features/entry/AssessmentWorkspace.tsx';
import { i18n, initI18n } from '../../renderer/src/i18n/index.ts';

// Whole screens over a real (fake-indexeddb) database: slow on a busy machine, not wrong.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 10_000 });

const INTERNET = 'EC-ICT-ICT-1C';
let db: CityKpiDb;
let store: DataStore;
let assessmentId: string;

beforeAll(async () => {
  await initI18n('fr');
});

beforeEach(async () => {
  db = createDb(`entry-test-${Math.random().toString(36).slice(2)}`);
  store = createDataStore(db);
  setAppStoreForTests(store);
  await store.setAuthorName('Amina');
  ({ assessmentId } = await store.createAssessment({
    city: { name: 'Testville', country: 'Nowhere', population: 100_000, households: 40_000, areaKm2: null, gdp: null, currency: 'EUR' },
    year: 2025,
  }));
  await act(() => i18n.changeLanguage('fr'));
});

afterEach(() => {
  cleanup();
  setAppStoreForTests(undefined);
  db.close();
});

async function openKpi(kpiId: string) {
  render(<AssessmentWorkspace assessmentId={assessmentId} kpiId={kpiId} />);
  return screen.findByRole('heading', { level: 1 });
}

function commitText(input: HTMLElement, text: string) {
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

async function savedFields(kpiId: string, pointId = '_'): Promise<FieldMap[]> {
  const history = await recordHistory(db, valueRecordId(assessmentId, kpiId, pointId));
  return history.reverse().map((revision) => revision.fields);
}

/** The save status shown next to one field (each field has its own). */
function saveStatusOf(field: string): HTMLElement {
  const status = document.querySelector<HTMLElement>(`[data-field="${field}"] [data-testid="save-status"]`);
  if (!status) throw new Error(`no save status next to ${field}`);
  return status;
}

async function expectSaved(field: string) {
  await waitFor(() => expect(saveStatusOf(field).textContent).toBe('Enregistré'));
}

const NUMERATOR = /^Numérateur :/;
const DENOMINATOR = /^Dénominateur :/;

describe('KPI entry (French, real data layer)', () => {
  it('shows the KPI facts in French', async () => {
    const heading = await openKpi(INTERNET);
    expect(heading.textContent).toBe('Accès des ménages à Internet');
    expect(screen.getByText('EC: ICT: ICT: 1C', { selector: 'article *' })).toBeTruthy();
    expect(screen.getByText('Numérateur ÷ nombre de ménages × 100')).toBeTruthy();
  });

  it('saves each field as it is committed and shows the computed value live in French', async () => {
    await openKpi(INTERNET);
    expect(screen.getByText(/S’il reste vide, le nombre de ménages du profil de la ville est utilisé : 40\s000/)).toBeTruthy();
    expect(saveStatusOf('numerator').textContent).toBe('');

    commitText(screen.getByLabelText(NUMERATOR), '18 200');
    await expectSaved('numerator');
    expect(await savedFields(INTERNET)).toEqual([{ numerator: 18200 }]);
    await waitFor(() => expect(screen.getByLabelText('Valeur calculée').textContent).toContain('45,5'));

    commitText(screen.getByLabelText('Description de la source'), 'Enquête ménages 2024');
    await waitFor(async () => expect(await savedFields(INTERNET)).toEqual([{ numerator: 18200 }, { source: 'Enquête ménages 2024' }]));

    commitText(screen.getByLabelText('Année des données'), '2024');
    await waitFor(async () => expect((await savedFields(INTERNET)).at(-1)).toEqual({ dataYear: 2024 }));
  });

  it('updates the computed value while the numerator is being typed, before anything is saved', async () => {
    await openKpi(INTERNET);
    const numerator = screen.getByLabelText(NUMERATOR);
    fireEvent.focus(numerator);
    fireEvent.change(numerator, { target: { value: '10 000' } });
    await waitFor(() => expect(screen.getByLabelText('Valeur calculée').textContent).toMatch(/^25\s/));
    fireEvent.change(numerator, { target: { value: '10 00x' } });
    await waitFor(() => expect(screen.getByLabelText('Valeur calculée').textContent).toBe('Pas encore calculée : saisissez le numérateur et le dénominateur.'));
    expect(await savedFields(INTERNET)).toEqual([]);
  });

  it('never saves an ambiguous number', async () => {
    await openKpi(INTERNET);
    const numerator = screen.getByLabelText(NUMERATOR);
    commitText(numerator, '18.200');
    expect(numerator.getAttribute('aria-invalid')).toBe('true');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await savedFields(INTERNET)).toEqual([]);
  });

  it('saves a quality level chosen from the list', async () => {
    await openKpi(INTERNET);
    const field = screen.getByText('Qualité des données').closest('.field') as HTMLElement;
    const trigger = within(field).getByRole('button');
    fireEvent.keyDown(trigger, { key: 'ArrowDown' });
    fireEvent.keyUp(trigger, { key: 'ArrowDown' });
    const listbox = await screen.findByRole('listbox');
    fireEvent.click(within(listbox).getByRole('option', { name: 'Fondée sur des mesures précises' }));
    await waitFor(async () => expect(await savedFields(INTERNET)).toEqual([{ quality: 'measured' }]));
    await expectSaved('quality');
  });

  it('shows the computed and the direct value side by side, the direct one marked used and the other set aside', async () => {
    await openKpi(INTERNET);
    commitText(screen.getByLabelText(NUMERATOR), '18000');
    await waitFor(async () => expect(await savedFields(INTERNET)).toEqual([{ numerator: 18000 }]));
    const result = screen.getByRole('group', { name: 'Valeur retenue' });
    await waitFor(() => expect(screen.getByLabelText('Valeur calculée').textContent).toMatch(/^45\s/));
    expect(within(result).getByTestId('value-used').textContent).toBe('Utilisée');
    expect(within(result).queryByTestId('value-set-aside')).toBeNull();

    commitText(screen.getByLabelText('Valeur directe'), '47,25');
    await waitFor(async () => expect((await savedFields(INTERNET)).at(-1)).toEqual({ directValue: 47.25 }));
    await waitFor(() => expect(within(result).getByTestId('value-set-aside').textContent).toBe('Mise de côté'));
    // The computed 45 % stays in view, neither struck through nor replaced; the direct 47,25 % is the one used.
    expect(screen.getByLabelText('Valeur calculée').textContent).toMatch(/^45\s/);
    const used = within(result).getByTestId('value-used').closest('.entry-result__row')!;
    expect(used.textContent).toMatch(/^Valeur directe47,25\sPourcentage \(%\)Utilisée$/);
    expect(result.textContent).toContain('La valeur directe est utilisée ; la valeur calculée est mise de côté.');
  });

  it('answers a yes/no/partial KPI per data point with radio groups', async () => {
    await openKpi('EC-I-UP-2A');
    const compact = screen.getByRole('group', { name: 'Point de données : Compacte' });
    const answer = within(compact).getByRole('radiogroup', { name: 'Réponse' });
    fireEvent.click(within(answer).getByRole('radio', { name: 'Partiel' }));
    // The radio shows what is stored: checked once the screen has the saved value back from the database.
    await waitFor(() => expect((within(answer).getByRole('radio', { name: 'Partiel' }) as HTMLInputElement).checked).toBe(true));
    expect(await savedFields('EC-I-UP-2A', 'compact')).toEqual([{ choice: 'partial' }]);
    expect(await savedFields('EC-I-UP-2A', 'connected')).toEqual([]);
  });

  it('says "Saved" only once the data layer has committed the change', async () => {
    let commitNow: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      commitNow = resolve;
    });
    setAppStoreForTests({
      ...store,
      saveValueFields: async (...args) => {
        await held;
        return store.saveValueFields(...args);
      },
    });
    await openKpi(INTERNET);
    commitText(screen.getByLabelText('Remarque'), 'Chiffres provisoires');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(saveStatusOf('note').textContent).toBe('Enregistrement…');
    commitNow();
    await expectSaved('note');
    expect(saveStatusOf('numerator').textContent).toBe('');
    expect(await savedFields(INTERNET)).toEqual([{ note: 'Chiffres provisoires' }]);
  });

  it('says so, translated, when a save fails, and never claims it was saved', async () => {
    await openKpi(INTERNET);
    db.close();
    commitText(screen.getByLabelText(NUMERATOR), '100');
    // Checked in one synchronous pass: once the closed database also fails the screen's live query,
    // the workspace may leave the field for its own error view.
    await waitFor(() => {
      const alert = screen.getByText(/^Non enregistré : La base de données locale est inutilisable/);
      expect(alert.closest('[role="alert"]')).not.toBeNull();
      expect(alert.closest('[data-field="numerator"]')).not.toBeNull();
      expect(saveStatusOf('numerator').textContent).toBe('');
    });
  });

  it('warns, in French and with French numbers, when a denominator differs from the city profile by more than 5 %', async () => {
    await openKpi(INTERNET);
    commitText(screen.getByLabelText(DENOMINATOR), '42 500');
    await waitFor(() => expect(document.querySelector('[data-code="denominatorMismatch"]')).not.toBeNull());
    const warning = document.querySelector('[data-code="denominatorMismatch"]')!;
    expect(warning.getAttribute('data-severity')).toBe('warning');
    expect(warning.closest('[data-field="denominator"]')).not.toBeNull();
    expect(warning.textContent).toMatch(/Ce dénominateur \(42\s500\) s’écarte de 6,25 % du chiffre du profil de la ville \(40\s000\)/);
    expect(await savedFields(INTERNET)).toEqual([{ denominator: 42500 }]);
  });

  it('shows cross-KPI checks: Fixed Broadband above Household Internet Access', async () => {
    await store.saveValueFields(assessmentId, INTERNET, '_', { directValue: 60 });
    await store.saveValueFields(assessmentId, 'EC-ICT-ICT-2C', '_', { directValue: 70 });
    await openKpi('EC-ICT-ICT-2C');
    await waitFor(() => expect(document.querySelector('[data-code="exceedsRelatedKpi"]')).not.toBeNull());
    // The other KPI is named in the reader's language, its code kept left to right in an isolate.
    expect(document.querySelector('[data-code="exceedsRelatedKpi"]')!.textContent).toContain(
      'Cette valeur (70) est supérieure à celle de « Accès des ménages à Internet » (\u2066EC: ICT: ICT: 1C\u2069), soit 60',
    );
  });

  it('shows validation issues next to what was saved, without undoing it', async () => {
    await openKpi(INTERNET);
    commitText(screen.getByLabelText(NUMERATOR), '50000');
    await expectSaved('numerator');
    await waitFor(() => expect(document.querySelector('[data-code="numeratorExceedsDenominator"]')).not.toBeNull());
    expect(await savedFields(INTERNET)).toEqual([{ numerator: 50000 }]);
  });
});

describe('what is kept, what is done, what is wrong (French)', () => {
  it('explains the KPI and labels each field with what to count', async () => {
    await openKpi(INTERNET);
    expect(screen.getByText('La part des ménages qui peuvent se connecter à Internet à domicile, par une ligne fixe ou un réseau mobile.')).toBeTruthy();
    expect(screen.getByLabelText('Numérateur : Ménages ayant accès à Internet')).toBeTruthy();
    expect(screen.getByLabelText('Dénominateur : Nombre total de ménages')).toBeTruthy();
  });

  it('explains each data point of a multi-point KPI', async () => {
    await openKpi('EC-I-UP-2A');
    const compact = screen.getByRole('group', { name: 'Point de données : Compacte' });
    expect(within(compact).getByText('Le plan utilise bien le sol : assez dense, avec un étalement urbain limité.')).toBeTruthy();
  });

  it('keeps a negative numerator but marks the KPI and the point "reported with errors", with the reason at the top', async () => {
    await openKpi(INTERNET);
    commitText(screen.getByLabelText(NUMERATOR), '-200');
    await expectSaved('numerator');
    expect(await savedFields(INTERNET)).toEqual([{ numerator: -200 }]);
    await waitFor(() => expect(within(screen.getByTestId('kpi-status')).getByText('Renseigné avec erreurs')).toBeTruthy());
    const errors = screen.getByRole('region', { name: 'Erreurs' });
    expect(errors.textContent).toContain('Le numérateur ne peut pas être négatif.');
    expect(document.querySelector('.entry-point')?.getAttribute('data-status')).toBe('reportedWithErrors');
  });

  it('counts a point declared not reported as such, and never as an untouched one', async () => {
    await openKpi(INTERNET);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Non renseigné : cette donnée n’est pas disponible (déclaré)' }));
    await waitFor(async () => expect(await savedFields(INTERNET)).toEqual([{ status: 'notReported' }]));
    await waitFor(() => expect(within(screen.getByTestId('kpi-status')).getByText('Non renseigné (déclaré)')).toBeTruthy());
  });

  it('keeps refused text in its field with the reason, says "not saved" there, and still shows it after leaving and coming back', async () => {
    await openKpi(INTERNET);
    commitText(screen.getByLabelText(NUMERATOR), '45%');
    await waitFor(() => expect(screen.getByText('Saisissez le nombre sans le signe % : ce champ n’est pas un pourcentage.')).toBeTruthy());
    expect(saveStatusOf('numerator').parentElement?.textContent).toContain('Non enregistré : corrigez la valeur');
    expect(await savedFields(INTERNET)).toEqual([]);

    cleanup();
    await openKpi(INTERNET);
    expect((screen.getByLabelText(NUMERATOR) as HTMLInputElement).value).toBe('45%');
    expect(screen.getByLabelText(NUMERATOR).getAttribute('aria-invalid')).toBe('true');
    expect(saveStatusOf('numerator').parentElement?.textContent).toContain('Non enregistré');
    fireEvent.keyDown(screen.getByLabelText(NUMERATOR), { key: 'Escape' });
    await waitFor(() => expect((screen.getByLabelText(NUMERATOR) as HTMLInputElement).value).toBe(''));
  });

  it('understands a percent sign where a percentage is expected', async () => {
    await openKpi(INTERNET);
    commitText(screen.getByLabelText('Valeur directe'), '45,5 %');
    await waitFor(async () => expect(await savedFields(INTERNET)).toEqual([{ directValue: 45.5 }]));
  });

  it('groups large numbers in the fields as the language does', async () => {
    await store.saveValueFields(assessmentId, 'EC-ICT-ICT-3C', '_', { numerator: 3_500_000_000 });
    await openKpi('EC-ICT-ICT-3C');
    expect((screen.getByLabelText(NUMERATOR) as HTMLInputElement).value).toMatch(/^3\s500\s000\s000$/);
  });

  it('steps to the next KPI and puts the cursor in its first field', async () => {
    window.location.hash = '#/';
    await openKpi(INTERNET);
    const steps = screen.getByRole('navigation', { name: 'KPI précédent et suivant' });
    const links = within(steps).getAllByRole('link');
    // Next comes first, one Tab after the last field; there is no KPI before the first one.
    expect(links.map((link) => link.textContent)).toEqual(['KPI suivantAbonnements au haut débit fixe']);
    fireEvent.click(links[0]!);
    cleanup();
    await openKpi('EC-ICT-ICT-2C');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Numérateur : Abonnements/)));
  });
});

describe('what is kept, what is done, what is wrong (Arabic)', () => {
  it('marks the value used and the value set aside, the status, and names the other KPI of a cross-KPI check in Arabic', async () => {
    await act(() => i18n.changeLanguage('ar'));
    await store.saveValueFields(assessmentId, INTERNET, '_', { numerator: 14_000, directValue: 60 });
    await store.saveValueFields(assessmentId, 'EC-ICT-ICT-2C', '_', { directValue: 70 });
    await openKpi(INTERNET);
    const result = screen.getByRole('group', { name: 'القيمة المعتمدة' });
    expect(within(result).getByTestId('value-used').textContent).toBe('مستخدمة');
    expect(within(result).getByTestId('value-set-aside').textContent).toBe('مُستبعَدة');
    expect(within(screen.getByTestId('kpi-status')).getByText('مُبلَّغ عنه')).toBeTruthy();
    expect(screen.getByLabelText('البسط: الأسر التي لديها نفاذ إلى الإنترنت')).toBeTruthy();
    const check = document.querySelector('[data-code="belowRelatedKpi"]')!;
    expect(check.textContent).toContain('«الاشتراكات في النطاق العريض الثابت» (\u2066EC: ICT: ICT: 2C\u2069)');
  });
});

async function concurrentEdits(recordId: string, edits: readonly { author: string; deviceId: string; fields: FieldMap; wallMs: number }[]) {
  const revisions: Revision[] = [];
  for (const edit of edits) {
    revisions.push(
      await createRevision({
        recordId,
        fields: edit.fields,
        author: edit.author,
        deviceId: edit.deviceId,
        hlc: nextHlc(null, edit.wallMs, edit.deviceId),
        parents: [],
      }),
    );
  }
  await db.revisions.bulkPut(revisions);
}

describe('conflicts', () => {
  it('lists every competing value with author and device, and keeps the one chosen', async () => {
    const recordId = valueRecordId(assessmentId, INTERNET, '_');
    await concurrentEdits(recordId, [
      { author: 'Bruno', deviceId: 'laptop-bruno-01', fields: { numerator: 12000 }, wallMs: Date.UTC(2026, 0, 5, 9) },
      { author: 'Chen', deviceId: 'laptop-chen-02', fields: { numerator: 13500 }, wallMs: Date.UTC(2026, 0, 5, 10) },
    ]);
    await openKpi(INTERNET);
    const panel = await screen.findByRole('group', { name: /^Conflit : Numérateur :/ });
    expect(screen.getByText('1 champ de ce KPI est en conflit : choisissez une valeur là où il est signalé ci-dessous.')).toBeTruthy();
    expect(within(panel).getByText(/2 valeurs différentes/)).toBeTruthy();
    const choices = within(panel).getAllByRole('listitem').filter((item) => item.classList.contains('entry-conflict__candidate'));
    expect(choices.map((choice) => choice.textContent)).toEqual([
      expect.stringMatching(/^13\s500par Chen sur l’appareil laptop-chen-…, 5 janv\. 2026.*Conserver 13\s500$/),
      expect.stringMatching(/^12\s000par Bruno sur l’appareil laptop-bruno…, 5 janv\. 2026.*Conserver 12\s000$/),
    ]);
    expect(screen.getByLabelText('Valeur calculée').textContent).not.toContain('30');

    fireEvent.click(within(panel).getByRole('button', { name: /^Conserver 12\s000$/ }));
    await waitFor(() => expect(screen.queryByRole('group', { name: /^Conflit : Numérateur :/ })).toBeNull());
    expect((screen.getByLabelText(NUMERATOR) as HTMLInputElement).value).toMatch(/^12\s000$/);
    expect(screen.getByLabelText('Valeur calculée').textContent).toContain('30');
    const history = await recordHistory(db, recordId);
    expect(history[0]?.fields).toEqual({ numerator: 12000 });
    expect(history[0]?.parents).toHaveLength(2);
    await waitFor(() => expect(saveStatusOf('numerator').textContent).toBe('Conflit résolu'));
    expect(screen.queryByText(/champ de ce KPI est en conflit/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Afficher l’historique de ce KPI' }));
    const rows = within(await screen.findByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.textContent).toContain('A résolu un conflit entre 2 versions');
    expect(rows[1]?.textContent).toContain('Chen');
    expect(rows[2]?.textContent).toContain('Bruno');
  });

  it('offers one choice per distinct value, naming every device that wrote it', async () => {
    const recordId = valueRecordId(assessmentId, INTERNET, '_');
    await concurrentEdits(recordId, [
      { author: 'Bruno', deviceId: 'laptop-bruno-01', fields: { quality: 'measured' }, wallMs: Date.UTC(2026, 0, 5, 9) },
      { author: 'Chen', deviceId: 'laptop-chen-02', fields: { quality: 'personalEstimate' }, wallMs: Date.UTC(2026, 0, 5, 10) },
      { author: 'Dana', deviceId: 'laptop-dana-03', fields: { quality: 'measured' }, wallMs: Date.UTC(2026, 0, 5, 11) },
    ]);
    await openKpi(INTERNET);
    const panel = await screen.findByRole('group', { name: 'Conflit : Qualité des données' });
    expect(within(panel).getByText(/^2 valeurs différentes/)).toBeTruthy();
    const keep = within(panel).getAllByRole('button');
    expect(keep.map((button) => button.textContent)).toEqual(['Conserver Fondée sur des mesures précises', 'Conserver Estimation personnelle']);
    const measured = keep[0]!.closest('li')!;
    expect(measured.textContent).toMatch(/par Dana .*par Bruno /);
  });

  it('resolves a conflict with a newly typed value', async () => {
    const recordId = valueRecordId(assessmentId, INTERNET, '_');
    await concurrentEdits(recordId, [
      { author: 'Bruno', deviceId: 'laptop-bruno-01', fields: { source: 'Recensement' }, wallMs: Date.UTC(2026, 0, 5, 9) },
      { author: 'Chen', deviceId: 'laptop-chen-02', fields: { source: 'Opérateurs' }, wallMs: Date.UTC(2026, 0, 5, 10) },
    ]);
    await openKpi(INTERNET);
    await screen.findByRole('group', { name: 'Conflit : Description de la source' });
    commitText(screen.getByLabelText('Description de la source'), 'Recensement et opérateurs');
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Conflit : Description de la source' })).toBeNull());
    const history = await recordHistory(db, recordId);
    expect(history[0]?.fields).toEqual({ source: 'Recensement et opérateurs' });
    expect(history[0]?.parents).toHaveLength(2);
  });
});

describe('history', () => {
  it('lists every revision with author, device and the fields it changed', async () => {
    await store.saveValueFields(assessmentId, INTERNET, '_', { numerator: 18000, source: 'Enquête' });
    await store.saveValueFields(assessmentId, INTERNET, '_', { quality: 'measured' });
    await openKpi(INTERNET);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher l’historique de ce KPI' }));
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Amina');
    expect(rows[0]?.textContent).toContain('Qualité des données : Fondée sur des mesures précises');
    expect(rows[1]?.textContent).toMatch(/Numérateur : 18\s000/);
    expect(rows[1]?.textContent).toContain('Source : Enquête');
  });
});
