// Native open and save dialogs: the only way a user-chosen path enters the app.
import { BrowserWindow, dialog, type FileFilter, type WebContents } from 'electron';
import path from 'node:path';
import { PROJECT_FILE_EXTENSION, SPREADSHEET_EXTENSIONS, type DocumentKind, type ExportFormat } from '../ipc/contract';

export const OPEN_FILTERS: Record<DocumentKind, FileFilter[]> = {
  project: [{ name: 'Fairshare projects', extensions: [PROJECT_FILE_EXTENSION] }],
  spreadsheet: [{ name: 'Spreadsheets', extensions: [...SPREADSHEET_EXTENSIONS] }],
};

export const EXPORT_FILTERS: Record<ExportFormat, FileFilter> = {
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  zip: { name: 'Zip archive', extensions: ['zip'] },
};

export const PROJECT_FILTER: FileFilter = OPEN_FILTERS.project[0];

/**
 * A file name the page proposes, reduced to something safe to show in a dialog: no folders,
 * no characters Windows refuses, no leading dots, bounded length, and the expected extension.
 */
export function safeFileName(proposed: string, extension: string, fallback = 'Untitled'): string {
  const base = proposed
    .replace(/[\\/]/g, ' ')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[. ]+$/, '');
  const withoutExt = base.toLowerCase().endsWith(`.${extension}`) ? base.slice(0, -(extension.length + 1)) : base;
  const stem = withoutExt.slice(0, 120).trim() || fallback;
  // Reserved device names on Windows (CON, NUL, COM1 …) cannot be files.
  const safeStem = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem) ? `${stem}_` : stem;
  return `${safeStem}.${extension}`;
}

/** Appends the extension when the user typed a name without it (Linux dialogs do not). */
export function withExtension(filePath: string, extension: string): string {
  return path.extname(filePath).toLowerCase() === `.${extension}` ? filePath : `${filePath}.${extension}`;
}

export function ownerOf(sender: WebContents | null): BrowserWindow | null {
  return sender ? BrowserWindow.fromWebContents(sender) : null;
}

/** Shows an open dialog for one kind of document; the chosen path, or null when cancelled. */
export async function pickOpenPath(owner: BrowserWindow | null, kind: DocumentKind): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: kind === 'project' ? 'Open a Fairshare project' : 'Import a spreadsheet',
    properties: ['openFile'],
    filters: OPEN_FILTERS[kind],
  };
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

export interface SaveDialogRequest {
  title: string;
  filter: FileFilter;
  /** Already passed through safeFileName. */
  fileName: string;
  defaultDir: string;
}

/** Shows a save dialog; the chosen path with the filter's extension, or null when cancelled. */
export async function pickSavePath(owner: BrowserWindow | null, request: SaveDialogRequest): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: request.title,
    defaultPath: path.join(request.defaultDir, request.fileName),
    filters: [request.filter],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return withExtension(result.filePath, request.filter.extensions[0]);
}
