import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../renderer/src/i18n/index.ts';
import { listValues } from '../../renderer/src/data/queries.ts';
import { listTargetSets } from '../../renderer/src/data/target-sets.ts';
import { ExportButtons } from '../../renderer/src/features/results/ExportButtons.tsx';
import { TableImportScreen } from '../../renderer/src/features/table-import/TableImportScreen.tsx';
import { TargetSetsScreen } from '../../renderer/src/features/targets/TargetSetsScreen.tsx';
import { useFileBridge } from './support/file-bridge.ts';
import { useScreenDatabase } from './support/screen-database.ts';

vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 10_000 });

const database = useScreenDatabase('results-files');
const files = useFileBridge();

const encode = (text: string) => new TextEncoder().encode(text);

async function newAssessment(city = 'Testville', year = 2025) {
  await database.store.setAuthorName('Office analyst');
  return database.store.createAssessment({
    city: { name: city, country: 'Nowhere', population: 100_000, households: 40_000, areaKm2: null, gdp: null, currency: '' },
    year,
  });
}

describe('spreadsheet import', () => {
  const csv = [
    'kpi,data_point,value,year,source,quality,note',
    'EC: ICT: ICT: 1C,,"45,5",2024,Household survey,measured,',
    'SC-EH-H-1C,,abc,2024,,,',
    'XX: NOPE,,12,,,,',
    'EN-EN-AQ-1C,pm25,12,2024,Monitoring network,1,',
  ].join('\n');

  it('previews one translated error per bad row, writes nothing before confirming, then writes the good rows as the importing user', async () => {
    const { assessmentId } = await newAssessment();
    files.toOpen.push({ name: 'values.csv', bytes: encode(csv) });
    await act(() => i18n.changeLanguage('fr'));
    render(<TableImportScreen assessmentId={assessmentId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Choisir un fichier CSV ou XLSX' }));

    await screen.findByText('Ligne 3, colonne value : « abc » n’est pas un nombre.');
    expect(screen.getByText(/Ligne 4, colonne kpi : « XX: NOPE » n’est pas un ICP du catalogue\./)).toBeTruthy();
    const before = await database.db.revisions.count();

    fireEvent.click(screen.getByRole('button', { name: 'Importer 2 valeurs' }));
    await screen.findByText(/Terminé : 2 points de données modifiés\./);
    expect(await database.db.revisions.count()).toBe(before + 2);
    const values = await listValues(database.db, assessmentId);
    const internet = [...values.values()].find((value) => value.kpiId === 'EC-ICT-ICT-1C');
    const settled = (field: string) => {
      const state = internet?.fields[field];
      return state && !state.conflict ? state.current : undefined;
    };
    expect(settled('directValue')?.value).toBe(45.5);
    expect(settled('directValue')?.author).toBe('Office analyst');
    expect(settled('quality')?.value).toBe('measured');
  });

  it('cancelling the preview writes nothing', async () => {
    const { assessmentId } = await newAssessment();
    files.toOpen.push({ name: 'values.csv', bytes: encode(csv) });
    render(<TableImportScreen assessmentId={assessmentId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose a CSV or XLSX file' }));
    await screen.findByText(/2 rows ready to import, 2 rows with problems/);
    const before = await database.db.revisions.count();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await database.db.revisions.count()).toBe(before);
  });

  it('says so when the file is not a spreadsheet', async () => {
    const { assessmentId } = await newAssessment();
    files.toOpen.push({ name: 'values.xlsx', bytes: encode('not a zip') });
    render(<TableImportScreen assessmentId={assessmentId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose a CSV or XLSX file' }));
    await screen.findByText('The file cannot be read as a CSV (UTF-8) or XLSX spreadsheet.');
  });
});

describe('exports', () => {
  it('saves the values as CSV and as an XLSX workbook through the Bridge', async () => {
    const { assessmentId } = await newAssessment('Lakeside');
    await database.store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { directValue: 87.5, source: '=HYPERLINK("x")' });
    render(<ExportButtons assessmentIds={[assessmentId]} fileStem="lakeside-2025" />);
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    await screen.findByText('Saved as lakeside-2025.csv.');
    const rows = Papa.parse<Record<string, string>>(new TextDecoder().decode(files.saved[0]!.bytes), { header: true, skipEmptyLines: true }).data;
    const row = rows.find((one) => one.kpi_id === 'EC-ICT-ICT-1C');
    expect(row?.city).toBe('Lakeside');
    expect(row?.value).toBe('87.5');
    expect(row?.source?.startsWith('=')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'XLSX (U4SSC template)' }));
    await screen.findByText('Saved as lakeside-2025.xlsx.');
    const workbook = files.saved[1]!.bytes;
    expect([...workbook.slice(0, 2)]).toEqual([0x50, 0x4b]);

    fireEvent.click(screen.getByRole('button', { name: 'DHIS2 JSON' }));
    await screen.findByText(/Saved as lakeside-2025-dhis2\.json\./);
    const dhis2 = JSON.parse(new TextDecoder().decode(files.saved[2]!.bytes)) as { dataValues: { value: string }[] };
    expect(dhis2.dataValues.map((value) => value.value)).toContain('87.5');
  });
});

describe('the DHIS2 mapping', () => {
  it('exports to the data elements of a chosen mapping file, refuses a file that is not one, and saves the generated mapping', async () => {
    const { assessmentId, cityId } = await newAssessment('Lakeside');
    await database.store.saveValueFields(assessmentId, 'EC-ICT-ICT-1C', '_', { directValue: 87.5 });
    await database.store.saveValueFields(assessmentId, 'SC-EH-H-1C', '_', { directValue: 3 });
    render(<ExportButtons assessmentIds={[assessmentId]} fileStem="lakeside-2025" />);
    screen.getByText('The DHIS2 export uses data element codes generated from the KPI codes.');

    files.toOpen.push({ name: 'broken.json', bytes: encode('{"dataElements": [{"kpi": "EC-ICT-ICT-1C"}]}') });
    fireEvent.click(screen.getByRole('button', { name: 'Choose a DHIS2 mapping file' }));
    await screen.findByText(/^This file is not a DHIS2 mapping \(problem at dataElements\.0\.dataPoint/);
    files.toOpen.push({ name: 'notes.json', bytes: encode('kpi;element') });
    fireEvent.click(screen.getByRole('button', { name: 'Choose a DHIS2 mapping file' }));
    await screen.findByText('This file is not JSON text, so it cannot be a DHIS2 mapping.');

    const mapping = {
      dataElements: [{ kpi: 'EC-ICT-ICT-1C', dataPoint: '_', dataElement: 'hhInternetPct', categoryOptionCombo: 'HllvX50cXC0' }],
      orgUnits: { [cityId]: 'ImspTQPwCqd' },
    };
    files.toOpen.push({ name: 'ministry.json', bytes: encode(JSON.stringify(mapping)) });
    fireEvent.click(screen.getByRole('button', { name: 'Choose a DHIS2 mapping file' }));
    await screen.findByText('The DHIS2 export uses the mapping file ministry.json (entries: 1).');
    fireEvent.click(screen.getByRole('button', { name: 'DHIS2 JSON' }));
    await screen.findByText(/^Saved as lakeside-2025-dhis2\.json\. 1 values have no DHIS2 data element/);
    const exported = JSON.parse(new TextDecoder().decode(files.saved.at(-1)!.bytes)) as { dataValues: Record<string, string>[] };
    expect(exported.dataValues).toEqual([
      { dataElement: 'hhInternetPct', categoryOptionCombo: 'HllvX50cXC0', orgUnit: 'ImspTQPwCqd', period: expect.stringMatching(/^\d{4}$/), value: '87.5' },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Use the codes generated from the KPI codes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the generated mapping as a starting point' }));
    await waitFor(() => expect(files.saved.at(-1)?.suggestedName).toBe('citykpi-dhis2-mapping.json'));
    const generated = JSON.parse(new TextDecoder().decode(files.saved.at(-1)!.bytes)) as { dataElements: { kpi: string; dataElement: string }[] };
    expect(generated.dataElements.find((entry) => entry.kpi === 'EC-ICT-ICT-1C')?.dataElement).toBe('U4SSC_EC_ICT_ICT_1C');
  });
});

describe('target sets screen', () => {
  it('lists the shipped example labelled as an example, and creates a set from a CSV after a preview', async () => {
    files.toOpen.push({
      name: 'city-plan.csv',
      bytes: encode(['kpi,data_point,target,direction,source', 'EC: ICT: ICT: 1C,,95,higher,Council plan', 'SC-EH-H-1C,,80,sideways,', 'EN-EN-AQ-1C,pm25,10,,WHO'].join('\n')),
    });
    render(<TargetSetsScreen />);
    const list = await screen.findByRole('table', { name: 'Target sets on this laptop' });
    const example = within(list).getByRole('link', { name: 'Explicit SDG targets for 2030' }).closest('tr')!;
    expect(within(example).getByText('Example')).toBeTruthy();
    expect(within(example).queryByRole('button', { name: /Delete/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Choose a CSV file' }));
    await screen.findByText('Row 3, column direction: “sideways” is not a direction (higher, lower or target).');
    expect(await listTargetSets(database.db)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Create the set with 2 targets' }));
    await waitFor(async () => expect((await listTargetSets(database.db)).map((stored) => stored.set.name)).toEqual(['city-plan']));
    const [stored] = await listTargetSets(database.db);
    expect(stored?.set.example).toBe(false);
    expect(stored?.set.targets.map((target) => [target.kpiId, target.target, target.direction])).toEqual([
      ['EC-ICT-ICT-1C', 95, 'higher'],
      ['EN-EN-AQ-1C', 10, 'lower'],
    ]);
  });

  it('exports a set as the CSV the import reads', async () => {
    render(<TargetSetsScreen />);
    const list = await screen.findByRole('table', { name: 'Target sets on this laptop' });
    fireEvent.click(within(list).getByRole('button', { name: /Export CSV/ }));
    await waitFor(() => expect(files.saved).toHaveLength(1));
    const text = new TextDecoder().decode(files.saved[0]!.bytes);
    expect(text.split(/\r?\n/)[0]).toBe('kpi,data_point,target,direction,source,note');
    expect(text).toContain('SDG 3.1');
  });
});
