/** Device identity, signatures and office keys (WebCrypto + age). */
export { fromBase64Url, toBase64Url, toHex } from './bytes.ts';
export {
  deviceIdFromPublicKey,
  deviceIdentityFromSeed,
  exportPrivateKeyPkcs8,
  exportPublicKeyRaw,
  generateDeviceIdentity,
  importDeviceIdentity,
  type DeviceIdentity,
} from './device-identity.ts';
export { fingerprintOf } from './fingerprint.ts';
export {
  DEFAULT_PBKDF2_ITERATIONS,
  PASSPHRASE_WRAP_FORMAT,
  WrongPassphraseError,
  unwrapWithPassphrase,
  wrapWithPassphrase,
  type PassphraseWrapped,
} from './passphrase-wrap.ts';
export { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, SIGNING_DOMAINS, sign, verify, type SigningDomain } from './signing.ts';
export { generateOfficeKeyPair, recipientIdOf, recipientOfIdentity, type OfficeKeyPair } from './office-keys.ts';
export {
  KEY_FILE_HEADER,
  KeyFileError,
  formatKeyFile,
  parseKeyFile,
  type KeyFile,
  type KeyFileEntry,
  type KeyFileIdentity,
  type KeyFileInbox,
  type KeyFileRecipient,
  type KeyFileSigner,
  type KeyFileSigningKey,
} from './key-file.ts';
export { inboxOriginOf, inboxUploadUrl, normaliseInboxUrl } from './office-inbox.ts';
export { cryptoSelfTest, type CryptoSelfTestResult } from './self-test.ts';
