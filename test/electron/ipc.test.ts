// IPC: every channel is registered, refuses untrusted senders, validates its arguments and
// reads documents only through handles issued by main's dialog.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  dialog: { showOpenDialog: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import { CHANNELS } from '../../electron/ipc/contract';
import { DocumentRegistry, readDocumentBytes } from '../../electron/main/documents';
import {
  createHandlers,
  isTrustedSender,
  isTrustedSenderUrl,
  registerIpcHandlers,
  type HandlerDeps,
} from '../../electron/main/ipc';

const APP_URL = 'app://fairshare/index.html';
const DEV_URL = 'http://localhost:5173/';

function frame(url: string, parent: unknown = null) {
  return { url, parent };
}
function event(url: string | null, parent: unknown = null) {
  return { senderFrame: url === null ? null : frame(url, parent), sender: { id: 1 } };
}

let dir: string;
let sheetPath: string;
let secretPath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fairshare-ipc-'));
  sheetPath = path.join(dir, 'roster.csv');
  secretPath = path.join(dir, 'secret.txt');
  await writeFile(sheetPath, 'name,task,hours\nAda,Payroll,4\n');
  await writeFile(secretPath, 'not for the renderer');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(devServerUrl?: string, overrides: Partial<HandlerDeps> = {}) {
  electron.ipcMain.handle.mockReset();
  const deps: HandlerDeps = {
    version: '0.1.0',
    documents: new DocumentRegistry(),
    pickSpreadsheetPath: vi.fn(async () => sheetPath),
    readDocumentBytes,
    ...overrides,
  };
  registerIpcHandlers(createHandlers(deps), devServerUrl);
  const listeners = new Map<string, Listener>(
    electron.ipcMain.handle.mock.calls.map(([channel, listener]) => [channel as string, listener as Listener]),
  );
  const invoke = (channel: string, ev: unknown, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no listener for ${channel}`);
    return listener(ev, ...args);
  };
  return { deps, listeners, invoke };
}

describe('sender check', () => {
  it('trusts only our app:// origin, and the dev server only when given', () => {
    expect(isTrustedSenderUrl(APP_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://fairshare/some/deep/route?x=1')).toBe(true);
    expect(isTrustedSenderUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedSenderUrl('app://fairshare.evil.example/index.html')).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/')).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/index.html')).toBe(false);
    expect(isTrustedSenderUrl('about:blank')).toBe(false);
    expect(isTrustedSenderUrl('')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', DEV_URL)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', DEV_URL)).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/', DEV_URL)).toBe(false);
  });

  it('refuses destroyed frames and subframes', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(frame(APP_URL, frame(APP_URL)) as never)).toBe(false);
    expect(isTrustedSender(frame(APP_URL) as never)).toBe(true);
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly one listener per contract channel', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('answers our own page', async () => {
    const { invoke } = setup();
    await expect(invoke(CHANNELS.getVersion, event(APP_URL))).resolves.toBe('0.1.0');
  });

  it('rejects every channel from a foreign frame URL without running the handler', async () => {
    const pick = vi.fn(async () => sheetPath);
    const { invoke } = setup(undefined, { pickSpreadsheetPath: pick });
    for (const channel of Object.values(CHANNELS)) {
      for (const ev of [event('https://evil.example/'), event('app://evil/index.html'), event(null), event(APP_URL, frame(APP_URL))]) {
        await expect(invoke(channel, ev), channel).rejects.toThrow(/untrusted sender/);
      }
    }
    expect(pick).not.toHaveBeenCalled();
  });

  it('accepts the dev server only when main was started with it', async () => {
    await expect(setup().invoke(CHANNELS.getVersion, event(DEV_URL))).rejects.toThrow(/untrusted sender/);
    await expect(setup(DEV_URL).invoke(CHANNELS.getVersion, event(DEV_URL))).resolves.toBe('0.1.0');
  });
});

describe('handlers', () => {
  it('validates argument counts', async () => {
    const { invoke } = setup();
    await expect(invoke(CHANNELS.getVersion, event(APP_URL), 'extra')).rejects.toThrow(TypeError);
    await expect(invoke(CHANNELS.openSpreadsheet, event(APP_URL), '/etc/passwd')).rejects.toThrow(TypeError);
    await expect(invoke(CHANNELS.readDocument, event(APP_URL))).rejects.toThrow(TypeError);
  });

  it('reads a document through the handle issued by the dialog', async () => {
    const { invoke } = setup();
    const picked = (await invoke(CHANNELS.openSpreadsheet, event(APP_URL))) as { handle: string; name: string };
    expect(picked.name).toBe('roster.csv');
    expect(picked.handle).not.toContain(dir); // opaque: no path leaks to the page
    const bytes = (await invoke(CHANNELS.readDocument, event(APP_URL), picked.handle)) as Uint8Array;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toContain('Ada,Payroll,4');
  });

  it('returns null when the dialog is cancelled', async () => {
    const { invoke } = setup(undefined, { pickSpreadsheetPath: async () => null });
    await expect(invoke(CHANNELS.openSpreadsheet, event(APP_URL))).resolves.toBeNull();
  });

  it('refuses paths, malformed and unknown handles', async () => {
    const { invoke } = setup();
    for (const bad of [secretPath, '../secret.txt', '', 42, null, { handle: 'x' }, ['a']]) {
      await expect(invoke(CHANNELS.readDocument, event(APP_URL), bad)).rejects.toThrow(/Invalid document handle/);
    }
    await expect(invoke(CHANNELS.readDocument, event(APP_URL), crypto.randomUUID())).rejects.toThrow(
      /Unknown document handle/,
    );
  });

  it('does not honour handles from another registry (e.g. a previous run)', async () => {
    const first = setup();
    const picked = (await first.invoke(CHANNELS.openSpreadsheet, event(APP_URL))) as { handle: string };
    const second = setup();
    await expect(second.invoke(CHANNELS.readDocument, event(APP_URL), picked.handle)).rejects.toThrow(/Unknown/);
  });
});

describe('readDocumentBytes', () => {
  it('returns exactly the file bytes, on a buffer of their own', async () => {
    const bytes = await readDocumentBytes(sheetPath);
    expect(new TextDecoder().decode(bytes)).toBe('name,task,hours\nAda,Payroll,4\n');
    // IPC clones the whole ArrayBuffer: nothing beyond the file may ride along.
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('refuses directories', async () => {
    await expect(readDocumentBytes(dir)).rejects.toThrow(/Not a file/);
  });
});

describe('pickSpreadsheetPath', () => {
  beforeEach(() => electron.dialog.showOpenDialog.mockReset());

  it('returns the chosen path, or null when cancelled', async () => {
    const { pickSpreadsheetPath } = await import('../../electron/main/documents');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/a/org.xlsx'] });
    await expect(pickSpreadsheetPath({} as never)).resolves.toBe('/home/a/org.xlsx');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(pickSpreadsheetPath({} as never)).resolves.toBeNull();
    const options = electron.dialog.showOpenDialog.mock.calls[0][0] as { properties: string[] };
    expect(options.properties).toEqual(['openFile']);
  });
});
