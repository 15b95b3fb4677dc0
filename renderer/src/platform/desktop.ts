// The DesktopApi the UI talks to: the preload's window.desktop in Electron, or a browser
// implementation in web mode (vite dev/preview, end-to-end tests).
import type { DesktopApi, PickedDocument } from '../../../electron/ipc/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    readonly desktop?: DesktopApi;
  }
}

export const SPREADSHEET_ACCEPT = '.xlsx,.xlsm,.xls,.xlsb,.ods,.csv,.tsv,.txt';

/** Web mode: files come from an <input type=file>; handles are keys into this page's memory. */
export function createBrowserDesktop(doc: Document = document): DesktopApi {
  const files = new Map<string, File>();
  let counter = 0;

  return {
    getVersion: async () => 'web',

    openSpreadsheet: () =>
      new Promise<PickedDocument | null>((resolve) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = SPREADSHEET_ACCEPT;
        input.addEventListener(
          'change',
          () => {
            const file = input.files?.[0];
            if (!file) return resolve(null);
            const handle = `web-${++counter}`;
            files.set(handle, file);
            resolve({ handle, name: file.name });
          },
          { once: true },
        );
        // Chromium fires 'cancel' when the picker is dismissed.
        input.addEventListener('cancel', () => resolve(null), { once: true });
        input.click();
      }),

    readDocument: async (handle) => {
      const file = files.get(handle);
      if (!file) throw new Error('Unknown document handle');
      return new Uint8Array(await file.arrayBuffer());
    },
  };
}

let cached: DesktopApi | undefined;

export function desktop(): DesktopApi {
  cached ??= window.desktop ?? createBrowserDesktop();
  return cached;
}

export function isElectron(): boolean {
  return window.desktop !== undefined;
}
