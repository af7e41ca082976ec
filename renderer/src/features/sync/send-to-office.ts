/**
 * "Send to office": the revisions the office has not confirmed yet, encrypted to the office, posted to
 * its inbox (citykpi serve), and the receipt that comes back imported like one carried on a USB stick.
 * Nothing is sent unless the user asks; this is the app's only request to a network.
 */
import { decodeReceipt } from '../../../../core/bundle/index.ts';
import { cryptoSelfTest } from '../../../../core/crypto/index.ts';
import { inboxUploadUrl } from '../../../../core/crypto/office-inbox.ts';
import { collectExport, markDelivered, signerTrustLookup } from '../../data/index.ts';
import { encodeExport } from './encode-export.ts';
import type { OfficeRecipient } from './office-recipients.ts';

export type SendOutcome =
  | { readonly kind: 'sent'; readonly marked: number; readonly alreadyConfirmed: boolean }
  | { readonly kind: 'nothing' }
  | { readonly kind: 'selfTestFailed' }
  /** The office could not be reached at all: no network, a wrong address, a server down. */
  | { readonly kind: 'offline' }
  /** The office answered with a refusal: one of the CLI's E_ codes. */
  | { readonly kind: 'refused'; readonly code: string };

const UPLOAD_TIMEOUT_MS = 120_000;

async function refusalCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    const code = body.error?.code;
    return typeof code === 'string' && /^E_[A-Z_]+$/.test(code) ? code : 'E_INTERNAL';
  } catch {
    return 'E_INTERNAL';
  }
}

export async function sendToOffice(inbox: string, recipients: readonly OfficeRecipient[], onProgress: (fraction: number) => void): Promise<SendOutcome> {
  if (!(await cryptoSelfTest()).ok) return { kind: 'selfTestFailed' };
  const snapshot = await collectExport({ sinceReceipt: true });
  if (snapshot.revisions.length === 0) return { kind: 'nothing' };
  const encryption = { kind: 'recipients', recipients: recipients.map((recipient) => recipient.publicText) } as const;
  const { bytes } = await encodeExport(snapshot, encryption, (fraction) => onProgress(fraction / 2));

  let response: Response;
  try {
    response = await fetch(inboxUploadUrl(inbox), {
      method: 'POST',
      body: new Blob([bytes.slice()], { type: 'application/octet-stream' }),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { kind: 'offline' };
  }
  if (!response.ok) return { kind: 'refused', code: await refusalCode(response) };
  onProgress(0.9);
  const receipt = await decodeReceipt(new Uint8Array(await response.arrayBuffer()), { trustedSigners: await signerTrustLookup() });
  const result = await markDelivered(receipt);
  onProgress(1);
  return result.status === 'applied'
    ? { kind: 'sent', marked: result.markedCount, alreadyConfirmed: false }
    : { kind: 'sent', marked: 0, alreadyConfirmed: true };
}
