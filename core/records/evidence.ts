/**
 * Evidence files as the `evidence` field of a value record lists them: canonical JSON of an array of
 * {name, sha256, size, type} sorted by sha256 (null for none). The bytes travel separately (bundle
 * parts `att-<sha256>`, the app's attachments table), so what a revision says about a file is checked
 * twice: here, on its own, and against the bytes wherever both are at hand (evidence-parts.ts).
 */
import { canonicalJson } from '../revisions/canonical-json.ts';
import type { FieldValue } from '../revisions/types.ts';
import { cleanFileName, extensionOf } from './file-names.ts';

export interface EvidenceRef {
  readonly sha256: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
}

/** 10 MiB: a scanned report or a spreadsheet fits; many of them still fit in one bundle. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Keeps the `evidence` value far below the bundle's 10,000-character string limit. */
export const MAX_EVIDENCE_PER_POINT = 20;
const SHA256_HEX = /^[0-9a-f]{64}$/;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // xlsx and docx are zip packages
/** How much of a csv/txt file is checked for NUL bytes, the mark of a binary file. */
const TEXT_SNIFF_BYTES = 64 * 1024;

const startsWith =
  (magic: readonly number[]) =>
  (bytes: Uint8Array): boolean =>
    magic.every((byte, index) => bytes[index] === byte);
const isText = (bytes: Uint8Array): boolean => !bytes.subarray(0, TEXT_SNIFF_BYTES).includes(0);

interface EvidenceType {
  readonly mime: string;
  /** Whether the file's leading bytes agree with the type. */
  readonly matches: (bytes: Uint8Array) => boolean;
}

/** The accepted files: the extension names the type, and the first bytes must agree with it. */
const EVIDENCE_TYPES: Readonly<Record<string, EvidenceType>> = {
  pdf: { mime: 'application/pdf', matches: startsWith(PDF) },
  png: { mime: 'image/png', matches: startsWith(PNG) },
  jpg: { mime: 'image/jpeg', matches: startsWith(JPEG) },
  jpeg: { mime: 'image/jpeg', matches: startsWith(JPEG) },
  csv: { mime: 'text/csv', matches: isText },
  txt: { mime: 'text/plain', matches: isText },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: startsWith(ZIP) },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: startsWith(ZIP) },
};

export const EVIDENCE_EXTENSIONS: readonly string[] = Object.keys(EVIDENCE_TYPES);

/** The media type a file name's extension stands for, or undefined when such files are not accepted. */
export function evidenceTypeOf(name: string): string | undefined {
  return Object.hasOwn(EVIDENCE_TYPES, extensionOf(name)) ? EVIDENCE_TYPES[extensionOf(name)]!.mime : undefined;
}

/** Whether the bytes begin the way a file of this media type does (PDF, PNG, JPEG, zip, text). */
export function bytesMatchType(type: string, bytes: Uint8Array): boolean {
  return Object.values(EVIDENCE_TYPES).some((candidate) => candidate.mime === type && candidate.matches(bytes));
}

export type AttachmentProblem = 'tooLarge' | 'empty' | 'typeNotAllowed' | 'tooMany';

/** What is wrong with attaching this file to a point that already has `attachedCount` files, or null. */
export function checkAttachment(name: string, bytes: Uint8Array, attachedCount: number): AttachmentProblem | null {
  if (bytes.length > MAX_ATTACHMENT_BYTES) return 'tooLarge';
  if (bytes.length === 0) return 'empty';
  const type = evidenceTypeOf(name);
  if (!type || !bytesMatchType(type, bytes)) return 'typeNotAllowed';
  if (attachedCount >= MAX_EVIDENCE_PER_POINT) return 'tooMany';
  return null;
}

/** Why one listed file is unacceptable: the record-rule reason, or null. */
export type EvidenceRefProblem = 'evidenceMalformed' | 'evidenceName' | 'evidenceType' | 'evidenceSize';

export function evidenceRefProblem(value: unknown): EvidenceRefProblem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'evidenceMalformed';
  const { sha256: hash, name, type, size } = value as Record<string, unknown>;
  if (Object.keys(value).length !== 4 || typeof hash !== 'string' || !SHA256_HEX.test(hash)) return 'evidenceMalformed';
  if (typeof name !== 'string' || name === '' || cleanFileName(name) !== name) return 'evidenceName';
  if (typeof type !== 'string' || evidenceTypeOf(name) !== type) return 'evidenceType';
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size <= 0 || size > MAX_ATTACHMENT_BYTES) return 'evidenceSize';
  return null;
}

function sortedUnique(refs: Iterable<EvidenceRef>): EvidenceRef[] {
  const byHash = new Map<string, EvidenceRef>();
  for (const ref of refs) if (!byHash.has(ref.sha256)) byHash.set(ref.sha256, ref);
  return [...byHash.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
}

/** The `evidence` field value for these files: canonical JSON sorted by hash, or null for none. */
export function evidenceValue(refs: Iterable<EvidenceRef>): string | null {
  const list = sortedUnique(refs).map(({ sha256: hash, name, type, size }) => ({ sha256: hash, name, type, size }));
  return list.length === 0 ? null : canonicalJson(list);
}

function parseList(value: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The files a stored `evidence` value lists; entries this version cannot read are left out, never fatal. */
export function parseEvidence(value: FieldValue | undefined): EvidenceRef[] {
  if (typeof value !== 'string' || value === '') return [];
  const list = parseList(value) ?? [];
  return sortedUnique(list.filter((entry): entry is EvidenceRef => evidenceRefProblem(entry) === null));
}

/** Why an `evidence` field value is unacceptable, or null: only values evidenceValue itself would write pass. */
export function evidenceValueProblem(value: FieldValue): EvidenceRefProblem | 'evidenceTooMany' | null {
  if (value === null) return null;
  if (typeof value !== 'string') return 'evidenceMalformed';
  const list = parseList(value);
  if (list === null || list.length === 0) return 'evidenceMalformed';
  if (list.length > MAX_EVIDENCE_PER_POINT) return 'evidenceTooMany';
  for (const entry of list) {
    const problem = evidenceRefProblem(entry);
    if (problem) return problem;
  }
  return evidenceValue(list as EvidenceRef[]) === value ? null : 'evidenceMalformed';
}
