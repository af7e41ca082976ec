/** One export snapshot as a signed bundle from this device: what Export and Send to office both write. */
import { type BundleEncryption, type BundleSigner, encodeBundle } from '../../../../core/bundle/index.ts';
import { getBridge } from '../../bridge/index.ts';
import { type ExportSnapshot, getBundleSigner } from '../../data/index.ts';

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
