/** One export snapshot as a signed bundle from this device: what Export and Send to office both write. */
import { type BundleEncryption, type BundleSigner, type EncodedVolume, encodeBundle, encodeBundleSet } from '../../../../core/bundle/index.ts';
import { getBridge } from '../../bridge/index.ts';
import { type ExportPlan, type ExportSnapshot, getBundleSigner, readAttachments } from '../../data/index.ts';

export async function encodeExport(
  snapshot: ExportSnapshot,
  encryption: BundleEncryption,
  onProgress: (fraction: number) => void,
): Promise<{ readonly bytes: Uint8Array; readonly device: BundleSigner }> {
  const bridge = getBridge();
  const [device, info] = await Promise.all([getBundleSigner(bridge), bridge.appInfo()]);
  const bytes = await encodeBundle({
    revisions: snapshot.revisions,
    attachments: snapshot.attachments.values(),
    attestations: snapshot.attestations,
    device,
    encryption,
    since: snapshot.since,
    appVersion: info.version,
    onProgress: ({ fraction }) => onProgress(fraction),
  });
  return { bytes, device };
}

/**
 * An export as a bundle set (core/bundle/bundle-set.ts): one file, or several when the evidence is too
 * large for one, each made with only its own evidence read from the database.
 */
export async function* encodeExportSet(
  plan: ExportPlan,
  encryption: BundleEncryption,
  onProgress: (fraction: number) => void,
): AsyncGenerator<EncodedVolume & { readonly device: BundleSigner }> {
  const bridge = getBridge();
  const [device, info] = await Promise.all([getBundleSigner(bridge), bridge.appInfo()]);
  const files = encodeBundleSet({
    revisions: plan.revisions,
    attachmentSizes: plan.attachmentSizes,
    loadAttachments: async (hashes) => (await readAttachments(hashes)).values(),
    attestations: plan.attestations,
    device,
    encryption,
    since: plan.since,
    appVersion: info.version,
    onProgress,
  });
  for await (const file of files) yield { ...file, device };
}
