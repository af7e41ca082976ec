import { safeStorage } from 'electron';
import type { BridgeResult, KeyStoreStatus } from '../../contract/bridge.ts';

function backendName(): string {
  if (process.platform !== 'linux') return process.platform === 'darwin' ? 'keychain' : 'dpapi';
  return safeStorage.getSelectedStorageBackend();
}

/**
 * On Linux without a keyring, Electron falls back to `basic_text`, a hard-coded key: that would only
 * pretend to protect the device key, so the shell refuses and the renderer seals the key with a
 * passphrase instead. Before the app is ready the backend is `unknown`; the renderer only asks later.
 */
export function isSecretStorageUsable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export async function keyStoreStatus(): Promise<BridgeResult<KeyStoreStatus>> {
  const usable = isSecretStorageUsable();
  return { ok: true, value: { kind: usable ? 'os' : 'none', backend: safeStorage.isEncryptionAvailable() ? backendName() : 'unavailable' } };
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
