import { describe, expect, it } from 'vitest';
import { findKpi, findPoint, getCatalogue, type DataPointDefinition } from '../../core/catalogue/index.ts';
import { DEMO_ASSESSMENT_ID, DEMO_CITY_ID, DEMO_ORIGIN, demoDataset, demoRevisions, type DemoValue } from '../../core/demo/index.ts';
import { currentValue, deriveRecords } from '../../core/revisions/derive.ts';
import { DATA_ORIGINS, QUALITY_LEVELS, VALUE_FIELDS, VALUE_STATUSES } from '../../core/revisions/fields.ts';
import { parseRecordId } from '../../core/revisions/record-id.ts';
import { createRevision, verifyRevisionId } from '../../core/revisions/revision-id.ts';
import { nextHlc, parseHlc } from '../../core/revisions/hlc.ts';
import { DEFAULT_LIMITS } from '../../core/bundle/limits.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { demoBundleInput } from '../../core/bundle/demo-bundle.ts';
import { SAMPLE_WORKSHOP } from '../../core/demo/sample-workshop.ts';
import { checkWorkshopRevisions } from '../../core/workshop/rules.ts';
import { deriveWorkshopState } from '../../core/workshop/state.ts';

const dataset = demoDataset();
const catalogue = getCatalogue(dataset.catalogueId)!;

function pointOf(value: DemoValue): DataPointDefinition | undefined {
  const kpi = findKpi(catalogue, value.kpiId);
  return kpi && findPoint(kpi, value.pointId);
}

/** The value a KPI data point computes to, with the city profile supplying shared denominators. */
function computed(value: DemoValue, point: DataPointDefinition): number | null {
  const { numerator, denominator, directValue } = value.fields;
  if (typeof directValue === 'number') return directValue;
  if (point.computation.kind !== 'ratio' || typeof numerator !== 'number') return null;
  const source = point.computation.denominator;
  const divisor = source === 'entered' ? denominator : dataset.city[source];
  if (typeof divisor !== 'number') return null;
  return (numerator / divisor) * point.computation.scale;
}

describe('demo dataset', () => {
  it('is clearly fictional and complete as a city profile', () => {
    expect(dataset.title).toMatch(/demo/i);
    expect(dataset.title).toMatch(/fictional/i);
    const { population, households, areaKm2, gdp, currency } = dataset.city;
    for (const figure of [population, households, areaKm2, gdp]) expect(figure).toBeGreaterThan(0);
    expect(population / households).toBeGreaterThan(1.5);
    expect(population / households).toBeLessThan(6);
    expect(currency).toMatch(/^[A-Z]{3}$/);
  });

  it('uses only KPI and data-point ids of its catalogue, each once', () => {
    const seen = new Set<string>();
    for (const value of dataset.values) {
      expect(pointOf(value), `${value.kpiId}/${value.pointId}`).toBeDefined();
      const key = `${value.kpiId}/${value.pointId}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('covers about forty KPIs, including multi-point KPIs and a choice KPI', () => {
    const kpis = new Set(dataset.values.map((value) => value.kpiId));
    expect(kpis.size).toBeGreaterThanOrEqual(38);
    expect(kpis.size).toBeLessThan(catalogue.kpis.length);
    for (const multi of ['EN-EN-AQ-1C', 'EC-I-T-4A']) {
      const kpi = findKpi(catalogue, multi)!;
      const points = new Set(dataset.values.filter((value) => value.kpiId === multi).map((value) => value.pointId));
      expect(points).toEqual(new Set(kpi.dataPoints.map((point) => point.id)));
    }
    expect(dataset.values.some((value) => pointOf(value)?.computation.kind === 'choice')).toBe(true);
  });

  it('has only known fields and valid provenance on every value', () => {
    for (const value of dataset.values) {
      const label = `${value.kpiId}/${value.pointId}`;
      for (const field of Object.keys(value.fields)) expect(VALUE_FIELDS, `${label} ${field}`).toContain(field);
      expect(VALUE_STATUSES).toContain(value.fields.status);
      expect(QUALITY_LEVELS).toContain(value.fields.quality);
      expect(DATA_ORIGINS).toContain(value.fields.origin);
      expect(typeof value.fields.source === 'string' && value.fields.source.length > 0, label).toBe(true);
      expect(typeof value.fields.department === 'string' && value.fields.department.length > 0, label).toBe(true);
      expect(value.fields.dataYear).toBeGreaterThanOrEqual(2020);
      expect(value.fields.dataYear).toBeLessThanOrEqual(dataset.year);
    }
  });

  it('gives every reported value a result inside its hard and plausible ranges', () => {
    for (const value of dataset.values) {
      const point = pointOf(value)!;
      const label = `${value.kpiId}/${value.pointId}`;
      if (value.fields.status === 'notReported') continue;
      if (point.computation.kind === 'choice') {
        expect(point.computation.options, label).toContain(value.fields.choice);
        continue;
      }
      const result = computed(value, point);
      expect(result, label).not.toBeNull();
      if (point.hardRange?.min !== undefined) expect(result!, label).toBeGreaterThanOrEqual(point.hardRange.min);
      if (point.hardRange?.max !== undefined) expect(result!, label).toBeLessThanOrEqual(point.hardRange.max);
      if (point.plausibleRange?.min !== undefined) expect(result!, label).toBeGreaterThanOrEqual(point.plausibleRange.min);
      if (point.plausibleRange?.max !== undefined) expect(result!, label).toBeLessThanOrEqual(point.plausibleRange.max);
    }
  });

  it('keeps shares that must add up consistent', () => {
    const sum = (kpiId: string) =>
      dataset.values.filter((value) => value.kpiId === kpiId).reduce((total, value) => total + computed(value, pointOf(value)!)!, 0);
    expect(sum('EC-I-T-4A')).toBeCloseTo(100, 6);
    expect(sum('EN-EN-WA-1C')).toBeCloseTo(100, 6);
  });

  it('respects the cross-KPI orderings (fixed broadband ≤ internet access, potable ≤ basic water)', () => {
    const result = (kpiId: string) => {
      const value = dataset.values.find((candidate) => candidate.kpiId === kpiId)!;
      return computed(value, pointOf(value)!)!;
    };
    expect(result('EC-ICT-ICT-2C')).toBeLessThanOrEqual(result('EC-ICT-ICT-1C'));
    expect(result('EC-I-WS-2C')).toBeLessThanOrEqual(result('EC-I-WS-1C'));
  });
});

describe('demoRevisions', () => {
  it('is identical on every call with the default origin, so every laptop has the same demo', async () => {
    const first = await demoRevisions();
    const second = await demoRevisions(DEMO_ORIGIN);
    expect(second).toEqual(first);
    // City, assessment, the values, then the sample workshop: the workshop, 6 people, 91 KPI assignments and one
    // data point's own, 3 submissions, 1 return, 4 acceptances, 3 verdicts and 2 questions.
    expect(first).toHaveLength(dataset.values.length + 2 + (1 + 6 + 91 + 1 + 3 + 1 + 4 + 3 + 2));
    for (const revision of first) expect(await verifyRevisionId(revision)).toBe(true);
  });

  it('is another device copy when the device differs', async () => {
    const other = await demoRevisions({ ...DEMO_ORIGIN, deviceId: 'laptop-7' });
    const base = await demoRevisions();
    expect(other.map((revision) => revision.id)).not.toEqual(base.map((revision) => revision.id));
    expect(other.every((revision) => revision.deviceId === 'laptop-7')).toBe(true);
  });

  it('stamps strictly increasing clocks and uses well-formed record ids of the fixed demo ids', async () => {
    const revisions = await demoRevisions();
    for (let index = 1; index < revisions.length; index += 1) expect(revisions[index]!.hlc > revisions[index - 1]!.hlc).toBe(true);
    for (const revision of revisions) expect(parseRecordId(revision.recordId)).not.toBeNull();
    expect(revisions[0]!.recordId).toBe(`city:${DEMO_CITY_ID}`);
    expect(revisions[1]!.recordId).toBe(`assessment:${DEMO_ASSESSMENT_ID}`);
  });

  it('derives back to exactly the dataset', async () => {
    const states = new Map(deriveRecords(await demoRevisions()).map((state) => [state.recordId, state]));
    const assessment = states.get(`assessment:${DEMO_ASSESSMENT_ID}`);
    expect(currentValue(assessment, 'demo')).toBe(true);
    expect(currentValue(assessment, 'cityId')).toBe(DEMO_CITY_ID);
    expect(currentValue(states.get(`city:${DEMO_CITY_ID}`), 'population')).toBe(dataset.city.population);
    for (const value of dataset.values) {
      const state = states.get(`value:${DEMO_ASSESSMENT_ID}:${value.kpiId}:${value.pointId}`);
      for (const [field, fieldValue] of Object.entries(value.fields)) expect(currentValue(state, field)).toBe(fieldValue);
    }
  });
});

describe('the demo’s sample workshop', () => {
  it('is part of the demo, under way: people with departments and roles, assignments, submitted, returned and verified KPIs, a question log', async () => {
    const demo = await demoRevisions();
    const state = deriveWorkshopState(DEMO_ASSESSMENT_ID, demo);
    expect(state.workshops.map((workshop) => workshop.title)).toEqual([SAMPLE_WORKSHOP.title]);
    expect(state.participants.map((person) => [person.name, person.department, person.role])).toEqual(
      expect.arrayContaining([['Grace Achieng', 'Planning Office', 'facilitator'], ['Tomás Ribeiro', '', 'verifier'], ['Nadia Haddad', 'ICT and Statistics', 'participant']]),
    );
    expect(state.assignments.size).toBe(catalogue.kpis.length);
    expect(state.pointAssignments.get('EN-EN-AQ-1C/no2')).toEqual({ department: 'Economy and Transport', participantId: null });
    const submissions = (value: string) => [...state.reviews].filter(([, review]) => review.submission === value).map(([kpiId]) => kpiId).sort();
    expect(submissions('submitted')).toEqual([...SAMPLE_WORKSHOP.submitted].sort());
    expect(submissions('returned')).toEqual(['EC-I-WA-1C']);
    expect(state.reviews.get('EC-I-WA-1C')?.returnReason).toMatch(/year/);
    expect([...state.reviews].filter(([, review]) => review.verified === 'yes').map(([kpiId]) => kpiId).sort()).toEqual([...SAMPLE_WORKSHOP.verified].sort());
    expect(state.questions.map((question) => question.outcome)).toEqual(['resolved', 'open']);
    // Every KPI with a review has a demo value: nothing is submitted empty.
    for (const kpiId of state.reviews.keys()) expect(dataset.values.some((value) => value.kpiId === kpiId), kpiId).toBe(true);
  });

  it('obeys the workshop rule it brings, and its verdicts lock the values they were given on', async () => {
    const demo = await demoRevisions();
    expect(checkWorkshopRevisions(demo, [])).toEqual([]);
    const verified = demo.find((revision) => revision.recordId === `value:${DEMO_ASSESSMENT_ID}:SC-EH-H-2C:_`)!;
    const open = demo.find((revision) => revision.recordId === `value:${DEMO_ASSESSMENT_ID}:SC-EH-H-1C:_`)!;
    const edit = (parent: Revision, author: string) =>
      createRevision({ recordId: parent.recordId, fields: { numerator: 5 }, author, deviceId: 'laptop-1', hlc: nextHlc(null, Date.UTC(2025, 2, 11), 'laptop-1'), parents: [parent.id] });
    expect(checkWorkshopRevisions([await edit(verified, 'Grace Achieng')], demo).map((violation) => violation.code)).toEqual(['locked']);
    expect(checkWorkshopRevisions([await edit(open, 'Amara Diallo')], demo)).toEqual([]);
    expect(checkWorkshopRevisions([await edit(open, 'Someone else')], demo).map((violation) => violation.code)).toEqual(['notAMember']);
  });

  it('takes every demo laptop’s edits as data from before the workshop opened, and they leave verified values alone', async () => {
    const opened = deriveWorkshopState(DEMO_ASSESSMENT_ID, await demoRevisions()).workshops[0]!.openedHlc;
    for (const seed of [1, 2, 7, 2 ** 32 - 1]) {
      const { revisions } = await demoBundleInput({ seed, revisions: 300 });
      expect(checkWorkshopRevisions(revisions, []), `seed ${seed}`).toEqual([]);
      const edits = revisions.filter((revision) => revision.deviceId !== DEMO_ORIGIN.deviceId);
      expect(edits.some((revision) => SAMPLE_WORKSHOP.verified.some((kpiId) => revision.recordId.includes(`:${kpiId}:`)))).toBe(false);
      // The largest bundle a laptop may make still ends before the workshop opened.
      const last = parseHlc(edits.at(-1)!.hlc)!;
      const latest = last.wallMs + (DEFAULT_LIMITS.maxRevisions - revisions.length) * 1_000;
      expect(latest).toBeLessThan(parseHlc(opened)!.wallMs);
    }
  });
});
