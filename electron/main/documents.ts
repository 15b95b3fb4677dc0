// Opaque document handles: paths that main itself obtained (its dialogs, the recent list,
// the command line, a dropped file) become random handles, so the page can name only those.
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  PROJECT_FILE_EXTENSION,
  SPREADSHEET_EXTENSIONS,
  type DocumentKind,
  type PickedDocument,
} from '../ipc/contract';

// A structured clone of a huge buffer would stall both processes; no real roster is this big.
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

const HANDLE_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isHandle(value: unknown): value is string {
  return typeof value === 'string' && HANDLE_PATTERN.test(value);
}

/** The kind of file Fairshare opens, by extension, or null for anything else. */
export function documentKindOf(filePath: string): DocumentKind | null {
  const ext = path.extname(filePath).slice(1).toLowerCase();
  if (ext === PROJECT_FILE_EXTENSION) return 'project';
  return (SPREADSHEET_EXTENSIONS as readonly string[]).includes(ext) ? 'spreadsheet' : null;
}

export function documentName(filePath: string): string {
  return path.basename(filePath);
}

interface Entry {
  path: string;
  kind: DocumentKind;
  /** Only project files the user opened or chose to save as may be overwritten. */
  writable: boolean;
}

export class DocumentRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly byPath = new Map<string, string>();

  /** Issues (or reuses) the handle for an absolute path; projects are writable unless said otherwise. */
  issue(filePath: string, kind: DocumentKind, options: { writable?: boolean } = {}): PickedDocument {
    if (!path.isAbsolute(filePath)) throw new Error('Document paths must be absolute');
    const writable = options.writable ?? kind === 'project';
    const key = `${kind}\0${writable}\0${filePath}`;
    let handle = this.byPath.get(key);
    if (handle === undefined) {
      handle = randomUUID();
      this.entries.set(handle, { path: filePath, kind, writable });
      this.byPath.set(key, handle);
    }
    return { handle, name: documentName(filePath), kind };
  }

  /** The path behind a handle, for reading. */
  resolve(handle: string): string | undefined {
    return this.entries.get(handle)?.path;
  }

  /** The path behind a handle that may be overwritten with a project, or undefined. */
  resolveWritableProject(handle: string): string | undefined {
    const entry = this.entries.get(handle);
    return entry && entry.kind === 'project' && entry.writable ? entry.path : undefined;
  }
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

/** Whether the path names an existing regular file (not a folder, device or broken link). */
export async function isRegularFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}
