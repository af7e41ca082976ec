/**
 * The one seam between the renderer and the desktop. The preload implements it in Electron
 * (window.citykpi); renderer/src/bridge/web-bridge.ts implements it in a plain browser (web mode, e2e).
 * Pure types only: imported by the renderer, the preload and main.
 */

export type BridgeErrorCode =
  | 'E_CANCELLED'
  | 'E_TOO_LARGE'
  | 'E_IO'
  | 'E_INVALID_REQUEST'
  | 'E_FORBIDDEN'
  | 'E_UNAVAILABLE';

export type BridgeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: BridgeErrorCode };

export interface FileFilter {
  /** Shown in the system dialog; already translated by the renderer. */
  readonly name: string;
  /** Extensions without the dot, e.g. `citykpi`. */
  readonly extensions: readonly string[];
}

export interface AppInfo {
  readonly shell: 'electron' | 'web';
  readonly version: string;
  readonly platform: string;
  /** The operating system's preferred languages, best first (BCP 47). */
  readonly preferredLanguages: readonly string[];
}

export interface SaveFileRequest {
  readonly suggestedName: string;
  readonly bytes: Uint8Array;
  readonly filters: readonly FileFilter[];
}

export interface OpenFileRequest {
  readonly filters: readonly FileFilter[];
  readonly maxBytes: number;
}

export interface OpenedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface BackupRequest {
  /** A short ascii label such as `daily`; the shell adds the date and rotates old copies. */
  readonly label: string;
  readonly bytes: Uint8Array;
  /**
   * One file of a backup split into a bundle set (core/bundle/bundle-set.ts), sent in order: the shell
   * names the files of one set together and rotates old backups after the last one.
   */
  readonly volume?: { readonly setId: string; readonly index: number; readonly count: number };
}

export interface PrintToPdfRequest {
  /** Offered in the save dialog, e.g. `lake-amara-2025-snapshot.pdf`. */
  readonly suggestedName: string;
  readonly filters: readonly FileFilter[];
  readonly pageSize: 'A4' | 'Letter';
  readonly landscape: boolean;
}

/** Where a file was written: its name, and the folder when the shell knows it (a browser download does not say). */
export interface SavedFile {
  readonly name: string;
  readonly folder?: string;
}

/**
 * Where the device's private key can be kept. `os`: the operating system's key store seals it
 * (sealSecret works). `none`: a desktop whose system offers no key store (Linux without a keyring,
 * where Electron falls back to a hard-coded key): the key is sealed with a passphrase the facilitator
 * chooses. `browser`: a web page, where the browser keeps a non-extractable key.
 */
export interface KeyStoreStatus {
  readonly kind: 'os' | 'none' | 'browser';
  /** What the shell found, for support: Electron's Linux backend (`gnome_libsecret`, `kwallet5`, `basic_text`…) or `unavailable`. */
  readonly backend: string;
}

export interface Bridge {
  appInfo(): Promise<AppInfo>;
  /** Asks where to save, then writes atomically (temp file, fsync, rename). `null` when cancelled. */
  saveFile(request: SaveFileRequest): Promise<BridgeResult<SavedFile | null>>;
  /** Asks for a file and returns its bytes, refusing files above maxBytes. `null` when cancelled. */
  openFile(request: OpenFileRequest): Promise<BridgeResult<OpenedFile | null>>;
  /**
   * Prints the page as it is now, through its print style sheet, to a PDF: asks where to save, then writes
   * atomically; `null` when cancelled. A browser cannot write a PDF itself, so the web bridge opens the
   * browser's print dialog (which offers "Save as PDF") and answers `null`.
   */
  printToPdf(request: PrintToPdfRequest): Promise<BridgeResult<{ readonly name: string } | null>>;
  /**
   * The next `.citykpi` file the operating system asked CityKPI to open (double-clicked, or dropped on
   * its icon), read like a chosen file; `null` when none waits. Asked at start and when the window gains focus.
   */
  takeOpenedFile(): Promise<BridgeResult<OpenedFile | null>>;
  /** Writes a rotating local backup outside the browser storage. */
  writeBackup(request: BackupRequest): Promise<BridgeResult<{ readonly name: string }>>;
  /** Seals a small secret (the device's private key) with the operating system's key store. */
  sealSecret(plain: Uint8Array): Promise<BridgeResult<Uint8Array>>;
  unsealSecret(sealed: Uint8Array): Promise<BridgeResult<Uint8Array>>;
  /** Whether sealSecret can work here, asked once at start to decide how the device key is protected. */
  keyStore(): Promise<KeyStoreStatus>;
  /**
   * Names the office inbox (from the office key file) that the page may connect to, or none. In the
   * desktop shell the page reloads when the origin changes, since its security policy is fixed at load.
   */
  setOfficeInbox(url: string | null): Promise<BridgeResult<{ readonly reloading: boolean }>>;
}
