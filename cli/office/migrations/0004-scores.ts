/**
 * Migration 0004: target sets, the app's hard validation rules and scores as views, computed from the
 * revisions as core/targets, core/validation and core/scoring compute them.
 */
export const SCORES_SQL = `
-- What scoring needs of each data point, refreshed with the rest of catalogue_points by db migrate: its
-- place in the catalogue, the areas of its KPI, its direction, the hard range validation holds it to
-- (a percentage without one: 0 to 100) and whether it is a percentage.
ALTER TABLE catalogue_points
  ADD COLUMN position     integer,
  ADD COLUMN category     text,
  ADD COLUMN subdimension text,
  ADD COLUMN dimension    text,
  ADD COLUMN direction    text CHECK (direction IN ('higher', 'lower', 'target')),
  ADD COLUMN hard_min     double precision,
  ADD COLUMN hard_max     double precision,
  ADD COLUMN percentage   boolean;

-- A field's value as the app reads it: a number, or non-empty text; anything else is none.
CREATE FUNCTION citykpi_number(value jsonb) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'number' THEN (value #>> '{}')::double precision END
$$;
CREATE FUNCTION citykpi_text(value jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'string' AND value #>> '{}' <> '' THEN value #>> '{}' END
$$;
-- Whether a field holds anything: a cleared field is null or an empty string.
CREATE FUNCTION citykpi_filled(value jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT value IS NOT NULL AND value <> 'null'::jsonb AND value <> '""'::jsonb
$$;

-- The published bands (core/scoring/achievement.ts): 1 point below 33 % of the target, 2 below 66 %,
-- 3 below 95 %, 4 from 95 %; a share exactly on an edge belongs to the higher band, float noise aside.
CREATE FUNCTION citykpi_band(share double precision) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN share IS NULL THEN NULL
    WHEN floor(share * 1e9::double precision + 0.5::double precision) / 1e9::double precision >= 0.95::double precision THEN 4
    WHEN floor(share * 1e9::double precision + 0.5::double precision) / 1e9::double precision >= 0.66::double precision THEN 3
    WHEN floor(share * 1e9::double precision + 0.5::double precision) / 1e9::double precision >= 0.33::double precision THEN 2
    ELSE 1
  END
$$;

-- Every assessment with its city, year and catalogue.
CREATE VIEW assessments AS
SELECT
  split_part(record_id, ':', 2) AS assessment_id,
  citykpi_text((array_agg(value) FILTER (WHERE field = 'cityId' AND NOT conflict))[1]) AS city_id,
  citykpi_number((array_agg(value) FILTER (WHERE field = 'year' AND NOT conflict))[1]) AS year,
  citykpi_text((array_agg(value) FILTER (WHERE field = 'catalogueId' AND NOT conflict))[1]) AS catalogue_id
FROM current_fields
WHERE record_id LIKE 'assessment:%'
GROUP BY record_id;

-- Target sets (records targetSet:<id>, core/targets/records.ts), deleted ones left out.
CREATE VIEW target_sets AS
WITH sets AS (
  SELECT
    split_part(record_id, ':', 2) AS target_set_id,
    (array_agg(value) FILTER (WHERE field = 'name' AND NOT conflict))[1] AS name,
    (array_agg(value) FILTER (WHERE field = 'source' AND NOT conflict))[1] AS source,
    (array_agg(value) FILTER (WHERE field = 'catalogueId' AND NOT conflict))[1] AS catalogue_id,
    (array_agg(value) FILTER (WHERE field = 'example' AND NOT conflict))[1] AS example,
    (array_agg(value) FILTER (WHERE field = 'note' AND NOT conflict))[1] AS note,
    (array_agg(value) FILTER (WHERE field = 'deleted' AND NOT conflict))[1] AS deleted
  FROM current_fields
  WHERE record_id LIKE 'targetSet:%'
  GROUP BY record_id
)
SELECT
  target_set_id,
  coalesce(citykpi_text(name), target_set_id) AS name,
  coalesce(citykpi_text(source), '') AS source,
  coalesce(citykpi_text(catalogue_id), '') AS catalogue_id,
  example IS NOT DISTINCT FROM 'true'::jsonb AS example,
  citykpi_text(note) AS note
FROM sets
WHERE deleted IS DISTINCT FROM 'true'::jsonb;

-- The targets of those sets (records target:<set>:<kpi>:<point>): a target without a number or a
-- direction, or with either in conflict, is not part of its set.
CREATE VIEW targets AS
WITH members AS (
  SELECT
    record_id,
    (array_agg(value) FILTER (WHERE field = 'target' AND NOT conflict))[1] AS target,
    (array_agg(value) FILTER (WHERE field = 'direction' AND NOT conflict))[1] AS direction,
    (array_agg(value) FILTER (WHERE field = 'source' AND NOT conflict))[1] AS source,
    (array_agg(value) FILTER (WHERE field = 'note' AND NOT conflict))[1] AS note
  FROM current_fields
  WHERE record_id LIKE 'target:%'
  GROUP BY record_id
)
SELECT
  s.target_set_id,
  split_part(m.record_id, ':', 3) AS kpi_id,
  split_part(m.record_id, ':', 4) AS point_id,
  citykpi_number(m.target) AS target,
  m.direction #>> '{}' AS direction,
  citykpi_text(m.source) AS source,
  citykpi_text(m.note) AS note
FROM members m
JOIN target_sets s ON s.target_set_id = split_part(m.record_id, ':', 2)
WHERE citykpi_number(m.target) IS NOT NULL
  AND jsonb_typeof(m.direction) = 'string'
  AND m.direction #>> '{}' IN ('higher', 'lower', 'target');

-- The hard rules of the app's validation (core/validation/validate-point.ts) for every data point of a
-- known catalogue, one column per rule, read from its settled fields. A value that breaks one stays
-- stored but counts as "reported with errors": scores leave it out.
CREATE VIEW kpi_value_checks AS
WITH current AS MATERIALIZED (SELECT record_id, field, value FROM current_fields WHERE NOT conflict),
record_fields AS (
  SELECT
    record_id,
    (array_agg(value) FILTER (WHERE field = 'status'))[1] AS status,
    (array_agg(value) FILTER (WHERE field = 'choice'))[1] AS choice,
    (array_agg(value) FILTER (WHERE field = 'directValue'))[1] AS direct_value,
    (array_agg(value) FILTER (WHERE field = 'numerator'))[1] AS numerator,
    (array_agg(value) FILTER (WHERE field = 'denominator'))[1] AS denominator,
    (array_agg(value) FILTER (WHERE field = 'dataYear'))[1] AS data_year,
    (array_agg(value) FILTER (WHERE field = 'cityId'))[1] AS city_id,
    (array_agg(value) FILTER (WHERE field = 'catalogueId'))[1] AS catalogue_id,
    (array_agg(value) FILTER (WHERE field = 'year'))[1] AS year,
    (array_agg(value) FILTER (WHERE field = 'population'))[1] AS population,
    (array_agg(value) FILTER (WHERE field = 'households'))[1] AS households
  FROM current
  GROUP BY record_id
),
points AS (
  SELECT
    split_part(v.record_id, ':', 2) AS assessment_id,
    split_part(v.record_id, ':', 3) AS kpi_id,
    split_part(v.record_id, ':', 4) AS point_id,
    p.computation, p.options, p.hard_min, p.hard_max, p.percentage,
    v.status IS NOT DISTINCT FROM '"notReported"'::jsonb AS not_reported,
    v.choice,
    citykpi_number(v.numerator) AS numerator,
    citykpi_number(v.denominator) AS entered_denominator,
    citykpi_number(v.data_year) AS data_year,
    (citykpi_filled(v.numerator) AND jsonb_typeof(v.numerator) <> 'number')
      OR (citykpi_filled(v.denominator) AND jsonb_typeof(v.denominator) <> 'number')
      OR (citykpi_filled(v.direct_value) AND jsonb_typeof(v.direct_value) <> 'number')
      OR (citykpi_filled(v.data_year) AND jsonb_typeof(v.data_year) <> 'number') AS not_a_number,
    citykpi_number(a.year) AS assessment_year,
    CASE p.denominator WHEN 'population' THEN citykpi_number(c.population) WHEN 'households' THEN citykpi_number(c.households) END AS profile_denominator
  FROM record_fields v
  JOIN record_fields a ON a.record_id = 'assessment:' || split_part(v.record_id, ':', 2)
  LEFT JOIN record_fields c ON jsonb_typeof(a.city_id) = 'string' AND c.record_id = 'city:' || (a.city_id #>> '{}')
  JOIN catalogue_points p ON jsonb_typeof(a.catalogue_id) = 'string' AND p.catalogue_id = a.catalogue_id #>> '{}'
    AND p.kpi_id = split_part(v.record_id, ':', 3) AND p.point_id = split_part(v.record_id, ':', 4)
  WHERE v.record_id LIKE 'value:%'
),
ruled AS (
  SELECT
    p.*,
    CASE WHEN k.value_kind IN ('computed', 'override', 'direct') THEN (k.value #>> '{}')::double precision END AS numeric_value,
    k.value_kind,
    coalesce(p.computation = 'ratio' AND p.numerator < 0, false) AS negative_numerator,
    coalesce(p.computation = 'ratio' AND p.entered_denominator <= 0, false) AS denominator_not_positive,
    -- A percentage whose range lets it pass 100 (school enrolment) may have a numerator above its denominator.
    coalesce(
      p.computation = 'ratio' AND coalesce(p.entered_denominator, p.profile_denominator) > 0
        AND p.numerator > coalesce(p.entered_denominator, p.profile_denominator)
        AND p.percentage AND p.hard_max <= 100,
      false
    ) AS numerator_exceeds_denominator,
    coalesce(
      p.data_year IS NOT NULL AND NOT (
        p.data_year = trunc(p.data_year) AND p.data_year >= 1950
        AND p.data_year <= coalesce(p.assessment_year, extract(year FROM now() AT TIME ZONE 'UTC')::double precision) + 1
      ),
      false
    ) AS data_year_out_of_range,
    coalesce(
      p.computation = 'choice' AND citykpi_filled(p.choice)
        AND NOT coalesce(jsonb_typeof(p.choice) = 'string' AND p.choice #>> '{}' = ANY (p.options), false),
      false
    ) AS choice_not_allowed
  FROM points p
  LEFT JOIN kpi_values k ON k.assessment_id = p.assessment_id AND k.kpi_id = p.kpi_id AND k.point_id = p.point_id
),
ranged AS (
  SELECT
    *,
    -- A numerator above its denominator already says why a computed percentage passes 100.
    coalesce(
      NOT (value_kind = 'computed' AND numerator_exceeds_denominator)
        AND (numeric_value < hard_min OR numeric_value > hard_max),
      false
    ) AS out_of_range
  FROM ruled
)
SELECT
  assessment_id, kpi_id, point_id,
  not_a_number, negative_numerator, denominator_not_positive, numerator_exceeds_denominator, out_of_range,
  data_year_out_of_range, choice_not_allowed,
  NOT not_reported AND (
    not_a_number OR negative_numerator OR denominator_not_positive OR numerator_exceeds_denominator OR out_of_range
    OR data_year_out_of_range OR choice_not_allowed
  ) AS has_error
FROM ranged;

-- Every data point of every assessment's catalogue scored against every target set, as core/scoring
-- scores it: achievement (value / target higher-better, target / value lower-better, smaller / larger
-- for a target value, capped at 1), points 1 to 4, or the reason it is left out.
CREATE VIEW point_scores AS
WITH point_values AS MATERIALIZED (SELECT * FROM kpi_values),
checks AS MATERIALIZED (SELECT assessment_id, kpi_id, point_id, has_error FROM kpi_value_checks),
set_list AS MATERIALIZED (SELECT target_set_id, catalogue_id FROM target_sets),
target_list AS MATERIALIZED (SELECT * FROM targets),
scope AS (
  SELECT
    a.assessment_id, a.city_id, a.year, a.catalogue_id, s.target_set_id, s.catalogue_id AS target_catalogue_id,
    p.kpi_code, p.kpi_id, p.point_id, p.position, p.category, p.subdimension, p.dimension, p.direction AS catalogue_direction
  FROM assessments a
  JOIN catalogue_points p ON p.catalogue_id = a.catalogue_id
  CROSS JOIN set_list s
  WHERE EXISTS (SELECT 1 FROM point_values v WHERE v.assessment_id = a.assessment_id)
),
joined AS (
  SELECT
    sc.*,
    v.value, v.value_kind, v.unit,
    coalesce(ch.has_error, false) AS has_error,
    t.target, t.direction AS target_direction, t.source AS target_source,
    tp.unit AS target_unit,
    CASE jsonb_typeof(v.value)
      WHEN 'number' THEN (v.value #>> '{}')::double precision
      WHEN 'string' THEN CASE v.value #>> '{}' WHEN 'yes' THEN 1 WHEN 'partial' THEN 0.5 WHEN 'no' THEN 0 END
    END AS number
  FROM scope sc
  LEFT JOIN point_values v ON v.assessment_id = sc.assessment_id AND v.kpi_id = sc.kpi_id AND v.point_id = sc.point_id
  LEFT JOIN checks ch ON ch.assessment_id = sc.assessment_id AND ch.kpi_id = sc.kpi_id AND ch.point_id = sc.point_id
  LEFT JOIN target_list t ON t.target_set_id = sc.target_set_id AND t.kpi_id = sc.kpi_id AND t.point_id = sc.point_id
  LEFT JOIN catalogue_points tp ON tp.catalogue_id = sc.target_catalogue_id AND tp.kpi_id = sc.kpi_id AND tp.point_id = sc.point_id
),
decided AS (
  SELECT
    *,
    CASE
      WHEN value_kind = 'conflict' THEN 'conflict'
      WHEN number IS NULL THEN 'notReported'
      WHEN has_error THEN 'invalidValue'
      WHEN target IS NULL THEN 'noTarget'
      WHEN unit IS NOT NULL AND target_unit IS NOT NULL AND unit <> target_unit THEN 'unitMismatch'
    END AS excluded
  FROM joined
),
achieved AS (
  SELECT
    *,
    CASE WHEN excluded IS NULL THEN
      CASE target_direction
        WHEN 'higher' THEN CASE WHEN number >= target THEN 1 WHEN target > 0 THEN least(1, greatest(0, number / target)) ELSE 0 END
        WHEN 'lower' THEN CASE WHEN number <= target THEN 1 WHEN target > 0 THEN least(1, greatest(0, target / number)) ELSE 0 END
        WHEN 'target' THEN CASE WHEN number = target THEN 1 WHEN number <= 0 OR target <= 0 THEN 0 ELSE least(number, target) / greatest(number, target) END
      END
    END::double precision AS achievement
  FROM decided
)
SELECT
  city_id, year, assessment_id, catalogue_id, target_set_id, kpi_code, kpi_id, point_id, position,
  category, subdimension, dimension,
  value,
  unit, target, coalesce(target_direction, catalogue_direction) AS direction, target_source,
  achievement, citykpi_band(achievement) AS points, excluded
FROM achieved;

-- Categories, sub-dimensions, dimensions and the whole assessment: points / (4 x scored data points).
CREATE VIEW area_scores AS
SELECT
  city_id, year, assessment_id, target_set_id,
  CASE
    WHEN GROUPING(category) = 0 THEN 'category'
    WHEN GROUPING(subdimension) = 0 THEN 'subdimension'
    WHEN GROUPING(dimension) = 0 THEN 'dimension'
    ELSE 'overall'
  END AS level,
  coalesce(category, subdimension, dimension, 'overall') AS area_id,
  coalesce(sum(points), 0)::integer AS points,
  4 * count(points)::integer AS max_points,
  count(points)::integer AS scored_points,
  (count(*) - count(points))::integer AS excluded_points,
  CASE WHEN count(points) > 0 THEN sum(points)::double precision / (4 * count(points))::double precision END AS share,
  citykpi_band(CASE WHEN count(points) > 0 THEN sum(points)::double precision / (4 * count(points))::double precision END) AS band
FROM point_scores
GROUP BY city_id, year, assessment_id, target_set_id, GROUPING SETS ((category), (subdimension), (dimension), ());
`;
