import { findKpi, U4SSC_2017 } from '../catalogue/index.ts';
import { SINGLE_POINT, type Catalogue } from '../catalogue/types.ts';
import type { Severity, ValidationIssue } from './types.ts';

/** The key of a data point's current value in the map crossKpiChecks reads: `<kpiId>:<pointId>`. */
export function valueKey(kpiId: string, pointId: string = SINGLE_POINT): string {
  return `${kpiId}:${pointId}`;
}

/** `lower` is expected not to exceed `upper`; both are value keys. */
export interface CrossKpiRule {
  readonly lower: string;
  readonly upper: string;
  readonly severity: Severity;
}

/** From the Verification Manual's data-value notes (research notes section 6). */
export const CROSS_KPI_RULES: readonly CrossKpiRule[] = [
  // Fixed Broadband Subscriptions "normally below" Household Internet Access: a household may hold two.
  { lower: valueKey('EC-ICT-ICT-2C'), upper: valueKey('EC-ICT-ICT-1C'), severity: 'warning' },
  // Potable Water Supply: a household with potable water has a basic supply too.
  { lower: valueKey('EC-I-WS-2C'), upper: valueKey('EC-I-WS-1C'), severity: 'error' },
  // Smart Electricity Meters are "normally above" Smart Water Meters.
  { lower: valueKey('EC-ICT-WS-1C'), upper: valueKey('EC-ICT-ES-1C'), severity: 'warning' },
];

export interface CrossKpiIssue {
  readonly kpiId: string;
  readonly pointId: string;
  readonly issue: ValidationIssue;
}

/** Equal values never count as a violation, whatever rounding produced them. */
const ROUNDING_SLACK = 1e-9;

function splitKey(key: string): { readonly kpiId: string; readonly pointId: string } {
  const at = key.lastIndexOf(':');
  return at < 0 ? { kpiId: key, pointId: SINGLE_POINT } : { kpiId: key.slice(0, at), pointId: key.slice(at + 1) };
}

/**
 * The KPIs whose values decide `kpiId`'s cross-KPI findings: itself and the other side of every rule it
 * is part of. A view that shows one KPI of many assessments reads these alone.
 */
export function kpisCheckedWith(kpiId: string, rules: readonly CrossKpiRule[] = CROSS_KPI_RULES): string[] {
  const kpiIds = new Set([kpiId]);
  for (const rule of rules) {
    const lower = splitKey(rule.lower).kpiId;
    const upper = splitKey(rule.upper).kpiId;
    if (lower === kpiId) kpiIds.add(upper);
    if (upper === kpiId) kpiIds.add(lower);
  }
  return [...kpiIds];
}

/**
 * Compares current values across KPIs. Each broken rule is reported on both KPIs, so whichever one the
 * participant looks at explains it; params name the other KPI by its official code.
 */
export function crossKpiChecks(
  current: ReadonlyMap<string, number>,
  rules: readonly CrossKpiRule[] = CROSS_KPI_RULES,
  catalogue: Catalogue = U4SSC_2017,
): CrossKpiIssue[] {
  const issues: CrossKpiIssue[] = [];
  for (const rule of rules) {
    const lowerValue = current.get(rule.lower);
    const upperValue = current.get(rule.upper);
    if (lowerValue === undefined || upperValue === undefined || lowerValue <= upperValue + ROUNDING_SLACK) continue;
    const lower = splitKey(rule.lower);
    const upper = splitKey(rule.upper);
    const codeOf = (kpiId: string) => findKpi(catalogue, kpiId)?.code ?? kpiId;
    issues.push(
      {
        ...lower,
        issue: {
          severity: rule.severity,
          code: 'exceedsRelatedKpi',
          params: { value: lowerValue, otherValue: upperValue, otherKpiId: upper.kpiId, otherCode: codeOf(upper.kpiId) },
        },
      },
      {
        ...upper,
        issue: {
          severity: rule.severity,
          code: 'belowRelatedKpi',
          params: { value: upperValue, otherValue: lowerValue, otherKpiId: lower.kpiId, otherCode: codeOf(lower.kpiId) },
        },
      },
    );
  }
  return issues;
}
