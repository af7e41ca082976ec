/**
 * Inputs the results commands share: several bundles read under the office's trust rule into one revision set,
 * spreadsheet tables (CSV or XLSX), and a target-set CSV refused whole at its first bad row.
 */
import { basename, extname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { mergeRevisionSets } from '../../core/bundle/index.ts';
import { DEFAULT_CATALOGUE_ID, getCatalogue, type Catalogue } from '../../core/catalogue/index.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { TableError, parseCsvTable, readXlsxTable, type Table, type TableIssue } from '../../core/tables/index.ts';
import { targetsFromTable, type TargetSet } from '../../core/targets/index.ts';
import { InputError, UsageError, type Io } from '../io.ts';
import { withClient, withOfficeDatabase } from '../office/database.ts';
import { storedRevisions } from '../office/ingest.ts';
import { KEY_OPTIONS, loadBundleKeys, readBoundedFile } from './bundle-files.ts';
import { OFFICE_TRUST_OPTIONS, decodeOfficeBundle, loadOfficeTrust } from './trust-files.ts';

const MAX_TABLE_BYTES = 32 * 1024 * 1024;

export function defaultCatalogue(): Catalogue {
  return getCatalogue(DEFAULT_CATALOGUE_ID)!;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict options of a command that reads bundles at the office: its own, the key options and the trust options. */
export function parseBundleArgs<T extends Options>(args: readonly string[], options: T) {
  return parseArgs({ args: [...args], options: { ...KEY_OPTIONS, ...OFFICE_TRUST_OPTIONS, ...DATABASE_OPTION, ...options }, strict: true, allowPositionals: true });
}

const DATABASE_OPTION = { postgres: { type: 'string' } } as const;
export const DATABASE_USAGE = `      --postgres <url>        read every revision merged in the office database instead of bundle files`;

/** The bundles given, or with --postgres every revision merged in the office database (docs/office-server.md). */
export async function readRevisionSource(
  io: Io,
  files: readonly string[],
  values: Parameters<typeof readOfficeRevisions>[2] & { postgres?: string },
): Promise<readonly Revision[]> {
  if (values.postgres === undefined) {
    if (files.length === 0) throw new UsageError('at least one bundle file is required (or --postgres)');
    return readOfficeRevisions(io, files, values);
  }
  if (files.length > 0) throw new UsageError('give bundle files or --postgres, not both');
  return withOfficeDatabase(values.postgres, (pool) => withClient(pool, storedRevisions));
}

export async function readOfficeRevisions(
  io: Io,
  files: readonly string[],
  values: { identity?: string[]; trust?: string[]; 'passphrase-env'?: string; 'trust-file'?: string; 'allow-unknown'?: boolean },
): Promise<readonly Revision[]> {
  const keys = await loadBundleKeys(io, values);
  const trust = await loadOfficeTrust(io, values);
  const sets: (readonly Revision[])[] = [];
  for (const file of files) sets.push((await decodeOfficeBundle(io, file, keys, trust)).revisions);
  return mergeRevisionSets(...sets);
}

/** A CSV (UTF-8) or XLSX file, told apart by its extension. */
export async function readTableFile(io: Io, path: string): Promise<Table> {
  const bytes = readBoundedFile(io, path, MAX_TABLE_BYTES);
  try {
    if (extname(path).toLowerCase() === '.xlsx') return await readXlsxTable(bytes);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError('E_TABLE', `${path}: not UTF-8 text (save the CSV as UTF-8, or give an .xlsx file)`);
    }
    return parseCsvTable(text);
  } catch (error) {
    if (error instanceof TableError) throw new InputError('E_TABLE', `${path}: ${error.message}`);
    throw error;
  }
}

export function issueText(path: string, issue: TableIssue, more: number): string {
  const where = issue.column === null ? `row ${issue.row}` : `row ${issue.row}, column ${issue.column}`;
  const value = issue.value === undefined ? '' : ` (${JSON.stringify(issue.value)})`;
  return `${path}: ${where}: ${issue.reason}${value}${more > 0 ? `; ${more} more row(s) with problems` : ''}`;
}

export async function readTargetsFile(io: Io, path: string, locale: string | null): Promise<TargetSet> {
  const catalogue = defaultCatalogue();
  const { targets, issues } = targetsFromTable(await readTableFile(io, path), catalogue, locale);
  if (issues.length > 0) throw new InputError('E_TARGETS', issueText(path, issues[0]!, issues.length - 1));
  return { id: 'cli', name: basename(path), source: path, catalogueId: catalogue.id, example: false, targets };
}

/** A BCP 47 language the number parser knows, or null when the option is not given. */
export function localeOption(value: string | undefined): string | null {
  if (value === undefined) return null;
  let supported: string[];
  try {
    supported = Intl.NumberFormat.supportedLocalesOf(value);
  } catch {
    supported = [];
  }
  if (supported.length === 0) throw new UsageError(`unknown locale '${value}' (give a language tag such as fr or pt-BR)`);
  return value;
}
