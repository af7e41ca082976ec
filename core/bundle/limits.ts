/**
 * Hard limits, checked before anything of that size is allocated. A breach is E_TOO_LARGE, never a truncation.
 *
 * The limits fit together: one part holds `maxRevisions` revisions of 671 bytes on average (128 MiB / 200,000;
 * the demo's and typical edits are 300–600 bytes), the file holds that part plus attachments, and
 * all parts together cannot exceed the file. The file limit stays under the desktop bridge's 256 MiB read cap
 * (electron/contract/limits.ts), so every bundle the format accepts can also be opened in the app.
 */

export interface BundleLimits {
  readonly maxFileBytes: number;
  readonly maxManifestBytes: number;
  readonly maxParts: number;
  readonly maxPartBytes: number;
  readonly maxTotalPartBytes: number;
  readonly maxRevisions: number;
  readonly maxLineBytes: number;
  /** Longest string anywhere in the manifest or a revision, in UTF-16 code units. */
  readonly maxStringLength: number;
  readonly maxJsonDepth: number;
  /** Highest accepted scrypt work factor (log2 N) of a passphrase-encrypted file. */
  readonly maxScryptLogN: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: BundleLimits = {
  maxFileBytes: 192 * MIB,
  maxManifestBytes: 64 * 1024,
  maxParts: 10_000,
  maxPartBytes: 128 * MIB,
  maxTotalPartBytes: 192 * MIB,
  maxRevisions: 200_000,
  maxLineBytes: 256 * 1024,
  maxStringLength: 10_000,
  maxJsonDepth: 8,
  maxScryptLogN: 18,
};
