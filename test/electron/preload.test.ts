// The preload: exposes exactly the DesktopApi (one method per channel, no ipcRenderer),
// buffers early menu commands, and resolves dropped files' paths without showing them to the page.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const ipcListeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  return {
    ipcListeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => 'reply'),
      on: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => void) => ipcListeners.set(channel, fn)),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
    // Like Electron's: a path for Files from a drop or picker, "" for others, throws for non-Files.
    webUtils: {
      getPathForFile: vi.fn((file: File): string => {
        if (!(file instanceof File)) throw new TypeError('Expected a File');
        return '';
      }),
    },
  };
});
vi.mock('electron', () => electron);

import { CHANNELS, EVENTS, type DesktopApi, type MenuCommand } from '../../electron/ipc/contract';

let api: DesktopApi;
const emit = (command: MenuCommand) => electron.ipcListeners.get(EVENTS.menuCommand)!({ sender: 'ipc-event' }, command);

beforeAll(async () => {
  await import('../../electron/preload/index');
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, DesktopApi];
  expect(name).toBe('desktop');
  api = exposed;
});
const realGetPath = electron.webUtils.getPathForFile.getMockImplementation()!;
beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
  electron.webUtils.getPathForFile.mockReset();
  electron.webUtils.getPathForFile.mockImplementation(realGetPath);
});

describe('preload', () => {
  it('exposes exactly the contract: one function per channel plus onMenuCommand', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(api).sort()).toEqual([...Object.keys(CHANNELS), 'onMenuCommand'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
  });

  it('invokes each method on its own channel with its arguments only', async () => {
    const calls: [keyof typeof CHANNELS, unknown[]][] = [
      ['getVersion', []],
      ['getAppInfo', []],
      ['openProject', []],
      ['importSpreadsheet', []],
      ['openSample', ['organization']],
      ['readDocument', ['h']],
      ['saveProject', [{ handle: null, text: '{}', saveAs: true, suggestedName: 'x' }]],
      ['exportFile', [{ format: 'xlsx', suggestedName: 'x', bytes: new Uint8Array(1) }]],
      ['exportReportPdf', [{ html: '<p>r</p>', suggestedName: 'x', pageSize: 'A4' }]],
      ['listRecent', []],
      ['openRecent', ['id']],
      ['getSettings', []],
      ['setSetting', ['theme', 'dark']],
      ['deleteColumnMapping', ['Payroll export']],
      ['writeRecovery', ['{}', null]],
      ['checkRecovery', []],
      ['discardRecovery', []],
      ['setDocumentState', [{ dirty: true, title: null }]],
      ['saveBeforeCloseDone', [false]],
    ];
    expect(calls.map(([m]) => m).sort()).toEqual(Object.keys(CHANNELS).filter((m) => m !== 'openDroppedFile').sort());
    for (const [method, args] of calls) {
      electron.ipcRenderer.invoke.mockClear();
      await (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      expect(electron.ipcRenderer.invoke, method).toHaveBeenCalledExactlyOnceWith(CHANNELS[method], ...args);
    }
  });

  it('turns a dropped File into its path for main, and never returns the path', async () => {
    electron.webUtils.getPathForFile.mockReturnValue('/home/a/roster.xlsx');
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ handle: 'h', name: 'roster.xlsx', kind: 'spreadsheet' });
    const file = new File(['x'], 'roster.xlsx');
    await expect(api.openDroppedFile(file)).resolves.toEqual({ handle: 'h', name: 'roster.xlsx', kind: 'spreadsheet' });
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(CHANNELS.openDroppedFile, '/home/a/roster.xlsx');
  });

  it('does not call main for files without a path (made by the page) or non-files', async () => {
    await expect(api.openDroppedFile(new File(['x'], 'made-up.xlsx'))).resolves.toBeNull();
    await expect(api.openDroppedFile('/etc/passwd' as never)).resolves.toBeNull();
    await expect(api.openDroppedFile({ path: '/etc/passwd' } as never)).resolves.toBeNull();
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('buffers menu commands until a subscriber arrives, passes only the command, and unsubscribes', () => {
    emit({ type: 'open-project' });
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args: unknown[]) => received.push(args));
    expect(received).toEqual([[{ type: 'open-project' }]]);
    emit({ type: 'undo' });
    expect(received).toEqual([[{ type: 'open-project' }], [{ type: 'undo' }]]);
    unsubscribe();
    emit({ type: 'redo' });
    expect(received).toHaveLength(2);
    expect(() => api.onMenuCommand('not a function' as never)).toThrow(TypeError);
  });
});
