import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CATALOGUE_ID,
  SINGLE_POINT,
  U4SSC_2017,
  U4SSC_2017_UNITS,
  U4SSC_2017_V2,
  U4SSC_2017_V2_CORRECTIONS,
  U4SSC_2017_V2_UNITS,
  directionOf,
  findKpi,
  findPoint,
  getCatalogue,
  kpiIndex,
  kpisInCategory,
  pointsOf,
  unitsOf,
  type KpiDefinition,
} from '../../core/catalogue/index.ts';
import { formatRecordId } from '../../core/revisions/record-id.ts';

const LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt'] as const;

interface ReferenceRow {
  readonly [column: string]: string;
}

/** RFC 4180 rows: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function readReference(): ReferenceRow[] {
  const text = readFileSync(new URL('../fixtures/reference/u4ssc-kpis.csv', import.meta.url), 'utf8');
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('empty reference CSV');
  return rows.map((cells) => Object.fromEntries(header.map((column, index) => [column, cells[index] ?? ''])));
}

function readLocale(language: string): Record<string, unknown> {
  const url = new URL(`../../locales/${language}/catalogue.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

function lookup(doc: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

const reference = readReference();
const kpis = U4SSC_2017.kpis;
const locales = Object.fromEntries(LANGUAGES.map((language) => [language, readLocale(language)]));
const english = locales.en ?? {};

function kpi(id: string): KpiDefinition {
  const found = findKpi(U4SSC_2017, id);
  if (!found) throw new Error(`missing KPI ${id}`);
  return found;
}

function row(code: string): ReferenceRow {
  const found = reference.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`missing reference row ${code}`);
  return found;
}

describe('u4ssc-2017 catalogue against the reference CSV', () => {
  it('has exactly the 91 published codes, in published order, with unique ids and codes', () => {
    expect(reference).toHaveLength(91);
    expect(kpis).toHaveLength(91);
    expect(kpis.map((k) => k.code)).toEqual(reference.map((r) => r.code));
    expect(new Set(kpis.map((k) => k.code)).size).toBe(91);
    expect(new Set(kpis.map((k) => k.id)).size).toBe(91);
  });

  it('derives each id from its code and each dimension and sub-dimension from the code segments', () => {
    for (const k of kpis) {
      const segments = k.code.split(':').map((part) => part.trim());
      expect(k.id).toBe(segments.join('-'));
      expect(k.dimension).toBe(segments[0]);
      expect(k.subdimension).toBe(`${segments[0]}-${segments[1]}`);
    }
  });

  it('names dimensions, sub-dimensions, categories and KPIs in English exactly as the CSV does', () => {
    for (const k of kpis) {
      const r = row(k.code);
      expect(lookup(english, `kpi.${k.id}.name`)).toBe(r.name);
      expect(lookup(english, `dimensions.${k.dimension}`)).toBe(r.dimension);
      expect(lookup(english, `subdimensions.${k.subdimension}`)).toBe(r.subdimension);
      expect(lookup(english, `categories.${k.category}`)).toBe(r.category);
    }
  });

  it('matches the tier of every KPI and the published 55 core / 36 advanced split', () => {
    for (const k of kpis) expect(k.tier).toBe(row(k.code).type?.toLowerCase());
    expect(kpis.filter((k) => k.tier === 'core')).toHaveLength(reference.filter((r) => r.type === 'Core').length);
    expect(kpis.filter((k) => k.tier === 'core')).toHaveLength(55);
    expect(kpis.filter((k) => k.tier === 'advanced')).toHaveLength(36);
    for (const k of kpis) expect(k.code.endsWith(k.tier === 'core' ? 'C' : 'A')).toBe(true);
  });

  it('keeps known type tags (inferred included) and null where the CSV says "not verified"', () => {
    for (const k of kpis) {
      const tag = row(k.code).smart_or_sustainable ?? '';
      if (tag === 'not verified') expect(k.typeTag).toBeNull();
      else expect(k.typeTag).toBe(tag.split(' ')[0]?.toLowerCase());
    }
    expect(kpis.filter((k) => k.typeTag !== null)).toHaveLength(29);
  });

  it('links every SDG the CSV names and no others', () => {
    for (const k of kpis) {
      const published = row(k.code).sdg ?? '';
      for (const sdg of k.sdgs) {
        expect(sdg).toMatch(/^\d{1,2}\.[0-9a-z]+(\.\d+)?$/);
        expect(published).toContain(sdg);
      }
      if (/SDG (target )?\d/.test(published)) expect(k.sdgs.length).toBeGreaterThan(0);
    }
    expect(kpi('EC-ICT-ICT-2C').sdgs).toEqual(['17.6.2', '17.8.1']);
  });

  it('divides household-based KPIs by households and inhabitant-based ones by population', () => {
    for (const k of kpis) {
      const computation = row(k.code).computation ?? '';
      const expected = /divided by all (city )?households/.test(computation)
        ? { scale: 100, denominator: 'households' }
        : /divided by all inhabitants/.test(computation)
          ? { scale: 100, denominator: 'population' }
          : /divided by \(city population \/ 100 000\)/.test(computation)
            ? { scale: 100_000, denominator: 'population' }
            : null;
      if (expected) expect(k.computation, k.id).toEqual({ kind: 'ratio', ...expected });
    }
    expect(kpis.filter((k) => k.computation.kind === 'ratio' && k.computation.denominator === 'households')).toHaveLength(9);
  });
});

describe('u4ssc-2017 structure', () => {
  it('has 3 dimensions and 7 sub-dimensions in published order', () => {
    expect(U4SSC_2017.dimensions).toEqual(['EC', 'EN', 'SC']);
    expect(U4SSC_2017.subdimensions.map((s) => s.id)).toEqual(['EC-ICT', 'EC-P', 'EC-I', 'EN-EN', 'EN-E', 'SC-EH', 'SC-SH']);
    for (const sub of U4SSC_2017.subdimensions) expect(sub.id.startsWith(`${sub.dimension}-`)).toBe(true);
  });

  it('has the 22 U4SSC categories, as 27 category ids once split by sub-dimension', () => {
    const categoryIds = U4SSC_2017.categories.map((c) => c.id);
    expect(new Set(categoryIds).size).toBe(27);
    const englishNames = new Set(categoryIds.map((id) => lookup(english, `categories.${id}`)));
    expect(englishNames.size).toBe(22);
    expect(new Set(reference.map((r) => r.category)).size).toBe(22);
  });

  it('places every KPI in a category of its own sub-dimension, and leaves no category empty', () => {
    for (const k of kpis) {
      const category = U4SSC_2017.categories.find((c) => c.id === k.category);
      expect(category?.subdimension, k.id).toBe(k.subdimension);
    }
    const counted = U4SSC_2017.categories.map((c) => kpisInCategory(U4SSC_2017, c.id).length);
    expect(counted.every((count) => count > 0)).toBe(true);
    expect(counted.reduce((sum, count) => sum + count, 0)).toBe(91);
  });

  it('files Electronic Health Records under Health although its code says ED', () => {
    expect(kpi('SC-EH-ED-5A').category).toBe('SC-EH-H');
    expect(kpisInCategory(U4SSC_2017, 'SC-EH-H')).toHaveLength(6);
    expect(kpisInCategory(U4SSC_2017, 'SC-EH-ED')).toHaveLength(4);
  });

  it('declares exactly the units it uses', () => {
    expect([...unitsOf(U4SSC_2017)].sort()).toEqual([...U4SSC_2017_UNITS].sort());
  });
});

describe('data points', () => {
  const expectedPoints: Record<string, string[]> = {
    'EN-EN-AQ-1C': ['pm10', 'pm25', 'no2', 'so2', 'o3'],
    'EC-I-T-4A': ['privateVehicle', 'publicTransport', 'walking', 'cycling', 'paraTransport'],
    'EN-EN-WS-4C': ['primary', 'secondary', 'tertiary'],
    'EN-EN-WA-1C': ['landfill', 'burnt', 'incinerated', 'openDump', 'recycled', 'other'],
    'EC-ICT-ICT-4C': ['3g', '4g'],
    'EC-ICT-PS-1A': ['publishedCount', 'publishedShare'],
    'EC-I-UP-2A': ['compact', 'connected', 'integrated', 'inclusive', 'resilient'],
  };

  it('gives the multi-point KPIs their points and every other KPI none', () => {
    for (const k of kpis) {
      expect(k.dataPoints.map((p) => p.id), k.id).toEqual(expectedPoints[k.id] ?? []);
    }
  });

  it('answers Urban Development and Spatial Planning yes / no / partial per principle', () => {
    for (const point of kpi('EC-I-UP-2A').dataPoints) {
      expect(point.computation).toEqual({ kind: 'choice', options: ['yes', 'no', 'partial'] });
    }
  });

  it('counts open datasets and computes their share', () => {
    expect(findPoint(kpi('EC-ICT-PS-1A'), 'publishedCount')?.computation).toEqual({ kind: 'direct' });
    expect(findPoint(kpi('EC-ICT-PS-1A'), 'publishedShare')?.unit).toBe('percent');
  });

  it('gives single-value KPIs one SINGLE_POINT carrying their unit, computation and ranges', () => {
    const access = kpi('EC-I-ES-3C');
    const points = pointsOf(access);
    expect(points).toHaveLength(1);
    expect(points[0]).toEqual({
      id: SINGLE_POINT,
      unit: 'percent',
      computation: { kind: 'ratio', scale: 100, denominator: 'households' },
      hardRange: { min: 0, max: 100 },
      plausibleRange: { min: 90 },
    });
    expect(pointsOf(access)[0]).toBe(points[0]);
    expect(pointsOf(kpi('EN-EN-AQ-1C')).map((p) => p.id)).toHaveLength(5);
  });

  it('uses point ids that are valid record id parts', () => {
    for (const k of kpis) {
      for (const point of pointsOf(k)) {
        expect(() => formatRecordId({ kind: 'kpiValue', assessmentId: 'a', kpiId: k.id, pointId: point.id })).not.toThrow();
      }
    }
  });
});

describe('ranges', () => {
  const allPoints = kpis.flatMap((k) => pointsOf(k).map((point) => ({ kpi: k, point })));

  it('keeps every range ordered and every plausible range inside its hard range', () => {
    for (const { kpi: k, point } of allPoints) {
      for (const range of [point.hardRange, point.plausibleRange]) {
        if (range?.min !== undefined && range.max !== undefined) expect(range.min, k.id).toBeLessThan(range.max);
      }
      const hard = point.hardRange;
      const plausible = point.plausibleRange;
      if (hard?.min !== undefined && plausible?.min !== undefined) expect(plausible.min).toBeGreaterThanOrEqual(hard.min);
      if (hard?.max !== undefined && plausible?.max !== undefined) expect(plausible.max).toBeLessThanOrEqual(hard.max);
    }
  });

  it('bounds percentages to 0–100 except School Enrolment, which can exceed 100', () => {
    for (const { kpi: k, point } of allPoints) {
      if (point.unit !== 'percent') continue;
      if (k.id === 'SC-EH-ED-2C') expect(point.hardRange).toEqual({ min: 0 });
      else expect(point.hardRange, `${k.id}/${point.id}`).toEqual({ min: 0, max: 100 });
    }
  });

  it('never lets a numeric value be negative', () => {
    for (const { kpi: k, point } of allPoints) {
      if (point.computation.kind !== 'choice') expect(point.hardRange?.min, k.id).toBe(0);
    }
  });

  it('warns outside the Verification Manual ranges', () => {
    expect(kpi('EC-I-ES-3C').plausibleRange).toEqual({ min: 90 });
    expect(kpi('EC-I-WS-5C').plausibleRange).toEqual({ min: 90 });
    expect(kpi('EC-P-IN-3A').plausibleRange).toEqual({ min: 95 });
    expect(kpi('EC-P-IN-1C').plausibleRange).toEqual({ max: 5 });
    expect(kpis.filter((k) => k.plausibleRange)).toHaveLength(4);
  });
});

describe('lookups', () => {
  it('finds the catalogue and its KPIs by id', () => {
    expect(getCatalogue('u4ssc-2017')).toBe(U4SSC_2017);
    expect(getCatalogue('u4ssc-2099')).toBeUndefined();
    expect(findKpi(U4SSC_2017, 'EC-ICT-ICT-1C')?.code).toBe('EC: ICT: ICT: 1C');
    expect(findKpi(U4SSC_2017, 'EC: ICT: ICT: 1C')).toBeUndefined();
    expect(kpiIndex(U4SSC_2017).size).toBe(91);
    expect(kpiIndex(U4SSC_2017)).toBe(kpiIndex(U4SSC_2017));
  });
});

describe('catalogue translations', () => {
  const keys = [
    ...U4SSC_2017.dimensions.map((id) => `dimensions.${id}`),
    ...U4SSC_2017.subdimensions.map((s) => `subdimensions.${s.id}`),
    ...U4SSC_2017.categories.map((c) => `categories.${c.id}`),
    ...unitsOf(U4SSC_2017).map((unit) => `units.${unit}`),
    ...kpis.map((k) => `kpi.${k.id}.name`),
    ...kpis.flatMap((k) => k.dataPoints.map((p) => `points.${k.id}.${p.id}`)),
    ...['smart', 'sustainable', 'structural', 'unverified'].map((tag) => `typeTags.${tag}`),
    ...['core', 'advanced'].map((tier) => `tiers.${tier}`),
    ...['yes', 'no', 'partial'].map((choice) => `choices.${choice}`),
    ...['high', 'medium', 'low'].map((level) => `confidence.${level}`),
  ];

  it.each(LANGUAGES)('names everything in %s', (language) => {
    const doc = locales[language] ?? {};
    for (const key of keys) {
      const value = lookup(doc, key);
      expect(typeof value === 'string' && value.trim().length > 0, `${language}: ${key}`).toBe(true);
    }
  });

  it.each(LANGUAGES)('has no KPI or point names in %s that the catalogue lacks', (language) => {
    const doc = locales[language] ?? {};
    expect(Object.keys(doc.kpi as object).sort()).toEqual(kpis.map((k) => k.id).sort());
    expect(Object.keys(doc.points as object).sort()).toEqual(kpis.filter((k) => k.dataPoints.length > 0).map((k) => k.id).sort());
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))('translates KPI names into %s', (language) => {
    const doc = locales[language] ?? {};
    const copied = kpis.filter((k) => lookup(doc, `kpi.${k.id}.name`) === lookup(english, `kpi.${k.id}.name`));
    expect(copied.map((k) => k.id)).toEqual([]);
  });

  it('writes Arabic names in Arabic script and Chinese names in Han characters', () => {
    for (const k of kpis) {
      expect(lookup(locales.ar ?? {}, `kpi.${k.id}.name`)).toMatch(/\p{Script=Arabic}/u);
      expect(lookup(locales.zh ?? {}, `kpi.${k.id}.name`)).toMatch(/\p{Script=Han}/u);
      expect(lookup(locales.ru ?? {}, `kpi.${k.id}.name`)).toMatch(/\p{Script=Cyrillic}/u);
    }
  });
});

describe('directions', () => {
  it('gives every KPI and data point a direction, lower-better where the official pages say so', () => {
    for (const k of U4SSC_2017_V2.kpis) {
      for (const point of pointsOf(k)) expect(['higher', 'lower', 'target'], `${k.id}/${point.id}`).toContain(directionOf(k, point));
    }
    for (const id of ['SC-EH-H-2C', 'SC-SH-SA-9C', 'EN-EN-WS-3C', 'EC-I-ES-1C', 'EC-I-ES-2C', 'SC-SH-SI-2C', 'SC-SH-SI-3C', 'EC-I-WS-3C']) {
      expect(kpi(id).direction, id).toBe('lower');
    }
    expect(kpi('SC-SH-SI-1C').direction).toBe('target');
    expect(kpi('EC-ICT-ICT-1C').direction).toBe('higher');
    expect(kpis.filter((k) => k.direction === 'target').map((k) => k.id)).toEqual(['SC-SH-SI-1C']);
  });

  it('lets a data point differ from its KPI where the split says so', () => {
    const mode = kpi('EC-I-T-4A');
    expect(mode.dataPoints.map((p) => directionOf(mode, p))).toEqual(['lower', 'higher', 'higher', 'higher', 'higher']);
    const waste = kpi('EN-EN-WA-1C');
    expect(Object.fromEntries(waste.dataPoints.map((p) => [p.id, directionOf(waste, p)]))).toEqual({
      landfill: 'lower', burnt: 'lower', incinerated: 'lower', openDump: 'lower', recycled: 'higher', other: 'higher',
    });
    expect(kpi('EN-EN-AQ-1C').dataPoints.every((p) => directionOf(kpi('EN-EN-AQ-1C'), p) === 'lower')).toBe(true);
  });

  it.each(LANGUAGES)('names the three directions in %s', (language) => {
    for (const direction of ['higher', 'lower', 'target']) expect(lookup(locales[language] ?? {}, `directions.${direction}`)).toEqual(expect.any(String));
  });
});

describe('u4ssc-2017-v2: the first version with the official corrections', () => {
  const v2 = (id: string) => findKpi(U4SSC_2017_V2, id)!;

  it('is the default for new assessments and keeps the first version resolvable', () => {
    expect(DEFAULT_CATALOGUE_ID).toBe('u4ssc-2017-v2');
    expect(getCatalogue('u4ssc-2017-v2')).toBe(U4SSC_2017_V2);
    expect(getCatalogue('u4ssc-2017')).toBe(U4SSC_2017);
    expect(U4SSC_2017_V2.kpis.map((k) => k.code)).toEqual(kpis.map((k) => k.code));
  });

  it('measures Electricity System Outage Time as CAIDI: minutes per interruption, both entered', () => {
    expect(v2('EC-I-ES-2C').unit).toBe('minutesPerInterruption');
    expect(v2('EC-I-ES-2C').computation).toEqual({ kind: 'ratio', scale: 1, denominator: 'entered' });
    expect(kpi('EC-I-ES-2C').unit).toBe('hoursPerCustomerYear');
  });

  it('fills the eight official type tags the reference table leaves open', () => {
    const tags = Object.fromEntries(
      ['EC-I-ES-1C', 'EC-I-ES-2C', 'EN-EN-AQ-2C', 'EN-EN-WS-3C', 'SC-EH-H-2C', 'SC-EH-H-3C', 'SC-SH-SI-1C', 'SC-SH-FS-1A'].map((id) => [id, v2(id).typeTag]),
    );
    expect(tags).toEqual({
      'EC-I-ES-1C': 'structural',
      'EC-I-ES-2C': 'structural',
      'EN-EN-AQ-2C': 'sustainable',
      'EN-EN-WS-3C': 'sustainable',
      'SC-EH-H-2C': 'structural',
      'SC-EH-H-3C': 'structural',
      'SC-SH-SI-1C': 'structural',
      'SC-SH-FS-1A': 'sustainable',
    });
    expect(U4SSC_2017_V2.kpis.filter((k) => k.typeTag !== null)).toHaveLength(29 + 8);
  });

  it('counts Police and Fire Service in full-time equivalents per 100 000 inhabitants', () => {
    expect(v2('SC-SH-SA-6C').unit).toBe('ftePer100kInhabitants');
    expect(v2('SC-SH-SA-7C').unit).toBe('ftePer100kInhabitants');
  });

  it('declares exactly the units it uses', () => {
    expect([...unitsOf(U4SSC_2017_V2)].sort()).toEqual([...U4SSC_2017_V2_UNITS].sort());
  });

  it('changes nothing but the listed corrections', () => {
    for (const [index, k] of U4SSC_2017_V2.kpis.entries()) {
      const correction = U4SSC_2017_V2_CORRECTIONS.find((c) => c.kpiId === k.id);
      const expected = { ...kpis[index], ...(correction?.typeTag ? { typeTag: correction.typeTag } : {}), ...(correction?.unit ? { unit: correction.unit } : {}) };
      expect(k).toEqual(expected);
    }
  });

  it.each(LANGUAGES)('names its new units and explains the corrected KPIs in %s', (language) => {
    const doc = locales[language] ?? {};
    for (const unit of unitsOf(U4SSC_2017_V2)) expect(lookup(doc, `units.${unit}`), `${language}: ${unit}`).toEqual(expect.any(String));
    const help = JSON.parse(readFileSync(new URL(`../../locales/${language}/kpi-help.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
    const englishHelp = JSON.parse(readFileSync(new URL('../../locales/en/kpi-help.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    for (const key of ['EC-I-ES-2C.definition', 'EC-I-ES-2C.numerator', 'EC-I-ES-2C.denominator', 'SC-SH-SA-6C.numerator', 'SC-SH-SA-7C.numerator']) {
      const text = lookup(help, `kpi.${key}`);
      expect(text, `${language}: ${key}`).toEqual(expect.any(String));
      if (language !== 'en') expect(text, `${language}: ${key}`).not.toBe(lookup(englishHelp, `kpi.${key}`));
    }
    if (language === 'en') {
      expect(lookup(help, 'kpi.EC-I-ES-2C.definition')).toMatch(/minutes \(CAIDI\)/);
      expect(lookup(help, 'kpi.EC-I-ES-2C.denominator')).toMatch(/customer interruptions/);
      expect(lookup(help, 'kpi.SC-SH-SA-6C.numerator')).toMatch(/full-time equivalents/);
    }
  });
});
