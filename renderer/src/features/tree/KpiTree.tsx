import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, Checkbox, Disclosure, DisclosurePanel, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Catalogue, KpiDefinition, KpiTier } from '../../../../core/catalogue/types.ts';
import { hrefFor } from '../../app/routes.ts';
import type { ValueView } from '../../data/types.ts';
import { OptionSelect } from '../entry/OptionSelect.tsx';
import { KPI_STATUSES, kpiProgress, type KpiProgress, type KpiStatus, type SharedDenominators } from './kpi-progress.ts';
import {
  NO_FILTER,
  buildTree,
  countKpis,
  departmentsOf,
  isFiltering,
  type Completion,
  type DimensionNode,
  type KpiNode,
  type TreeFilter,
} from './tree-model.ts';
import './kpi-tree.css';

export interface KpiTreeProps {
  readonly assessmentId: string;
  readonly catalogue: Catalogue;
  readonly values: ReadonlyMap<string, ValueView>;
  readonly shared: SharedDenominators;
  readonly selectedKpiId?: string | undefined;
}

const TIERS: readonly KpiTier[] = ['core', 'advanced'];

function groupIdsOf(tree: readonly DimensionNode[]): string[] {
  return tree.flatMap((dimension) => [
    dimension.id,
    ...dimension.subdimensions.flatMap((sub) => [sub.id, ...sub.categories.map((category) => category.id)]),
  ]);
}

function ancestorsOf(kpi: KpiDefinition | undefined): string[] {
  return kpi ? [kpi.dimension, kpi.subdimension, kpi.category] : [];
}

/** Memoised: the entry form beside it re-renders on every keystroke, the tree only when its data changes. */
export const KpiTree = memo(function KpiTree({ assessmentId, catalogue, values, shared, selectedKpiId }: KpiTreeProps) {
  const { t, i18n } = useTranslation(['entry', 'catalogue']);
  const [filter, setFilter] = useState<TreeFilter>(NO_FILTER);
  const selectedKpi = catalogue.kpis.find((kpi) => kpi.id === selectedKpiId);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(ancestorsOf(selectedKpi)));

  const progressById = useMemo(
    () => new Map(catalogue.kpis.map((kpi) => [kpi.id, kpiProgress(kpi, assessmentId, values, shared)])),
    [catalogue, assessmentId, values, shared],
  );
  const progressOf = (kpi: KpiDefinition): KpiProgress => progressById.get(kpi.id)!;
  const departments = useMemo(() => departmentsOf([...progressById.values()], i18n.language), [progressById, i18n.language]);
  const anyConflict = useMemo(() => [...progressById.values()].some((progress) => progress.conflicts > 0), [progressById]);

  const tree = buildTree(
    catalogue,
    {
      dimension: (id) => t(`catalogue:dimensions.${id}`),
      subdimension: (id) => t(`catalogue:subdimensions.${id}`),
      category: (id) => t(`catalogue:categories.${id}`),
      kpi: (id) => t(`catalogue:kpi.${id}.name`),
    },
    progressOf,
    filter,
  );
  const filtering = isFiltering(filter);
  const resultGroups = groupIdsOf(tree).join(' ');

  // A search or filter opens every group that still holds a result, so matches are visible at once.
  useEffect(() => {
    if (filtering && resultGroups !== '') setExpanded(new Set(resultGroups.split(' ')));
  }, [filtering, resultGroups]);

  useEffect(() => {
    const opened = ancestorsOf(catalogue.kpis.find((kpi) => kpi.id === selectedKpiId));
    if (opened.length > 0) setExpanded((current) => new Set([...current, ...opened]));
  }, [catalogue, selectedKpiId]);

  // The tree scrolls on its own beside the form: bring the KPI being edited into view once its groups are open.
  const navRef = useRef<HTMLElement>(null);
  const scrolledTo = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (scrolledTo.current === selectedKpiId) return;
    const current = navRef.current?.querySelector('[aria-current="page"]');
    if (!current) return;
    scrolledTo.current = selectedKpiId;
    if ('scrollIntoView' in current) current.scrollIntoView({ block: 'nearest' });
  }, [selectedKpiId, expanded]);

  const toggle = (id: string, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  const update = (patch: Partial<TreeFilter>) => setFilter((current) => ({ ...current, ...patch }));

  const completion = (node: Completion) => (
    <span className="kpi-tree__count">
      <span aria-hidden="true">
        {node.reported}/{node.total}
      </span>
      <span className="visually-hidden">{t('entry:tree.progress', { reported: node.reported, total: node.total })}</span>
    </span>
  );

  const kpiLink = (node: KpiNode) => {
    const current = node.kpi.id === selectedKpiId;
    return (
      <li key={node.kpi.id}>
        <a
          className="kpi-tree__kpi"
          data-status={node.progress.status}
          href={hrefFor({ name: 'workspace', assessmentId, kpiId: node.kpi.id })}
          aria-current={current ? 'page' : undefined}
        >
          <span className="kpi-tree__code" dir="ltr">
            {node.kpi.code}
          </span>
          <span className="kpi-tree__name">{node.name}</span>
          <span className="kpi-tree__status">
            {node.progress.conflicts > 0 ? <span className="badge badge-warning">{t('entry:conflict.badge')}</span> : null}{' '}
            {t(`entry:tree.status.${node.progress.status}`)}
          </span>
          {completion({ reported: node.progress.reportedPoints, total: node.progress.totalPoints })}
        </a>
      </li>
    );
  };

  const group = (id: string, name: string, node: Completion, level: number, children: ReactNode) => (
    <li key={id}>
      <Disclosure
        className={`kpi-tree__group kpi-tree__group--level-${level}`}
        isExpanded={expanded.has(id)}
        onExpandedChange={(open) => toggle(id, open)}
      >
        <Button slot="trigger" className="kpi-tree__toggle">
          <span aria-hidden="true" className="kpi-tree__chevron" />
          <span className="kpi-tree__name">{name}</span>
          {completion(node)}
        </Button>
        {/* Closed groups render nothing inside: the whole catalogue is several hundred nodes. */}
        <DisclosurePanel>{expanded.has(id) ? <ul>{children}</ul> : null}</DisclosurePanel>
      </Disclosure>
    </li>
  );

  return (
    <nav className="kpi-tree" aria-label={t('entry:tree.label')} ref={navRef}>
      <fieldset className="kpi-tree__filters">
        <legend className="visually-hidden">{t('entry:tree.filters.label')}</legend>
        <SearchField value={filter.query} onChange={(query) => update({ query })} className="field kpi-tree__search">
          <Label className="field-label">{t('entry:tree.search.label')}</Label>
          <Input className="input" placeholder={t('entry:tree.search.placeholder')} dir="auto" />
        </SearchField>
        <OptionSelect
          label={t('entry:tree.filters.status')}
          noneLabel={t('entry:tree.filters.any')}
          options={KPI_STATUSES.map((status) => ({ id: status, label: t(`entry:tree.status.${status}`) }))}
          value={filter.status}
          onChange={(status) => update({ status: status as KpiStatus | null })}
        />
        <OptionSelect
          label={t('entry:tree.filters.tier')}
          noneLabel={t('entry:tree.filters.any')}
          options={TIERS.map((tier) => ({ id: tier, label: t(`catalogue:tiers.${tier}`) }))}
          value={filter.tier}
          onChange={(tier) => update({ tier: tier as KpiTier | null })}
        />
        {departments.length > 0 ? (
          <OptionSelect
            label={t('entry:tree.filters.department')}
            noneLabel={t('entry:tree.filters.any')}
            options={departments.map((department) => ({ id: department, label: department }))}
            value={filter.department}
            onChange={(department) => update({ department })}
          />
        ) : null}
        {anyConflict || filter.conflictsOnly ? (
          <Checkbox className="checkbox" isSelected={filter.conflictsOnly} onChange={(conflictsOnly) => update({ conflictsOnly })}>
            {t('entry:tree.filters.conflictsOnly')}
          </Checkbox>
        ) : null}
        {filtering ? (
          <Button className="button button-quiet button-small kpi-tree__clear" onPress={() => setFilter(NO_FILTER)}>
            {t('entry:tree.filters.clear')}
          </Button>
        ) : null}
      </fieldset>
      <output className={filtering ? 'kpi-tree__shown' : 'visually-hidden'}>
        {filtering ? (countKpis(tree) === 0 ? t('entry:tree.noMatch') : t('entry:tree.shown', { count: countKpis(tree) })) : ''}
      </output>
      <ul className="kpi-tree__root">
        {tree.map((dimension) =>
          group(
            dimension.id,
            dimension.name,
            dimension,
            1,
            dimension.subdimensions.map((sub) =>
              group(
                sub.id,
                sub.name,
                sub,
                2,
                sub.categories.map((category) => group(category.id, category.name, category, 3, category.kpis.map(kpiLink))),
              ),
            ),
          ),
        )}
      </ul>
    </nav>
  );
});
