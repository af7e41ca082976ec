/**
 * The Bridge in a plain browser (web mode and e2e). It does what a browser honestly can: downloads
 * instead of a save dialog, a file input instead of an open dialog, its print dialog instead of a PDF file. Backups and the OS key store do not
 * exist in a browser, so those calls answer E_UNAVAILABLE rather than pretend: a copy kept in origin
 * storage would vanish with the very data it is meant to protect.
 */
import type {
  AppInfo,
  BackupRequest,
  Bridge,
  BridgeResult,
  FileFilter,
  KeyStoreStatus,
  OpenedFile,
  OpenFileRequest,
  PrintToPdfRequest,
  SavedFile,
  SaveFileRequest,
} from '../../../electron/contract/bridge.ts';

const unavailable = { ok: false, code: 'E_UNAVAILABLE' } as const;

/** How long the object URL of a download stays alive: the browser copies it asynchronously. */
const DOWNLOAD_URL_LIFETIME_MS = 60_000;

function acceptAttribute(filters: readonly FileFilter[]): string {
  return filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',');
}

function browserPlatform(): string {
  const withHints = navigator as Navigator & { userAgentData?: { platform?: string } };
  return withHints.userAgentData?.platform || navigator.platform || 'web';
}

function hasAllowedExtension(name: string, filters: readonly FileFilter[]): boolean {
  const extensions = filters.flatMap((filter) => filter.extensions);
  if (extensions.length === 0 || extensions.includes('*')) return true;
  const lower = name.toLowerCase();
  return extensions.some((extension) => lower.endsWith(`.${extension.toLowerCase()}`));
}

export function createWebBridge(): Bridge {
  return {
    async appInfo(): Promise<AppInfo> {
      return {
        shell: 'web',
        version: import.meta.env.VITE_APP_VERSION ?? 'dev',
        platform: browserPlatform(),
        preferredLanguages: [...navigator.languages],
      };
    },

    async saveFile(request: SaveFileRequest): Promise<BridgeResult<SavedFile | null>> {
      if (request.suggestedName.trim() === '' || /[\\/]/.test(request.suggestedName)) {
        return { ok: false, code: 'E_INVALID_REQUEST' };
      }
      try {
        const blob = new Blob([request.bytes.slice()], { type: 'application/octet-stream' });
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = request.suggestedName;
        link.hidden = true;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
        // A browser does not tell whether the user kept the download; the name is what we offered.
        return { ok: true, value: { name: request.suggestedName } };
      } catch {
        return { ok: false, code: 'E_IO' };
      }
    },

    openFile(request: OpenFileRequest): Promise<BridgeResult<OpenedFile | null>> {
      if (!(request.maxBytes > 0)) return Promise.resolve({ ok: false, code: 'E_INVALID_REQUEST' });
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = acceptAttribute(request.filters);
        input.hidden = true;
        const finish = (result: BridgeResult<OpenedFile | null>) => {
          input.remove();
          resolve(result);
        };
        input.addEventListener('cancel', () => finish({ ok: true, value: null }), { once: true });
        input.addEventListener(
          'change',
          () => {
            const file = input.files?.[0];
            if (!file) return finish({ ok: true, value: null });
            if (file.size > request.maxBytes) return finish({ ok: false, code: 'E_TOO_LARGE' });
            if (!hasAllowedExtension(file.name, request.filters)) return finish({ ok: false, code: 'E_INVALID_REQUEST' });
            file.arrayBuffer().then(
              (buffer) => finish({ ok: true, value: { name: file.name, bytes: new Uint8Array(buffer) } }),
              () => finish({ ok: false, code: 'E_IO' }),
            );
          },
          { once: true },
        );
        document.body.append(input);
        input.click();
      });
    },

    // A web page is never handed files by the operating system.
    async takeOpenedFile(): Promise<BridgeResult<OpenedFile | null>> {
      return { ok: true, value: null };
    },

    async printToPdf(_request: PrintToPdfRequest): Promise<BridgeResult<{ readonly name: string } | null>> {
      // The browser's dialog prints or saves as PDF itself and does not say which, nor where.
      try {
        window.print();
        return { ok: true, value: null };
      } catch {
        return { ok: false, code: 'E_UNAVAILABLE' };
      }
    },

    async writeBackup(_request: BackupRequest): Promise<BridgeResult<{ readonly name: string }>> {
      return unavailable;
    },

    async sealSecret(_plain: Uint8Array): Promise<BridgeResult<Uint8Array>> {
      return unavailable;
    },

    async unsealSecret(_sealed: Uint8Array): Promise<BridgeResult<Uint8Array>> {
      return unavailable;
    },

    async keyStore(): Promise<KeyStoreStatus> {
      return { kind: 'browser', backend: 'indexeddb' };
    },

    // A web page's policy comes from whoever serves it; there is nothing to tell here.
    async setOfficeInbox(_url: string | null): Promise<BridgeResult<{ readonly reloading: boolean }>> {
      return { ok: true, value: { reloading: false } };
    },
  };
}
