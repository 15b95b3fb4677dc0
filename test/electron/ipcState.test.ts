// IPC handlers, continued: recent files, settings, recovery, document state, reads and dialogs (split from ipc.test.ts).
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../helpers/ipc-electron'));

import { CHANNELS, type PickedDocument, type UserSettings } from '../../electron/ipc/contract';
import { readDocumentBytes } from '../../electron/main/documents';
import { RecoveryStore } from '../../electron/main/recovery';
import * as electron from '../helpers/ipc-electron';
import { PROJECT_TEXT, useIpcHarness } from '../helpers/ipc-harness';

const { dir, sheetPath, setup } = useIpcHarness();

describe('recent files', () => {
  it('lists names and opaque ids, and opens by id', async () => {
    const { call } = setup();
    await call(CHANNELS.importSpreadsheet);
    await call(CHANNELS.openProject);
    const recent = (await call(CHANNELS.listRecent)) as { id: string; name: string; kind: string }[];
    expect(recent.map((r) => [r.name, r.kind])).toEqual([['existing.fairshare', 'project'], ['roster.csv', 'spreadsheet']]);
    expect(JSON.stringify(recent)).not.toContain(dir);
    const opened = (await call(CHANNELS.openRecent, recent[1].id)) as PickedDocument;
    expect(opened).toMatchObject({ name: 'roster.csv', kind: 'spreadsheet' });
    await expect(call(CHANNELS.openRecent, 'f'.repeat(32))).resolves.toBeNull();
    await expect(call(CHANNELS.openRecent, sheetPath)).rejects.toThrow(/Invalid recent document id/);
  });

  it('drops a recent file that has gone', async () => {
    const gone = path.join(dir, 'gone.xlsx');
    await writeFile(gone, 'x');
    const { call } = setup({ overrides: { pickOpenPath: async () => gone } });
    await call(CHANNELS.importSpreadsheet);
    const [entry] = (await call(CHANNELS.listRecent)) as { id: string }[];
    await rm(gone);
    await expect(call(CHANNELS.openRecent, entry.id)).resolves.toBeNull();
    await expect(call(CHANNELS.listRecent)).resolves.toEqual([]);
  });
});

describe('settings', () => {
  it('reads defaults and stores valid values', async () => {
    const { call, deps } = setup();
    const settings = (await call(CHANNELS.getSettings)) as UserSettings;
    expect(settings).toMatchObject({ defaultScale: { min: 1, max: 20 }, hoursPerFte: 40, theme: 'system', defaultTolerance: null });
    expect(settings).not.toHaveProperty('recentFiles');
    expect(settings).not.toHaveProperty('windowBounds');
    await expect(call(CHANNELS.setSetting, 'hoursPerFte', 37.5)).resolves.toMatchObject({ hoursPerFte: 37.5 });
    await call(CHANNELS.setSetting, 'theme', 'dark');
    expect(deps.applyTheme).toHaveBeenCalledWith('dark');
  });

  it('rejects bad values and keys the page may not set', async () => {
    const { call } = setup();
    await expect(call(CHANNELS.setSetting, 'hoursPerFte', -1)).rejects.toThrow(/Invalid value for setting "hoursPerFte"/);
    await expect(call(CHANNELS.setSetting, 'theme', 'neon')).rejects.toThrow(/Invalid value for setting "theme"/);
    await expect(call(CHANNELS.setSetting, 'recentFiles', ['/etc/passwd'])).rejects.toThrow(/Invalid arguments for setSetting/);
    await expect(call(CHANNELS.setSetting, 'windowBounds', null)).rejects.toThrow(/Invalid arguments for setSetting/);
    await expect(call(CHANNELS.setSetting, '__proto__', {})).rejects.toThrow(/Invalid arguments for setSetting/);
    await expect(call(CHANNELS.getSettings)).resolves.toMatchObject({ hoursPerFte: 40, theme: 'system' });
  });
});

describe('recovery', () => {
  it('offers the autosave back after a restart, tied to the project file', async () => {
    const recoveryDir = path.join(dir, 'recovery-restart');
    const first = setup({ overrides: { recovery: new RecoveryStore(recoveryDir) } });
    const project = (await first.call(CHANNELS.openProject)) as PickedDocument;
    await first.call(CHANNELS.writeRecovery, PROJECT_TEXT, project.handle);

    // A crash: nothing discarded the autosave. The next run finds it.
    const second = setup({ overrides: { recovery: new RecoveryStore(recoveryDir) } });
    const offered = (await second.call(CHANNELS.checkRecovery)) as { text: string; document: PickedDocument; savedAt: string };
    expect(offered.text).toBe(PROJECT_TEXT);
    expect(offered.document).toMatchObject({ name: 'existing.fairshare', kind: 'project' });
    expect(Date.parse(offered.savedAt)).not.toBeNaN();
    // The fresh handle is the project's: Save writes back to it.
    await expect(second.call(CHANNELS.saveProject, { handle: offered.document.handle, text: PROJECT_TEXT, saveAs: false, suggestedName: '' })).resolves.toMatchObject({ name: 'existing.fairshare' });

    await second.call(CHANNELS.discardRecovery);
    await expect(second.call(CHANNELS.checkRecovery)).resolves.toBeNull();
  });

  it('keeps an autosave of a never-saved project without a document', async () => {
    const { call } = setup();
    await call(CHANNELS.writeRecovery, PROJECT_TEXT, null);
    await expect(call(CHANNELS.checkRecovery)).resolves.toMatchObject({ text: PROJECT_TEXT, document: null });
    await expect(call(CHANNELS.writeRecovery, 42, null)).rejects.toThrow(/Invalid arguments for writeRecovery/);
  });
});

describe('document state', () => {
  it('passes valid state to the close guard and rejects anything else', async () => {
    const { call, deps } = setup();
    await call(CHANNELS.setDocumentState, { dirty: true, title: 'Co-op' });
    expect(deps.closeGuard.update).toHaveBeenCalledWith({ dirty: true, title: 'Co-op' }, null);
    for (const bad of [{ dirty: 'yes', title: null }, { dirty: true }, { dirty: true, title: null, extra: 1 }, true]) {
      await expect(call(CHANNELS.setDocumentState, bad)).rejects.toThrow(/Invalid arguments for setDocumentState/);
    }
  });

  it('passes the answer to a save-before-close request to the close guard, with its window', async () => {
    const { call, deps } = setup({ overrides: { ownerOf: () => ({ id: 7 }) as never } });
    await call(CHANNELS.saveBeforeCloseDone, true);
    expect(deps.closeGuard.saveBeforeCloseDone).toHaveBeenCalledExactlyOnceWith(true, { id: 7 });
    for (const bad of [[], ['yes'], [true, 'extra']]) await expect(call(CHANNELS.saveBeforeCloseDone, ...bad)).rejects.toThrow(/Invalid arguments/);
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

describe('dialogs', () => {
  beforeEach(() => {
    electron.dialog.showOpenDialog.mockReset();
    electron.dialog.showSaveDialog.mockReset();
  });

  it('filters the open dialogs to the documented extensions', async () => {
    const { pickOpenPath } = await import('../../electron/main/dialogs');
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/a/org.xlsx'] });
    await expect(pickOpenPath(null, 'spreadsheet')).resolves.toBe('/home/a/org.xlsx');
    await pickOpenPath(null, 'project');
    const [sheetOptions] = electron.dialog.showOpenDialog.mock.calls[0] as [{ filters: { extensions: string[] }[]; properties: string[] }];
    expect(sheetOptions.filters).toEqual([{ name: 'Spreadsheets', extensions: ['xlsx', 'xlsm', 'xls', 'xlsb', 'ods', 'csv', 'tsv'] }]);
    expect(sheetOptions.properties).toEqual(['openFile']);
    const [projectOptions] = electron.dialog.showOpenDialog.mock.calls[1] as [{ filters: { extensions: string[] }[] }];
    expect(projectOptions.filters).toEqual([{ name: 'Fairshare projects', extensions: ['fairshare'] }]);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(pickOpenPath(null, 'project')).resolves.toBeNull();
  });

  it('adds the extension a save dialog left off', async () => {
    const { pickSavePath, PROJECT_FILTER } = await import('../../electron/main/dialogs');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/a/plan' });
    await expect(pickSavePath(null, { title: 'Save', filter: PROJECT_FILTER, fileName: 'plan.fairshare', defaultDir: '/home/a' })).resolves.toBe('/home/a/plan.fairshare');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/a/plan.FAIRSHARE' });
    await expect(pickSavePath(null, { title: 'Save', filter: PROJECT_FILTER, fileName: 'plan.fairshare', defaultDir: '/home/a' })).resolves.toBe('/home/a/plan.FAIRSHARE');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(pickSavePath(null, { title: 'Save', filter: PROJECT_FILTER, fileName: 'x.fairshare', defaultDir: '/' })).resolves.toBeNull();
  });

  it('reduces proposed file names to safe ones', async () => {
    const { safeFileName } = await import('../../electron/main/dialogs');
    expect(safeFileName('Tenants union', 'fairshare')).toBe('Tenants union.fairshare');
    expect(safeFileName('summary.xlsx', 'xlsx')).toBe('summary.xlsx');
    expect(safeFileName('../../etc/passwd', 'csv')).toBe('etc passwd.csv');
    expect(safeFileName('..\\..\\win.ini', 'csv')).toBe('win.ini.csv');
    expect(safeFileName('a<b>:c"d|e?f*g\u0001', 'pdf')).toBe('abcdefg.pdf');
    expect(safeFileName('   ', 'pdf', 'Untitled')).toBe('Untitled.pdf');
    expect(safeFileName('...hidden', 'json')).toBe('hidden.json');
    expect(safeFileName('CON', 'csv')).toBe('CON_.csv');
    expect(safeFileName('x'.repeat(500), 'csv')).toHaveLength(124);
  });
});
