/**
 * A bundle set: an export too large for one file, split into several files at a size cap. Every file
 * is a complete bundle of its own (signed, verifiable, importable alone) holding ALL the revisions
 * and a share of the evidence, with `volume: { setId, index, count }` in its signed manifest. Importing
 * any one file restores every value; importing the others adds the remaining evidence files.
 *
 * The files are made one after another and the caller reads each file's evidence only when that file
 * is made, so an export of gigabytes never holds more than one file's evidence in memory.
 */
import { utf8 } from '../crypto/bytes.ts';
import { type EncodeBundleInput, encodeBundle, randomBundleId } from './encode.ts';
import { BundleError } from './errors.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { mergeRevisionSets } from './merge.ts';
import { encodeRevisionLines } from './revisions-part.ts';
import type { Revision } from '../revisions/types.ts';

const MIB = 1024 * 1024;

/**
 * Evidence bytes per file by default: with the revisions part beside it, a file stays under the
 * 192 MiB file limit, and making it (serialise, frame, encrypt) holds roughly three copies, about
 * 400 MiB at the peak, which a renderer process can afford.
 */
export const DEFAULT_VOLUME_BYTES = 128 * MIB;

/** A file's framing (u64 length) and index line for one attachment, rounded up. */
const PER_ATTACHMENT_OVERHEAD = 128;
/** Attestations take at most 67 bytes per revision id plus a device line each; this bounds them generously. */
const PER_REVISION_PROVENANCE = 100;
const FIXED_OVERHEAD = MIB;
/** Parts other than attachments: revisions, provenance, the index, and room for a newer minor's parts. */
const OTHER_PARTS = 16;

export interface EncodeBundleSetInput extends Omit<EncodeBundleInput, 'attachments' | 'volume' | 'bundleId' | 'onProgress'> {
  /** The size of every attachment to carry, by SHA-256 (lower-case hex). */
  readonly attachmentSizes: ReadonlyMap<string, number>;
  /** Reads these attachments' bytes; called once per file, just before the file is made. */
  readonly loadAttachments: (hashes: readonly string[]) => Promise<Iterable<Uint8Array>>;
  /** Most evidence bytes per file (DEFAULT_VOLUME_BYTES unless a test needs many files from little data). */
  readonly volumeBytes?: number;
  /** Fixed for reproducible sets (tests); random otherwise. */
  readonly setId?: string;
  readonly onProgress?: (fraction: number) => void;
}

export interface EncodedVolume {
  readonly bytes: Uint8Array;
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  readonly setId: string;
  readonly attachmentCount: number;
}

/**
 * Groups the attachments (in hash order, so equal content gives equal files) into files whose evidence
 * stays within `budget` bytes and the part limit. One file with no attachments when there are none.
 */
export function planVolumes(sizes: ReadonlyMap<string, number>, budget: number, maxPerVolume: number = DEFAULT_LIMITS.maxParts - OTHER_PARTS): string[][] {
  const volumes: string[][] = [[]];
  let used = 0;
  for (const hash of [...sizes.keys()].sort()) {
    const cost = sizes.get(hash)! + PER_ATTACHMENT_OVERHEAD;
    if (cost > budget) throw new BundleError('E_TOO_LARGE', `attachment ${hash} of ${sizes.get(hash)} bytes is larger than one file of the set may carry`);
    const current = volumes.at(-1)!;
    if (current.length > 0 && (used + cost > budget || current.length >= maxPerVolume)) {
      volumes.push([hash]);
      used = cost;
    } else {
      current.push(hash);
      used += cost;
    }
  }
  return volumes;
}

/** What the revisions (and their provenance) take in every file, so the evidence budget leaves room for them. */
function revisionBytesOf(revisions: readonly Revision[]): number {
  let bytes = 0;
  for (const line of encodeRevisionLines(revisions)) bytes += utf8.encode(line).length;
  return bytes + PER_REVISION_PROVENANCE * revisions.length + FIXED_OVERHEAD;
}

function evidenceBudget(revisions: readonly Revision[], volumeBytes: number): number {
  return Math.min(volumeBytes, DEFAULT_LIMITS.maxFileBytes - DEFAULT_LIMITS.maxManifestBytes - revisionBytesOf(revisions));
}

/** Yields the files of the set in order; a set of one file is an ordinary bundle, with no `volume`. */
export async function* encodeBundleSet(input: EncodeBundleSetInput): AsyncGenerator<EncodedVolume> {
  const { attachmentSizes, loadAttachments, volumeBytes = DEFAULT_VOLUME_BYTES, setId = randomBundleId(), onProgress, ...common } = input;
  const revisions = mergeRevisionSets(common.revisions);
  const plan = planVolumes(attachmentSizes, evidenceBudget(revisions, volumeBytes));
  for (const [offset, hashes] of plan.entries()) {
    const index = offset + 1;
    const attachments = [...(await loadAttachments(hashes))];
    const bytes = await encodeBundle({
      ...common,
      revisions,
      attachments,
      ...(plan.length > 1 ? { volume: { setId, index, count: plan.length } } : {}),
      onProgress: ({ fraction }) => onProgress?.((offset + fraction) / plan.length),
    });
    yield { bytes, index, count: plan.length, setId, attachmentCount: attachments.length };
  }
}
