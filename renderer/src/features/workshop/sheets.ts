/** Which worksheet: a department's or a participant's, named in the address as `d-<name>` or `p-<id>`. */
import { pointsOf } from '../../../../core/catalogue/index.ts';
import type { Catalogue, DataPointDefinition, KpiDefinition } from '../../../../core/catalogue/types.ts';
import { kpisAssignedTo, kpisOfDepartment } from '../../../../core/workshop/assignment.ts';
import type { WorkshopState } from '../../../../core/workshop/state.ts';

export type Sheet = { readonly kind: 'department' | 'participant'; readonly id: string };

export function sheetKey(sheet: Sheet): string {
  return `${sheet.kind === 'department' ? 'd' : 'p'}-${sheet.id}`;
}

export function parseSheetKey(key: string): Sheet | null {
  const kind = key.startsWith('d-') ? 'department' : key.startsWith('p-') ? 'participant' : null;
  return kind && key.length > 2 ? { kind, id: key.slice(2) } : null;
}

export interface SheetLine {
  readonly kpi: KpiDefinition;
  readonly point: DataPointDefinition;
  /**
   * Short and the same on every sheet: the KPI's place in the catalogue, with a letter per data point
   * (`12`, `45b`). Typed to jump to the line when keying a sheet in, even after assignments changed.
   */
  readonly shortId: string;
}

/** The sheet's lines in print order (catalogue order), one per data point, numbered from 1. */
export function sheetLines(catalogue: Catalogue, state: WorkshopState, sheet: Sheet): SheetLine[] {
  const participant = sheet.kind === 'participant' ? state.participants.find((candidate) => candidate.id === sheet.id) : undefined;
  const kpis = sheet.kind === 'department' ? kpisOfDepartment(state, catalogue, sheet.id) : participant ? kpisAssignedTo(state, catalogue, participant) : [];
  return kpis.flatMap((kpi) => pointsOf(kpi).map((point) => ({ kpi, point, shortId: shortIdOf(catalogue, kpi, point) })));
}

export function shortIdOf(catalogue: Catalogue, kpi: KpiDefinition, point: DataPointDefinition): string {
  const position = catalogue.kpis.indexOf(kpi) + 1;
  const points = pointsOf(kpi);
  return points.length === 1 ? String(position) : `${position}${String.fromCharCode(97 + points.indexOf(point))}`;
}

/** Who the sheet is for, as printed in its heading. */
export function sheetTitle(state: WorkshopState, sheet: Sheet): string {
  if (sheet.kind === 'department') return sheet.id;
  return state.participants.find((candidate) => candidate.id === sheet.id)?.name ?? sheet.id;
}
