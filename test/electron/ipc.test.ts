// IPC: every contract channel is registered, refuses untrusted senders, validates its
// arguments, and reaches files only through handles main issued.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import { CHANNELS, type PickedDocument, type UserSettings } from '../../electron/ipc/contract';
import { DocumentRegistry, isRegularFile, readDocumentBytes } from '../../electron/main/documents';
import { createHandlers, type HandlerDeps } from '../../electron/main/handlers';
import { isTrustedSender, isTrustedSenderUrl, registerIpcHandlers } from '../../electron/main/ipc';
import { writeExportFile, writeProjectFile } from '../../electron/main/projectFiles';
import { RecentFiles } from '../../electron/main/recentFiles';
import { RecoveryStore } from '../../electron/main/recovery';
import { MemoryStore, Settings } from '../../electron/main/settings';
import { createProject, serializeProject } from '../../renderer/src/engine/formats/projectFile';

const APP_URL = 'app://fairshare/index.html';
const DEV_URL = 'http://localhost:5173/';

function frame(url: string, parent: unknown = null) {
  return { url, parent };
}
function event(url: string | null = APP_URL, parent: unknown = null) {
  return { senderFrame: url === null ? null : frame(url, parent), sender: { id: 1 } };
}

const PROJECT_TEXT = serializeProject(
  createProject('Co-op', {
    people: [{ id: 'a', name: 'A', role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] }],
    tasks: [{ id: 't', name: 'T', empowerment: 0.5, desirability: 0.5, empowermentFactors: {}, desirabilityFactors: {}, source: 'file', reason: null, requires: [], chore: false }],
    assignments: [{ personId: 'a', taskId: 't', hours: 10, locked: false }],
    scale: { min: 1, max: 20 },
    hoursPerFte: 40,
  }),
);

let dir: string;
let sheetPath: string;
let secretPath: string;
let projectPath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fairshare-ipc-'));
  sheetPath = path.join(dir, 'roster.csv');
  secretPath = path.join(dir, 'secret.txt');
  projectPath = path.join(dir, 'existing.fairshare');
  await writeFile(sheetPath, 'name,task,hours\nAda,Payroll,4\n');
  await writeFile(secretPath, 'not for the renderer');
  await writeFile(projectPath, PROJECT_TEXT);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(options: { devServerUrl?: string; overrides?: Partial<HandlerDeps> } = {}) {
  electron.ipcMain.handle.mockReset();
  const settings = new Settings(new MemoryStore());
  const os = { addRecentDocument: vi.fn(), clearRecentDocuments: vi.fn() };
  const log = vi.fn();
  const deps: HandlerDeps = {
    appInfo: () => ({ name: 'Fairshare', version: '0.1.0', electron: '45', chrome: '140', node: '22', platform: 'linux', licenses: 'MIT' }),
    documents: new DocumentRegistry(),
    ownerOf: () => null,
    pickOpenPath: vi.fn(async (_owner, kind) => (kind === 'project' ? projectPath : sheetPath)),
    pickSavePath: vi.fn(async () => path.join(dir, 'saved.fairshare')),
    defaultDir: () => dir,
    samplePath: (sample) => path.resolve('resources', sample === 'partner' ? 'sample-partner.xlsx' : 'sample-organization.xlsx'),
    readDocumentBytes,
    writeProjectFile: (p, t) => writeProjectFile(p, t),
    writeExportFile: (p, b) => writeExportFile(p, b),
    isRegularFile,
    recent: new RecentFiles(settings, os),
    settings,
    applyTheme: vi.fn(),
    recovery: new RecoveryStore(path.join(dir, `recovery-${Math.random()}`)),
    closeGuard: { update: vi.fn(), saveBeforeCloseDone: vi.fn() },
    ...options.overrides,
  };
  registerIpcHandlers(createHandlers(deps), { devServerUrl: options.devServerUrl, log });
  const listeners = new Map<string, Listener>(
    electron.ipcMain.handle.mock.calls.map(([channel, listener]) => [channel as string, listener as Listener]),
  );
  const invoke = (channel: string, ev: unknown, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no listener for ${channel}`);
    return listener(ev, ...args);
  };
  const call = (channel: string, ...args: unknown[]) => invoke(channel, event(), ...args);
  return { deps, listeners, invoke, call, os, log };
}

describe('sender check', () => {
  it('trusts only our app:// origin, and the dev server only when given', () => {
    expect(isTrustedSenderUrl(APP_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://fairshare/some/deep/route?x=1')).toBe(true);
    expect(isTrustedSenderUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedSenderUrl('app://fairshare.evil.example/index.html')).toBe(false);
    expect(isTrustedSenderUrl('app://user:pw@fairshare/index.html')).toBe(false);
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
  it('registers exactly one listener per contract channel, on distinct channels', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    expect(new Set(Object.values(CHANNELS)).size).toBe(Object.keys(CHANNELS).length);
  });

  it('answers our own page', async () => {
    const { call } = setup();
    await expect(call(CHANNELS.getVersion)).resolves.toBe('0.1.0');
    await expect(call(CHANNELS.getAppInfo)).resolves.toMatchObject({ version: '0.1.0', licenses: 'MIT' });
  });

  it('rejects every channel from a foreign or missing frame without running any handler', async () => {
    const pickOpenPath = vi.fn(async () => sheetPath);
    const { invoke, log } = setup({ overrides: { pickOpenPath } });
    for (const channel of Object.values(CHANNELS)) {
      for (const ev of [event('https://evil.example/'), event('app://evil/index.html'), event(null), event(APP_URL, frame(APP_URL))]) {
        await expect(invoke(channel, ev), channel).rejects.toThrow(/untrusted sender/);
      }
    }
    expect(pickOpenPath).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('accepts the dev server only when main was started with it', async () => {
    await expect(setup().invoke(CHANNELS.getVersion, event(DEV_URL))).rejects.toThrow(/untrusted sender/);
    await expect(setup({ devServerUrl: DEV_URL }).invoke(CHANNELS.getVersion, event(DEV_URL))).resolves.toBe('0.1.0');
  });

  it('rejects extra or missing arguments on every channel with a clear TypeError', async () => {
    const { call } = setup();
    for (const channel of [CHANNELS.getVersion, CHANNELS.openProject, CHANNELS.importSpreadsheet, CHANNELS.listRecent, CHANNELS.checkRecovery]) {
      await expect(call(channel, 'extra'), channel).rejects.toThrow(TypeError);
    }
    await expect(call(CHANNELS.readDocument)).rejects.toThrow(/Invalid arguments for readDocument/);
    await expect(call(CHANNELS.saveProject)).rejects.toThrow(/Invalid arguments for saveProject/);
    await expect(call(CHANNELS.importSpreadsheet, '/etc/passwd')).rejects.toThrow(/Invalid arguments for importSpreadsheet/);
  });
});

describe('documents', () => {
  it('imports a spreadsheet through the dialog and reads it by handle', async () => {
    const { call, deps, os } = setup();
    const picked = (await call(CHANNELS.importSpreadsheet)) as PickedDocument;
    expect(picked).toMatchObject({ name: 'roster.csv', kind: 'spreadsheet' });
    expect(picked.handle).not.toContain(dir); // opaque: no path leaks to the page
    const bytes = (await call(CHANNELS.readDocument, picked.handle)) as Uint8Array;
    expect(new TextDecoder().decode(bytes)).toContain('Ada,Payroll,4');
    expect(deps.pickOpenPath).toHaveBeenCalledWith(null, 'spreadsheet');
    expect(os.addRecentDocument).toHaveBeenCalledWith(sheetPath);
  });

  it('returns null when a dialog is cancelled', async () => {
    const { call } = setup({ overrides: { pickOpenPath: async () => null, pickSavePath: async () => null } });
    await expect(call(CHANNELS.openProject)).resolves.toBeNull();
    await expect(call(CHANNELS.importSpreadsheet)).resolves.toBeNull();
    await expect(call(CHANNELS.saveProject, { handle: null, text: PROJECT_TEXT, saveAs: false, suggestedName: 'x' })).resolves.toBeNull();
    await expect(call(CHANNELS.exportFile, { format: 'xlsx', suggestedName: 'x', bytes: new Uint8Array(1) })).resolves.toBeNull();
  });

  it('refuses paths, malformed and unknown handles', async () => {
    const { call } = setup();
    for (const bad of [secretPath, '../secret.txt', '', 42, null, { handle: 'x' }, ['a']]) {
      await expect(call(CHANNELS.readDocument, bad)).rejects.toThrow(/Invalid document handle|expected string/);
    }
    await expect(call(CHANNELS.readDocument, crypto.randomUUID())).rejects.toThrow(/Unknown document handle/);
  });

  it('does not honour handles from another registry (e.g. a previous run)', async () => {
    const first = setup();
    const picked = (await first.call(CHANNELS.importSpreadsheet)) as PickedDocument;
    await expect(setup().call(CHANNELS.readDocument, picked.handle)).rejects.toThrow(/Unknown/);
  });

  it('opens the bundled samples read-only', async () => {
    const { call } = setup();
    const sample = (await call(CHANNELS.openSample, 'organization')) as PickedDocument;
    expect(sample).toMatchObject({ name: 'sample-organization.xlsx', kind: 'spreadsheet' });
    expect(((await call(CHANNELS.readDocument, sample.handle)) as Uint8Array).byteLength).toBeGreaterThan(1000);
    await expect(call(CHANNELS.saveProject, { handle: sample.handle, text: PROJECT_TEXT, saveAs: false, suggestedName: 'x' })).rejects.toThrow(/Unknown project handle/);
    await expect(call(CHANNELS.openSample, '../../etc/passwd')).rejects.toThrow(/Invalid arguments for openSample/);
  });

  it('issues handles for dropped files of the kinds Fairshare opens, and nothing else', async () => {
    const { call } = setup();
    await expect(call(CHANNELS.openDroppedFile, sheetPath)).resolves.toMatchObject({ name: 'roster.csv', kind: 'spreadsheet' });
    await expect(call(CHANNELS.openDroppedFile, projectPath)).resolves.toMatchObject({ kind: 'project' });
    await expect(call(CHANNELS.openDroppedFile, secretPath)).resolves.toBeNull(); // .txt
    await expect(call(CHANNELS.openDroppedFile, path.join(dir, 'missing.xlsx'))).resolves.toBeNull();
    await expect(call(CHANNELS.openDroppedFile, dir)).resolves.toBeNull();
    for (const bad of ['roster.csv', '', 7, `${sheetPath}\0.xlsx`]) {
      await expect(call(CHANNELS.openDroppedFile, bad)).rejects.toThrow(/Invalid arguments for openDroppedFile/);
    }
  });
});

describe('saving and exporting', () => {
  it('saves a new project through Save As and then to its handle, keeping a .bak', async () => {
    const target = path.join(dir, 'new-project.fairshare');
    const pickSavePath = vi.fn(async () => target);
    const { call } = setup({ overrides: { pickSavePath } });
    const saved = (await call(CHANNELS.saveProject, { handle: null, text: PROJECT_TEXT, saveAs: false, suggestedName: 'Co-op/../x' })) as PickedDocument;
    expect(saved).toMatchObject({ name: 'new-project.fairshare', kind: 'project' });
    expect((pickSavePath.mock.calls[0] as unknown[])[1]).toMatchObject({ fileName: 'Co-op .. x.fairshare', defaultDir: dir });
    expect(await readFile(target, 'utf8')).toBe(PROJECT_TEXT);

    const second = PROJECT_TEXT.replace('"Co-op"', '"Co-op 2"');
    await expect(call(CHANNELS.saveProject, { handle: saved.handle, text: second, saveAs: false, suggestedName: '' })).resolves.toEqual(saved);
    expect(pickSavePath).toHaveBeenCalledTimes(1);
    expect(await readFile(target, 'utf8')).toBe(second);
    expect(await readFile(`${target}.bak`, 'utf8')).toBe(PROJECT_TEXT);
  });

  it('refuses to save anything but a valid current-format project', async () => {
    const { call } = setup();
    await expect(call(CHANNELS.saveProject, { handle: null, text: '{"version":2}', saveAs: false, suggestedName: 'x' })).rejects.toThrow(/Refusing to save the project/);
  });

  it('never writes over a spreadsheet handle', async () => {
    const { call } = setup();
    const sheet = (await call(CHANNELS.importSpreadsheet)) as PickedDocument;
    await expect(call(CHANNELS.saveProject, { handle: sheet.handle, text: PROJECT_TEXT, saveAs: false, suggestedName: 'x' })).rejects.toThrow(/Unknown project handle/);
    expect(await readFile(sheetPath, 'utf8')).toContain('Ada,Payroll,4');
  });

  it('validates the save request strictly', async () => {
    const { call } = setup();
    const ok = { handle: null, text: PROJECT_TEXT, saveAs: false, suggestedName: 'x' };
    for (const bad of [{ ...ok, path: '/etc/passwd' }, { ...ok, handle: projectPath }, { ...ok, saveAs: 'yes' }, { ...ok, text: 5 }, 'text']) {
      await expect(call(CHANNELS.saveProject, bad)).rejects.toThrow(/Invalid arguments for saveProject/);
    }
  });

  it('exports bytes through the save dialog and returns the display name', async () => {
    const target = path.join(dir, 'summary.xlsx');
    const pickSavePath = vi.fn(async () => target);
    const { call } = setup({ overrides: { pickSavePath } });
    await expect(call(CHANNELS.exportFile, { format: 'xlsx', suggestedName: 'Co-op summary', bytes: new Uint8Array([80, 75, 3, 4]) })).resolves.toBe('summary.xlsx');
    expect([...(await readFile(target))]).toEqual([80, 75, 3, 4]);
    expect((pickSavePath.mock.calls[0] as unknown[])[1]).toMatchObject({ fileName: 'Co-op summary.xlsx', filter: { extensions: ['xlsx'] } });
    await expect(call(CHANNELS.exportFile, { format: 'exe', suggestedName: 'x', bytes: new Uint8Array(1) })).rejects.toThrow(/Invalid arguments/);
    await expect(call(CHANNELS.exportFile, { format: 'csv', suggestedName: 'x', bytes: 'not bytes' })).rejects.toThrow(/expected bytes/);
  });
});
