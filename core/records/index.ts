/**
 * Record rules: what every revision must satisfy, whoever writes it (the screens, an import, the CLI,
 * the office server). Each writer calls checkRevisions with RECORD_RULES and refuses on any finding.
 */
export {
  RECORD_FINDING_REASONS,
  type FindingParams,
  type RecordFinding,
  type RecordFindingReason,
  type RecordRule,
  type RevisionUnderCheck,
  type RuleContext,
  type RuleProblem,
} from './findings.ts';
export {
  EMPTY_CONTEXT,
  RecordRuleError,
  assertRevisionsValid,
  checkRevision,
  checkRevisions,
  contextOfRevisions,
  contextOfStates,
  findingSummary,
  recordsReadBy,
  type CheckOptions,
} from './check.ts';
export { RECORD_RULES, dataPointRule, fieldRule } from './rules.ts';
export { FIELD_TABLES } from './kinds.ts';
export { MAX_TEXT_LENGTH, RECORD_YEAR_RANGE, type FieldCheck, type ValueProblem } from './field-checks.ts';
export {
  EVIDENCE_EXTENSIONS,
  MAX_ATTACHMENT_BYTES,
  MAX_EVIDENCE_PER_POINT,
  bytesMatchType,
  checkAttachment,
  evidenceTypeOf,
  evidenceValue,
  evidenceValueProblem,
  parseEvidence,
  type AttachmentProblem,
  type EvidenceRef,
} from './evidence.ts';
export { checkEvidenceParts, type EvidencePartsCheck } from './evidence-parts.ts';
export { cleanFileName, extensionOf, fileNameForSaving } from './file-names.ts';
