// Settings: typed keys with a schema; bad values are refused on write and replaced by
// defaults on read; the electron-store adapter persists them.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// electron-store imports electron at load; without app/ipcMain it needs an absolute cwd.
const electron = vi.hoisted(() => ({ ipcMain: { removeAllListeners: vi.fn() } }));
vi.mock('electron', () => ({ ...electron, default: {} }));

import {
  DEFAULT_SETTINGS,
  MemoryStore,
  Settings,
  SettingsError,
  MAX_RECENT_FILES,
} from '../../electron/main/settings';
import { openSettingsStore } from '../../electron/main/settingsStore';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fairshare-settings-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fresh() {
  const store = new MemoryStore();
  return { store, settings: new Settings(store) };
}

describe('Settings', () => {
  it('returns the defaults for an empty store', () => {
    const { settings } = fresh();
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof typeof DEFAULT_SETTINGS)[]) {
      expect(settings.get(key), key).toEqual(DEFAULT_SETTINGS[key]);
    }
    expect(settings.get('theme')).toBe('system');
  });

  it('stores valid values', () => {
    const { settings, store } = fresh();
    settings.set('defaultScale', { min: 1, max: 10 });
    settings.set('defaultTolerance', 0.45);
    settings.set('hoursPerFte', 37.5);
    settings.set('theme', 'dark');
    settings.set('recentFiles', ['/home/a/plan.fairshare']);
    settings.set('windowBounds', { x: -1200, y: 40, width: 1100, height: 700, maximized: false });
    settings.set('columnMappings', { 'Payroll export': { sheets: { Staff: { headerRow: 3, columns: { B: 'person', F: 'hours' } } } } });
    expect(settings.userSettings()).toEqual({
      defaultScale: { min: 1, max: 10 },
      defaultTolerance: 0.45,
      hoursPerFte: 37.5,
      theme: 'dark',
      columnMappings: { 'Payroll export': { sheets: { Staff: { headerRow: 3, columns: { B: 'person', F: 'hours' } } } } },
    });
    expect(store.data.get('windowBounds')).toEqual({ x: -1200, y: 40, width: 1100, height: 700, maximized: false });
  });

  it('rejects bad values with a message naming the setting, and keeps the old value', () => {
    const { settings } = fresh();
    const bad: [Parameters<Settings['set']>[0], unknown][] = [
      ['defaultScale', { min: 5, max: 5 }],
      ['defaultScale', { min: 0, max: 1e9 }],
      ['defaultScale', '1-20'],
      ['defaultTolerance', -1],
      ['defaultTolerance', Number.NaN],
      ['hoursPerFte', 0],
      ['hoursPerFte', 200],
      ['hoursPerFte', '40'],
      ['theme', 'neon'],
      ['recentFiles', Array.from({ length: MAX_RECENT_FILES + 1 }, (_, i) => `/f${i}.xlsx`)],
      ['recentFiles', [42]],
      ['windowBounds', { x: 0, y: 0, width: 10, height: 10, maximized: false }],
      ['windowBounds', { x: 0.5, y: 0, width: 1000, height: 800, maximized: false }],
      ['columnMappings', { m: { sheets: { S: { columns: { '../etc': 'person' } } } } }],
      ['columnMappings', { m: { sheets: { S: { headerRow: 0 } } } }],
    ];
    for (const [key, value] of bad) {
      expect(() => settings.set(key, value), `${key} = ${JSON.stringify(value)}`).toThrow(SettingsError);
      expect(() => settings.set(key, value)).toThrow(new RegExp(`Invalid value for setting "${key}"`));
    }
    expect(settings.userSettings()).toEqual(fresh().settings.userSettings());
  });

  it('drops a "__proto__" mapping name instead of polluting anything', () => {
    const { settings } = fresh();
    const stored = settings.set('columnMappings', JSON.parse('{"__proto__": {"sheets": {}}, "ok": {"sheets": {}}}'));
    expect(Object.keys(stored)).toEqual(['ok']);
    expect(Object.hasOwn(settings.get('columnMappings'), '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).sheets).toBeUndefined();
  });

  it('refuses unknown keys', () => {
    const { settings } = fresh();
    expect(() => settings.set('isAdmin' as never, true)).toThrow(/Unknown setting/);
    expect(() => settings.set('__proto__' as never, {})).toThrow(/Unknown setting/);
  });

  it('lets the page change only its own settings', () => {
    const { settings } = fresh();
    expect(settings.setUserSetting('hoursPerFte', 35).hoursPerFte).toBe(35);
    expect(() => settings.setUserSetting('recentFiles', ['/etc/passwd'])).toThrow(/Unknown setting/);
    expect(() => settings.setUserSetting('windowBounds', null)).toThrow(/Unknown setting/);
    expect(() => settings.setUserSetting(7, 1)).toThrow(/Unknown setting/);
  });

  it('falls back to the default for a stored value that is no longer valid (hand-edited file)', () => {
    const { settings, store } = fresh();
    store.set('hoursPerFte', 'forty');
    store.set('theme', 'purple');
    store.set('recentFiles', 'not a list');
    expect(settings.get('hoursPerFte')).toBe(40);
    expect(settings.get('theme')).toBe('system');
    expect(settings.get('recentFiles')).toEqual([]);
  });

  it('hands out copies, so callers cannot change the defaults', () => {
    const { settings } = fresh();
    settings.get('defaultScale').max = 99;
    expect(settings.get('defaultScale')).toEqual({ min: 1, max: 20 });
  });
});

describe('openSettingsStore (electron-store)', () => {
  it('persists settings in a JSON file and reads them back in a new session', async () => {
    const first = new Settings(openSettingsStore(dir));
    first.set('hoursPerFte', 36);
    first.set('columnMappings', { 'a.b': { sheets: { 'Sheet.1': { columns: { A: 'person' } } } } });
    const file = JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'));
    expect(file.hoursPerFte).toBe(36);
    // Dots in names are not paths.
    expect(file.columnMappings['a.b'].sheets['Sheet.1']).toEqual({ columns: { A: 'person' } });

    const second = new Settings(openSettingsStore(dir));
    expect(second.get('hoursPerFte')).toBe(36);
    expect(electron.ipcMain.removeAllListeners).toHaveBeenCalledWith('electron-store-get-data');
  });

  it('starts over from defaults when the settings file is corrupt', async () => {
    const corrupt = await mkdtemp(path.join(dir, 'corrupt-'));
    await writeFile(path.join(corrupt, 'settings.json'), '{ not json');
    const settings = new Settings(openSettingsStore(corrupt));
    expect(settings.get('hoursPerFte')).toBe(40);
    settings.set('theme', 'light');
    expect(new Settings(openSettingsStore(corrupt)).get('theme')).toBe('light');
  });

  it('falls back to memory when the folder cannot be used', () => {
    const onError = vi.fn();
    const store = openSettingsStore('relative/not/allowed/\0', onError);
    expect(onError).toHaveBeenCalled();
    const settings = new Settings(store);
    settings.set('theme', 'dark');
    expect(settings.get('theme')).toBe('dark');
  });
});
