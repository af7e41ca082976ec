import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, Checkbox, Input, Label, SearchField, Tree, TreeItem, TreeItemContent, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Catalogue, KpiDefinition, KpiTier } from '../../../../core/catalogue/types.ts';
import { ENTRY_STATUSES, type AssessmentStatus, type EntryStatus } from '../../../../core/status/index.ts';
import { navigate } from '../../app/routes.ts';
import type { ValueView } from '../../data/types.ts';
import { OptionSelect } from '../../ui/option-select/OptionSelect.tsx';
import { StatusBadge } from '../entry/StatusBadge.tsx';
import { requestFirstFieldFocus } from '../entry/first-field-focus.ts';
import { departmentsByKpi } from './kpi-departments.ts';
import { NO_FILTER, buildTree, countKpis, isFiltering, sortedDepartments, type Completion, type KpiNode, type TreeFilter } from './tree-model.ts';
import './kpi-tree.css';

export interface KpiTreeProps {
  readonly assessmentId: string;
  readonly catalogue: Catalogue;
  readonly values: ReadonlyMap<string, ValueView>;
  readonly status: AssessmentStatus;
  readonly selectedKpiId?: string | undefined;
}

const TIERS: readonly KpiTier[] = ['core', 'advanced'];

function ancestorsOf(kpi: KpiDefinition | undefined): string[] {
  return kpi ? [kpi.dimension, kpi.subdimension, kpi.category] : [];
}

/** Scrolls the tree's own box, never the page: the header stays in view on first load. */
function scrollWithin(container: HTMLElement | null, item: Element | null | undefined) {
  const box = container?.closest('.workspace__tree');
  if (!(box instanceof HTMLElement) || !(item instanceof HTMLElement)) return;
  const itemBox = item.getBoundingClientRect();
  const outer = box.getBoundingClientRect();
  if (itemBox.top < outer.top || itemBox.bottom > outer.bottom) box.scrollTop += itemBox.top - outer.top - outer.height / 3;
}

/**
 * A real tree widget: one Tab stop, arrow keys to move, open and close, type-ahead on names, Enter to
 * open a KPI (focus then goes to its first field). Memoised: the form beside it re-renders per keystroke.
 */
export const KpiTree = memo(function KpiTree({ assessmentId, catalogue, values, status, selectedKpiId }: KpiTreeProps) {
  const { t, i18n } = useTranslation(['entry', 'catalogue', 'status']);
  const [filter, setFilter] = useState<TreeFilter>(NO_FILTER);
  const selectedKpi = catalogue.kpis.find((kpi) => kpi.id === selectedKpiId);
  const [expanded, setExpanded] = useState<ReadonlySet<Key>>(() => new Set(ancestorsOf(selectedKpi)));

  const departments = useMemo(() => departmentsByKpi(catalogue, assessmentId, values), [catalogue, assessmentId, values]);
  const departmentNames = useMemo(() => sortedDepartments(departments, i18n.language), [departments, i18n.language]);
  const anyConflict = [...status.kpis.values()].some((kpi) => kpi.conflicts > 0);

  const tree = buildTree(
    catalogue,
    {
      dimension: (id) => t(`catalogue:dimensions.${id}`),
      subdimension: (id) => t(`catalogue:subdimensions.${id}`),
      category: (id) => t(`catalogue:categories.${id}`),
      kpi: (id) => t(`catalogue:kpi.${id}.name`),
    },
    (kpi) => status.kpis.get(kpi.id)!,
    (kpi) => departments.get(kpi.id) ?? [],
    filter,
  );
  const filtering = isFiltering(filter);
  const resultGroups = tree
    .flatMap((dimension) => [dimension.id, ...dimension.subdimensions.flatMap((sub) => [sub.id, ...sub.categories.map((category) => category.id)])])
    .join(' ');

  // A search or filter opens every group that still holds a result, so matches are visible at once.
  useEffect(() => {
    if (filtering && resultGroups !== '') setExpanded(new Set(resultGroups.split(' ')));
  }, [filtering, resultGroups]);

  useEffect(() => {
    const opened = ancestorsOf(catalogue.kpis.find((kpi) => kpi.id === selectedKpiId));
    if (opened.length > 0) setExpanded((current) => new Set([...current, ...opened]));
  }, [catalogue, selectedKpiId]);

  const navRef = useRef<HTMLElement>(null);
  const scrolledTo = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (scrolledTo.current === selectedKpiId) return;
    const current = navRef.current?.querySelector('.kpi-tree__kpi--current');
    if (!current) return;
    scrolledTo.current = selectedKpiId;
    scrollWithin(navRef.current, current);
  }, [selectedKpiId, expanded]);

  const update = (patch: Partial<TreeFilter>) => setFilter((current) => ({ ...current, ...patch }));

  const openKpi = (kpiId: string) => {
    requestFirstFieldFocus();
    navigate({ name: 'workspace', assessmentId, kpiId });
  };

  const kpiItem = (node: KpiNode) => {
    const current = node.kpi.id === selectedKpiId;
    const { status: kpiStatus } = node;
    const pointCount =
      kpiStatus.totalPoints > 1 ? t('entry:tree.pointProgress', { reported: kpiStatus.reportedPoints, total: kpiStatus.totalPoints }) : null;
    const spoken = [
      node.name,
      node.kpi.code,
      t(`status:status.${kpiStatus.status}`),
      kpiStatus.conflicts > 0 ? t('entry:conflict.badge') : null,
      kpiStatus.status !== 'reportedWithErrors' && kpiStatus.warnings > 0 ? t('status:hasWarnings') : null,
      pointCount,
      current ? t('entry:tree.current') : null,
    ];
    return (
      <TreeItem
        key={node.kpi.id}
        id={node.kpi.id}
        textValue={node.name}
        aria-label={spoken.filter((part) => part !== null).join(', ')}
        className={current ? 'kpi-tree__item kpi-tree__kpi kpi-tree__kpi--current' : 'kpi-tree__item kpi-tree__kpi'}
        onAction={() => openKpi(node.kpi.id)}
      >
        <TreeItemContent>
          <span className="kpi-tree__code" dir="ltr">
            {node.kpi.code}
          </span>
          <span className="kpi-tree__name">{node.name}</span>
          <span className="kpi-tree__status">
            {kpiStatus.conflicts > 0 ? <span className="badge badge-warning">{t('entry:conflict.badge')}</span> : null}
            <StatusBadge status={kpiStatus.status} />
            {kpiStatus.status !== 'reportedWithErrors' && kpiStatus.warnings > 0 ? (
              <span className="badge badge-warning">{t('status:hasWarnings')}</span>
            ) : null}
          </span>
          {pointCount ? (
            <span className="kpi-tree__count">
              {kpiStatus.reportedPoints}/{kpiStatus.totalPoints}
            </span>
          ) : null}
        </TreeItemContent>
      </TreeItem>
    );
  };

  /** Rows are named for screen readers by aria-label: the name first, then what the counts say. */
  const group = (id: string, name: string, node: Completion, level: number, children: ReactNode) => (
    <TreeItem
      key={id}
      id={id}
      textValue={name}
      aria-label={`${name}, ${t('entry:tree.kpiProgress', { reported: node.reported, total: node.total })}`}
      className={`kpi-tree__item kpi-tree__group kpi-tree__group--level-${level}`}
    >
      <TreeItemContent>
        <Button slot="chevron" className="kpi-tree__chevron" excludeFromTabOrder>
          <span aria-hidden="true" />
        </Button>
        <span className="kpi-tree__name">{name}</span>
        <span className="kpi-tree__count">
          {node.reported}/{node.total}
        </span>
      </TreeItemContent>
      {children}
    </TreeItem>
  );

  const shownCount = countKpis(tree);
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
          options={ENTRY_STATUSES.map((entryStatus) => ({ id: entryStatus, label: t(`status:status.${entryStatus}`) }))}
          value={filter.status}
          onChange={(entryStatus) => update({ status: entryStatus as EntryStatus | null })}
        />
        <OptionSelect
          label={t('entry:tree.filters.tier')}
          noneLabel={t('entry:tree.filters.any')}
          options={TIERS.map((tier) => ({ id: tier, label: t(`catalogue:tiers.${tier}`) }))}
          value={filter.tier}
          onChange={(tier) => update({ tier: tier as KpiTier | null })}
        />
        {departmentNames.length > 0 ? (
          <OptionSelect
            label={t('entry:tree.filters.department')}
            noneLabel={t('entry:tree.filters.any')}
            options={departmentNames.map((department) => ({ id: department, label: department }))}
            value={filter.department}
            onChange={(department) => update({ department })}
          />
        ) : null}
        <Checkbox className="checkbox" isSelected={filter.issuesOnly} onChange={(issuesOnly) => update({ issuesOnly })}>
          {t('entry:tree.filters.issuesOnly')}
        </Checkbox>
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
        {filtering ? (shownCount === 0 ? t('entry:tree.noMatch') : t('entry:tree.shown', { count: shownCount })) : ''}
      </output>
      {shownCount > 0 ? (
        <Tree
          aria-label={t('entry:tree.widget')}
          className="kpi-tree__root"
          expandedKeys={expanded as Set<Key>}
          onExpandedChange={(keys) => setExpanded(new Set(keys))}
          selectionMode="none"
        >
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
                  sub.categories.map((category) => group(category.id, category.name, category, 3, category.kpis.map(kpiItem))),
                ),
              ),
            ),
          )}
        </Tree>
      ) : null}
    </nav>
  );
});
