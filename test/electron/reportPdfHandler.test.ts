// exportReportPdf over IPC (electron/main/handlers.ts): the HTML is printed first, then the save
// dialog proposes a safe .pdf name and the PDF is written; a cancelled dialog writes nothing and
// answers null; oversized HTML, an unknown page size or extra fields are refused before anything runs.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

vi.mock('electron', () => import('../helpers/ipc-electron'));

import * as electron from '../helpers/ipc-electron';
import { CHANNELS, MAX_REPORT_HTML_CHARS } from '../../electron/ipc/contract';
import { createHandlers, type HandlerDeps } from '../../electron/main/handlers';
import { registerIpcHandlers } from '../../electron/main/ipc';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

function setup(chosen: string | null) {
  electron.ipcMain.handle.mockReset();
  const deps = {
    ownerOf: vi.fn(() => null),
    defaultDir: () => '/home/a/Documents',
    renderReportPdf: vi.fn(async () => PDF),
    pickSavePath: vi.fn(async () => chosen),
    writeExportFile: vi.fn(async () => undefined),
  };
  const log = vi.fn();
  // Only what exportReportPdf uses; the other handlers are not called here.
  registerIpcHandlers(createHandlers(deps as unknown as HandlerDeps), { log });
  const listeners = new Map(electron.ipcMain.handle.mock.calls.map(([channel, listener]) => [channel as string, listener as Listener]));
  const event = { senderFrame: { url: 'app://fairshare/index.html', parent: null }, sender: { id: 1 } };
  const call = (...args: unknown[]) => listeners.get(CHANNELS.exportReportPdf)!(event, ...args);
  return { deps, call, log };
}

beforeEach(() => vi.clearAllMocks());

describe('exportReportPdf', () => {
  it('prints the HTML at the page size asked, proposes a safe .pdf name, writes the PDF and answers its name', async () => {
    const { deps, call } = setup('/home/a/Documents/Riverside report.pdf');
    await expect(call({ html: '<h1>Riverside</h1>', suggestedName: 'Riverside: report', pageSize: 'Letter' })).resolves.toBe('Riverside report.pdf');
    expect(deps.renderReportPdf).toHaveBeenCalledWith('<h1>Riverside</h1>', 'Letter');
    const dialog = deps.pickSavePath.mock.calls[0] as unknown as [unknown, { fileName: string; filter: { extensions: string[] } }];
    expect(dialog[1].fileName).toBe('Riverside report.pdf');
    expect(dialog[1].filter.extensions).toEqual(['pdf']);
    expect(deps.writeExportFile).toHaveBeenCalledWith('/home/a/Documents/Riverside report.pdf', PDF);
  });

  it('answers null and writes nothing when the save dialog is cancelled', async () => {
    const { deps, call } = setup(null);
    await expect(call({ html: '<p>r</p>', suggestedName: 'r', pageSize: 'A4' })).resolves.toBeNull();
    expect(deps.writeExportFile).not.toHaveBeenCalled();
  });

  it('refuses HTML over the size limit, another page size, a non-string or extra fields, before printing', async () => {
    const { deps, call, log } = setup('/tmp/x.pdf');
    const bad = [
      { html: 'x'.repeat(MAX_REPORT_HTML_CHARS + 1), suggestedName: 'r', pageSize: 'A4' },
      { html: '<p>r</p>', suggestedName: 'r', pageSize: 'A3' },
      { html: 42, suggestedName: 'r', pageSize: 'A4' },
      { html: '<p>r</p>', suggestedName: 'r', pageSize: 'A4', path: '/etc/passwd' },
    ];
    for (const request of bad) await expect(call(request), JSON.stringify(request).slice(0, 60)).rejects.toThrow(/Invalid arguments for exportReportPdf/);
    await expect(call({ html: 'x'.repeat(MAX_REPORT_HTML_CHARS + 1), suggestedName: 'r', pageSize: 'A4' })).rejects.toThrow(/report is too large/);
    expect(deps.renderReportPdf).not.toHaveBeenCalled();
    expect(deps.pickSavePath).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('shows no dialog when printing fails', async () => {
    const { deps, call } = setup('/tmp/x.pdf');
    deps.renderReportPdf.mockRejectedValueOnce(new Error('The PDF was not ready after 90 seconds; try again.'));
    await expect(call({ html: '<p>r</p>', suggestedName: 'r', pageSize: 'A4' })).rejects.toThrow(/not ready/);
    expect(deps.pickSavePath).not.toHaveBeenCalled();
  });
});
