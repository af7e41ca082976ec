/** Migration 0001, the first office schema. Released migrations are never edited: a change is a new file. */
export const OFFICE_STORE_SQL = `
-- The office's store: every revision received from a signed bundle, kept as received and never changed.
-- Current values and conflicts are views derived from it exactly as the app derives them.

-- Laptops whose bundles are merged. A bundle from any other signer waits in quarantine.
CREATE TABLE signers (
  public_key  text PRIMARY KEY CHECK (public_key ~ '^[A-Za-z0-9_-]{43}$'),
  fingerprint text NOT NULL,
  label       text NOT NULL,
  enrolled_at timestamptz NOT NULL DEFAULT now()
);

-- One row per bundle merged: the import ledger, and the office's signed receipt for it.
CREATE TABLE bundles (
  bundle_id          text PRIMARY KEY CHECK (bundle_id ~ '^[0-9a-f]{32}$'),
  file_sha256        text NOT NULL UNIQUE CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  signer_key         text NOT NULL,
  signer_fingerprint text NOT NULL,
  device_id          text NOT NULL,
  device_name        text NOT NULL,
  created_at         text NOT NULL,
  revision_count     integer NOT NULL,
  received_at        timestamptz NOT NULL DEFAULT now(),
  receipt            bytea
);

-- Append-only: the revision id (SHA-256 of its content) is the key, so the same edit arriving in many
-- bundles is stored once. signer_key and bundle_id name the bundle that first brought it.
CREATE TABLE revisions (
  revision_id text PRIMARY KEY CHECK (revision_id ~ '^[0-9a-f]{64}$'),
  record_id   text NOT NULL,
  fields      jsonb NOT NULL,
  author      text NOT NULL,
  device_id   text NOT NULL,
  hlc         text NOT NULL,
  parents     text[] NOT NULL,
  canonical   text NOT NULL,
  signer_key  text NOT NULL,
  bundle_id   text NOT NULL REFERENCES bundles (bundle_id),
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX revisions_by_record ON revisions (record_id);
CREATE INDEX revisions_by_bundle ON revisions (bundle_id);

-- Evidence files, addressed by the SHA-256 of their bytes.
CREATE TABLE attachments (
  sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes       bytea NOT NULL,
  bundle_id   text NOT NULL REFERENCES bundles (bundle_id),
  received_at timestamptz NOT NULL DEFAULT now()
);

-- Bundles from signers that are not enrolled, checked completely and held for an analyst's decision.
CREATE TABLE quarantine (
  file_sha256        text PRIMARY KEY CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  bundle_id          text NOT NULL,
  signer_key         text NOT NULL,
  signer_fingerprint text NOT NULL,
  device_id          text NOT NULL,
  device_name        text NOT NULL,
  created_at         text NOT NULL,
  revision_count     integer NOT NULL,
  bytes              bytea,
  received_at        timestamptz NOT NULL DEFAULT now(),
  decision           text CHECK (decision IN ('accepted', 'rejected')),
  decided_at         timestamptz
);

-- Uploads per device and hour, shared by every server process.
CREATE TABLE upload_counts (
  signer_key text NOT NULL,
  hour       timestamptz NOT NULL,
  uploads    integer NOT NULL,
  PRIMARY KEY (signer_key, hour)
);

CREATE FUNCTION citykpi_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'citykpi: % is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON revisions
  FOR EACH ROW EXECUTE FUNCTION citykpi_refuse_change();
CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON revisions
  FOR EACH STATEMENT EXECUTE FUNCTION citykpi_refuse_change();
CREATE TRIGGER attachments_append_only BEFORE UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION citykpi_refuse_change();

-- A bundle row changes once at most: a receipt is added where none was signed yet.
CREATE FUNCTION citykpi_bundle_receipt_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.receipt IS NOT NULL
     OR (to_jsonb(NEW) - 'receipt') IS DISTINCT FROM (to_jsonb(OLD) - 'receipt') THEN
    RAISE EXCEPTION 'citykpi: bundles are append-only (only a missing receipt may be added)';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER bundles_append_only BEFORE UPDATE OR DELETE ON bundles
  FOR EACH ROW EXECUTE FUNCTION citykpi_bundle_receipt_only();

-- Every field a revision sets, one row each.
CREATE VIEW field_writes AS
SELECT r.record_id, f.key AS field, f.value, r.revision_id, r.author, r.device_id, r.hlc, r.parents
FROM revisions r
CROSS JOIN LATERAL jsonb_each(r.fields) AS f (key, value);

-- The candidates of a field: writes of it that no other write of the same field descends from
-- (the walk goes down the record's own parents, through revisions that set other fields too).
-- A function rather than a plain view so that JIT compilation, which the planner's poor row estimates
-- for jsonb_each would trigger and which costs seconds, stays off.
CREATE FUNCTION citykpi_field_candidates()
RETURNS TABLE (record_id text, field text, value jsonb, revision_id text, author text, device_id text, hlc text)
LANGUAGE sql STABLE SET jit = off AS $$
WITH RECURSIVE superseded (record_id, field, revision_id) AS (
  SELECT w.record_id, w.field, p.id
  FROM field_writes w
  CROSS JOIN LATERAL unnest(w.parents) AS p (id)
  UNION
  SELECT s.record_id, s.field, p.id
  FROM superseded s
  JOIN revisions r ON r.revision_id = s.revision_id AND r.record_id = s.record_id
  CROSS JOIN LATERAL unnest(r.parents) AS p (id)
)
SELECT w.record_id, w.field, w.value, w.revision_id, w.author, w.device_id, w.hlc
FROM field_writes w
WHERE NOT EXISTS (
  SELECT 1 FROM superseded s WHERE s.record_id = w.record_id AND s.field = w.field AND s.revision_id = w.revision_id
)
$$;
CREATE VIEW field_candidates AS SELECT * FROM citykpi_field_candidates();

-- The current value of every field of every record; a field whose candidates disagree is a conflict
-- and has no value. candidates: every write that counts, sorted by revision id.
CREATE VIEW current_fields AS
SELECT
  record_id,
  field,
  count(DISTINCT value) > 1 AS conflict,
  CASE WHEN count(DISTINCT value) = 1 THEN (array_agg(value))[1] END AS value,
  jsonb_agg(
    jsonb_build_object('value', value, 'author', author, 'deviceId', device_id, 'hlc', hlc, 'revisionId', revision_id)
    ORDER BY revision_id
  ) AS candidates
FROM field_candidates
GROUP BY record_id, field;

-- KPI value fields with the city and year of their assessment (the rows of citykpi values --fields).
CREATE VIEW kpi_value_fields AS
WITH current AS MATERIALIZED (SELECT * FROM current_fields)
SELECT
  CASE WHEN jsonb_typeof(city.value) = 'string' THEN city.value #>> '{}' END AS city_id,
  CASE WHEN jsonb_typeof(year.value) = 'number' THEN (year.value #>> '{}')::double precision END AS year,
  split_part(f.record_id, ':', 2) AS assessment_id,
  split_part(f.record_id, ':', 3) AS kpi_id,
  split_part(f.record_id, ':', 4) AS point_id,
  f.field,
  f.conflict,
  f.value,
  f.candidates
FROM current f
LEFT JOIN current city ON city.record_id = 'assessment:' || split_part(f.record_id, ':', 2) AND city.field = 'cityId'
LEFT JOIN current year ON year.record_id = 'assessment:' || split_part(f.record_id, ':', 2) AND year.field = 'year'
WHERE f.record_id LIKE 'value:%';

-- Every competing write of every field in conflict, one row each, for follow-up with the city.
CREATE VIEW conflicts AS
SELECT
  f.record_id,
  f.field,
  c.value,
  c.author,
  c.device_id,
  c.hlc,
  c.revision_id,
  b.device_name AS received_from,
  b.received_at
FROM current_fields f
JOIN field_candidates c ON c.record_id = f.record_id AND c.field = f.field
JOIN revisions r ON r.revision_id = c.revision_id
JOIN bundles b ON b.bundle_id = r.bundle_id
WHERE f.conflict;
`;
