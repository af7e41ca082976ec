/**
 * Migration 0006: a ratio that does not fit a double (a huge numerator over a tiny denominator) made the
 * whole kpi_values query fail with an overflow, and every view built on it. It is now missing, as core's
 * computePointValue leaves a non-finite result; a result too small for a double is 0, as in JavaScript.
 *
 * The view is 0002's, with only the ratio replaced. It is derived from 0002's text, which is released and
 * never changes, rather than copied; the checks below fail at load if that text were ever not as expected.
 */
import { KPI_VALUES_SQL } from './0002-kpi-values.ts';

const RATIO_FUNCTION = `
-- numerator x scale / denominator as core/compute computes it in IEEE doubles: NULL when the result is not
-- finite, 0 when it underflows (PostgreSQL raises an error in both cases; JavaScript gives Infinity or 0).
CREATE FUNCTION citykpi_ratio(numerator double precision, scale double precision, denominator double precision)
RETURNS double precision LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  -- The view tests this too, but SQL does not promise to evaluate that test first.
  IF denominator <= 0 THEN RETURN NULL; END IF;
  RETURN numerator * scale / denominator;
EXCEPTION WHEN numeric_value_out_of_range THEN
  -- Exact in numeric, so telling overflow from underflow cannot fail in turn.
  RETURN CASE WHEN abs(numerator::numeric) * scale::numeric > abs(denominator::numeric) THEN NULL ELSE 0 END;
END
$$;
`;

function replaced(sql: string, from: string, to: string): string {
  if (sql.split(from).length !== 2) throw new Error(`migration 0006: 0002's view text changed near ${JSON.stringify(from)}`);
  return sql.replace(from, () => to);
}

const VIEW_START = 'CREATE VIEW kpi_values AS';

function finiteRatioView(): string {
  let view = replaced(KPI_VALUES_SQL.slice(KPI_VALUES_SQL.indexOf(VIEW_START)), VIEW_START, 'CREATE OR REPLACE VIEW kpi_values AS');
  view = replaced(view, 'OR abs(numerator) > 1e300 / scale THEN', 'OR citykpi_ratio(numerator, scale, denominator_used) IS NULL THEN');
  return replaced(view, 'to_jsonb(numerator * scale / denominator_used)', 'to_jsonb(citykpi_ratio(numerator, scale, denominator_used))');
}

export const FINITE_RATIOS_SQL = `${RATIO_FUNCTION}
${finiteRatioView()}`;
