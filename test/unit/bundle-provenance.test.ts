/**
 * Provenance (format 1.1): every revision is bound to the key that made it. A bundle's own revisions by
 * its signature, relayed ones by their maker's attestation, carried through office merges and laptop
 * re-exports; a revision that claims another device without that proof is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle, type DecodedBundle } from '../../core/bundle/index.ts';
import type { BundleSigner } from '../../core/bundle/encode.ts';
import { MIGRATION_DEVICE } from '../../renderer/src/data/catalogue-migration.ts';
import { CATALOGUE_UPDATE_DEVICE, PROVENANCE_PART, attest, attestationLine, decodeProvenancePart } from '../../core/bundle/provenance.ts';
import { DEFAULT_LIMITS } from '../../core/bundle/limits.ts';
import { toBase64Url, utf8 } from '../../core/crypto/bytes.ts';
import { fingerprintOf } from '../../core/crypto/fingerprint.ts';
import { demoRevisions } from '../../core/demo/index.ts';
import { repack, resign, unpack } from '../fixtures/bundles/forge.ts';
import { edit, sampleRevisions, signerFromSeed } from '../fixtures/bundles/helpers.ts';

let laptop1: BundleSigner;
let laptop2: BundleSigner;
let office: BundleSigner;
let attacker: BundleSigner;

beforeAll(async () => {
  [laptop1, laptop2, office, attacker] = await Promise.all([signerFromSeed(61, 'Laptop 1'), signerFromSeed(62, 'Laptop 2'), signerFromSeed(63, 'Central office'), signerFromSeed(64, 'Fresh key')]);
});

const open = { kind: 'none' } as const;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: string }).code ?? String(error),
  );
}

async function fieldBundle(device: BundleSigner, city: string): Promise<DecodedBundle> {
  const revisions = [
    await edit(device.id, `city:${city}`, { name: city, country: 'XX', population: 1000 }, 1_000, [], device.name),
    await edit(device.id, `assessment:${city}-2025`, { cityId: city, year: 2025, catalogueId: 'u4ssc-2017' }, 1_100, [], device.name),
  ];
  return decodeBundle(await encodeBundle({ revisions, device, encryption: open }));
}

describe('provenance', () => {
  it('an office merge keeps each revision bound to the laptop that made it, and a laptop can relay it again', async () => {
    const [a, b] = await Promise.all([fieldBundle(laptop1, 'alpha'), fieldBundle(laptop2, 'beta')]);
    expect(a.manifest.formatMinor).toBe(1);
    expect(a.manifest.parts.map((part) => part.name)).toContain(PROVENANCE_PART);
    expect([...a.origins.values()].every((origin) => origin.proof === 'signer')).toBe(true);

    const merged = await decodeBundle(
      await encodeBundle({ revisions: [...a.revisions, ...b.revisions], attestations: [...a.attestations, ...b.attestations], device: office, encryption: open }),
    );
    const makers = (bundle: DecodedBundle, device: BundleSigner) =>
      bundle.revisions.filter((revision) => revision.deviceId === device.id).map((revision) => bundle.origins.get(revision.id));
    for (const device of [laptop1, laptop2]) {
      const fingerprint = await fingerprintOf(device.publicKey);
      for (const origin of makers(merged, device)) expect(origin).toMatchObject({ proof: 'attestation', fingerprint, deviceName: device.name });
    }
    // Laptop 2 imported the office merge and exports everything again: laptop 1's edits keep their maker.
    const relayed = await decodeBundle(await encodeBundle({ revisions: merged.revisions, attestations: merged.attestations, device: laptop2, encryption: open }));
    for (const origin of makers(relayed, laptop1)) expect(origin).toMatchObject({ proof: 'attestation', fingerprint: await fingerprintOf(laptop1.publicKey) });
    for (const origin of makers(relayed, laptop2)) expect(origin?.proof).toBe('signer');
  });

  it('refuses a revision that claims another device without its attestation (E_FOREIGN_REVISION), on encode and on decode', async () => {
    const claimsOffice = await edit(office.id, 'city:alpha', { name: 'Central office says' }, 2_000, [], 'Central office');
    expect(await codeOf(encodeBundle({ revisions: [claimsOffice], device: attacker, encryption: open }))).toBe('E_FOREIGN_REVISION');

    // The attacker signs revisions under the office's device id, then renames the manifest's device to their own.
    const asOffice = unpack(await encodeBundle({ revisions: [claimsOffice], device: { ...attacker, id: office.id }, encryption: open }));
    const withoutProof = { ...asOffice, parts: asOffice.parts.slice(0, 1), manifest: { ...asOffice.manifest, device: { ...(asOffice.manifest.device as object), id: attacker.id }, parts: (asOffice.manifest.parts as unknown[]).slice(0, 1) } };
    expect(await codeOf(decodeBundle(repack(await resign(withoutProof, attacker))))).toBe('E_FOREIGN_REVISION');
    // Keeping the attestation the attacker's own key signed for the office's id does not help: one key speaks for one device.
    const renamed = { ...asOffice, manifest: { ...asOffice.manifest, device: { ...(asOffice.manifest.device as object), id: attacker.id } } };
    expect(await codeOf(decodeBundle(repack(await resign(renamed, attacker))))).toBe('E_FOREIGN_REVISION');
  });

  it('refuses a tampered, reordered, non-canonical or unused attestation', async () => {
    const a = await fieldBundle(laptop1, 'alpha');
    const proof = a.attestations[0]!;
    const line = (value: unknown) => utf8.encode(`${JSON.stringify(value)}\n`);
    const cases: [Uint8Array, string][] = [
      [line({ ...proof, revisionIds: proof.revisionIds.slice(1) }), 'E_SIGNATURE'],
      [line({ ...proof, revisionIds: [...proof.revisionIds].reverse() }), 'E_SCHEMA'],
      [utf8.encode(`${JSON.stringify(proof, null, 1).replace(/\n/g, '')}\n`), 'E_SCHEMA'],
      [utf8.encode(attestationLine(proof).repeat(2)), 'E_SCHEMA'],
      [line({ ...proof, extra: 1 }), 'E_SCHEMA'],
      [line({ ...proof, signature: toBase64Url(new Uint8Array(64)) }), 'E_SIGNATURE'],
    ];
    for (const [bytes, code] of cases) expect(await codeOf(decodeProvenancePart(bytes, DEFAULT_LIMITS)), new TextDecoder().decode(bytes)).toBe(code);

    // A bundle may not carry an attestation none of its revisions needs.
    const unrelated = await attest(laptop2, ['0'.repeat(64)]);
    const layout = unpack(await encodeBundle({ revisions: a.revisions, device: laptop1, encryption: open }));
    const index = (layout.manifest.parts as { name: string }[]).findIndex((part) => part.name === PROVENANCE_PART);
    layout.parts[index] = utf8.encode([attestationLine(proof), attestationLine(unrelated)].sort().join(''));
    expect(await codeOf(decodeBundle(repack(await resign(layout, laptop1, { fixHashes: true }))))).toBe('E_SCHEMA');
  });

  it("accepts the demo's revisions from any signer, vouched for by it, but only inside the demo assessment", async () => {
    const demo = await demoRevisions();
    const decoded = await decodeBundle(await encodeBundle({ revisions: [...demo, ...(await sampleRevisions(laptop1.id))], device: laptop1, encryption: open }));
    expect(decoded.origins.get(demo[0]!.id)).toMatchObject({ proof: 'keyless', fingerprint: await fingerprintOf(laptop1.publicKey) });
    expect(decoded.attestations.every((attestation) => attestation.device.id === laptop1.id)).toBe(true);
    expect(CATALOGUE_UPDATE_DEVICE).toBe(MIGRATION_DEVICE);
    const outsideTheDemo = await edit('citykpi-demo', 'value:real-2025:EC-ICT-ICT-1C:_', { numerator: 1 }, 1_000, [], 'CityKPI demo');
    expect(await codeOf(encodeBundle({ revisions: [outsideTheDemo], device: laptop1, encryption: open }))).toBe('E_FOREIGN_REVISION');
  });

  it('checks the signature of an attestation line on its bytes, a device name beyond ASCII included', async () => {
    const device = await signerFromSeed(65, 'Ordinateur d’Amélie — 北京');
    const line = utf8.encode(attestationLine(await attest(device, ['a'.repeat(64), 'b'.repeat(64)])));
    expect(await decodeProvenancePart(line, DEFAULT_LIMITS)).toHaveLength(1);
    const renamed = utf8.encode(new TextDecoder().decode(line).replace('Amélie', 'Amèlie'));
    expect(renamed.length).toBe(line.length);
    expect(await codeOf(decodeProvenancePart(renamed, DEFAULT_LIMITS))).toBe('E_SIGNATURE');
  });
});
