// Saved column mappings in main: the settings schema takes old (letters only) and new (with header texts) mappings, keeps ones it cannot read without letting them hide the rest, and deleteColumnMapping over IPC.
import { describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const electron = vi.hoisted(() => ({ ipcMain: { handle: vi.fn() } }));
vi.mock('electron', () => electron);

import { CHANNELS, type SavedColumnMapping, type UserSettings } from '../../electron/ipc/contract';
import { createHandlers, type HandlerDeps } from '../../electron/main/handlers';
import { registerIpcHandlers } from '../../electron/main/ipc';
import { MemoryStore, Settings, SettingsError } from '../../electron/main/settings';

const OLD: SavedColumnMapping = { sheets: { Staff: { headerRow: 3, columns: { B: 'person', F: 'hours' } } } };
const NEW: SavedColumnMapping = {
  sheets: { Staff: { headerRow: 3, columns: { B: 'person', F: 'hours', G: 'skip' }, headers: { B: 'Staff member', F: 'Hrs/wk', G: 'Cost centre' } } },
};

function fresh() {
  const store = new MemoryStore();
  return { store, settings: new Settings(store) };
}

/** The IPC listeners main registers, with only the settings the two handlers under test use. */
function ipc(settings: Settings) {
  electron.ipcMain.handle.mockReset();
  const log = vi.fn();
  // The other handlers are not called here; their dependencies are left out on purpose.
  registerIpcHandlers(createHandlers({ settings, applyTheme: vi.fn() } as unknown as HandlerDeps), { log });
  const listeners = new Map(electron.ipcMain.handle.mock.calls.map(([channel, listener]) => [channel as string, listener as Listener]));
  const event = { senderFrame: { url: 'app://fairshare/index.html', parent: null }, sender: { id: 1 } };
  const call = (channel: string, ...args: unknown[]) => listeners.get(channel)!(event, ...args);
  return { call, log };
}

describe('settings schema of saved column mappings', () => {
  it('accepts mappings saved before header texts were kept, and reads them back unchanged', () => {
    const { settings, store } = fresh();
    store.set('columnMappings', { 'Payroll export': OLD });
    expect(settings.get('columnMappings')).toEqual({ 'Payroll export': OLD });
    expect(settings.set('columnMappings', { 'Payroll export': OLD })).toEqual({ 'Payroll export': OLD });
  });

  it('accepts and keeps header texts by column letter beside old ones', () => {
    const { settings } = fresh();
    settings.set('columnMappings', { march: NEW, old: OLD });
    expect(settings.userSettings().columnMappings).toEqual({ march: NEW, old: OLD });
  });

  it('keeps a time-tracking export\'s choices (time off counted, date order) and refuses unknown ones', () => {
    const { settings } = fresh();
    const clockify: SavedColumnMapping = { sheets: { Sheet1: { columns: { E: 'person' } } }, timesheet: { includeNonWork: true, dateOrder: 'dmy' } };
    expect(settings.set('columnMappings', { clockify })).toEqual({ clockify });
    expect(() => settings.set('columnMappings', { bad: { sheets: {}, timesheet: { dateOrder: 'ydm' } } })).toThrow(SettingsError);
    expect(() => settings.set('columnMappings', { bad: { sheets: {}, timesheet: { includeNonWork: 'yes' } } })).toThrow(SettingsError);
    expect(settings.get('columnMappings')).toEqual({ clockify });
  });

  it('refuses header texts under something that is not a column letter, or too long', () => {
    const { settings } = fresh();
    const bad = [
      { m: { sheets: { S: { columns: { A: 'person' }, headers: { '../A': 'Name' } } } } },
      { m: { sheets: { S: { columns: { A: 'person' }, headers: { A: 'x'.repeat(501) } } } } },
      { m: { sheets: { S: { columns: { A: 'person' }, headers: { A: 42 } } } } },
    ];
    for (const value of bad) expect(() => settings.set('columnMappings', value), JSON.stringify(value).slice(0, 80)).toThrow(SettingsError);
    expect(settings.get('columnMappings')).toEqual({});
  });

  it('deletes one mapping and keeps the others; an unknown name changes nothing', () => {
    const { settings } = fresh();
    settings.set('columnMappings', { march: NEW, old: OLD });
    expect(settings.deleteColumnMapping('march').columnMappings).toEqual({ old: OLD });
    expect(settings.deleteColumnMapping('nope').columnMappings).toEqual({ old: OLD });
    expect(settings.deleteColumnMapping('__proto__').columnMappings).toEqual({ old: OLD });
  });
});

describe('a saved mapping this version cannot read', () => {
  // Hand-edited, or saved by a newer version with fields this one does not know.
  const UNREADABLE = { sheets: { Staff: { headerRow: 0, columns: { B: 'person' } } } };

  it('hides only itself: the readable mappings are still offered', () => {
    const { settings, store } = fresh();
    store.set('columnMappings', { 'From the future': UNREADABLE, 'Payroll export': OLD });
    expect(settings.get('columnMappings')).toEqual({ 'Payroll export': OLD });
    expect(settings.userSettings().columnMappings).toEqual({ 'Payroll export': OLD });
  });

  it('survives saving another mapping and deleting a readable one', () => {
    const { settings, store } = fresh();
    store.set('columnMappings', { 'From the future': UNREADABLE, 'Payroll export': OLD });
    settings.set('columnMappings', { 'Payroll export': OLD, 'Timesheets': NEW });
    expect(store.get('columnMappings')).toEqual({ 'From the future': UNREADABLE, 'Payroll export': OLD, Timesheets: NEW });
    settings.deleteColumnMapping('Payroll export');
    expect(store.get('columnMappings')).toEqual({ 'From the future': UNREADABLE, Timesheets: NEW });
    expect(settings.get('columnMappings')).toEqual({ Timesheets: NEW });
  });

  it('is replaced by a readable mapping saved under its name, and can be deleted by name', () => {
    const { settings, store } = fresh();
    store.set('columnMappings', { 'From the future': UNREADABLE, Other: UNREADABLE });
    settings.set('columnMappings', { 'From the future': OLD });
    expect(store.get('columnMappings')).toEqual({ 'From the future': OLD, Other: UNREADABLE });
    settings.deleteColumnMapping('Other');
    expect(store.get('columnMappings')).toEqual({ 'From the future': OLD });
  });

  it('fields of a newer version survive while the page sends their mapping back unchanged', () => {
    const { settings, store } = fresh();
    const future = { sheets: { Staff: { columns: { B: 'person' }, transforms: ['trim'] } }, version: 2 };
    store.set('columnMappings', { Future: future });
    const shown = settings.get('columnMappings');
    expect(shown).toEqual({ Future: { sheets: { Staff: { columns: { B: 'person' } } } } });
    settings.set('columnMappings', { ...shown, Timesheets: NEW });
    expect(store.get('columnMappings')).toEqual({ Future: future, Timesheets: NEW });
    // Changed by the page: written as this version reads it.
    settings.set('columnMappings', { Future: OLD, Timesheets: NEW });
    expect(store.get('columnMappings')).toEqual({ Future: OLD, Timesheets: NEW });
  });

  it('past the cap of 200, the mappings the page saw stay the ones it sees', () => {
    const { settings, store } = fresh();
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`M${i + 1}`, OLD]));
    store.set('columnMappings', many);
    const shown = settings.get('columnMappings');
    expect(Object.keys(shown)).toHaveLength(200);
    expect(Object.hasOwn(shown, 'M201')).toBe(false);
    const returned = settings.set('columnMappings', shown);
    expect(Object.keys(settings.userSettings().columnMappings)).toEqual(Object.keys(returned));
    expect(Object.keys(store.get('columnMappings') as object)).toHaveLength(201);
  });

  it('a stored value that is not a set of mappings at all reads as none and is replaced on save', () => {
    const { settings, store } = fresh();
    store.set('columnMappings', ['not', 'a', 'record']);
    expect(settings.get('columnMappings')).toEqual({});
    settings.set('columnMappings', { 'Payroll export': OLD });
    expect(store.get('columnMappings')).toEqual({ 'Payroll export': OLD });
  });
});

describe('deleteColumnMapping (IPC handler)', () => {
  it('is registered on its own channel and removes the named mapping', async () => {
    const { settings } = fresh();
    settings.set('columnMappings', { march: NEW, 'a.b': OLD });
    const { call } = ipc(settings);
    const after = (await call(CHANNELS.deleteColumnMapping, 'march')) as UserSettings;
    expect(after.columnMappings).toEqual({ 'a.b': OLD });
    expect(after).not.toHaveProperty('recentFiles');
    // Dots in names are not paths.
    await expect(call(CHANNELS.deleteColumnMapping, 'a')).resolves.toMatchObject({ columnMappings: { 'a.b': OLD } });
    await expect(call(CHANNELS.deleteColumnMapping, 'a.b')).resolves.toMatchObject({ columnMappings: {} });
    expect(settings.get('columnMappings')).toEqual({});
  });

  it('validates its argument with zod before touching the settings', async () => {
    const { settings } = fresh();
    settings.set('columnMappings', { march: NEW });
    const { call, log } = ipc(settings);
    for (const args of [[], [''], [42], ['x'.repeat(201)], ['__proto__'], ['march', 'extra']]) {
      await expect(call(CHANNELS.deleteColumnMapping, ...args), JSON.stringify(args).slice(0, 40)).rejects.toThrow(/Invalid arguments for deleteColumnMapping/);
    }
    expect(log).toHaveBeenCalled();
    expect(settings.get('columnMappings')).toEqual({ march: NEW });
  });

  it('saves with setSetting and deletes with deleteColumnMapping, round trip', async () => {
    const { settings } = fresh();
    const { call } = ipc(settings);
    await call(CHANNELS.setSetting, 'columnMappings', { march: NEW, old: OLD });
    await expect(call(CHANNELS.getSettings)).resolves.toMatchObject({ columnMappings: { march: NEW, old: OLD } });
    await call(CHANNELS.deleteColumnMapping, 'old');
    await expect(call(CHANNELS.getSettings)).resolves.toMatchObject({ columnMappings: { march: NEW } });
  });
});
