// The DesktopApi as main implements it: one handler per method, each with the zod schema of
// its arguments. Typed against the contract, so a missing handler does not compile.
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import path from 'node:path';
import { z } from 'zod';
import { MAX_PROJECT_CHARS } from '../../renderer/src/engine/formats/projectFile';
import { MAX_REPORT_HTML_CHARS } from '../ipc/contract';
import type {
  AppInfo,
  DesktopInvokeApi,
  DocumentState,
  ExportFormat,
  PickedDocument,
  ReportPageSize,
  SampleName,
  UserSettings,
  WireArgs,
} from '../ipc/contract';
import type { CloseGuard } from './closeGuard';
import { EXPORT_FILTERS, PROJECT_FILTER, safeFileName, type SaveDialogRequest } from './dialogs';
import { documentKindOf, documentName, isHandle, type DocumentRegistry } from './documents';
import { isRecentId, type RecentFiles } from './recentFiles';
import type { RecoveryStore } from './recovery';
import { MAPPING_NAME, USER_SETTING_KEYS, type Settings } from './settings';

export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

export interface Handler<K extends keyof DesktopInvokeApi> {
  /** Validates the raw IPC arguments (the renderer is not trusted). */
  args: z.ZodType<WireArgs[K]>;
  run: (event: IpcMainInvokeEvent, ...args: WireArgs[K]) => ReturnType<DesktopInvokeApi[K]>;
}

export type IpcHandlers = { [K in keyof DesktopInvokeApi]: Handler<K> };

export interface HandlerDeps {
  appInfo: () => AppInfo;
  documents: DocumentRegistry;
  ownerOf: (sender: WebContents) => BrowserWindow | null;
  pickOpenPath: (owner: BrowserWindow | null, kind: 'project' | 'spreadsheet') => Promise<string | null>;
  pickSavePath: (owner: BrowserWindow | null, request: SaveDialogRequest) => Promise<string | null>;
  /** Folder the save dialogs start in when nothing better is known (Documents). */
  defaultDir: () => string;
  samplePath: (sample: SampleName) => string;
  readDocumentBytes: (filePath: string) => Promise<Uint8Array>;
  writeProjectFile: (filePath: string, text: string) => Promise<void>;
  writeExportFile: (filePath: string, bytes: Uint8Array) => Promise<void>;
  /** The report's HTML printed to PDF in a locked-down hidden window (reportPdf.ts). */
  renderReportPdf: (html: string, pageSize: ReportPageSize) => Promise<Uint8Array>;
  isRegularFile: (filePath: string) => Promise<boolean>;
  recent: RecentFiles;
  settings: Settings;
  applyTheme: (theme: UserSettings['theme']) => void;
  recovery: Pick<RecoveryStore, 'write' | 'read' | 'discard'>;
  closeGuard: Pick<CloseGuard, 'update' | 'saveBeforeCloseDone'>;
}

const handle = z.string().refine(isHandle, 'Invalid document handle');
const none = z.tuple([]);
const exportFormats = Object.keys(EXPORT_FILTERS) as [ExportFormat, ...ExportFormat[]];
const bytes = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes')
  .refine((b) => b.byteLength <= MAX_EXPORT_BYTES, 'export is too large');

export function createHandlers(deps: HandlerDeps): IpcHandlers {
  const owner = (event: IpcMainInvokeEvent) => deps.ownerOf(event.sender);

  /** Issues a handle for a file main found itself and puts it on the recent list. */
  const openPath = (filePath: string, kind: 'project' | 'spreadsheet'): PickedDocument => {
    const doc = deps.documents.issue(filePath, kind);
    deps.recent.add(filePath);
    return doc;
  };

  return {
    getVersion: {
      args: none,
      run: async () => deps.appInfo().version,
    },
    getAppInfo: {
      args: none,
      run: async () => deps.appInfo(),
    },
    openProject: {
      args: none,
      run: async (event) => {
        const chosen = await deps.pickOpenPath(owner(event), 'project');
        return chosen === null ? null : openPath(chosen, 'project');
      },
    },
    importSpreadsheet: {
      args: none,
      run: async (event) => {
        const chosen = await deps.pickOpenPath(owner(event), 'spreadsheet');
        return chosen === null ? null : openPath(chosen, 'spreadsheet');
      },
    },
    openSample: {
      args: z.tuple([z.enum(['organization', 'partner', 'long-template', 'matrix-template'])]),
      run: async (_event, sample) => deps.documents.issue(deps.samplePath(sample), 'spreadsheet', { writable: false }),
    },
    openDroppedFile: {
      // The preload sends the path of a File the user dropped (webUtils.getPathForFile);
      // the page never sees it. Still untrusted here: absolute, a kind we open, a regular file.
      args: z.tuple([z.string().min(1).max(4096).refine((p) => path.isAbsolute(p) && !p.includes('\0'), 'expected an absolute path')]),
      run: async (_event, filePath) => {
        const kind = documentKindOf(filePath);
        if (kind === null || !(await deps.isRegularFile(filePath))) return null;
        return openPath(filePath, kind);
      },
    },
    readDocument: {
      args: z.tuple([handle]),
      run: async (_event, h) => {
        const filePath = deps.documents.resolve(h);
        if (filePath === undefined) throw new Error('Unknown document handle');
        return deps.readDocumentBytes(filePath);
      },
    },
    saveProject: {
      args: z.tuple([
        z.strictObject({
          handle: handle.nullable(),
          text: z.string().max(MAX_PROJECT_CHARS, 'project is too large'),
          saveAs: z.boolean(),
          suggestedName: z.string().max(1000),
        }),
      ]),
      run: async (event, request) => {
        let target: string | null = null;
        let startDir = deps.defaultDir();
        if (request.handle !== null) {
          const current = deps.documents.resolveWritableProject(request.handle);
          if (current === undefined) throw new Error('Unknown project handle');
          if (!request.saveAs) target = current;
          startDir = path.dirname(current);
        }
        target ??= await deps.pickSavePath(owner(event), {
          title: 'Save Project',
          filter: PROJECT_FILTER,
          fileName: safeFileName(request.suggestedName, PROJECT_FILTER.extensions[0], 'Untitled project'),
          defaultDir: startDir,
        });
        if (target === null) return null;
        await deps.writeProjectFile(target, request.text);
        return openPath(target, 'project');
      },
    },
    exportFile: {
      args: z.tuple([
        z.strictObject({ format: z.enum(exportFormats), suggestedName: z.string().max(1000), bytes }),
      ]),
      run: async (event, request) => {
        const filter = EXPORT_FILTERS[request.format];
        const target = await deps.pickSavePath(owner(event), {
          title: 'Export',
          filter,
          fileName: safeFileName(request.suggestedName, filter.extensions[0], 'Fairshare export'),
          defaultDir: deps.defaultDir(),
        });
        if (target === null) return null;
        await deps.writeExportFile(target, request.bytes);
        return documentName(target);
      },
    },
    exportReportPdf: {
      args: z.tuple([
        z.strictObject({
          html: z.string().max(MAX_REPORT_HTML_CHARS, 'report is too large'),
          suggestedName: z.string().max(1000),
          pageSize: z.enum(['A4', 'Letter']),
        }),
      ]),
      // Printed first, so a failure shows before the user has chosen where to save.
      run: async (event, request) => {
        const pdf = await deps.renderReportPdf(request.html, request.pageSize);
        const filter = EXPORT_FILTERS.pdf;
        const target = await deps.pickSavePath(owner(event), {
          title: 'Export PDF report',
          filter,
          fileName: safeFileName(request.suggestedName, filter.extensions[0], 'Fairshare report'),
          defaultDir: deps.defaultDir(),
        });
        if (target === null) return null;
        await deps.writeExportFile(target, pdf);
        return documentName(target);
      },
    },
    listRecent: {
      args: none,
      run: async () => deps.recent.list(),
    },
    openRecent: {
      args: z.tuple([z.string().refine(isRecentId, 'Invalid recent document id')]),
      run: async (_event, id) => {
        const filePath = deps.recent.resolve(id);
        if (filePath === undefined) return null;
        const kind = documentKindOf(filePath);
        if (kind === null || !(await deps.isRegularFile(filePath))) {
          deps.recent.remove(filePath);
          return null;
        }
        return openPath(filePath, kind);
      },
    },
    getSettings: {
      args: none,
      run: async () => deps.settings.userSettings(),
    },
    setSetting: {
      // The value is checked against its key's schema by Settings.
      args: z.tuple([z.enum(USER_SETTING_KEYS), z.custom<UserSettings[keyof UserSettings]>(() => true)]),
      run: async (_event, key, value) => {
        const all = deps.settings.setUserSetting(key, value);
        if (key === 'theme') deps.applyTheme(all.theme);
        return all;
      },
    },
    deleteColumnMapping: {
      args: z.tuple([MAPPING_NAME]),
      run: async (_event, name) => deps.settings.deleteColumnMapping(name),
    },
    writeRecovery: {
      args: z.tuple([z.string().max(MAX_PROJECT_CHARS, 'project is too large'), handle.nullable()]),
      run: async (_event, text, h) => {
        const documentPath = h === null ? null : (deps.documents.resolveWritableProject(h) ?? null);
        await deps.recovery.write(text, documentPath);
      },
    },
    checkRecovery: {
      args: none,
      run: async () => {
        const record = await deps.recovery.read();
        if (record === null) return null;
        const stillThere = record.documentPath !== null && (await deps.isRegularFile(record.documentPath));
        return {
          savedAt: record.savedAt,
          text: record.text,
          document: stillThere ? deps.documents.issue(record.documentPath!, 'project') : null,
        };
      },
    },
    discardRecovery: {
      args: none,
      run: async () => deps.recovery.discard(),
    },
    setDocumentState: {
      args: z.tuple([z.strictObject({ dirty: z.boolean(), title: z.string().max(500).nullable() }) satisfies z.ZodType<DocumentState>]),
      run: async (event, state) => deps.closeGuard.update(state, owner(event)),
    },
    saveBeforeCloseDone: {
      args: z.tuple([z.boolean()]),
      run: async (event, saved) => deps.closeGuard.saveBeforeCloseDone(saved, owner(event)),
    },
  };
}
