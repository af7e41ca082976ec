/** Hard limits, checked before anything of that size is allocated. A breach is E_TOO_LARGE, never a truncation. */

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

export const DEFAULT_LIMITS: BundleLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxManifestBytes: 64 * 1024,
  maxParts: 10_000,
  maxPartBytes: 32 * 1024 * 1024,
  maxTotalPartBytes: 256 * 1024 * 1024,
  maxRevisions: 200_000,
  maxLineBytes: 256 * 1024,
  maxStringLength: 10_000,
  maxJsonDepth: 8,
  maxScryptLogN: 18,
};
