/**
 * Secret office keys loaded from a `.key` file: the age identities that decrypt bundles and the
 * signing key that signs receipts. They live in memory for this session only and are never written
 * to the browser's storage, so a lost laptop does not give away the office's keys.
 */
import { useSyncExternalStore } from 'react';
import type { BundleSigner } from '../../../../core/bundle/index.ts';
import { deviceIdFromPublicKey, importDeviceIdentity, type KeyFile } from '../../../../core/crypto/index.ts';

export interface SessionKeys {
  /** AGE-SECRET-KEY-1… texts, with their labels. */
  readonly identities: readonly { readonly label: string; readonly secretText: string }[];
  /** The office key that signs receipts, when one was loaded. */
  readonly receiptSigner: BundleSigner | null;
}

const EMPTY: SessionKeys = { identities: [], receiptSigner: null };
let current: SessionKeys = EMPTY;
const listeners = new Set<() => void>();

function publish(next: SessionKeys): void {
  current = next;
  for (const listener of listeners) listener();
}

export async function loadSessionSecrets(file: KeyFile): Promise<void> {
  const known = new Set(current.identities.map((identity) => identity.secretText));
  const identities = [...current.identities, ...file.identities.filter((identity) => !known.has(identity.secretText))];
  let receiptSigner = current.receiptSigner;
  const signingKey = file.signingKeys[0];
  if (signingKey) {
    const identity = await importDeviceIdentity(signingKey.pkcs8);
    receiptSigner = {
      id: await deviceIdFromPublicKey(identity.publicKey),
      name: signingKey.label,
      publicKey: identity.publicKey,
      privateKey: identity.privateKey,
    };
  }
  publish({ identities, receiptSigner });
}

export function forgetSessionSecrets(): void {
  publish(EMPTY);
}

export function sessionKeys(): SessionKeys {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionKeys(): SessionKeys {
  return useSyncExternalStore(subscribe, sessionKeys, sessionKeys);
}
