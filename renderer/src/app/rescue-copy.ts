/**
 * A copy of everything stored here, as a signed bundle that Import can read back: the way out when a
 * screen cannot be shown. Not encrypted, because the office keys may be what cannot be read; the
 * screen says so. The bundle code loads only when someone asks for a copy.
 */
import { getBridge } from '../bridge/index.ts';
import { collectExport, getBundleSigner } from '../data/index.ts';

/** The saved file's name, or null when the user cancelled. */
export async function saveRescueCopy(): Promise<string | null> {
  const [{ encodeBundle }, files] = await Promise.all([import('../../../core/bundle/encode.ts'), import('../features/sync/files.ts')]);
  const snapshot = await collectExport({ sinceReceipt: false });
  const bridge = getBridge();
  const device = await getBundleSigner(bridge);
  const bytes = await encodeBundle({ revisions: snapshot.revisions, attachments: snapshot.attachments.values(), device, encryption: { kind: 'none' } });
  return files.saveBytes(`${files.fileStem('copy')}.${files.BUNDLE_EXTENSION}`, bytes, { name: 'CityKPI', extensions: [files.BUNDLE_EXTENSION] });
}
