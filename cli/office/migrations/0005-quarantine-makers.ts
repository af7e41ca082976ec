/** Migration 0005: a held bundle names the devices whose relayed edits it carries and that are not enrolled. */
export const QUARANTINE_MAKERS_SQL = `
-- A bundle is held when its signer, or the maker of any revision it relays with an attestation, is not
-- enrolled. Each such maker: {"publicKey", "fingerprint", "deviceId", "deviceName"}. Bundles held before
-- this migration were held for their signer alone.
ALTER TABLE quarantine ADD COLUMN unenrolled_makers jsonb NOT NULL DEFAULT '[]'
  CHECK (jsonb_typeof(unenrolled_makers) = 'array');
`;
