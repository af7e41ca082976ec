/**
 * Who made each revision, as far as a key proves it: this device's own key for revisions typed here,
 * the key of a kept attestation for imported ones (core/bundle/provenance.ts: every bundle attests its
 * signer's revisions and relays the others' attestations, and the import keeps them), and no key for
 * the demo's and the catalogue update's revisions, which every laptop makes byte for byte.
 */
import { fromBase64Url } from '../../../core/crypto/bytes.ts';
import { fingerprintOf } from '../../../core/crypto/fingerprint.ts';
import { isKeylessRevision, type RevisionOrigin } from '../../../core/bundle/provenance.ts';
import type { Revision } from '../../../core/revisions/types.ts';
import type { CityKpiDb } from './db.ts';
import { DEVICE_ID } from './meta.ts';

export type ShownOrigin =
  | { readonly kind: 'key'; readonly fingerprint: string; readonly deviceName: string; readonly thisDevice: boolean }
  /** The demo or the catalogue update: made on every laptop, by no key. */
  | { readonly kind: 'keyless' }
  /** No kept attestation names it (data from before provenance): the device id is only a claim. */
  | { readonly kind: 'unproven' };

/** The origin of each of these revisions, by id. */
export async function revisionOrigins(db: CityKpiDb, revisions: readonly Revision[]): Promise<Map<string, ShownOrigin>> {
  const wanted = new Set(revisions.map((revision) => revision.id));
  // Read in one transaction, hash after it: a WebCrypto await would end an IndexedDB transaction.
  const { ownDevice, ownKey, attestedBy } = await db.transaction('r', [db.meta, db.identity, db.attestations], async () => {
    const attested = new Map<string, { deviceId: string; deviceName: string; publicKey: string }[]>();
    await db.attestations.each((attestation) => {
      for (const id of attestation.revisionIds) {
        if (!wanted.has(id)) continue;
        const device = { deviceId: attestation.device.id, deviceName: attestation.device.name, publicKey: attestation.device.publicKey };
        attested.set(id, [...(attested.get(id) ?? []), device]);
      }
    });
    return { ownDevice: (await db.meta.get(DEVICE_ID))?.value ?? null, ownKey: (await db.identity.get('device'))?.publicKey ?? null, attestedBy: attested };
  });
  const fingerprints = new Map<string, Promise<string>>();
  const fingerprintOfText = (publicKey: string): Promise<string> | null => {
    const raw = fromBase64Url(publicKey);
    if (!raw) return null;
    if (!fingerprints.has(publicKey)) fingerprints.set(publicKey, fingerprintOf(raw));
    return fingerprints.get(publicKey)!;
  };
  const ownFingerprint = ownKey ? await fingerprintOf(ownKey) : null;
  const origins = new Map<string, ShownOrigin>();
  for (const revision of revisions) {
    if (isKeylessRevision(revision)) {
      origins.set(revision.id, { kind: 'keyless' });
      continue;
    }
    if (revision.deviceId === ownDevice && ownFingerprint) {
      origins.set(revision.id, { kind: 'key', fingerprint: ownFingerprint, deviceName: '', thisDevice: true });
      continue;
    }
    const maker = attestedBy.get(revision.id)?.find((device) => device.deviceId === revision.deviceId);
    const fingerprint = maker ? await fingerprintOfText(maker.publicKey) : null;
    origins.set(revision.id, maker && fingerprint ? { kind: 'key', fingerprint, deviceName: maker.deviceName, thisDevice: false } : { kind: 'unproven' });
  }
  return origins;
}

/** How a decoded bundle's proven origin of a revision is shown. */
export function shownOriginOf(origin: RevisionOrigin): ShownOrigin {
  return origin.proof === 'keyless' ? { kind: 'keyless' } : { kind: 'key', fingerprint: origin.fingerprint, deviceName: origin.deviceName, thisDevice: false };
}

/** The makers of a decoded bundle's revisions, each with how many it made, the most first. */
export function makersOf(origins: ReadonlyMap<string, RevisionOrigin>): { readonly origin: ShownOrigin; readonly count: number }[] {
  const groups = new Map<string, { origin: ShownOrigin; count: number }>();
  for (const origin of origins.values()) {
    const key = origin.proof === 'keyless' ? 'keyless' : origin.fingerprint;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { origin: shownOriginOf(origin), count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
