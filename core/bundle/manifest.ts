/**
 * The signed manifest: what the bundle holds, who made it, for whom, and the hash of every part.
 * Serialised as canonical JSON; the signature covers exactly those bytes, and readers verify it
 * before parsing them.
 */
import { z } from '../zod.ts';
import { BundleError } from './errors.ts';
import { ATTACHMENT_INDEX_MINOR, FORMAT_MINOR, FORMAT_NAME, FORMAT_VERSION, PART_NAME } from './format.ts';
import type { JsonValue } from './strict-json.ts';

const HEX64 = /^[0-9a-f]{64}$/;
const SHORT = z.string().min(1).max(200);
const ID = z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/);

const partSchema = z.strictObject({
  name: z.string().regex(PART_NAME),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(HEX64),
});

export const manifestSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(FORMAT_VERSION),
  formatMinor: z.number().int().nonnegative(),
  bundleId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.iso.datetime(),
  app: z.strictObject({ name: SHORT, version: SHORT }),
  catalogueIds: z.array(ID).max(100),
  device: z.strictObject({ id: ID, publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/), name: z.string().max(200) }),
  encryption: z.enum(['recipients', 'passphrase', 'none']),
  recipients: z.array(z.string().regex(/^x25519:[0-9a-f]{32}$/)).max(100),
  scope: z.strictObject({ cityIds: z.array(ID).max(10_000), assessmentIds: z.array(ID).max(10_000) }),
  counts: z.strictObject({
    revisions: z.number().int().nonnegative(),
    records: z.number().int().nonnegative(),
    attachments: z.number().int().nonnegative(),
  }),
  since: ID.nullable(),
  parts: z.array(partSchema),
  /** Format 1.2: one file of a bundle set split at a size cap (bundle-volumes.ts); absent for a single file. */
  volume: z
    .strictObject({ setId: z.string().regex(/^[0-9a-f]{32}$/), index: z.number().int().min(1), count: z.number().int().min(1).max(10_000) })
    .refine((volume) => volume.index <= volume.count, 'index beyond count')
    .optional(),
});

export type ManifestPart = z.infer<typeof partSchema>;
export type KnownManifest = z.infer<typeof manifestSchema>;

/** The manifest as read: known fields typed, unknown top-level fields of a newer minor kept verbatim. */
export interface Manifest extends KnownManifest {
  readonly extensions: Readonly<Record<string, JsonValue>>;
}

const KNOWN_KEYS = new Set(Object.keys(manifestSchema.shape));

function isRecord(value: JsonValue): value is { readonly [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Version checks come first so a newer major gets E_UNSUPPORTED_VERSION, not a schema error. */
export function readManifest(value: JsonValue): Manifest {
  if (!isRecord(value)) throw new BundleError('E_SCHEMA', 'manifest is not a JSON object');
  if (value.format !== FORMAT_NAME) throw new BundleError('E_NOT_A_BUNDLE', 'manifest is not a CityKPI bundle manifest');
  const major = value.formatVersion;
  if (typeof major === 'number' && Number.isSafeInteger(major) && major > FORMAT_VERSION) {
    throw new BundleError('E_UNSUPPORTED_VERSION', `bundle format ${major} needs a newer CityKPI (this one reads format ${FORMAT_VERSION})`, {
      version: major,
    });
  }
  const known: Record<string, JsonValue> = {};
  const extensions: Record<string, JsonValue> = {};
  for (const [key, field] of Object.entries(value)) (KNOWN_KEYS.has(key) ? known : extensions)[key] = field;
  const parsed = manifestSchema.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleError('E_SCHEMA', `manifest: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const extensionKeys = Object.keys(extensions);
  if (extensionKeys.length > 0 && parsed.data.formatMinor <= FORMAT_MINOR) {
    throw new BundleError('E_SCHEMA', `manifest: unknown field ${JSON.stringify(extensionKeys[0])} for format 1.${parsed.data.formatMinor}`);
  }
  checkRecipientList(parsed.data);
  if (parsed.data.volume && parsed.data.formatMinor < ATTACHMENT_INDEX_MINOR) {
    throw new BundleError('E_SCHEMA', `manifest: unknown field "volume" for format 1.${parsed.data.formatMinor}`);
  }
  return { ...parsed.data, extensions };
}

/** Recipient ids only where the file is encrypted to recipients, sorted and unique as writers write them. */
function checkRecipientList({ encryption, recipients }: KnownManifest): void {
  if ((encryption === 'recipients') !== recipients.length > 0) {
    throw new BundleError('E_SCHEMA', `manifest: recipients: ${encryption === 'recipients' ? 'empty' : `must be empty when the encryption is "${encryption}"`}`);
  }
  if (recipients.some((id, index) => index > 0 && recipients[index - 1]! >= id)) {
    throw new BundleError('E_SCHEMA', 'manifest: recipients: not sorted and unique');
  }
}

/** The object that is canonically serialised and signed: extensions sit beside the known fields. */
export function manifestToJson(manifest: Manifest): Record<string, unknown> {
  const { extensions, ...known } = manifest;
  for (const key of Object.keys(extensions)) {
    if (KNOWN_KEYS.has(key)) throw new BundleError('E_SCHEMA', `extension ${key} shadows a manifest field`);
  }
  return { ...extensions, ...known };
}
