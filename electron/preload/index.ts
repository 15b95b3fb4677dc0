// Preload: exposes exactly the DesktopApi to the page, one method per IPC channel, and
// never the raw ipcRenderer. Built as one CommonJS file because a sandboxed preload
// can require only 'electron', not chunks.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type DesktopApi, type PickedDocument } from '../ipc/contract';

const api = {
  getVersion: (): Promise<string> => ipcRenderer.invoke(CHANNELS.getVersion),
  openSpreadsheet: (): Promise<PickedDocument | null> => ipcRenderer.invoke(CHANNELS.openSpreadsheet),
  // Only the handle crosses; main decides which file it means.
  readDocument: (handle: string): Promise<Uint8Array> => ipcRenderer.invoke(CHANNELS.readDocument, handle),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
