import { afterEach, describe, expect, it, vi } from 'vitest';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { SIGNING_DOMAINS, sign, verify } from '../../core/crypto/signing.ts';
import type { BridgeResult } from '../../electron/contract/bridge.ts';
import { createDb, type CityKpiDb } from '../../renderer/src/data/db.ts';
import { deviceKeyState, loadOrCreateIdentity, protectWithPassphrase, unlockWithPassphrase, type SecretSealer } from '../../renderer/src/data/identity.ts';

const opened: CityKpiDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function freshDb(name = `identity-${Math.random().toString(36).slice(2)}`): CityKpiDb {
  const db = createDb(name);
  opened.push(db);
  return db;
}

/** Stands in for the OS key store: reversible, and visibly not the plain bytes. */
function fakeKeyStore(): SecretSealer & { sealed: Uint8Array[] } {
  const sealed: Uint8Array[] = [];
  const flip = (bytes: Uint8Array) => bytes.map((byte) => byte ^ 0xa5);
  return {
    sealed,
    sealSecret: vi.fn(async (plain: Uint8Array): Promise<BridgeResult<Uint8Array>> => {
      const result = new Uint8Array([0x53, ...flip(plain)]);
      sealed.push(result);
      return { ok: true, value: result };
    }),
    unsealSecret: vi.fn(async (data: Uint8Array): Promise<BridgeResult<Uint8Array>> => ({ ok: true, value: flip(data.subarray(1)) })),
  };
}

const unavailable: SecretSealer = {
  sealSecret: async () => ({ ok: false, code: 'E_UNAVAILABLE' }),
  unsealSecret: async () => ({ ok: false, code: 'E_UNAVAILABLE' }),
};

async function signsAndVerifies(identity: { publicKey: Uint8Array; privateKey: CryptoKey }): Promise<boolean> {
  const message = new TextEncoder().encode('hello');
  const signature = await sign(identity.privateKey, SIGNING_DOMAINS.bundleManifest, message);
  return verify(identity.publicKey, SIGNING_DOMAINS.bundleManifest, message, signature);
}

describe('device identity', () => {
  it('in a browser keeps a non-extractable key that survives a restart and trusts itself', async () => {
    const name = `identity-${Math.random().toString(36).slice(2)}`;
    const first = freshDb(name);
    const identity = await loadOrCreateIdentity(first, unavailable);
    expect(identity.protection).toBe('browser');
    expect(identity.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', identity.privateKey)).rejects.toThrow();
    expect(await signsAndVerifies(identity)).toBe(true);
    expect(identity.fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(await first.signers.get(toBase64Url(identity.publicKey))).toMatchObject({ source: 'self' });
    first.close();

    const second = freshDb(name);
    const again = await loadOrCreateIdentity(second, null);
    expect(again.publicKey).toEqual(identity.publicKey);
    expect(await signsAndVerifies(again)).toBe(true);
  });

  it('in Electron stores only the sealed key and unseals it after a restart', async () => {
    const keyStore = fakeKeyStore();
    const name = `identity-${Math.random().toString(36).slice(2)}`;
    const first = freshDb(name);
    const identity = await loadOrCreateIdentity(first, keyStore);
    expect(identity.protection).toBe('os-keystore');
    expect(identity.privateKey.extractable).toBe(false);
    const row = await first.identity.get('device');
    expect(row?.kind).toBe('sealed');
    expect(row).not.toHaveProperty('privateKey');
    first.close();

    const second = freshDb(name);
    const again = await loadOrCreateIdentity(second, keyStore);
    expect(keyStore.unsealSecret).toHaveBeenCalled();
    expect(again.publicKey).toEqual(identity.publicKey);
    expect(await signsAndVerifies(again)).toBe(true);
  });

  it('refuses to guess when a sealed key cannot be unsealed', async () => {
    const name = `identity-${Math.random().toString(36).slice(2)}`;
    const first = freshDb(name);
    await loadOrCreateIdentity(first, fakeKeyStore());
    first.close();
    const second = freshDb(name);
    await expect(loadOrCreateIdentity(second, unavailable)).rejects.toMatchObject({ code: 'E_DB' });
    expect(await second.identity.count()).toBe(1);
  });

  it('creates one identity even when asked twice at once', async () => {
    const db = freshDb();
    const [a, b] = await Promise.all([loadOrCreateIdentity(db, null), loadOrCreateIdentity(db, null)]);
    expect(a.publicKey).toEqual(b.publicKey);
    expect(await db.identity.count()).toBe(1);
  });
});

describe('device key sealed with a passphrase (no key store)', () => {
  const passphrase = 'river lantern copper meadow';
  const fast = { iterations: 2_000 };

  it('asks for a passphrase only where no key store exists and no key was made yet', async () => {
    const db = freshDb();
    await expect(deviceKeyState(db, 'none')).resolves.toBe('choose-passphrase');
    await expect(deviceKeyState(db, 'os')).resolves.toBe('ready');
    await expect(deviceKeyState(db, 'browser')).resolves.toBe('ready');
  });

  it('seals the key without storing the passphrase, opens it after a restart, and refuses a wrong passphrase', async () => {
    const name = `identity-${Math.random().toString(36).slice(2)}`;
    const first = freshDb(name);
    const made = await protectWithPassphrase(first, passphrase, fast);
    expect(made.protection).toBe('passphrase');
    expect(await signsAndVerifies(made)).toBe(true);
    await expect(deviceKeyState(first, 'none')).resolves.toBe('ready');
    await expect(loadOrCreateIdentity(first, unavailable)).resolves.toBe(made);

    const row = await first.identity.get('device');
    if (row?.kind !== 'passphrase') throw new Error(`expected a passphrase row, got ${row?.kind}`);
    const stored = JSON.stringify(row, (_key, value: unknown) => (value instanceof Uint8Array ? toBase64Url(value) : value));
    expect(stored).not.toContain(passphrase);
    expect(stored).not.toContain(toBase64Url(new TextEncoder().encode(passphrase)));
    expect(await first.signers.get(toBase64Url(made.publicKey))).toMatchObject({ source: 'self' });
    first.close();

    // A restart: the key is there but locked until the passphrase is typed; signing refuses meanwhile.
    const second = freshDb(name);
    await expect(deviceKeyState(second, 'none')).resolves.toBe('locked');
    await expect(deviceKeyState(second, 'os')).resolves.toBe('locked');
    await expect(loadOrCreateIdentity(second, unavailable)).rejects.toMatchObject({ code: 'E_KEY_LOCKED' });
    await expect(unlockWithPassphrase(second, 'river lantern copper meadows')).rejects.toMatchObject({ code: 'E_WRONG_PASSPHRASE' });
    await expect(deviceKeyState(second, 'none')).resolves.toBe('locked');
    const unlocked = await unlockWithPassphrase(second, passphrase);
    expect(unlocked.publicKey).toEqual(made.publicKey);
    expect(unlocked.fingerprint).toBe(made.fingerprint);
    expect(await signsAndVerifies(unlocked)).toBe(true);
    await expect(deviceKeyState(second, 'none')).resolves.toBe('ready');
    await expect(loadOrCreateIdentity(second, unavailable)).resolves.toBe(unlocked);
  });

  it('keeps the key another window made first', async () => {
    const db = freshDb();
    const existing = await loadOrCreateIdentity(db, null);
    await expect(protectWithPassphrase(db, passphrase, fast)).rejects.toMatchObject({ code: 'E_INVALID' });
    expect((await db.identity.get('device'))?.publicKey).toEqual(existing.publicKey);
    await expect(unlockWithPassphrase(db, passphrase)).rejects.toMatchObject({ code: 'E_INVALID' });
  });
});
