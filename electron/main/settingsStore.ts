// Opens the settings file (electron-store, in the user-data folder) as a KeyValueStore for Settings.
import { ipcMain } from 'electron';
import Store from 'electron-store';
import { MemoryStore, type KeyValueStore } from './settings';

/**
 * `cwd` overrides the folder (tests). A settings file that is not valid JSON is reset rather
 * than stopping the app; values that fail our schema fall back to defaults in Settings.
 */
export function openSettingsStore(cwd?: string, onError?: (error: unknown) => void): KeyValueStore {
  try {
    const store = new Store<Record<string, unknown>>({
      name: 'settings',
      cwd,
      clearInvalidConfig: true,
      accessPropertiesByDotNotation: false,
      watch: false,
    });
    // electron-store answers a synchronous 'electron-store-get-data' message for stores created
    // in a renderer (with the user-data path). Ours live in main only: nobody may ask.
    ipcMain?.removeAllListeners('electron-store-get-data');
    return store;
  } catch (error) {
    onError?.(error);
    // A read-only or locked profile folder: run with defaults rather than not at all.
    return new MemoryStore();
  }
}
