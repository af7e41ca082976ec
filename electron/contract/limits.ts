/** Size caps shared by the request schemas and the handlers. Dependency-free so the preload could use them too. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
export const MAX_SECRET_BYTES = 64 * 1024;
export const MAX_SEALED_SECRET_BYTES = 256 * 1024;
export const MAX_FILTERS = 10;
export const MAX_EXTENSIONS_PER_FILTER = 20;
export const MAX_FILE_NAME_LENGTH = 255;
export const MAX_FILTER_NAME_LENGTH = 200;
