import { safeStorage } from 'electron';
import type { BridgeResult } from '../../contract/bridge.ts';

/**
 * On Linux without a keyring, Electron falls back to `basic_text`, a hard-coded key: that would only
 * pretend to protect the device key, so the shell refuses and the renderer must use another protection.
 */
export function isSecretStorageUsable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

// safeStorage seals strings; base64 carries arbitrary bytes through it unchanged.
export async function sealSecret(plain: Uint8Array): Promise<BridgeResult<Uint8Array>> {
  if (!isSecretStorageUsable()) return { ok: false, code: 'E_UNAVAILABLE' };
  const sealed = safeStorage.encryptString(Buffer.from(plain).toString('base64'));
  return { ok: true, value: new Uint8Array(sealed) };
}

export async function unsealSecret(sealed: Uint8Array): Promise<BridgeResult<Uint8Array>> {
  if (!isSecretStorageUsable()) return { ok: false, code: 'E_UNAVAILABLE' };
  let encoded: string;
  try {
    encoded = safeStorage.decryptString(Buffer.from(sealed));
  } catch {
    return { ok: false, code: 'E_INVALID_REQUEST' };
  }
  return { ok: true, value: new Uint8Array(Buffer.from(encoded, 'base64')) };
}
