// IPC: every contract channel is registered, refuses untrusted senders, validates its
// arguments, and reaches files only through handles main issued.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../helpers/ipc-electron'));

import { CHANNELS, type PickedDocument } from '../../electron/ipc/contract';
import { isTrustedSender, isTrustedSenderUrl } from '../../electron/main/ipc';
import { APP_URL, DEV_URL, event, frame, PROJECT_TEXT, useIpcHarness } from '../helpers/ipc-harness';

const { dir, sheetPath, secretPath, projectPath, setup } = useIpcHarness();

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
