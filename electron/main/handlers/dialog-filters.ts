import type { FileFilter as DialogFilter } from 'electron';
import type { FileFilter } from '../../contract/bridge.ts';

export function toDialogFilters(filters: readonly FileFilter[]): DialogFilter[] {
  return filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}
