/** Migration 0002: the catalogue's data points as reference data, and the computed KPI values as a view. */
export const KPI_VALUES_SQL = `
-- What the app's catalogues say about each data point: how its value is computed. Reference data, not
-- history: citykpi db migrate refreshes it from the catalogues the installed citykpi knows.
CREATE TABLE catalogue_points (
  catalogue_id text NOT NULL,
  kpi_id       text NOT NULL,
  point_id     text NOT NULL,
  kpi_code     text NOT NULL,
  unit         text NOT NULL,
  computation  text NOT NULL CHECK (computation IN ('ratio', 'direct', 'choice')),
  scale        double precision,
  denominator  text CHECK (denominator IN ('entered', 'population', 'households')),
  options      text[],
  PRIMARY KEY (catalogue_id, kpi_id, point_id)
);

-- The KPI value of every data point, computed as the app computes it (core/compute, core/bundle/point-values.ts):
-- value_kind computed (numerator x scale / denominator, the denominator entered or the city's population or
-- households), override (a value typed for a ratio KPI), direct, choice, missing, or conflict when a field the
-- value depends on holds competing values.
CREATE VIEW kpi_values AS
WITH current AS MATERIALIZED (SELECT * FROM current_fields),
record_fields AS (
  SELECT
    record_id,
    (array_agg(value) FILTER (WHERE field = 'status' AND NOT conflict))[1] AS status,
    (array_agg(value) FILTER (WHERE field = 'choice' AND NOT conflict))[1] AS choice,
    (array_agg(value) FILTER (WHERE field = 'directValue' AND NOT conflict))[1] AS direct_value,
    (array_agg(value) FILTER (WHERE field = 'numerator' AND NOT conflict))[1] AS numerator,
    (array_agg(value) FILTER (WHERE field = 'denominator' AND NOT conflict))[1] AS denominator,
    (array_agg(value) FILTER (WHERE field = 'cityId' AND NOT conflict))[1] AS city_id,
    (array_agg(value) FILTER (WHERE field = 'catalogueId' AND NOT conflict))[1] AS catalogue_id,
    (array_agg(value) FILTER (WHERE field = 'year' AND NOT conflict))[1] AS year,
    (array_agg(value) FILTER (WHERE field = 'population' AND NOT conflict))[1] AS population,
    (array_agg(value) FILTER (WHERE field = 'households' AND NOT conflict))[1] AS households,
    coalesce(bool_or(conflict) FILTER (WHERE field = 'status'), false) AS status_conflict,
    coalesce(bool_or(conflict) FILTER (WHERE field = 'choice'), false) AS choice_conflict,
    coalesce(bool_or(conflict) FILTER (WHERE field = 'directValue'), false) AS direct_conflict,
    coalesce(bool_or(conflict) FILTER (WHERE field = 'numerator'), false) AS numerator_conflict,
    coalesce(bool_or(conflict) FILTER (WHERE field = 'denominator'), false) AS denominator_conflict,
    coalesce(bool_or(conflict) FILTER (WHERE field = 'population'), false) AS population_conflict,
    coalesce(bool_or(conflict) FILTER (WHERE field = 'households'), false) AS households_conflict
  FROM current
  GROUP BY record_id
),
points AS (
  SELECT
    v.record_id,
    split_part(v.record_id, ':', 2) AS assessment_id,
    split_part(v.record_id, ':', 3) AS kpi_id,
    split_part(v.record_id, ':', 4) AS point_id,
    CASE WHEN jsonb_typeof(a.city_id) = 'string' THEN a.city_id #>> '{}' END AS city_id,
    CASE WHEN jsonb_typeof(a.year) = 'number' THEN (a.year #>> '{}')::double precision END AS year,
    p.kpi_code, p.unit, p.computation, p.scale, p.denominator AS denominator_source, p.options,
    v.status #>> '{}' AS status,
    CASE WHEN jsonb_typeof(v.choice) = 'string' THEN v.choice #>> '{}' END AS choice,
    CASE WHEN jsonb_typeof(v.direct_value) = 'number' THEN (v.direct_value #>> '{}')::double precision END AS direct_value,
    CASE WHEN jsonb_typeof(v.numerator) = 'number' THEN (v.numerator #>> '{}')::double precision END AS numerator,
    CASE WHEN jsonb_typeof(v.denominator) = 'number' THEN (v.denominator #>> '{}')::double precision END AS entered_denominator,
    CASE WHEN jsonb_typeof(c.population) = 'number' THEN (c.population #>> '{}')::double precision END AS population,
    CASE WHEN jsonb_typeof(c.households) = 'number' THEN (c.households #>> '{}')::double precision END AS households,
    v.status_conflict, v.choice_conflict, v.direct_conflict, v.numerator_conflict, v.denominator_conflict,
    coalesce(c.population_conflict, false) AS population_conflict,
    coalesce(c.households_conflict, false) AS households_conflict,
    v.status IS NOT NULL AND jsonb_typeof(v.status) = 'string' AS status_is_text
  FROM record_fields v
  LEFT JOIN record_fields a ON a.record_id = 'assessment:' || split_part(v.record_id, ':', 2)
  LEFT JOIN record_fields c ON jsonb_typeof(a.city_id) = 'string' AND c.record_id = 'city:' || (a.city_id #>> '{}')
  LEFT JOIN catalogue_points p ON jsonb_typeof(a.catalogue_id) = 'string' AND p.catalogue_id = a.catalogue_id #>> '{}'
    AND p.kpi_id = split_part(v.record_id, ':', 3) AND p.point_id = split_part(v.record_id, ':', 4)
  WHERE v.record_id LIKE 'value:%'
),
decided AS (
  SELECT
    *,
    -- The city's shared denominator counts only when the point has none of its own.
    CASE WHEN computation = 'ratio' AND denominator_source <> 'entered' AND entered_denominator IS NULL THEN denominator_source END AS profile_field,
    CASE WHEN computation = 'ratio' AND entered_denominator IS NULL THEN
      CASE denominator_source WHEN 'population' THEN population WHEN 'households' THEN households END
    ELSE entered_denominator END AS denominator_used
  FROM points
),
computed AS (
  SELECT
    *,
    CASE
      WHEN computation IS NULL THEN 'missing'
      WHEN status_conflict
        OR (computation = 'choice' AND choice_conflict)
        OR (computation IN ('direct', 'ratio') AND direct_conflict)
        OR (computation = 'ratio' AND (numerator_conflict OR denominator_conflict))
        OR (profile_field = 'population' AND population_conflict)
        OR (profile_field = 'households' AND households_conflict) THEN 'conflict'
      WHEN status_is_text AND status = 'notReported' THEN 'missing'
      WHEN computation = 'choice' THEN CASE WHEN choice = ANY (options) THEN 'choice' ELSE 'missing' END
      WHEN direct_value IS NOT NULL THEN CASE computation WHEN 'direct' THEN 'direct' ELSE 'override' END
      WHEN computation = 'direct' THEN 'missing'
      WHEN numerator IS NULL OR denominator_used IS NULL OR denominator_used <= 0 OR abs(numerator) > 1e300 / scale THEN 'missing'
      ELSE 'computed'
    END AS value_kind
  FROM decided
)
SELECT
  city_id,
  year,
  assessment_id,
  kpi_code,
  kpi_id,
  point_id,
  CASE value_kind
    WHEN 'choice' THEN to_jsonb(choice)
    WHEN 'direct' THEN to_jsonb(direct_value)
    WHEN 'override' THEN to_jsonb(direct_value)
    WHEN 'computed' THEN to_jsonb(numerator * scale / denominator_used)
  END AS value,
  value_kind,
  unit
FROM computed;
`;
