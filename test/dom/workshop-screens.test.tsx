import { describe, expect, it } from 'vitest';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { kpisInCategory, U4SSC_2017 } from '../../core/catalogue/index.ts';
import { i18n, SUPPORTED_LANGUAGES } from '../../renderer/src/i18n/index.ts';
import { assign, createWorkshop, loadWorkshop, recordVerdict, switchParticipant } from '../../renderer/src/data/workshop.ts';
import { AssessmentOverview } from '../../renderer/src/features/workshop/AssessmentOverview.tsx';
import { VerificationSummary } from '../../renderer/src/features/workshop/VerificationSummary.tsx';
import { WorksheetScreen } from '../../renderer/src/features/workshop/WorksheetScreen.tsx';
import { WorkshopScreen } from '../../renderer/src/features/workshop/WorkshopScreen.tsx';
import { AssessmentWorkspace } from '../../renderer/src/features/entry/AssessmentWorkspace.tsx';
import { listValues } from '../../renderer/src/data/queries.ts';
import { valueRecordId } from '../../renderer/src/data/index.ts';
import { mayEnterPoint } from '../../core/workshop/assignment.ts';
import { useScreenDatabase } from './support/screen-database.ts';
import { LAKE_TOWN } from './support/lake-town.ts';

const database = useScreenDatabase('workshop-screens');
// Whole screens over a real (fake-indexeddb) database: slow on a busy machine, not wrong.
configure({ asyncUtilTimeout: 10_000 });

async function verifiedWorkshop() {
  const { store } = database;
  const { assessmentId } = await store.createAssessment(LAKE_TOWN);
  const { participantIds } = await createWorkshop(store, {
    assessmentId,
    title: 'Data week',
    startDate: null,
    endDate: null,
    place: '',
    participants: [
      { name: 'Fatima', department: 'Planning', role: 'facilitator' },
      { name: 'Amina', department: 'Water', role: 'participant' },
      { name: 'Victor', department: '', role: 'verifier' },
    ],
  });
  await assign(store, assessmentId, [{ kpiId: 'EC-ICT-ICT-1C' }, { kpiId: 'EC-ICT-ICT-2C' }], { department: 'Water', participantId: null });
  await switchParticipant(store, assessmentId, participantIds[1]!);
  await store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { directValue: 40 });
  await store.saveValueFields(assessmentId, 'EC-ICT-ICT-2C', '_', { directValue: 20 });
  await switchParticipant(store, assessmentId, participantIds[2]!, '1357');
  await recordVerdict(store, assessmentId, 'EC-ICT-ICT-1C', undefined, { reported: 'yes', verified: 'yes' });
  await switchParticipant(store, assessmentId, participantIds[1]!);
  return assessmentId;
}

describe('workshop screens over the data layer', () => {
  it('tells the results how many KPIs with a value the verifier has verified, in English and Arabic', async () => {
    const assessmentId = await verifiedWorkshop();
    render(<VerificationSummary assessmentId={assessmentId} />);
    expect(await screen.findByText("The workshop's verifier has verified 1 of the 2 KPIs that have a value.")).toBeTruthy();
    await act(() => i18n.changeLanguage('ar'));
    expect(await screen.findByText(/تحقّق مدقّق ورشة العمل من (1|١) من أصل (2|٢) /)).toBeTruthy();
  });

  it('opens an assessment on its overview: progress, and the next KPIs of the participant at the keyboard', async () => {
    const assessmentId = await verifiedWorkshop();
    render(<AssessmentOverview assessmentId={assessmentId} />);
    expect(await screen.findByRole('heading', { name: 'Next KPIs for Amina' })).toBeTruthy();
    const next = screen.getByRole('heading', { name: 'Next KPIs for Amina' }).nextElementSibling!;
    expect(next.textContent).toContain('Fixed Broadband Subscriptions');
    expect(next.textContent).not.toContain('Household Internet Access');
    expect(screen.getByText(/^Verified:/).textContent).toBe('Verified: 1');
  });

  it('prints each KPI definition on the worksheet, in every language of the sheet', async () => {
    const assessmentId = await verifiedWorkshop();
    const water = kpisInCategory(U4SSC_2017, 'EC-ICT-WS');
    const fatima = (await loadWorkshop(database.store, assessmentId)).state.participants.find((person) => person.name === 'Fatima')!;
    await switchParticipant(database.store, assessmentId, fatima.id, '2468');
    await assign(database.store, assessmentId, water.map((kpi) => ({ kpiId: kpi.id })), { department: 'Water', participantId: null });
    render(<WorksheetScreen assessmentId={assessmentId} sheetKey="d-Water" />);
    for (const language of SUPPORTED_LANGUAGES) {
      fireEvent.change(await screen.findByLabelText('Language of the sheet'), { target: { value: language } });
      // Each language's namespaces load on first use: slow on a busy machine.
      const sheet = await screen.findByRole('article', {}, { timeout: 10_000 });
      await within(sheet).findByText(i18n.t('workshop:sheets.definition', { lng: language }), {}, { timeout: 10_000 });
      expect(sheet.getAttribute('lang')).toBe(language);
      for (const kpi of [...water, { id: 'EC-ICT-ICT-1C' }]) {
        const definition = i18n.t(`kpi-help:kpi.${kpi.id}.definition`, { lng: language });
        expect(definition, `${language} ${kpi.id}`).not.toContain('kpi-help');
        const row = sheet.querySelector(`tr[data-kpi="${kpi.id}"] .worksheet-definition`);
        expect(row?.textContent, `${language} ${kpi.id}`).toContain(definition);
      }
    }
  }, 60_000);

  it('assigns one KPI and each of its data points on their own, and a point left empty follows its KPI again', async () => {
    const assessmentId = await verifiedWorkshop();
    const { store } = database;
    const people = (await loadWorkshop(store, assessmentId)).state.participants;
    await switchParticipant(store, assessmentId, people.find((person) => person.name === 'Fatima')!.id, '2468');
    render(<WorkshopScreen assessmentId={assessmentId} />);
    const region = await screen.findByRole('region', { name: 'One KPI or data point at a time' });
    fireEvent.change(within(region).getByLabelText('KPI to assign'), { target: { value: 'EN-EN-AQ-1C' } });
    const group = (name: string) => within(region).getByRole('group', { name });
    fireEvent.change(within(group('The whole KPI')).getByLabelText('Responsible department'), { target: { value: 'Environment' } });
    fireEvent.change(within(group('Particulate matter (PM10)')).getByLabelText('Responsible department'), { target: { value: 'Water' } });
    const amina = people.find((person) => person.name === 'Amina')!;
    fireEvent.change(within(group('Ozone (O₃)')).getByLabelText('Participant'), { target: { value: amina.id } });
    fireEvent.submit(group('The whole KPI').closest('form')!);
    expect((await within(region).findByRole('status')).textContent).toBe('Saved who is responsible for EN: EN: AQ: 1C.');

    const { state } = await loadWorkshop(store, assessmentId);
    expect(state.assignments.get('EN-EN-AQ-1C')).toEqual({ department: 'Environment', participantId: null });
    expect(state.pointAssignments.get('EN-EN-AQ-1C/pm10')).toEqual({ department: 'Water', participantId: null });
    expect(state.pointAssignments.has('EN-EN-AQ-1C/pm25')).toBe(false);
    expect(['pm10', 'pm25', 'o3'].map((point) => mayEnterPoint(state, amina, 'EN-EN-AQ-1C', point))).toEqual([true, false, true]);
    // The list of responsibilities names the point's own department under its KPI.
    expect(screen.getByRole('row', { name: /Particulate matter \(PM10\) Water/ })).toBeTruthy();

    fireEvent.change(within(group('Particulate matter (PM10)')).getByLabelText('Responsible department'), { target: { value: '' } });
    fireEvent.submit(group('The whole KPI').closest('form')!);
    await waitFor(async () => expect((await loadWorkshop(store, assessmentId)).state.pointAssignments.get('EN-EN-AQ-1C/pm10')).toEqual({ department: null, participantId: null }));
    expect(mayEnterPoint((await loadWorkshop(store, assessmentId)).state, amina, 'EN-EN-AQ-1C', 'pm10')).toBe(false);
  }, 30_000);

  it('asks the five air pollution points for their shared metadata once, and per point only for a field the user lets differ', async () => {
    const { store, db } = database;
    const { assessmentId } = await store.createAssessment(LAKE_TOWN);
    const airPollution = U4SSC_2017.kpis.find((kpi) => kpi.id === 'EN-EN-AQ-1C')!;
    const sources = async () => {
      const values = await listValues(db, assessmentId);
      return airPollution.dataPoints.map((point) => {
        const state = values.get(valueRecordId(assessmentId, airPollution.id, point.id))?.fields.source;
        return state && !state.conflict ? state.current.value : undefined;
      });
    };
    render(<AssessmentWorkspace assessmentId={assessmentId} kpiId={airPollution.id} />);
    const perPoint = (field: string) => document.querySelectorAll(`[data-point-id] [data-field="${field}"]`).length;
    const shared = await screen.findByRole('region', { name: 'Shared by the 5 data points' });
    for (const [field, label] of [['source', 'Source description'], ['dataYear', 'Data year'], ['quality', 'Data quality'], ['origin', 'Origin of the data'], ['department', 'Responsible department']]) {
      expect(within(shared).getAllByLabelText(label!).filter((input) => input.getAttribute('type') !== 'checkbox'), label).toHaveLength(1);
      expect(perPoint(field!), field).toBe(0);
    }
    expect(perPoint('note')).toBe(airPollution.dataPoints.length);
    const source = within(shared).getByRole('textbox', { name: 'Source description' });
    fireEvent.focus(source);
    fireEvent.change(source, { target: { value: 'Air monitoring network 2025' } });
    fireEvent.blur(source);
    await waitFor(async () => expect(await sources()).toEqual(airPollution.dataPoints.map(() => 'Air monitoring network 2025')));

    // The user lets the source differ: each point asks for its own, the shared section no longer does.
    fireEvent.click(within(within(shared).getByRole('group', { name: 'Different for each data point' })).getByRole('checkbox', { name: 'Source description' }));
    await waitFor(() => expect(perPoint('source')).toBe(airPollution.dataPoints.length));
    expect(within(shared).queryByRole('textbox', { name: 'Source description' })).toBeNull();
    expect(perPoint('dataYear')).toBe(0);
    const ozone = document.querySelector<HTMLElement>('[data-point-id="o3"] [data-field="source"]')!;
    const ozoneSource = within(ozone).getByRole('textbox', { name: 'Source description' });
    fireEvent.focus(ozoneSource);
    fireEvent.change(ozoneSource, { target: { value: 'Regional model' } });
    fireEvent.blur(ozoneSource);
    await waitFor(async () => expect((await sources()).at(-1)).toBe('Regional model'));

    // Opened again, points that already differ keep their own field, and the shared one says they differ once chosen back.
    cleanup();
    render(<AssessmentWorkspace assessmentId={assessmentId} kpiId={airPollution.id} />);
    const again = await screen.findByRole('region', { name: 'Shared by the 5 data points' });
    await waitFor(() => expect(perPoint('source')).toBe(airPollution.dataPoints.length));
    const choice = within(again).getByRole('checkbox', { name: 'Source description' });
    expect((choice as HTMLInputElement).checked).toBe(true);
    fireEvent.click(choice);
    await waitFor(() => expect(perPoint('source')).toBe(0));
    expect(within(again).getByRole('textbox', { name: 'Source description' })).toBeTruthy();
    expect(within(again).getByText('Differs between data points')).toBeTruthy();
  }, 30_000);

  it('opens an assessment on its overview with the City Snapshot in brief: scores by area, what is reported, verification', async () => {
    const assessmentId = await verifiedWorkshop();
    render(<AssessmentWorkspace assessmentId={assessmentId} />);
    const summary = await screen.findByRole('region', { name: 'City Snapshot in brief' });
    expect(screen.getByRole('heading', { name: 'Next KPIs for Amina' })).toBeTruthy();
    expect(within(summary).getByText('Self-assessment, not verified.')).toBeTruthy();
    const completeness = within(summary).getByRole('table', { name: 'KPIs reported, partially reported and not reported, by dimension' });
    expect(within(completeness).getAllByRole('row').length).toBeGreaterThan(3);
    await within(summary).findByRole('table', { name: 'Scores by dimension, sub-dimension and category' });
    expect(within(summary).getByRole('link', { name: 'Open the full City Snapshot' }).getAttribute('href')).toBe(`#/a/${assessmentId}/snapshot`);
  }, 30_000);
});
