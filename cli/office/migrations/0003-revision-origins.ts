/** Migration 0003: the proven maker of every revision, kept at ingest, and shown with each conflict. */
export const REVISION_ORIGINS_SQL = `
-- Who is proven to have made each revision (core/bundle/provenance.ts), as the bundle that first proved
-- it said: 'signer' when the bundle's own signature covers it, 'attestation' when the maker's signed
-- statement came with a relayed revision, 'keyless' for revisions every installation makes itself
-- (the demo, the catalogue update), vouched for by the bundle's signer, whose key is kept.
CREATE TABLE revision_origins (
  revision_id       text PRIMARY KEY REFERENCES revisions (revision_id),
  maker_key         text NOT NULL CHECK (maker_key ~ '^[A-Za-z0-9_-]{43}$'),
  maker_fingerprint text NOT NULL,
  maker_device_id   text NOT NULL,
  maker_device_name text NOT NULL,
  proof             text NOT NULL CHECK (proof IN ('signer', 'attestation', 'keyless')),
  bundle_id         text NOT NULL REFERENCES bundles (bundle_id)
);
CREATE TRIGGER revision_origins_append_only BEFORE UPDATE OR DELETE ON revision_origins
  FOR EACH ROW EXECUTE FUNCTION citykpi_refuse_change();
CREATE TRIGGER revision_origins_no_truncate BEFORE TRUNCATE ON revision_origins
  FOR EACH STATEMENT EXECUTE FUNCTION citykpi_refuse_change();

-- Revisions stored before this migration. The ledger still proves two kinds: those claiming the device
-- that signed their bundle, and the keyless ones. Relayed revisions came with attestations that were
-- not kept, so they stay without an origin until a bundle brings them again.
INSERT INTO revision_origins (revision_id, maker_key, maker_fingerprint, maker_device_id, maker_device_name, proof, bundle_id)
SELECT r.revision_id, b.signer_key, b.signer_fingerprint, b.device_id, b.device_name, 'signer', b.bundle_id
FROM revisions r
JOIN bundles b ON b.bundle_id = r.bundle_id
WHERE r.device_id = b.device_id;

INSERT INTO revision_origins (revision_id, maker_key, maker_fingerprint, maker_device_id, maker_device_name, proof, bundle_id)
SELECT r.revision_id, b.signer_key, b.signer_fingerprint, r.device_id, r.author, 'keyless', b.bundle_id
FROM revisions r
JOIN bundles b ON b.bundle_id = r.bundle_id
WHERE r.device_id <> b.device_id
  AND (
    r.device_id = 'citykpi-catalogue-update'
    OR (
      r.device_id = 'citykpi-demo' AND cardinality(r.parents) = 0
      AND (r.record_id = 'city:demo-city-lake-amara'
        OR r.record_id = 'assessment:demo-assessment-lake-amara-2025'
        OR r.record_id LIKE 'value:demo-assessment-lake-amara-2025:%')
    )
  );

-- Columns added at the end, so queries written for the first version of this view still work.
CREATE OR REPLACE VIEW conflicts AS
SELECT
  f.record_id,
  f.field,
  c.value,
  c.author,
  c.device_id,
  c.hlc,
  c.revision_id,
  b.device_name AS received_from,
  b.received_at,
  o.maker_fingerprint,
  o.maker_device_id,
  o.maker_device_name,
  o.proof
FROM current_fields f
JOIN field_candidates c ON c.record_id = f.record_id AND c.field = f.field
JOIN revisions r ON r.revision_id = c.revision_id
JOIN bundles b ON b.bundle_id = r.bundle_id
LEFT JOIN revision_origins o ON o.revision_id = c.revision_id
WHERE f.conflict;
`;
