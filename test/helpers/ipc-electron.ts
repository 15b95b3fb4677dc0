// The stand-in for the `electron` module in the IPC handler tests, which mock it with `vi.mock('electron', () => import('../helpers/ipc-electron'))`; it imports nothing of the app, so the mock never waits on the code under test.
import { vi } from 'vitest';

export const ipcMain = { handle: vi.fn() };
export const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
export const BrowserWindow = { fromWebContents: vi.fn(() => null) };
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
