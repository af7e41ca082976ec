import { describe, expect, it } from 'vitest';
import { Decrypter, Encrypter } from 'age-encryption';
import { generateDeviceIdentity, exportPrivateKeyPkcs8 } from '../../core/crypto/device-identity.ts';
import { KeyFileError, formatKeyFile, parseKeyFile } from '../../core/crypto/key-file.ts';
import { generateOfficeKeyPair, recipientIdOf } from '../../core/crypto/office-keys.ts';
import { inboxOriginOf } from '../../core/crypto/office-inbox.ts';

async function keyFileError(text: string): Promise<KeyFileError> {
  try {
    await parseKeyFile(text);
  } catch (error) {
    if (error instanceof KeyFileError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('office keys and key files', () => {
  it('generates age X25519 pairs that encrypt and decrypt', async () => {
    const office = await generateOfficeKeyPair();
    expect(office.publicText).toMatch(/^age1/);
    expect(office.secretText).toMatch(/^AGE-SECRET-KEY-1/);
    const encrypter = new Encrypter();
    encrypter.addRecipient(office.publicText);
    const decrypter = new Decrypter();
    decrypter.addIdentity(office.secretText);
    expect(await decrypter.decrypt(await encrypter.encrypt('hello'), 'text')).toBe('hello');
    expect(await recipientIdOf(office.publicText)).toMatch(/^x25519:[0-9a-f]{32}$/);
  });

  it('writes and reads every kind of line, office and recovery together', async () => {
    const office = await generateOfficeKeyPair();
    const recovery = await generateOfficeKeyPair();
    const signing = await generateDeviceIdentity();
    const pkcs8 = await exportPrivateKeyPkcs8(signing.privateKey);
    const text = formatKeyFile(['test'], [
      { kind: 'recipient', label: 'office', publicText: office.publicText },
      { kind: 'recipient', label: 'recovery', publicText: recovery.publicText },
      { kind: 'signer', label: 'office', publicKey: signing.publicKey },
      { kind: 'identity', label: 'office', secretText: office.secretText },
      { kind: 'signing-key', label: 'office', pkcs8 },
    ]);
    const parsed = await parseKeyFile(text.replace(/\n/g, '\r\n'));
    expect(parsed.recipients.map((recipient) => recipient.publicText)).toEqual([office.publicText, recovery.publicText]);
    expect(parsed.recipients[0]!.id).toBe(await recipientIdOf(office.publicText));
    expect(parsed.signers[0]!.publicKey).toEqual(signing.publicKey);
    expect(parsed.identities[0]!.secretText).toBe(office.secretText);
    expect(parsed.signingKeys[0]!.pkcs8).toEqual(pkcs8);
  });

  it('explains what is wrong, with the line number', async () => {
    const office = await generateOfficeKeyPair();
    expect((await keyFileError('')).message).toContain('empty');
    expect((await keyFileError('-----BEGIN PGP PUBLIC KEY BLOCK-----')).message).toContain('citykpi-keys v1');
    expect((await keyFileError('citykpi-keys v1\n')).message).toContain('no keys');
    const badRecipient = await keyFileError('citykpi-keys v1\n# c\nrecipient office age1nope');
    expect(badRecipient.line).toBe(3);
    expect(badRecipient.code).toBe('E_KEY_FILE');
    expect((await keyFileError(`citykpi-keys v1\nrecipient office ${office.publicText} extra`)).message).toContain('line 2');
    expect((await keyFileError(`citykpi-keys v1\npassword office hunter2`)).message).toContain('unknown key kind');
    expect((await keyFileError(`citykpi-keys v1\nsigner office AAAA`)).message).toContain('32-byte');
    expect((await keyFileError(`citykpi-keys v1\nidentity of/fice ${office.secretText}`)).message).toContain('label');
    expect((await keyFileError('citykpi-keys v1\n' + '#'.repeat(70_000))).message).toContain('64 KiB');
  });
});

describe('the inbox line', () => {
  const header = 'citykpi-keys v1\nsigner office AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n';

  it('carries the office inbox, normalised, and writes it back', async () => {
    const file = await parseKeyFile(`${header}inbox office https://inbox.office.example/citykpi/\n`);
    expect(file.inbox).toEqual({ label: 'office', url: 'https://inbox.office.example/citykpi' });
    const written = formatKeyFile([], [{ kind: 'inbox', label: 'office', url: 'https://inbox.office.example/citykpi/' }]);
    expect(written).toBe('citykpi-keys v1\ninbox office https://inbox.office.example/citykpi\n');
    expect((await parseKeyFile(header)).inbox).toBeNull();
  });

  it.each([
    'http://inbox.office.example',
    'ftp://inbox.office.example',
    'https://user:pw@inbox.office.example',
    'https://inbox.office.example/?token=1',
    'https://inbox.office.example/#x',
    'inbox.office.example',
    'http://[::1]:8080',
    'https://[2001:db8::1]',
  ])('refuses %s with its line number', async (url) => {
    await expect(parseKeyFile(`${header}inbox office ${url}\n`)).rejects.toMatchObject({ line: 3 });
  });

  it('accepts plain http only on this machine, and one inbox at most', async () => {
    expect((await parseKeyFile(`${header}inbox local http://127.0.0.1:8080\n`)).inbox?.url).toBe('http://127.0.0.1:8080');
    expect(inboxOriginOf('http://localhost:9/x')).toBe('http://localhost:9');
    expect(inboxOriginOf('https://inbox.office.example:8443/citykpi')).toBe('https://inbox.office.example:8443');
    await expect(parseKeyFile(`${header}inbox a https://a.example\ninbox b https://b.example\n`)).rejects.toMatchObject({ line: 4 });
  });
});
