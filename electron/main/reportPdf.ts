// The report printed to PDF in main (File → Export PDF report…): the page's HTML written to a private
// temp file and loaded into a hidden window that runs no script, reaches no network and has no Node,
// printed by Chromium at the report's own @page size; the window and the file go whatever happens.
import { BrowserWindow, session, type Session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReportPageSize } from '../ipc/contract';
import { denyAllPermissions } from './window';

/** A 2,000-person report prints in seconds; a render stuck past this is abandoned with a message. */
export const PDF_TIME_LIMIT_MS = 90_000;

/** An in-memory partition (no "persist:"): nothing the report window does outlives it. */
export const REPORT_PARTITION = 'fairshare-report-pdf';

/** The temp files being rendered: the only URLs the report session lets through. */
const allowedFiles = new Set<string>();

function samePath(a: string, b: string): boolean {
  const norm = (p: string) => (process.platform === 'win32' ? path.resolve(p).toLowerCase() : path.resolve(p));
  return norm(a) === norm(b);
}

/** Whether the report session lets `url` load: only a temp report file being rendered (the report itself; it has no subresources). */
export function isAllowedReportUrl(url: string): boolean {
  if (!url.startsWith('file:')) return false;
  let filePath: string;
  try {
    filePath = fileURLToPath(url);
  } catch {
    return false;
  }
  for (const allowed of allowedFiles) if (samePath(filePath, allowed)) return true;
  return false;
}

let prepared: Session | null = null;

/** The report window's session: every request but the report file cancelled, every permission refused. */
export function reportSession(): Session {
  if (prepared) return prepared;
  const s = session.fromPartition(REPORT_PARTITION, { cache: false });
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedReportUrl(details.url) }));
  denyAllPermissions(s);
  prepared = s;
  return s;
}

/** The report as PDF bytes; rejects when Chromium fails or takes longer than `timeLimitMs`. */
export async function renderReportPdf(html: string, pageSize: ReportPageSize, timeLimitMs: number = PDF_TIME_LIMIT_MS): Promise<Uint8Array> {
  // A folder of its own (mode 0700 from mkdtemp), so no other user can swap the file being loaded.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fairshare-report-'));
  const file = path.join(dir, 'report.html');
  let win: BrowserWindow | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    allowedFiles.add(file);
    // Every flag written out here, in the constructor call, so Electronegativity sees them.
    win = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      title: 'Fairshare report',
      webPreferences: {
        session: reportSession(),
        javascript: false,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const page = win;
    const work = (async () => {
      await page.loadURL(pathToFileURL(file).href);
      const pdf = await page.webContents.printToPDF({
        pageSize,
        printBackground: true,
        // The report's @page rules (size, margins, running header) decide the layout.
        preferCSSPageSize: true,
        // Bookmarks from the report's headings, and a tagged PDF for screen readers.
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    })();
    // The loser of the race must not surface as an unhandled rejection once the window is gone.
    work.catch(() => undefined);
    const limit = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`The PDF was not ready after ${Math.round(timeLimitMs / 1000)} seconds; try again.`)), timeLimitMs);
    });
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
    allowedFiles.delete(file);
    if (win && !win.isDestroyed()) win.destroy();
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
