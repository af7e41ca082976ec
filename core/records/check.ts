/** Running the record rules over revisions: the one entry point every writer calls. */
import { deriveRecord, type RecordState } from '../revisions/derive.ts';
import { type RecordRef, parseRecordId, recordIdParser } from '../revisions/record-id.ts';
import type { Revision } from '../revisions/types.ts';
import type { RecordFinding, RecordRule, RevisionUnderCheck, RuleContext } from './findings.ts';
import { RECORD_RULES } from './rules.ts';

export interface CheckOptions {
  readonly context?: RuleContext;
  readonly rules?: readonly RecordRule[];
}

export const EMPTY_CONTEXT: RuleContext = { stateOf: () => undefined };

/** Every finding of every rule for one revision; empty when it may be written. */
export function checkRevision(revision: RevisionUnderCheck, options: CheckOptions = {}): RecordFinding[] {
  const findings: RecordFinding[] = [];
  addFindings(findings, revision, parseRecordId(revision.recordId), options);
  return findings;
}

function addFindings(findings: RecordFinding[], revision: RevisionUnderCheck, ref: RecordRef | null, options: CheckOptions): void {
  const revisionId = revision.id ?? null;
  if (!ref) {
    findings.push({ recordId: revision.recordId, revisionId, field: null, reason: 'invalidRecordId' });
    return;
  }
  const context = options.context ?? EMPTY_CONTEXT;
  for (const rule of options.rules ?? RECORD_RULES) {
    for (const problem of rule.check(revision, ref, context)) findings.push({ recordId: revision.recordId, revisionId, ...problem });
  }
}

export function checkRevisions(revisions: Iterable<RevisionUnderCheck>, options: CheckOptions = {}): RecordFinding[] {
  const findings: RecordFinding[] = [];
  // A bundle holds many revisions of each record.
  const parse = recordIdParser();
  for (const revision of revisions) addFindings(findings, revision, parse(revision.recordId), options);
  return findings;
}

/** The record ids the rules will look up for these revisions, for callers that must load them first. */
export function recordsReadBy(revisions: Iterable<RevisionUnderCheck>, rules: readonly RecordRule[] = RECORD_RULES): string[] {
  const ids = new Set<string>();
  for (const revision of revisions) {
    const ref = parseRecordId(revision.recordId);
    if (!ref) continue;
    for (const rule of rules) for (const id of rule.reads?.(revision, ref) ?? []) ids.add(id);
  }
  return [...ids].sort();
}

/** A context over a set of revisions (a bundle, or stored revisions plus a bundle), derived lazily per record. */
export function contextOfRevisions(revisions: Iterable<Revision>): RuleContext {
  const byRecord = new Map<string, Revision[]>();
  for (const revision of revisions) {
    const list = byRecord.get(revision.recordId);
    if (list) list.push(revision);
    else byRecord.set(revision.recordId, [revision]);
  }
  const derived = new Map<string, RecordState>();
  return {
    stateOf(recordId) {
      const list = byRecord.get(recordId);
      if (!list) return undefined;
      let state = derived.get(recordId);
      if (!state) {
        state = deriveRecord(recordId, list);
        derived.set(recordId, state);
      }
      return state;
    },
  };
}

/** A context over states a caller already derived (e.g. read from its database). */
export function contextOfStates(states: Iterable<RecordState>): RuleContext {
  const byId = new Map<string, RecordState>();
  for (const state of states) byId.set(state.recordId, state);
  return { stateOf: (recordId) => byId.get(recordId) };
}

/** One line for logs, the CLI and error messages: `assessment:a1 cityId: notAnId`. Values are never echoed. */
export function findingSummary(finding: RecordFinding): string {
  const record = finding.reason === 'invalidRecordId' ? JSON.stringify(finding.recordId.slice(0, 100)) : finding.recordId;
  return `${record}${finding.field === null ? '' : ` ${finding.field}`}: ${finding.reason}`;
}

/** Thrown by writers that refuse a revision; carries every finding, the first one names the problem. */
export class RecordRuleError extends Error {
  constructor(readonly findings: readonly RecordFinding[]) {
    super(findings.length === 0 ? 'invalid record' : `${findingSummary(findings[0]!)}${findings.length > 1 ? ` (and ${findings.length - 1} more)` : ''}`);
    this.name = 'RecordRuleError';
  }
}

/** Throws RecordRuleError when any revision breaks a rule. */
export function assertRevisionsValid(revisions: Iterable<RevisionUnderCheck>, options: CheckOptions = {}): void {
  const findings = checkRevisions(revisions, options);
  if (findings.length > 0) throw new RecordRuleError(findings);
}
