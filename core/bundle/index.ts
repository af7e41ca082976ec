/** The bundle API used by the data layer, the UI and the CLI. */
export { BUNDLE_ERROR_CODES, BundleError, isBundleError, type BundleErrorCode } from './errors.ts';
export { DEFAULT_LIMITS, type BundleLimits } from './limits.ts';
export { FORMAT_MINOR, FORMAT_VERSION } from './format.ts';
export type { Manifest, ManifestPart } from './manifest.ts';
export {
  encodeBundle,
  randomBundleId,
  type BundleEncryption,
  type BundleExtensions,
  type BundleProgress,
  type BundleSigner,
  type BundleVolume,
  type EncodeBundleInput,
} from './encode.ts';
export {
  bundleKindOf,
  decodeBundle,
  type BundleEnvelope,
  type BundleKind,
  type BundleSignerInfo,
  type DecodeBundleOptions,
  type DecodedBundle,
  type SignerTrust,
} from './decode.ts';
export { mergeRevisionSets } from './merge.ts';
export { planImport, type ExistingIds, type ExistingRevisionsByRecord, type ImportPlan, type PlannedConflict, type PlannedReplacement } from './plan-import.ts';
export { decodeReceipt, encodeReceipt, type DecodedReceipt, type EncodeReceiptInput } from './receipt.ts';
export { DEFAULT_VOLUME_BYTES, encodeBundleSet, planVolumes, type EncodeBundleSetInput, type EncodedVolume } from './bundle-set.ts';
