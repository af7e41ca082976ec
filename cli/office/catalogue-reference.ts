/**
 * The catalogues' data points as reference rows (table catalogue_points), so the kpi_values view computes
 * values as the app does. Refreshed by `citykpi db migrate` in one transaction: a newer citykpi with
 * corrected catalogues brings the database along.
 */
import { CATALOGUES, pointsOf } from '../../core/catalogue/index.ts';
import { type PoolClient, inTransaction } from './database.ts';
import { lockSchema } from './migrations.ts';

export async function refreshCatalogueReference(client: PoolClient): Promise<void> {
  const rows = CATALOGUES.flatMap((catalogue) =>
    catalogue.kpis.flatMap((kpi) =>
      pointsOf(kpi).map((point) => {
        const { computation } = point;
        return {
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
      `INSERT INTO catalogue_points (catalogue_id, kpi_id, point_id, kpi_code, unit, computation, scale, denominator, options)
       SELECT r.catalogue_id, r.kpi_id, r.point_id, r.kpi_code, r.unit, r.computation, r.scale, r.denominator,
              CASE WHEN r.options IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(r.options)) END
       FROM jsonb_to_recordset($1::jsonb) AS r (catalogue_id text, kpi_id text, point_id text, kpi_code text, unit text,
            computation text, scale double precision, denominator text, options jsonb)`,
      [JSON.stringify(rows)],
    );
  });
}
