// The DesktopApi the UI talks to: the preload's window.desktop in Electron, or a browser
// implementation in web mode (vite dev/preview, end-to-end tests).
import {
  DEFAULT_USER_SETTINGS,
  PROJECT_FILE_EXTENSION,
  SPREADSHEET_EXTENSIONS,
  type DesktopApi,
  type DocumentKind,
  type MenuCommand,
  type PickedDocument,
  type RecoveryInfo,
  type UserSettings,
} from '../../../electron/ipc/contract';
import { printReportInBrowser } from './printReport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    readonly desktop?: DesktopApi;
  }
}

export const SPREADSHEET_ACCEPT = SPREADSHEET_EXTENSIONS.map((ext) => `.${ext}`).join(',');
export const PROJECT_ACCEPT = `.${PROJECT_FILE_EXTENSION}`;

const SETTINGS_KEY = 'fairshare:settings';
const RECOVERY_KEY = 'fairshare:recovery';

/** The kind of a file by its name, as main decides it; null for files Fairshare does not open. */
export function kindOfName(name: string): DocumentKind | null {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (!name.includes('.')) return null;
  if (ext === PROJECT_FILE_EXTENSION) return 'project';
  return (SPREADSHEET_EXTENSIONS as readonly string[]).includes(ext) ? 'spreadsheet' : null;
}

function downloadName(proposed: string, extension: string, fallback: string): string {
  const stem = proposed.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().replace(new RegExp(`\\.${extension}$`, 'i'), '') || fallback;
  return `${stem.slice(0, 120)}.${extension}`;
}

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled
  }
}

/**
 * Web mode: files come from an <input type=file> or a drop; handles are keys into this
 * page's memory. Saving and exporting download the file. Settings and the autosave live in
 * localStorage. There is no native menu, so onMenuCommand never fires.
 */
export function createBrowserDesktop(doc: Document = document, storage: Storage | null = localStore()): DesktopApi {
  const files = new Map<string, { blob: Blob; name: string; kind: DocumentKind }>();
  let counter = 0;

  function register(blob: Blob, name: string, kind: DocumentKind, handle = `web-${++counter}`): PickedDocument {
    files.set(handle, { blob, name, kind });
    return { handle, name, kind };
  }

  function pick(accept: string): Promise<File | null> {
    return new Promise((resolve) => {
      const input = doc.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
      // Chromium fires 'cancel' when the picker is dismissed.
      input.addEventListener('cancel', () => resolve(null), { once: true });
      input.click();
    });
  }

  function download(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = doc.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  function readSettings(): UserSettings {
    try {
      const stored = JSON.parse(storage?.getItem(SETTINGS_KEY) ?? '{}') as Partial<UserSettings>;
      return { ...DEFAULT_USER_SETTINGS, ...stored };
    } catch {
      return { ...DEFAULT_USER_SETTINGS };
    }
  }

  let beforeUnload: ((event: BeforeUnloadEvent) => void) | null = null;

  return {
    getVersion: async () => 'web',

    getAppInfo: async () => ({
      name: 'Fairshare',
      version: 'web',
      electron: 'none',
      chrome: 'none',
      node: 'none',
      platform: 'web',
      licenses: 'Third-party licences are listed in the desktop app (Help › About).',
    }),

    openProject: async () => {
      const file = await pick(PROJECT_ACCEPT);
      return file ? register(file, file.name, 'project') : null;
    },

    importSpreadsheet: async () => {
      const file = await pick(SPREADSHEET_ACCEPT);
      return file ? register(file, file.name, 'spreadsheet') : null;
    },

    openSample: async (sample) => {
      // Literal URLs so vite bundles the workbooks as assets.
      const bundled = {
        organization: { url: new URL('../../../resources/sample-organization.xlsx', import.meta.url), name: 'sample-organization.xlsx' },
        partner: { url: new URL('../../../resources/sample-partner.xlsx', import.meta.url), name: 'sample-partner.xlsx' },
        'long-template': { url: new URL('../../../resources/templates/long-template.xlsx', import.meta.url), name: 'long-template.xlsx' },
        'matrix-template': { url: new URL('../../../resources/templates/matrix-template.xlsx', import.meta.url), name: 'matrix-template.xlsx' },
      }[sample];
      if (!bundled) throw new Error('There is no such bundled workbook');
      const response = await fetch(bundled.url);
      if (!response.ok) throw new Error(`The bundled workbook ${bundled.name} is not available`);
      // The asset URL carries a content hash; show the workbook's real name.
      return register(await response.blob(), bundled.name, 'spreadsheet');
    },

    openDroppedFile: async (file) => {
      const kind = kindOfName(file.name);
      return kind ? register(file, file.name, kind) : null;
    },

    readDocument: async (handle) => {
      const entry = files.get(handle);
      if (!entry) throw new Error('Unknown document handle');
      return new Uint8Array(await entry.blob.arrayBuffer());
    },

    saveProject: async (request) => {
      const existing = request.handle === null ? undefined : files.get(request.handle);
      if (request.handle !== null && (!existing || existing.kind !== 'project')) throw new Error('Unknown project handle');
      const name = existing && !request.saveAs ? existing.name : downloadName(request.suggestedName, PROJECT_FILE_EXTENSION, 'Untitled project');
      const blob = new Blob([request.text], { type: 'application/json' });
      download(blob, name);
      return register(blob, name, 'project', existing && !request.saveAs ? request.handle! : undefined);
    },

    exportFile: async (request) => {
      const name = downloadName(request.suggestedName, request.format, 'Fairshare export');
      download(new Blob([request.bytes as Uint8Array<ArrayBuffer>]), name);
      return name;
    },

    // The browser's print dialog (Save as PDF) on the report in a tab of its own; it writes the file, not us.
    exportReportPdf: async (request) => {
      const view = doc.defaultView;
      if (!view) throw new Error('The report cannot be printed from here');
      return printReportInBrowser(request.html, view);
    },

    listRecent: async () => [],
    openRecent: async () => null,

    getSettings: async () => readSettings(),

    setSetting: async (key, value) => {
      const next = { ...readSettings(), [key]: value };
      storage?.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },

    deleteColumnMapping: async (name) => {
      const settings = readSettings();
      // Hand-edited or foreign storage may hold anything here.
      if (typeof settings.columnMappings !== 'object' || settings.columnMappings === null || !Object.hasOwn(settings.columnMappings, name)) return settings;
      const { [name]: _deleted, ...rest } = settings.columnMappings;
      const next = { ...settings, columnMappings: rest };
      storage?.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },

    writeRecovery: async (text) => {
      storage?.setItem(RECOVERY_KEY, JSON.stringify({ savedAt: new Date().toISOString(), text }));
    },

    checkRecovery: async (): Promise<RecoveryInfo | null> => {
      try {
        const stored = JSON.parse(storage?.getItem(RECOVERY_KEY) ?? 'null') as { savedAt: string; text: string } | null;
        return stored && typeof stored.text === 'string' ? { savedAt: stored.savedAt, text: stored.text, document: null } : null;
      } catch {
        return null;
      }
    },

    discardRecovery: async () => {
      storage?.removeItem(RECOVERY_KEY);
    },

    setDocumentState: async (state) => {
      doc.title = state.title ? `${state.title}${state.dirty ? ' •' : ''} — Fairshare` : 'Fairshare';
      const view = doc.defaultView;
      if (!view) return;
      if (beforeUnload) view.removeEventListener('beforeunload', beforeUnload);
      beforeUnload = null;
      if (state.dirty) {
        // The browser's own "Leave site?" prompt stands in for the desktop close prompt.
        beforeUnload = (event) => event.preventDefault();
        view.addEventListener('beforeunload', beforeUnload);
      }
    },

    // No native close prompt in the browser (beforeunload stands in), so nothing waits for this.
    saveBeforeCloseDone: async () => undefined,

    onMenuCommand: (_callback: (command: MenuCommand) => void) => () => undefined,
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
