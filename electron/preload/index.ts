// Preload: exposes exactly the DesktopApi to the page, one method per IPC channel, and
// never the raw ipcRenderer. Built as one CommonJS file because a sandboxed preload
// can require only 'electron', not chunks.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  CHANNELS,
  EVENTS,
  type AppInfo,
  type DesktopApi,
  type DocumentState,
  type ExportRequest,
  type MenuCommand,
  type PickedDocument,
  type RecentDocument,
  type RecoveryInfo,
  type ReportPdfRequest,
  type SampleName,
  type SaveProjectRequest,
  type UserSettings,
} from '../ipc/contract';

// Menu commands that arrive before the page subscribes (a file opened from the command
// line at startup) wait here; the IPC event object itself never reaches the page.
const MAX_PENDING = 20;
const listeners = new Set<(command: MenuCommand) => void>();
let pending: MenuCommand[] = [];

ipcRenderer.on(EVENTS.menuCommand, (_event, command: MenuCommand) => {
  if (listeners.size === 0) {
    if (pending.length < MAX_PENDING) pending.push(command);
    return;
  }
  for (const listener of listeners) listener(command);
});

/** The path of a File the user dropped or picked; "" for files the page made, null for non-files. */
function pathOfDroppedFile(file: unknown): string | null {
  try {
    return webUtils.getPathForFile(file as File) || null;
  } catch {
    return null; // not a File (getPathForFile throws)
  }
}

const api = {
  getVersion: (): Promise<string> => ipcRenderer.invoke(CHANNELS.getVersion),
  getAppInfo: (): Promise<AppInfo> => ipcRenderer.invoke(CHANNELS.getAppInfo),
  openProject: (): Promise<PickedDocument | null> => ipcRenderer.invoke(CHANNELS.openProject),
  importSpreadsheet: (): Promise<PickedDocument | null> => ipcRenderer.invoke(CHANNELS.importSpreadsheet),
  openSample: (sample: SampleName): Promise<PickedDocument> => ipcRenderer.invoke(CHANNELS.openSample, sample),
  // Drag and drop: the path of a dropped File is looked up here, in the isolated preload
  // world, and goes straight to main, which answers with a handle. The page can only pass
  // File objects, and only files the user dropped or picked have a path (others give "").
  openDroppedFile: (file: File): Promise<PickedDocument | null> => {
    const filePath = pathOfDroppedFile(file);
    return filePath ? ipcRenderer.invoke(CHANNELS.openDroppedFile, filePath) : Promise.resolve(null);
  },
  // Only the handle crosses; main decides which file it means.
  readDocument: (handle: string): Promise<Uint8Array> => ipcRenderer.invoke(CHANNELS.readDocument, handle),
  saveProject: (request: SaveProjectRequest): Promise<PickedDocument | null> =>
    ipcRenderer.invoke(CHANNELS.saveProject, request),
  exportFile: (request: ExportRequest): Promise<string | null> => ipcRenderer.invoke(CHANNELS.exportFile, request),
  exportReportPdf: (request: ReportPdfRequest): Promise<string | null> => ipcRenderer.invoke(CHANNELS.exportReportPdf, request),
  listRecent: (): Promise<RecentDocument[]> => ipcRenderer.invoke(CHANNELS.listRecent),
  openRecent: (id: string): Promise<PickedDocument | null> => ipcRenderer.invoke(CHANNELS.openRecent, id),
  getSettings: (): Promise<UserSettings> => ipcRenderer.invoke(CHANNELS.getSettings),
  setSetting: <K extends keyof UserSettings>(key: K, value: UserSettings[K]): Promise<UserSettings> =>
    ipcRenderer.invoke(CHANNELS.setSetting, key, value),
  deleteColumnMapping: (name: string): Promise<UserSettings> => ipcRenderer.invoke(CHANNELS.deleteColumnMapping, name),
  writeRecovery: (text: string, handle: string | null): Promise<void> =>
    ipcRenderer.invoke(CHANNELS.writeRecovery, text, handle),
  checkRecovery: (): Promise<RecoveryInfo | null> => ipcRenderer.invoke(CHANNELS.checkRecovery),
  discardRecovery: (): Promise<void> => ipcRenderer.invoke(CHANNELS.discardRecovery),
  setDocumentState: (state: DocumentState): Promise<void> => ipcRenderer.invoke(CHANNELS.setDocumentState, state),
  saveBeforeCloseDone: (saved: boolean): Promise<void> => ipcRenderer.invoke(CHANNELS.saveBeforeCloseDone, saved),
  onMenuCommand: (callback: (command: MenuCommand) => void): (() => void) => {
    if (typeof callback !== 'function') throw new TypeError('onMenuCommand expects a function');
    listeners.add(callback);
    const queued = pending;
    pending = [];
    for (const command of queued) callback(command);
    return () => {
      listeners.delete(callback);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
