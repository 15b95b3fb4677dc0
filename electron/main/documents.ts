// Opaque document handles: main's own dialogs turn user-chosen paths into handles, so the
// renderer can read what the user picked and nothing else.
import { BrowserWindow, dialog, type WebContents } from 'electron';
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const SPREADSHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'xlsb', 'ods', 'csv', 'tsv', 'txt'];

// A structured clone of a huge buffer would stall both processes; no real roster is this big.
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

const HANDLE_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isHandle(value: unknown): value is string {
  return typeof value === 'string' && HANDLE_PATTERN.test(value);
}

export class DocumentRegistry {
  private readonly paths = new Map<string, string>();

  issue(filePath: string): string {
    const handle = randomUUID();
    this.paths.set(handle, filePath);
    return handle;
  }

  resolve(handle: string): string | undefined {
    return this.paths.get(handle);
  }
}

/** Shows the open dialog attached to the sender's window; returns a path or null on cancel. */
export async function pickSpreadsheetPath(sender: WebContents): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Open a spreadsheet',
    properties: ['openFile'],
    filters: [
      { name: 'Spreadsheets', extensions: SPREADSHEET_EXTENSIONS },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

export async function readDocumentBytes(filePath: string): Promise<Uint8Array> {
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error('Not a file');
  if (info.size > MAX_DOCUMENT_BYTES) throw new Error('File is too large');
  const buffer = await readFile(filePath);
  // IPC clones the whole underlying ArrayBuffer; a small Buffer may be a slice of Node's
  // shared pool, so copy unless the bytes own their buffer, or other data would leak along.
  const ownsBuffer = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  return ownsBuffer ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
}

export function documentName(filePath: string): string {
  return path.basename(filePath);
}
