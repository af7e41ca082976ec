/**
 * Run once at startup: some Electron/Node builds lack or flag Ed25519, and exporting must be refused
 * rather than producing bundles nobody can verify.
 */
import { utf8 } from './bytes.ts';
import { generateDeviceIdentity } from './device-identity.ts';
import { SIGNING_DOMAINS, sign, verify } from './signing.ts';

export type CryptoSelfTestResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export async function cryptoSelfTest(): Promise<CryptoSelfTestResult> {
  try {
    const identity = await generateDeviceIdentity();
    const message = utf8.encode('citykpi self-test');
    const signature = await sign(identity.privateKey, SIGNING_DOMAINS.selfTest, message);
    if (!(await verify(identity.publicKey, SIGNING_DOMAINS.selfTest, message, signature))) {
      return { ok: false, reason: 'a fresh Ed25519 signature did not verify' };
    }
    const tampered = utf8.encode('citykpi self-tesT');
    if (await verify(identity.publicKey, SIGNING_DOMAINS.selfTest, tampered, signature)) {
      return { ok: false, reason: 'a tampered message verified' };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
