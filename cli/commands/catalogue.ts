/** `citykpi catalogue`: lists every KPI of the catalogue with its names in one language. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_CATALOGUE_ID, getCatalogue, pointsOf, type Catalogue, type KpiDefinition } from '../../core/catalogue/index.ts';
import { EXIT_OK, UsageError, type Command, type ExitCode, type Io } from '../io.ts';

const LOCALES_DIR = new URL('../../locales/', import.meta.url);
const FALLBACK_LANGUAGE = 'en';
const CATALOGUE = getCatalogue(DEFAULT_CATALOGUE_ID)!;

const USAGE = `citykpi catalogue [--lang <language>] [--json]

Lists every KPI of catalogue ${CATALOGUE.id}: code, dimension, sub-dimension, category, tier, type, unit and name.

Options:
  -l, --lang <language>  language of the names (default: ${FALLBACK_LANGUAGE})
      --json             print a JSON array instead of a table
  -h, --help             show this help`;

/** Languages whose catalogue names ship with this installation. */
export function catalogueLanguages(): readonly string[] {
  return readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/catalogue.json`, LOCALES_DIR)))
    .map((entry) => entry.name)
    .sort();
}

type LocaleTree = { readonly [key: string]: LocaleTree | string };

function readCatalogueLocale(language: string): LocaleTree {
  return JSON.parse(readFileSync(new URL(`${language}/catalogue.json`, LOCALES_DIR), 'utf8')) as LocaleTree;
}

function lookup(tree: LocaleTree, key: string): string | undefined {
  let node: LocaleTree | string | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

/** Resolves `catalogue:` keys like i18next does: the language, then English, then the key itself. */
export function catalogueNames(language: string): (key: string) => string {
  const primary = readCatalogueLocale(language);
  const fallback = language === FALLBACK_LANGUAGE ? primary : readCatalogueLocale(FALLBACK_LANGUAGE);
  return (key) => lookup(primary, key) ?? lookup(fallback, key) ?? key;
}

interface Named {
  readonly id: string;
  readonly name: string;
}

export interface CatalogueEntry {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly dimension: Named;
  readonly subdimension: Named;
  readonly category: Named;
  readonly tier: Named;
  /** `id` is null where the reference does not verify the smart / sustainable / structural tag. */
  readonly type: { readonly id: string | null; readonly name: string };
  readonly unit: Named;
  /** Empty for single-value KPIs. */
  readonly dataPoints: readonly { readonly id: string; readonly name: string; readonly unit: Named }[];
}

export function describeKpi(kpi: KpiDefinition, name: (key: string) => string): CatalogueEntry {
  return {
    id: kpi.id,
    code: kpi.code,
    name: name(`kpi.${kpi.id}.name`),
    dimension: { id: kpi.dimension, name: name(`dimensions.${kpi.dimension}`) },
    subdimension: { id: kpi.subdimension, name: name(`subdimensions.${kpi.subdimension}`) },
    category: { id: kpi.category, name: name(`categories.${kpi.category}`) },
    tier: { id: kpi.tier, name: name(`tiers.${kpi.tier}`) },
    type: { id: kpi.typeTag, name: name(`typeTags.${kpi.typeTag ?? 'unverified'}`) },
    unit: { id: kpi.unit, name: name(`units.${kpi.unit}`) },
    dataPoints: kpi.dataPoints.length === 0
      ? []
      : pointsOf(kpi).map((point) => ({
          id: point.id,
          name: name(`points.${kpi.id}.${point.id}`),
          unit: { id: point.unit, name: name(`units.${point.unit}`) },
        })),
  };
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const WIDE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += WIDE.test(segment) ? 2 : 1;
  return width;
}

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - displayWidth(cell))))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function renderTable(entries: readonly CatalogueEntry[], name: (key: string) => string): string {
  const header = ['code', 'dimension', 'subdimension', 'category', 'tier', 'type', 'unit', 'name'].map((field) => name(`fields.${field}`));
  const rows = entries.map((entry) => [
    entry.code,
    entry.dimension.name,
    entry.subdimension.name,
    entry.category.name,
    entry.tier.name,
    entry.type.name,
    entry.unit.name,
    entry.name,
  ]);
  return formatTable([header, ...rows]);
}

export function listCatalogue(catalogue: Catalogue, language: string): readonly CatalogueEntry[] {
  const name = catalogueNames(language);
  return catalogue.kpis.map((kpi) => describeKpi(kpi, name));
}

function run(args: readonly string[], io: Io): ExitCode {
  const { values } = parseArgs({
    args: [...args],
    options: {
      lang: { type: 'string', short: 'l', default: FALLBACK_LANGUAGE },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const languages = catalogueLanguages();
  if (!languages.includes(values.lang)) {
    throw new UsageError(`unknown language '${values.lang}'; available languages: ${languages.join(', ')}`);
  }
  const entries = listCatalogue(CATALOGUE, values.lang);
  io.out(values.json ? `${JSON.stringify(entries, null, 2)}\n` : `${renderTable(entries, catalogueNames(values.lang))}\n`);
  return EXIT_OK;
}

export const catalogueCommand: Command = { name: 'catalogue', usage: USAGE, run };
