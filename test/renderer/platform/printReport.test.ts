// Web mode's PDF of the report (platform/printReport.ts, through the browser DesktopApi): the report
// opens as a blob: document of its own in a new tab and that tab is printed once it has loaded it; a
// blocked pop-up is a clear error; the tab closed before loading resolves without printing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserDesktop } from '../../../renderer/src/platform/desktop';
import { printReportInBrowser } from '../../../renderer/src/platform/printReport';

/** A stand-in for the tab window.open gives: it "loads" the URL when told to. */
function fakeTab() {
  const listeners: (() => void)[] = [];
  const tab = {
    closed: false,
    location: { href: 'about:blank' },
    document: { readyState: 'loading' },
    focus: vi.fn(),
    print: vi.fn(),
    addEventListener: vi.fn((_name: string, fn: () => void) => listeners.push(fn)),
    load(url: string) {
      tab.location.href = url;
      tab.document.readyState = 'complete';
      for (const fn of listeners) fn();
    },
  };
  return tab;
}

const created: Blob[] = [];
const realCreate = URL.createObjectURL;
afterEach(() => {
  URL.createObjectURL = realCreate;
  created.length = 0;
  vi.useRealTimers();
});

function captureBlobs() {
  let n = 0;
  URL.createObjectURL = ((blob: Blob) => {
    created.push(blob);
    return `blob:http://127.0.0.1/report-${++n}`;
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
}

describe('printReportInBrowser', () => {
  it('opens the report HTML as a blob: document in a new tab and prints that tab once it has loaded', async () => {
    captureBlobs();
    const tab = fakeTab();
    const view = { open: vi.fn(() => tab) } as unknown as Window;
    const pending = printReportInBrowser('<!doctype html><h1>Riverside</h1>', view);
    expect(view.open).toHaveBeenCalledWith('blob:http://127.0.0.1/report-1', '_blank');
    expect(created[0].type).toMatch(/^text\/html/);
    expect(await created[0].text()).toBe('<!doctype html><h1>Riverside</h1>');
    // Not printed while the tab still shows its first about:blank.
    expect(tab.print).not.toHaveBeenCalled();
    tab.load('blob:http://127.0.0.1/report-1');
    await expect(pending).resolves.toBeNull();
    expect(tab.print).toHaveBeenCalledOnce();
  });

  it('says so when the browser blocks the tab', async () => {
    captureBlobs();
    const view = { open: vi.fn(() => null) } as unknown as Window;
    await expect(printReportInBrowser('<p>r</p>', view)).rejects.toThrow(/allow pop-ups/);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:http://127.0.0.1/report-1');
  });

  it('resolves without printing when the tab is closed before it loads', async () => {
    captureBlobs();
    const tab = fakeTab();
    const view = { open: vi.fn(() => tab) } as unknown as Window;
    const pending = printReportInBrowser('<p>r</p>', view);
    tab.closed = true;
    await expect(pending).resolves.toBeNull();
    expect(tab.print).not.toHaveBeenCalled();
  });

  it('is the browser DesktopApi’s exportReportPdf', async () => {
    captureBlobs();
    const tab = fakeTab();
    const open = vi.fn(() => tab);
    const doc = { defaultView: { open } } as unknown as Document;
    const pending = createBrowserDesktop(doc, null).exportReportPdf({ html: '<p>r</p>', suggestedName: 'r', pageSize: 'Letter' });
    tab.load('blob:http://127.0.0.1/report-1');
    await expect(pending).resolves.toBeNull();
    expect(tab.print).toHaveBeenCalledOnce();
  });
});
