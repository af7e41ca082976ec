/**
 * The proven maker of each revision (core/bundle/provenance.ts), kept when a bundle is merged so that
 * what the database shows about who made an edit is what decoding the same files shows.
 */
import type { RevisionOrigin } from '../../core/bundle/provenance.ts';
import { fromBase64Url, toBase64Url } from '../../core/crypto/bytes.ts';
import type { Revision } from '../../core/revisions/types.ts';
import type { PoolClient } from './database.ts';

/** The first bundle that proves a revision's maker names it; a later one changes nothing. */
export async function storeOrigins(
  client: PoolClient,
  revisions: readonly Revision[],
  origins: ReadonlyMap<string, RevisionOrigin>,
  bundleId: string,
): Promise<void> {
  const rows = revisions.map((revision) => {
    const origin = origins.get(revision.id);
    // decodeBundle attributes every revision or refuses the bundle.
    if (!origin) throw new Error(`revision ${revision.id} has no proven origin`);
    return {
      revision_id: revision.id,
      maker_key: toBase64Url(origin.publicKey),
      maker_fingerprint: origin.fingerprint,
      maker_device_id: origin.deviceId,
      maker_device_name: origin.deviceName,
      proof: origin.proof,
    };
  });
  await client.query(
    `INSERT INTO revision_origins (revision_id, maker_key, maker_fingerprint, maker_device_id, maker_device_name, proof, bundle_id)
     SELECT o.revision_id, o.maker_key, o.maker_fingerprint, o.maker_device_id, o.maker_device_name, o.proof, $2
     FROM jsonb_to_recordset($1::jsonb)
       AS o (revision_id text, maker_key text, maker_fingerprint text, maker_device_id text, maker_device_name text, proof text)
     ORDER BY o.revision_id
     ON CONFLICT (revision_id) DO NOTHING`,
    [JSON.stringify(rows), bundleId],
  );
}

interface OriginRow {
  readonly revision_id: string;
  readonly maker_key: string;
  readonly maker_fingerprint: string;
  readonly maker_device_id: string;
  readonly maker_device_name: string;
  readonly proof: RevisionOrigin['proof'];
}

/** Every stored origin by revision id. Revisions merged before origins were kept may have none. */
export async function storedOrigins(client: PoolClient): Promise<Map<string, RevisionOrigin>> {
  const { rows } = await client.query<OriginRow>(
    'SELECT revision_id, maker_key, maker_fingerprint, maker_device_id, maker_device_name, proof FROM revision_origins',
  );
  return new Map(
    rows.map((row) => [
      row.revision_id,
      {
        deviceId: row.maker_device_id,
        deviceName: row.maker_device_name,
        publicKey: fromBase64Url(row.maker_key)!,
        fingerprint: row.maker_fingerprint,
        proof: row.proof,
      },
    ]),
  );
}
