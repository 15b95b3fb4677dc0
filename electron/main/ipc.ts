// Registers one IPC handler per DesktopApi method; every call checks its sender frame and
// validates its arguments before doing anything.
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { CHANNELS, type DesktopApi } from '../ipc/contract';
import { APP_HOST, APP_SCHEME } from './protocol';
import { documentName, isHandle, type DocumentRegistry } from './documents';

/**
 * Keyed by the contract: a missing or extra handler, or a wrong return type, fails to
 * compile. Arguments arrive as unknown[] because the renderer is not trusted.
 */
export type IpcHandlers = {
  [K in keyof DesktopApi]: (event: IpcMainInvokeEvent, args: readonly unknown[]) => ReturnType<DesktopApi[K]>;
};

/** Our app:// page, or (in development only) the vite dev server the window loaded. */
export function isTrustedSenderUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) {
    return url.host.toLowerCase() === APP_HOST && !url.username && !url.password;
  }
  if (devServerUrl && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return url.origin === new URL(devServerUrl).origin;
  }
  return false;
}

export function isTrustedSender(frame: WebFrameMain | null, devServerUrl?: string): boolean {
  // null: the frame navigated away or was destroyed before the message arrived.
  if (!frame) return false;
  // We embed no frames, so only a top-level frame may talk to main.
  if (frame.parent !== null) return false;
  return isTrustedSenderUrl(frame.url, devServerUrl);
}

function expectArgCount(args: readonly unknown[], count: number): void {
  if (args.length !== count) throw new TypeError(`Expected ${count} argument(s), got ${args.length}`);
}

export interface HandlerDeps {
  version: string;
  documents: DocumentRegistry;
  pickSpreadsheetPath: (sender: IpcMainInvokeEvent['sender']) => Promise<string | null>;
  readDocumentBytes: (filePath: string) => Promise<Uint8Array>;
}

export function createHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    getVersion: async (_event, args) => {
      expectArgCount(args, 0);
      return deps.version;
    },
    openSpreadsheet: async (event, args) => {
      expectArgCount(args, 0);
      const filePath = await deps.pickSpreadsheetPath(event.sender);
      if (filePath === null) return null;
      return { handle: deps.documents.issue(filePath), name: documentName(filePath) };
    },
    readDocument: async (_event, args) => {
      expectArgCount(args, 1);
      const [handle] = args;
      if (!isHandle(handle)) throw new TypeError('Invalid document handle');
      const filePath = deps.documents.resolve(handle);
      if (filePath === undefined) throw new Error('Unknown document handle');
      return deps.readDocumentBytes(filePath);
    },
  };
}

export function registerIpcHandlers(handlers: IpcHandlers, devServerUrl?: string): void {
  for (const method of Object.keys(CHANNELS) as (keyof DesktopApi)[]) {
    const handler = handlers[method] as (event: IpcMainInvokeEvent, args: readonly unknown[]) => Promise<unknown>;
    ipcMain.handle(CHANNELS[method], async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        throw new Error(`Refused ${CHANNELS[method]} from an untrusted sender`);
      }
      return handler(event, args);
    });
  }
}
