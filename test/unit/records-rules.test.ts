import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleError, decodeBundle, encodeBundle } from '../../core/bundle/index.ts';
import { demoBundleInput } from '../../core/bundle/demo-bundle.ts';
import { demoRevisions } from '../../core/demo/index.ts';
import {
  RECORD_FINDING_REASONS,
  RECORD_RULES,
  checkEvidenceParts,
  checkRevision,
  checkRevisions,
  cleanFileName,
  contextOfRevisions,
  fileNameForSaving,
  recordsReadBy,
  type RecordRule,
  type RevisionUnderCheck,
} from '../../core/records/index.ts';
import { edit, evidenceEdit, sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { ERROR_LINE, runCli } from './support/run-cli.ts';

const PERCENT_KPI = 'value:a1:EC-ICT-ICT-1C:_'; // households with Internet access, %, may not pass 100
const ENROLMENT = 'value:a1:SC-EH-ED-2C:_'; // school enrolment, %, may pass 100 (pupils from elsewhere)

const draft = (recordId: string, fields: RevisionUnderCheck['fields']): RevisionUnderCheck => ({ recordId, fields, author: 'tester', deviceId: 'dev-1' });
const reasonsOf = (recordId: string, fields: RevisionUnderCheck['fields']) =>
  checkRevision(draft(recordId, fields)).map((finding) => `${finding.field ?? '-'}:${finding.reason}`);

const EVIDENCE_SHA = 'a'.repeat(64);
const evidenceOf = (entries: readonly Record<string, unknown>[]) => JSON.stringify(entries);
const pdfRef = { name: 'report.pdf', sha256: EVIDENCE_SHA, size: 100, type: 'application/pdf' };

describe('record rules: one revision on its own', () => {
  it('refuses an assessment whose city id cannot be an id, and names record and field', () => {
    const findings = checkRevision(draft('assessment:a1', { cityId: 'bad id!', year: 2025, catalogueId: 'u4ssc-2017' }));
    expect(findings).toEqual([{ recordId: 'assessment:a1', revisionId: null, field: 'cityId', reason: 'notAnId' }]);
  });

  it('refuses a string where a number belongs, on every kind of record', () => {
    expect(reasonsOf(PERCENT_KPI, { numerator: '12' })).toEqual(['numerator:notANumber']);
    expect(reasonsOf('city:c1', { population: '120000' })).toEqual(['population:notANumber']);
    expect(reasonsOf('assessment:a1', { year: '2025' })).toEqual(['year:notAYear']);
  });

  it('tells why a workshop field is refused: too long with its limit, blank name, unknown field, not a choice', () => {
    const longText = 'q'.repeat(10_001);
    expect(checkRevision(draft('question:a1:EC-ICT-ICT-1C:q1', { question: longText }))).toEqual([
      { recordId: 'question:a1:EC-ICT-ICT-1C:q1', revisionId: null, field: 'question', reason: 'textTooLong', params: { max: 10_000 } },
    ]);
    expect(reasonsOf('participant:a1:p1', { name: 'n'.repeat(201) })).toEqual(['name:textTooLong']);
    expect(reasonsOf('participant:a1:p1', { name: '   ' })).toEqual(['name:invalidValue']);
    expect(reasonsOf('participant:a1:p1', { name: 'Amina', role: 'mayor' })).toEqual(['role:notAChoice']);
    expect(reasonsOf('workshop:a1:w1', { title: 'Data week', colour: 'red' })).toEqual(['colour:unknownField']);
    expect(reasonsOf('workshop:a1:w1', { startDate: '2026-13-01' })).toEqual(['startDate:invalidValue']);
    expect(reasonsOf('question:a1:EC-ICT-ICT-1C:q1', { question: 'q'.repeat(10_000), outcome: 'open' })).toEqual([]);
  });

  it('stores figures a person may still correct, for validation to report as errors on every laptop alike', () => {
    expect(reasonsOf(PERCENT_KPI, { numerator: -5 })).toEqual([]);
    expect(reasonsOf(PERCENT_KPI, { numerator: 500, denominator: 100 })).toEqual([]);
    expect(reasonsOf(ENROLMENT, { directValue: 104 })).toEqual([]);
  });

  it('keeps status, quality and origin to their closed lists: HTML is not a status', () => {
    expect(reasonsOf(PERCENT_KPI, { status: '<img src=x onerror=alert(1)>' })).toEqual(['status:notAChoice']);
    expect(reasonsOf(PERCENT_KPI, { quality: 'excellent' })).toEqual(['quality:notAChoice']);
    expect(reasonsOf(PERCENT_KPI, { status: 'reported', quality: 'measured', origin: 'survey' })).toEqual([]);
    expect(reasonsOf('value:a1:EC-I-UP-2A:compact', { choice: 'maybe' })).toEqual(['choice:notAChoice']);
    expect(reasonsOf('value:a1:EC-I-UP-2A:compact', { choice: 'partial' })).toEqual([]);
  });

  it('refuses evidence with a path, a bidi override, a type outside the allow-list or one its name does not stand for', () => {
    expect(reasonsOf(PERCENT_KPI, { evidence: evidenceOf([pdfRef]) })).toEqual([]);
    expect(reasonsOf(PERCENT_KPI, { evidence: evidenceOf([{ ...pdfRef, name: '../../etc/report.pdf' }]) })).toEqual(['evidence:evidenceName']);
    expect(reasonsOf(PERCENT_KPI, { evidence: evidenceOf([{ ...pdfRef, name: 'C:\\Users\\report.pdf' }]) })).toEqual(['evidence:evidenceName']);
    expect(reasonsOf(PERCENT_KPI, { evidence: evidenceOf([{ ...pdfRef, name: 'invoice\u202Efdp.exe' }]) })).toEqual(['evidence:evidenceName']);
    expect(reasonsOf(PERCENT_KPI, { evidence: evidenceOf([{ ...pdfRef, type: 'text/html' }]) })).toEqual(['evidence:evidenceType']);
    expect(reasonsOf(PERCENT_KPI, { evidence: evidenceOf([{ ...pdfRef, name: 'page.html', type: 'text/html' }]) })).toEqual(['evidence:evidenceType']);
    expect(reasonsOf(PERCENT_KPI, { evidence: evidenceOf([{ ...pdfRef, size: 0 }]) })).toEqual(['evidence:evidenceSize']);
    expect(reasonsOf(PERCENT_KPI, { evidence: '[]' })).toEqual(['evidence:evidenceMalformed']);
    // A name with ':' or '?' is a legitimate name: kept as written, replaced only when a copy is saved.
    expect(reasonsOf(PERCENT_KPI, { evidence: evidenceOf([{ ...pdfRef, name: 'Report: 2024?.pdf' }]) })).toEqual([]);
  });

  it('refuses fields a record kind does not have, an empty change, a KPI not in the catalogue and an unknown catalogue', () => {
    expect(reasonsOf('city:c1', { numerator: 1 })).toEqual(['numerator:unknownField']);
    expect(reasonsOf('city:c1', {})).toEqual(['-:noFields']);
    expect(reasonsOf('value:a1:XX-NOPE-1C:_', { directValue: 1 })).toEqual(['-:unknownDataPoint']);
    expect(reasonsOf('assessment:a1', { catalogueId: 'u4ssc-2099' })).toEqual(['catalogueId:unknownCatalogue']);
    expect(reasonsOf('assessment:a1', { deleted: 'yes' })).toEqual(['deleted:notAFlag']);
    expect(reasonsOf('nonsense', { x: 1 })).toEqual(['-:invalidRecordId']);
  });

  it('accepts everything the app itself writes: the demo assessment and generated demo edits', async () => {
    const demo = await demoRevisions();
    expect(checkRevisions(demo, { context: contextOfRevisions(demo) })).toEqual([]);
    for (const seed of [1, 7, 42]) {
      const { revisions: generated } = await demoBundleInput({ seed, revisions: 400 });
      expect(checkRevisions(generated, { context: contextOfRevisions(generated) }), `seed ${seed}`).toEqual([]);
    }
    expect(checkRevisions(await sampleRevisions('dev-1'))).toEqual([]);
  });

  it('lets another rule plug in, with the records it reads loaded first', () => {
    const onlyAssigned: RecordRule = {
      name: 'assigned',
      reads: (_revision, ref) => (ref.kind === 'kpiValue' ? [`assessment:${ref.assessmentId}`] : []),
      check: (revision, _ref, context) =>
        context.stateOf('assessment:a1')?.fields.title?.conflict === false && revision.author !== 'facilitator'
          ? [{ field: null, reason: 'unknownField' }]
          : [],
    };
    const revision = draft(PERCENT_KPI, { numerator: 1 });
    expect(recordsReadBy([revision], [...RECORD_RULES, onlyAssigned])).toEqual(['assessment:a1']);
    expect(checkRevision(revision, { rules: [...RECORD_RULES, onlyAssigned] })).toEqual([]);
  });
});

describe('record rules in the bundle decoder', () => {
  it('refuses a validly signed bundle whole when one revision is invalid, naming record, field and reason', async () => {
    const device = await signerFromSeed(9);
    const good = await sampleRevisions(device.id);
    const bad = await edit(device.id, 'assessment:other', { cityId: 'bad id!', year: 2025, catalogueId: 'u4ssc-2017' }, 9_000);
    const bytes = await encodeBundle({ revisions: [...good, bad], device, encryption: { kind: 'none' } });
    const error = await decodeBundle(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('E_INVALID_RECORD');
    expect((error as BundleError).details).toMatchObject({ recordId: 'assessment:other', field: 'cityId', reason: 'notAnId', count: 1 });
  });

  it('citykpi verify reports the invalid record on one line and exits 1', async () => {
    const device = await signerFromSeed(11);
    const bad = await edit(device.id, 'assessment:other', { cityId: 'bad id!', year: 2025, catalogueId: 'u4ssc-2017' }, 9_000);
    const dir = mkdtempSync(join(tmpdir(), 'citykpi-records-'));
    writeFileSync(join(dir, 'bad.citykpi'), await encodeBundle({ revisions: [bad], device, encryption: { kind: 'none' } }));
    const result = await runCli(dir, ['verify', 'bad.citykpi']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(ERROR_LINE);
    expect(result.stderr).toContain('E_INVALID_RECORD');
    expect(result.stderr).toContain('assessment:other cityId: notAnId');
  });

  it('holds evidence against the bytes: declared size, leading bytes, and no file that no revision names', async () => {
    const device = await signerFromSeed(10);
    const [, , first] = await sampleRevisions(device.id);
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n%%EOF\n');
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const attached = await evidenceEdit(device.id, first!.recordId, [{ name: 'report.pdf', bytes: pdf }], 7_000, [first!.id]);
    expect(checkEvidenceParts([attached], new Map([[JSON.parse(attached.fields.evidence as string)[0].sha256, pdf]]))).toEqual({ findings: [], unreferenced: [] });

    const disguised = await evidenceEdit(device.id, first!.recordId, [{ name: 'report.pdf', bytes: html }], 7_000, [first!.id]);
    const hash = JSON.parse(disguised.fields.evidence as string)[0].sha256 as string;
    expect(checkEvidenceParts([disguised], new Map([[hash, html]])).findings.map((finding) => finding.reason)).toEqual(['evidenceContentMismatch']);

    const understated = await edit(device.id, first!.recordId, { evidence: (disguised.fields.evidence as string).replace(`"size":${html.length}`, '"size":5') }, 7_000);
    expect(checkEvidenceParts([understated], new Map([[hash, html]])).findings.map((finding) => finding.reason)).toEqual(['evidenceSizeMismatch']);
    expect(checkEvidenceParts([first!], new Map([[hash, html]])).unreferenced).toEqual([hash]);

    const smuggled = await encodeBundle({ revisions: [first!], attachments: [html], device, encryption: { kind: 'none' } });
    await expect(decodeBundle(smuggled)).rejects.toMatchObject({ code: 'E_SCHEMA' });
    const lying = await encodeBundle({ revisions: [first!, disguised], attachments: [html], device, encryption: { kind: 'none' } });
    await expect(decodeBundle(lying)).rejects.toMatchObject({ code: 'E_INVALID_RECORD', details: { field: 'evidence', reason: 'evidenceContentMismatch' } });
  });
});

describe('evidence file names', () => {
  it('are cleaned for showing (folders, controls and bidi overrides removed) and made savable without refusing them', () => {
    expect(cleanFileName('C:\\scans\\invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('rapport\u0007 final.pdf')).toBe('rapport final.pdf');
    expect(fileNameForSaving('Report: 2024?.pdf')).toBe('Report_ 2024_.pdf');
    expect(fileNameForSaving('a<b>|c*"d".csv')).toBe('a_b__c__d_.csv');
    expect(fileNameForSaving('CON.txt')).toBe('_CON.txt');
    expect(fileNameForSaving('notes. . .')).toBe('notes');
    expect(fileNameForSaving('..')).toBe('evidence');
  });
});

describe('record rule messages', () => {
  it('every reason has a translated message', () => {
    const english = JSON.parse(readFileSync(new URL('../../locales/en/records.json', import.meta.url), 'utf8')) as { reasons: Record<string, string> };
    expect(Object.keys(english.reasons).sort()).toEqual([...RECORD_FINDING_REASONS].sort());
  });
});
