/**
 * The catalogues' data points as reference rows (table catalogue_points), so the kpi_values and score views
 * compute values, checks and scores as the app does. Refreshed by `citykpi db migrate` in one transaction: a newer citykpi with
 * corrected catalogues brings the database along.
 */
import { CATALOGUES, directionOf, pointsOf } from '../../core/catalogue/index.ts';
import { hardRangeOf, isPercentage } from '../../core/validation/index.ts';
import { type PoolClient, inTransaction } from './database.ts';
import { lockSchema } from './migrations.ts';

export async function refreshCatalogueReference(client: PoolClient): Promise<void> {
  let position = 0;
  const rows = CATALOGUES.flatMap((catalogue) =>
    catalogue.kpis.flatMap((kpi) =>
      pointsOf(kpi).map((point) => {
        const { computation } = point;
        const hardRange = hardRangeOf(kpi, point);
        return {
          position: position++,
          category: kpi.category,
          subdimension: kpi.subdimension,
          dimension: kpi.dimension,
          direction: directionOf(kpi, point),
          hard_min: hardRange?.min ?? null,
          hard_max: hardRange?.max ?? null,
          percentage: isPercentage(point),
          catalogue_id: catalogue.id,
          kpi_id: kpi.id,
          point_id: point.id,
          kpi_code: kpi.code,
          unit: point.unit,
          computation: computation.kind,
          scale: computation.kind === 'ratio' ? computation.scale : null,
          denominator: computation.kind === 'ratio' ? computation.denominator : null,
          options: computation.kind === 'choice' ? computation.options : null,
        };
      }),
    ),
  );
  await inTransaction(client, async () => {
    await lockSchema(client);
    await client.query('DELETE FROM catalogue_points');
    await client.query(
      `INSERT INTO catalogue_points (catalogue_id, kpi_id, point_id, kpi_code, unit, computation, scale, denominator, options,
                                    position, category, subdimension, dimension, direction, hard_min, hard_max, percentage)
       SELECT r.catalogue_id, r.kpi_id, r.point_id, r.kpi_code, r.unit, r.computation, r.scale, r.denominator,
              CASE WHEN r.options IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(r.options)) END,
              r.position, r.category, r.subdimension, r.dimension, r.direction, r.hard_min, r.hard_max, r.percentage
       FROM jsonb_to_recordset($1::jsonb) AS r (catalogue_id text, kpi_id text, point_id text, kpi_code text, unit text,
            computation text, scale double precision, denominator text, options jsonb, position integer, category text,
            subdimension text, dimension text, direction text, hard_min double precision, hard_max double precision, percentage boolean)`,
      [JSON.stringify(rows)],
    );
  });
}
