// The IPC handler tests' harness: a trusted or foreign sender's event, a valid project, a temporary folder of documents, and the handlers registered on the mocked ipcMain with a way to invoke them.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { DocumentRegistry, isRegularFile, readDocumentBytes } from '../../electron/main/documents';
import { createHandlers, type HandlerDeps } from '../../electron/main/handlers';
import { registerIpcHandlers } from '../../electron/main/ipc';
import { writeExportFile, writeProjectFile } from '../../electron/main/projectFiles';
import { RecentFiles } from '../../electron/main/recentFiles';
import { RecoveryStore } from '../../electron/main/recovery';
import { MemoryStore, Settings } from '../../electron/main/settings';
import { createProject } from '../../renderer/src/engine/formats/projectFile';
import { serializeProject } from '../../renderer/src/engine/formats/projectCodec';
import { ipcMain } from './ipc-electron';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export const APP_URL = 'app://fairshare/index.html';
export const DEV_URL = 'http://localhost:5173/';

export function frame(url: string, parent: unknown = null) {
  return { url, parent };
}
export function event(url: string | null = APP_URL, parent: unknown = null) {
  return { senderFrame: url === null ? null : frame(url, parent), sender: { id: 1 } };
}

export const PROJECT_TEXT = serializeProject(
  createProject('Co-op', {
    people: [{ id: 'a', name: 'A', role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] }],
    tasks: [{ id: 't', name: 'T', empowerment: 0.5, desirability: 0.5, empowermentFactors: {}, desirabilityFactors: {}, source: 'file', reason: null, requires: [], chore: false }],
    assignments: [{ personId: 'a', taskId: 't', hours: 10, locked: false }],
    scale: { min: 1, max: 20 },
    hoursPerFte: 40,
  }),
);

/**
 * Call once at the top level of a test file: registers the hooks that write the documents (a
 * spreadsheet, a project and a file the renderer must never reach) into a temporary folder and
 * remove it, and returns their paths with `setup`, which registers fresh handlers on them.
 */
export function useIpcHarness() {
  const dir = path.join(tmpdir(), `fairshare-ipc-${randomUUID()}`);
  const sheetPath = path.join(dir, 'roster.csv');
  const secretPath = path.join(dir, 'secret.txt');
  const projectPath = path.join(dir, 'existing.fairshare');

  beforeAll(async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(sheetPath, 'name,task,hours\nAda,Payroll,4\n');
    await writeFile(secretPath, 'not for the renderer');
    await writeFile(projectPath, PROJECT_TEXT);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function setup(options: { devServerUrl?: string; overrides?: Partial<HandlerDeps> } = {}) {
    ipcMain.handle.mockReset();
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
      renderReportPdf: vi.fn(async () => new TextEncoder().encode('%PDF-1.7')),
      isRegularFile,
      recent: new RecentFiles(settings, os),
      settings,
      applyTheme: vi.fn(),
      recovery: new RecoveryStore(path.join(dir, `recovery-${Math.random()}`)),
      closeGuard: { update: vi.fn(), saveBeforeCloseDone: vi.fn() },
      ...options.overrides,
    };
    registerIpcHandlers(createHandlers(deps), { devServerUrl: options.devServerUrl, log });
    const listeners = new Map<string, Listener>(ipcMain.handle.mock.calls.map(([channel, listener]) => [channel as string, listener as Listener]));
    const invoke = (channel: string, ev: unknown, ...args: unknown[]) => {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`no listener for ${channel}`);
      return listener(ev, ...args);
    };
    const call = (channel: string, ...args: unknown[]) => invoke(channel, event(), ...args);
    return { deps, listeners, invoke, call, os, log };
  }

  return { dir, sheetPath, secretPath, projectPath, setup };
}
