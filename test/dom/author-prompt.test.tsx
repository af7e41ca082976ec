import { describe, expect, it, vi } from 'vitest';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AssessmentWorkspace } from '../../renderer/src/features/entry/AssessmentWorkspace.tsx';
import { i18n } from '../../renderer/src/i18n/index.ts';
import { valueRecordId } from '../../renderer/src/data/index.ts';
import { recordHistory } from '../../renderer/src/data/queries.ts';
import { useScreenDatabase } from './support/screen-database.ts';

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 10_000 });

const database = useScreenDatabase('author-prompt');

async function newAssessment(): Promise<string> {
  const { assessmentId } = await database.store.createAssessment({
    city: { name: 'Testville', country: 'Nowhere', population: 100_000, households: 40_000, areaKm2: null, gdp: null, currency: 'EUR' },
    year: 2025,
  });
  return assessmentId;
}

describe('who is typing', () => {
  it('asks once for a name, then stamps it on every change and shows it in the history', async () => {
    const assessmentId = await newAssessment();
    render(<AssessmentWorkspace assessmentId={assessmentId} kpiId="EC-ICT-ICT-1C" />);
    const prompt = await screen.findByRole('region', { name: 'Who is typing on this laptop?' });
    fireEvent.click(within(prompt).getByRole('button', { name: 'Save my name' }));
    await waitFor(() => expect(within(prompt).getByText('Type your name, for example Amina Diallo.')).toBeTruthy());

    fireEvent.change(within(prompt).getByLabelText('Your name'), { target: { value: '  Amina Diallo ' } });
    fireEvent.click(within(prompt).getByRole('button', { name: 'Save my name' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Who is typing on this laptop?' })).toBeNull());
    expect(await database.store.getAuthorName()).toBe('Amina Diallo');

    await database.store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { numerator: 100 });
    const [revision] = await recordHistory(database.db, valueRecordId(assessmentId, 'EC-ICT-ICT-1C', '_'));
    expect(revision?.author).toBe('Amina Diallo');
    fireEvent.click(screen.getByRole('button', { name: 'Show the history of this KPI' }));
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('Amina Diallo');
  });

  it('does not ask again once the laptop has a name', async () => {
    await database.store.setAuthorName('Bruno');
    const assessmentId = await newAssessment();
    render(<AssessmentWorkspace assessmentId={assessmentId} />);
    await screen.findByRole('region', { name: 'KPI data entry' });
    expect(screen.queryByRole('region', { name: 'Who is typing on this laptop?' })).toBeNull();
  });

  it('asks in Arabic', async () => {
    await act(() => i18n.changeLanguage('ar'));
    const assessmentId = await newAssessment();
    render(<AssessmentWorkspace assessmentId={assessmentId} />);
    const prompt = await screen.findByRole('region', { name: 'من يكتب على هذا الحاسوب؟' });
    expect(within(prompt).getByLabelText('اسمك')).toBeTruthy();
  });
});
