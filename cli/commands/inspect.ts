/** `citykpi inspect`: the manifest, signer fingerprint and counts of one bundle (after a full check). */
import { parseArgs } from 'node:util';
import type { BundleEnvelope, DecodedBundle } from '../../core/bundle/index.ts';
import { toBase64Url } from '../../core/crypto/bytes.ts';
import { EXIT_OK, UsageError, type Command, type ExitCode, type Io } from '../io.ts';
import { terminalText } from '../terminal-text.ts';
import { KEY_OPTIONS, KEY_USAGE, decodeBundleFile, loadBundleKeys } from './bundle-files.ts';
import { TRUST_FILE_OPTION, TRUST_FILE_USAGE, readTrustStore } from './trust-files.ts';

const USAGE = `citykpi inspect <file> [--identity <office.key>] [--trust <office.pub>] [--json]

Shows who made a bundle, for whom, when, what it covers and its parts, after checking it completely.

Options:
${KEY_USAGE}
${TRUST_FILE_USAGE}
      --json                  print JSON instead of text
  -h, --help                  show this help`;

export function envelopeText(envelope: BundleEnvelope): string {
  switch (envelope.kind) {
    case 'recipients':
      return `encrypted (opened with ${envelope.recipientId})`;
    case 'passphrase':
      return 'encrypted with a passphrase';
    case 'none':
      return 'NOT encrypted (readable by anyone)';
  }
}

interface MakerSummary {
  readonly fingerprint: string;
  readonly deviceId: string;
  readonly deviceName: string;
  readonly proof: string;
  readonly revisions: number;
}

/** Who made the bundle's revisions: one entry per device key and device id. */
function makersOf(bundle: DecodedBundle): MakerSummary[] {
  const makers = new Map<string, MakerSummary>();
  for (const origin of bundle.origins.values()) {
    const key = `${origin.fingerprint} ${origin.deviceId}`;
    const seen = makers.get(key);
    makers.set(key, { fingerprint: origin.fingerprint, deviceId: origin.deviceId, deviceName: origin.deviceName, proof: origin.proof, revisions: (seen?.revisions ?? 0) + 1 });
  }
  return [...makers.values()].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0));
}

export function inspectJson(bundle: DecodedBundle): unknown {
  const { extensions, ...manifest } = bundle.manifest;
  return {
    manifest: { ...manifest, extensions },
    signer: {
      fingerprint: bundle.signer.fingerprint,
      publicKey: toBase64Url(bundle.signer.publicKey),
      known: bundle.signer.known,
      deviceId: bundle.signer.deviceId,
      deviceName: bundle.signer.deviceName,
    },
    envelope: bundle.envelope,
    fileSha256: bundle.fileSha256,
    makers: makersOf(bundle),
  };
}

const PROOF_TEXT: Readonly<Record<string, string>> = { signer: 'signed this bundle', attestation: 'attested, relayed', keyless: 'made on every laptop alike (demo, catalogue update), vouched for by the signer' };

function inspectText(file: string, bundle: DecodedBundle): string {
  const m = bundle.manifest;
  const list = (items: readonly string[]) => (items.length === 0 ? '-' : terminalText(items.join(', ')));
  const lines = [
    `file:        ${terminalText(file)}`,
    `bundle:      ${m.bundleId}`,
    `format:      ${m.format} ${m.formatVersion}.${m.formatMinor}`,
    `created:     ${m.createdAt} by ${terminalText(`${m.app.name} ${m.app.version}`)}`,
    `envelope:    ${envelopeText(bundle.envelope)}`,
    `recipients:  ${list(m.recipients)}`,
    `signer:      ${bundle.signer.fingerprint} ${bundle.signer.known ? '(trusted)' : '(UNKNOWN: not enrolled; hold for a decision)'}`,
    `device:      ${terminalText(m.device.name)} (${m.device.id})`,
    `cities:      ${list(m.scope.cityIds)}`,
    `assessments: ${list(m.scope.assessmentIds)}`,
    `catalogues:  ${list(m.catalogueIds)}`,
    `counts:      ${m.counts.revisions} revisions, ${m.counts.records} records, ${m.counts.attachments} attachments`,
    `since:       ${m.since ?? '- (full export)'}`,
    `volume:      ${m.volume ? `file ${m.volume.index} of ${m.volume.count} of set ${m.volume.setId} (every file holds all revisions, each a share of the evidence)` : '- (one file)'}`,
    'made by:',
    ...makersOf(bundle).map(
      (maker) => `  ${maker.fingerprint}  ${terminalText(maker.deviceName)} (${terminalText(maker.deviceId)})  ${maker.revisions} revisions, ${PROOF_TEXT[maker.proof]}`,
    ),
    'parts:',
    ...m.parts.map((part) => `  ${part.name}  ${part.bytes} bytes  sha256 ${part.sha256}`),
    ...(m.parts.some((part) => part.name === 'attachments.ndjson') ? [`  + ${bundle.attachments.size} attachment parts listed in attachments.ndjson`] : []),
  ];
  const extensionKeys = Object.keys(m.extensions);
  if (extensionKeys.length > 0) lines.push(`extensions:  ${list(extensionKeys)} (from a newer format version, kept)`);
  return `${lines.join('\n')}\n`;
}

async function run(args: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...KEY_OPTIONS, ...TRUST_FILE_OPTION, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('exactly one bundle file is required');
  const file = positionals[0]!;
  const { store } = await readTrustStore(io, values['trust-file']);
  const bundle = await decodeBundleFile(io, file, await loadBundleKeys(io, values), store);
  io.out(values.json ? `${JSON.stringify(inspectJson(bundle), null, 2)}\n` : inspectText(file, bundle));
  return EXIT_OK;
}

export const inspectCommand: Command = { name: 'inspect', usage: USAGE, run };
