import { describe, expect, it } from 'vitest';
import { Decrypter, Encrypter } from 'age-encryption';
import { generateDeviceIdentity, exportPrivateKeyPkcs8 } from '../../core/crypto/device-identity.ts';
import { KeyFileError, formatKeyFile, parseKeyFile } from '../../core/crypto/key-file.ts';
import { generateOfficeKeyPair, recipientIdOf } from '../../core/crypto/office-keys.ts';

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
