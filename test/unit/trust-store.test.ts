/** core/trust: the trust file's text, enrolment, and the office rule that CLI and server commands share. */
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../core/bundle/errors.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import {
  EMPTY_TRUST_STORE,
  TrustFileError,
  enrollDevice,
  formatTrustFile,
  isEnrolled,
  parseTrustFile,
  removeDevice,
  requireTrustedSigner,
  signerTrustOf,
} from '../../core/trust/trust-store.ts';

const key = (byte: number) => new Uint8Array(32).fill(byte);
const AT = '2025-03-01T09:00:00Z';

describe('trust store', () => {
  it('round-trips through its text, sorted by name, with fingerprints recomputed from the keys', async () => {
    let store = EMPTY_TRUST_STORE;
    store = (await enrollDevice(store, { publicKey: key(2), name: 'Laptop B — ب', enrolledAt: AT })).store;
    store = (await enrollDevice(store, { publicKey: key(1), name: 'Laptop A', enrolledAt: AT })).store;
    const text = formatTrustFile(store);
    expect(text.split('\n')[2]).toBe(`device ${toBase64Url(key(1))} ${AT} Laptop A`);
    const parsed = await parseTrustFile(text);
    expect(parsed.devices.map((device) => [device.name, device.fingerprint])).toEqual(store.devices.map((device) => [device.name, device.fingerprint]));
    expect(isEnrolled(parsed, key(2))).toBe(true);
    expect(signerTrustOf(parsed)(key(3))).toBe('unknown');
    expect(signerTrustOf(parsed, [key(3)])(key(3))).toBe('trusted');
    const { store: after, removed } = removeDevice(parsed, parsed.devices[0]!.fingerprint.toLowerCase());
    expect(removed?.name).toBe('Laptop A');
    expect(after.devices.map((device) => device.name)).toEqual(['Laptop B — ب']);
  });

  it('refuses a damaged file with its line number, and hostile names', async () => {
    const header = 'citykpi-trust v1\n';
    const cases = [
      `${header}device ${toBase64Url(key(1))} yesterday A\n`,
      `${header}device ${toBase64Url(key(1)).slice(1)} ${AT} A\n`,
      `${header}device ${toBase64Url(key(1))} ${AT} A\ndevice ${toBase64Url(key(1))} ${AT} B\n`,
      `${header}signer office ${toBase64Url(key(1))}\n`,
      `citykpi-keys v1\n`,
    ];
    for (const text of cases) await expect(parseTrustFile(text)).rejects.toBeInstanceOf(TrustFileError);
    await expect(parseTrustFile(cases[2]!)).rejects.toThrow(/^line 3: /);
    for (const name of ['', '  ', 'a\u202eb', 'tab\there', 'x'.repeat(201)]) {
      await expect(enrollDevice(EMPTY_TRUST_STORE, { publicKey: key(1), name, enrolledAt: AT })).rejects.toBeInstanceOf(TrustFileError);
    }
  });

  it('requireTrustedSigner refuses an unknown signer with E_UNKNOWN_SIGNER unless unknown signers are allowed', () => {
    const unknown = { signer: { known: false, fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE' } };
    expect(() => requireTrustedSigner(unknown, { allowUnknown: false })).toThrow(BundleError);
    try {
      requireTrustedSigner(unknown, { allowUnknown: false });
    } catch (error) {
      expect((error as BundleError).code).toBe('E_UNKNOWN_SIGNER');
      expect((error as BundleError).details).toEqual({ fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE' });
    }
    expect(() => requireTrustedSigner(unknown, { allowUnknown: true })).not.toThrow();
    expect(() => requireTrustedSigner({ signer: { ...unknown.signer, known: true } }, { allowUnknown: false })).not.toThrow();
  });
});
