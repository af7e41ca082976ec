import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findKpi, findPoint, U4SSC_2017 } from '../../core/catalogue/index.ts';
import type { PointFields } from '../../core/compute/index.ts';
import {
  crossKpiChecks,
  validateCityProfile,
  validatePoint,
  valueKey,
  VALIDATION_CODES,
  validationMessageKey,
  type ValidationIssue,
} from '../../core/validation/index.ts';

const LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt'] as const;
const PLACEHOLDER = /\{\{\s*([^,}\s]+)[^}]*\}\}/g;

function messages(language: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../../locales/${language}/validation.json`, import.meta.url), 'utf8')) as Record<string, string>;
}

const placeholdersOf = (text: string) => new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''));

function pointIssues(kpiId: string, fields: PointFields, pointId = '_'): ValidationIssue<string>[] {
  const kpi = findKpi(U4SSC_2017, kpiId);
  const point = kpi && findPoint(kpi, pointId);
  if (!kpi || !point) throw new Error(`no ${kpiId}:${pointId}`);
  return validatePoint(kpi, point, fields, { population: 250_000, households: 100_000 }, { assessmentYear: 2026 });
}

/** Issues the validators really produce, together covering every code. */
function sampleIssues(): ValidationIssue<string>[] {
  return [
    ...pointIssues('EC-ICT-ICT-1C', { numerator: 'x', directValue: 120, dataYear: 1900, status: 'reported' }),
    ...pointIssues('EC-ICT-ICT-1C', { directValue: -1 }),
    ...pointIssues('EC-ICT-ICT-1C', { numerator: -5, denominator: 200_000 }),
    ...pointIssues('EC-ICT-ICT-1C', { numerator: 500, denominator: 400 }),
    ...pointIssues('EC-ICT-ICT-1C', { status: 'reported' }),
    ...pointIssues('SC-EH-ED-2C', { numerator: 5, denominator: 0 }),
    ...pointIssues('SC-EH-ED-2C', { numerator: 5 }),
    ...validatePoint(findKpi(U4SSC_2017, 'EC-ICT-ICT-1C')!, findPoint(findKpi(U4SSC_2017, 'EC-ICT-ICT-1C')!, '_')!, { numerator: 5 }, { population: null, households: null }),
    ...pointIssues('EC-P-IN-1C', { directValue: 9 }),
    ...pointIssues('EC-I-ES-3C', { directValue: 50 }),
    ...pointIssues('SC-SH-SA-3A', { choice: 'partial' }),
    ...validateCityProfile({ population: 0, households: 1.5, gdp: 'x', currency: 'eur', year: 1 }),
    ...validateCityProfile({ population: 10, households: 20, gdp: 5, currency: '' }),
    ...validateCityProfile({ currency: 'QQQ' }),
    ...crossKpiChecks(new Map([[valueKey('EC-I-WS-2C'), 95], [valueKey('EC-I-WS-1C'), 90]])).map(({ issue }) => issue),
  ];
}

describe('validation messages', () => {
  it.each(LANGUAGES)('%s has a message for every code and nothing else', (language) => {
    expect(Object.keys(messages(language)).sort()).toEqual([...VALIDATION_CODES].sort());
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s uses the same placeholders as English', (language) => {
    const english = messages('en');
    const translated = messages(language);
    for (const code of VALIDATION_CODES) {
      expect([...placeholdersOf(translated[code] ?? '')].sort(), code).toEqual([...placeholdersOf(english[code] ?? '')].sort());
    }
  });

  it('are real translations, not English copies', () => {
    const english = messages('en');
    for (const language of LANGUAGES.filter((lng) => lng !== 'en')) {
      const translated = messages(language);
      for (const code of VALIDATION_CODES) expect(translated[code], `${language} ${code}`).not.toBe(english[code]);
    }
  });

  it('every code is produced by a validator, with params for every placeholder its message uses', () => {
    const english = messages('en');
    const issues = sampleIssues();
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(VALIDATION_CODES));
    for (const issue of issues) {
      const needed = placeholdersOf(english[issue.code] ?? '');
      // The screen names the other KPI in the reader's language from its id (renderer IssueList).
      if (issue.params?.otherKpiId !== undefined) needed.delete('otherName');
      for (const name of needed) expect(issue.params ?? {}, `${issue.code} needs ${name}`).toHaveProperty(name);
    }
  });

  it('names the message key after the code', () => {
    expect(validationMessageKey({ code: 'denominatorMismatch' })).toBe('validation:denominatorMismatch');
  });
});
