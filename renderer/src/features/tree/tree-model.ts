/** The navigation tree as plain data: grouping, search, filters and completion counts, free of React. */
import type { Catalogue, DimensionId, KpiDefinition, KpiTier, SubdimensionId } from '../../../../core/catalogue/types.ts';
import type { EntryStatus, KpiStatus } from '../../../../core/status/index.ts';

export interface TreeFilter {
  readonly query: string;
  readonly status: EntryStatus | null;
  readonly tier: KpiTier | null;
  readonly department: string | null;
  /** Only KPIs with an error or a warning to look at. */
  readonly issuesOnly: boolean;
  readonly conflictsOnly: boolean;
}

export const NO_FILTER: TreeFilter = { query: '', status: null, tier: null, department: null, issuesOnly: false, conflictsOnly: false };

/** How many KPIs of a group are reported, out of how many. */
export interface Completion {
  readonly reported: number;
  readonly total: number;
}

export interface KpiNode {
  readonly kpi: KpiDefinition;
  readonly name: string;
  readonly status: KpiStatus;
  readonly departments: readonly string[];
}

export interface CategoryNode extends Completion {
  readonly id: string;
  readonly name: string;
  readonly kpis: readonly KpiNode[];
}

export interface SubdimensionNode extends Completion {
  readonly id: SubdimensionId;
  readonly name: string;
  readonly categories: readonly CategoryNode[];
}

export interface DimensionNode extends Completion {
  readonly id: DimensionId;
  readonly name: string;
  readonly subdimensions: readonly SubdimensionNode[];
}

export interface TreeNames {
  readonly dimension: (id: DimensionId) => string;
  readonly subdimension: (id: SubdimensionId) => string;
  readonly category: (id: string) => string;
  readonly kpi: (id: string) => string;
}

/** Case, accents and width do not matter when searching: `energie` finds `Énergie`, `ＩＣＴ` finds `ICT`. */
export function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** Codes match whatever separators are typed: `ict 1c`, `ICT:1C` and `EC-ICT-ICT-1C` all find `EC: ICT: ICT: 1C`. */
function codeKey(text: string): string {
  return searchKey(text).replace(/[^\p{L}\p{N}]/gu, '');
}

function matchesQuery(kpi: KpiDefinition, name: string, query: string): boolean {
  const wanted = searchKey(query.trim());
  if (wanted === '') return true;
  if (searchKey(name).includes(wanted)) return true;
  const code = codeKey(query);
  return code !== '' && codeKey(kpi.code).includes(code);
}

export function isFiltering(filter: TreeFilter): boolean {
  return (
    filter.query.trim() !== '' ||
    filter.status !== null ||
    filter.tier !== null ||
    filter.department !== null ||
    filter.issuesOnly ||
    filter.conflictsOnly
  );
}

function matches(node: KpiNode, filter: TreeFilter): boolean {
  if (filter.status !== null && node.status.status !== filter.status) return false;
  if (filter.tier !== null && node.kpi.tier !== filter.tier) return false;
  if (filter.department !== null && !node.departments.includes(filter.department)) return false;
  if (filter.issuesOnly && node.status.errors + node.status.warnings === 0) return false;
  if (filter.conflictsOnly && node.status.conflicts === 0) return false;
  return matchesQuery(node.kpi, node.name, filter.query);
}

function sum(nodes: readonly Completion[]): Completion {
  return nodes.reduce((acc, node) => ({ reported: acc.reported + node.reported, total: acc.total + node.total }), {
    reported: 0,
    total: 0,
  });
}

/**
 * Groups only hold the KPIs that pass the filter and empty groups are dropped, but a group's completion
 * always counts all of its KPIs: filtering changes what is listed, not how complete the city is.
 */
export function buildTree(
  catalogue: Catalogue,
  names: TreeNames,
  statusOf: (kpi: KpiDefinition) => KpiStatus,
  departmentsOf: (kpi: KpiDefinition) => readonly string[],
  filter: TreeFilter,
): DimensionNode[] {
  const all = catalogue.kpis.map((kpi): KpiNode => ({ kpi, name: names.kpi(kpi.id), status: statusOf(kpi), departments: departmentsOf(kpi) }));
  const completionOf = (nodes: readonly KpiNode[]): Completion =>
    sum(nodes.map((node) => ({ reported: node.status.status === 'reported' ? 1 : 0, total: 1 })));

  return catalogue.dimensions.flatMap((dimensionId): DimensionNode[] => {
    const inDimension = all.filter((node) => node.kpi.dimension === dimensionId);
    const subdimensions = catalogue.subdimensions
      .filter((sub) => sub.dimension === dimensionId)
      .flatMap((sub): SubdimensionNode[] => {
        const inSub = inDimension.filter((node) => node.kpi.subdimension === sub.id);
        const categories = catalogue.categories
          .filter((category) => category.subdimension === sub.id)
          .flatMap((category): CategoryNode[] => {
            const inCategory = inSub.filter((node) => node.kpi.category === category.id);
            const kpis = inCategory.filter((node) => matches(node, filter));
            if (kpis.length === 0) return [];
            return [{ id: category.id, name: names.category(category.id), kpis, ...completionOf(inCategory) }];
          });
        if (categories.length === 0) return [];
        return [{ id: sub.id, name: names.subdimension(sub.id), categories, ...completionOf(inSub) }];
      });
    if (subdimensions.length === 0) return [];
    return [{ id: dimensionId, name: names.dimension(dimensionId), subdimensions, ...completionOf(inDimension) }];
  });
}

export function countKpis(tree: readonly DimensionNode[]): number {
  return tree.reduce(
    (n, dimension) =>
      n + dimension.subdimensions.reduce((m, sub) => m + sub.categories.reduce((k, category) => k + category.kpis.length, 0), 0),
    0,
  );
}

/** Every department named in the assessment, sorted in the user's language. */
export function sortedDepartments(byKpi: ReadonlyMap<string, readonly string[]>, locale: string): string[] {
  const names = new Set([...byKpi.values()].flat());
  return [...names].sort(new Intl.Collator(locale).compare);
}
