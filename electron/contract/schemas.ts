/**
 * Request schemas, parsed in main before any handler runs. Main only: the sandboxed preload must not
 * import zod, so nothing the preload imports may import this file.
 */
import { z } from 'zod';
import { CHANNELS } from './channels.ts';
import {
  MAX_BACKUP_BYTES,
  MAX_EXTENSIONS_PER_FILTER,
  MAX_FILE_BYTES,
  MAX_FILE_NAME_LENGTH,
  MAX_FILTER_NAME_LENGTH,
  MAX_FILTERS,
  MAX_SEALED_SECRET_BYTES,
  MAX_SECRET_BYTES,
} from './limits.ts';
import { isSafePathSegment } from './policies.ts';

function bytes(maxBytes: number, minBytes = 0) {
  return z
    .instanceof(Uint8Array)
    .refine((value) => value.byteLength >= minBytes && value.byteLength <= maxBytes, {
      message: `expected between ${minBytes} and ${maxBytes} bytes`,
    });
}

/** A bare file name for the save dialog: no directories, no characters Windows refuses, not `.` or `..`. */
const fileName = z
  .string()
  .min(1)
  .max(MAX_FILE_NAME_LENGTH)
  .refine(isSafePathSegment, { message: 'expected a bare file name' });

const fileFilter = z.strictObject({
  name: z.string().min(1).max(MAX_FILTER_NAME_LENGTH),
  extensions: z.array(z.string().regex(/^(?:\*|[A-Za-z0-9]{1,16})$/)).min(1).max(MAX_EXTENSIONS_PER_FILTER),
});

const filters = z.array(fileFilter).max(MAX_FILTERS);

export const REQUEST_SCHEMAS = {
  [CHANNELS.appInfo]: z.undefined(),
  [CHANNELS.saveFile]: z.strictObject({
    suggestedName: fileName,
    bytes: bytes(MAX_FILE_BYTES),
    filters,
  }),
  [CHANNELS.openFile]: z.strictObject({
    filters,
    maxBytes: z.number().int().positive().max(MAX_FILE_BYTES),
  }),
  [CHANNELS.printToPdf]: z.strictObject({
    suggestedName: fileName,
    filters,
    pageSize: z.enum(['A4', 'Letter']),
    landscape: z.boolean(),
  }),
  [CHANNELS.writeBackup]: z.strictObject({
    label: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
    bytes: bytes(MAX_BACKUP_BYTES, 1),
    volume: z
      .strictObject({ setId: z.string().regex(/^[0-9a-f]{32}$/), index: z.number().int().min(1), count: z.number().int().min(2).max(10_000) })
      .refine((volume) => volume.index <= volume.count)
      .optional(),
  }),
  [CHANNELS.sealSecret]: bytes(MAX_SECRET_BYTES, 1),
  [CHANNELS.unsealSecret]: bytes(MAX_SEALED_SECRET_BYTES, 1),
  [CHANNELS.keyStore]: z.undefined(),
  [CHANNELS.takeOpenedFile]: z.undefined(),
  [CHANNELS.setOfficeInbox]: z.string().min(1).max(2048).nullable(),
} as const;
