/**
 * What revisions say about evidence files, held against the files' bytes wherever both travel
 * together (a bundle, an office upload): the declared size is the real size, the declared type is
 * what the leading bytes say, and no file comes along that no revision names.
 */
import type { Revision } from '../revisions/types.ts';
import { bytesMatchType, parseEvidence } from './evidence.ts';
import type { RecordFinding } from './findings.ts';

export interface EvidencePartsCheck {
  readonly findings: readonly RecordFinding[];
  /** Hashes of files that no revision's `evidence` field names. */
  readonly unreferenced: readonly string[];
}

export function checkEvidenceParts(revisions: readonly Revision[], attachments: ReadonlyMap<string, Uint8Array>): EvidencePartsCheck {
  const findings: RecordFinding[] = [];
  const named = new Set<string>();
  for (const revision of revisions) {
    for (const ref of parseEvidence(revision.fields.evidence)) {
      named.add(ref.sha256);
      const bytes = attachments.get(ref.sha256);
      if (!bytes) continue;
      const at = { recordId: revision.recordId, revisionId: revision.id, field: 'evidence' };
      if (bytes.length !== ref.size) {
        findings.push({ ...at, reason: 'evidenceSizeMismatch', params: { declared: ref.size, actual: bytes.length } });
      } else if (!bytesMatchType(ref.type, bytes)) {
        findings.push({ ...at, reason: 'evidenceContentMismatch', params: { type: ref.type } });
      }
    }
  }
  const unreferenced = [...attachments.keys()].filter((hash) => !named.has(hash)).sort();
  return { findings, unreferenced };
}
