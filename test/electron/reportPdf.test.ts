// The PDF report in main (electron/main/reportPdf.ts) with electron mocked: the hidden window runs no
// script and has no Node, its session lets through only the report's own temp file, printToPDF gets
// the page size with the report's CSS page size and backgrounds, and the window and the temp file are
// gone afterwards — also when printing fails or takes too long.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  type BeforeRequest = (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
  const state = {
    beforeRequest: null as BeforeRequest | null,
    /** What loadURL does: resolve, or never settle (a stuck page). */
    load: 'ok' as 'ok' | 'hang' | 'gate',
    /** Releases a load held with 'gate'. */
    release: () => undefined as void,
    print: 'ok' as 'ok' | 'fail',
    /** The loaded file's text, read when the window loads it. */
    loadedText: null as string | null,
  };
  const fakeSession = {
    webRequest: { onBeforeRequest: vi.fn((fn: BeforeRequest) => (state.beforeRequest = fn)) },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    destroyed = false;
    loadedUrl: string | null = null;
    webContents = {
      printToPDF: vi.fn(async (_options: Record<string, unknown>) => {
        if (state.print === 'fail') throw new Error('Printing failed');
        return Buffer.from('%PDF-1.7 fake');
      }),
    };
    constructor(readonly options: { show?: boolean; webPreferences: Record<string, unknown> }) {
      FakeBrowserWindow.created.push(this);
    }
    loadURL = vi.fn(async (url: string) => {
      this.loadedUrl = url;
      const { readFileSync: read } = await import('node:fs');
      const { fileURLToPath: toPath } = await import('node:url');
      state.loadedText = read(toPath(url), 'utf8');
      if (state.load === 'hang') await new Promise(() => undefined);
      if (state.load === 'gate') await new Promise<void>((resolve) => (state.release = resolve));
    });
    isDestroyed = () => this.destroyed;
    destroy = vi.fn(() => {
      this.destroyed = true;
    });
  }
  return { state, fakeSession, BrowserWindow: FakeBrowserWindow, session: { fromPartition: vi.fn(() => fakeSession) }, shell: { openExternal: vi.fn() } };
});
vi.mock('electron', () => electron);

import { isAllowedReportUrl, renderReportPdf, REPORT_PARTITION } from '../../electron/main/reportPdf';

const HTML = '<!doctype html><html><head><style>@page { size: A4 }</style></head><body><h1>Riverside</h1><svg viewBox="0 0 1 1"></svg></body></html>';

function lastWindow() {
  const w = electron.BrowserWindow.created.at(-1);
  if (!w) throw new Error('no window was created');
  return w;
}

/** What the session's request filter answers for `url`. */
function cancels(url: string): boolean {
  let answer: boolean | undefined;
  electron.state.beforeRequest!({ url }, (r) => (answer = r.cancel));
  return answer!;
}

beforeEach(() => {
  electron.BrowserWindow.created.length = 0;
  Object.assign(electron.state, { load: 'ok', print: 'ok', loadedText: null });
});
afterEach(() => vi.useRealTimers());

describe('renderReportPdf', () => {
  it('prints in a hidden window with scripts off, sandboxed, isolated, without Node, on its own in-memory session', async () => {
    const pdf = await renderReportPdf(HTML, 'A4');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    const w = lastWindow();
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({
      javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
    });
    expect(w.options.webPreferences).not.toHaveProperty('preload');
    expect(w.options.webPreferences.session).toBe(electron.fakeSession);
    expect(electron.session.fromPartition).toHaveBeenCalledWith(REPORT_PARTITION, { cache: false });
    expect(REPORT_PARTITION.startsWith('persist:')).toBe(false);
    // Every permission refused on that session.
    const handler = electron.fakeSession.setPermissionRequestHandler.mock.calls[0][0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const answer = vi.fn();
    handler(null, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
  });

  it('loads the HTML from a temp file and calls printToPDF with the page size, backgrounds and the CSS page size', async () => {
    await renderReportPdf(HTML, 'Letter');
    const w = lastWindow();
    expect(w.loadedUrl).toMatch(/^file:/);
    expect(electron.state.loadedText).toBe(HTML);
    expect(w.webContents.printToPDF).toHaveBeenCalledOnce();
    expect(w.webContents.printToPDF.mock.calls[0][0]).toMatchObject({ pageSize: 'Letter', printBackground: true, preferCSSPageSize: true });
    await renderReportPdf(HTML, 'A4');
    expect(lastWindow().webContents.printToPDF.mock.calls[0][0]).toMatchObject({ pageSize: 'A4' });
  });

  it('destroys the window and deletes the temp file afterwards', async () => {
    await renderReportPdf(HTML, 'A4');
    const w = lastWindow();
    expect(w.destroy).toHaveBeenCalledOnce();
    expect(existsSync(fileURLToPath(w.loadedUrl!))).toBe(false);
  });

  it('lets through only the report file while it is being printed: no network, no other file', async () => {
    electron.state.load = 'gate';
    const pending = renderReportPdf(HTML, 'A4');
    // The filter is installed with the session, before the window loads anything.
    await vi.waitFor(() => expect(electron.state.loadedText).not.toBeNull());
    const own = lastWindow().loadedUrl!;
    const during = {
      own: cancels(own),
      https: cancels('https://example.org/track.png'),
      http: cancels('http://127.0.0.1:8080/'),
      otherFile: cancels(pathToFileURL('/etc/passwd').href),
      data: cancels('data:image/png;base64,AAAA'),
      app: cancels('app://fairshare/index.html'),
    };
    electron.state.release();
    await pending;
    expect(during).toEqual({ own: false, https: true, http: true, otherFile: true, data: true, app: true });
    // Once printed, the file itself is refused too.
    expect(cancels(own)).toBe(true);
    expect(isAllowedReportUrl(own)).toBe(false);
  });

  it('destroys the window and cleans up when printing fails', async () => {
    electron.state.print = 'fail';
    await expect(renderReportPdf(HTML, 'A4')).rejects.toThrow('Printing failed');
    const w = lastWindow();
    expect(w.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(w.loadedUrl!))).toBe(false);
  });

  it('gives up after the time limit with a message, and destroys the window', async () => {
    electron.state.load = 'hang';
    await expect(renderReportPdf(HTML, 'A4', 50)).rejects.toThrow(/not ready after/);
    const w = lastWindow();
    expect(w.destroyed).toBe(true);
    expect(w.webContents.printToPDF).not.toHaveBeenCalled();
  });
});
