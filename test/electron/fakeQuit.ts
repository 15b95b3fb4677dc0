// A stand-in for Electron's app, windows and message box that follows Electron's quit rules (shell/browser/browser.cc), and the app wired on it as index.ts wires it, so the close and quit flow can be tested without the binary.
import type { App, BrowserWindow } from 'electron';
import { vi } from 'vitest';
import type { MenuCommand } from '../../electron/ipc/contract';
import { createCloseGuard } from '../../electron/main/closeGuard';
import { installLifecycle } from '../../electron/main/lifecycle';
import { RecoveryGate } from '../../electron/main/recovery';

type Listener = (...args: unknown[]) => void;

/** An event whose default the listeners may prevent, like Electron's. */
function emitPreventable(listeners: Map<string, Listener[]>, name: string): boolean {
  let prevented = false;
  const event = { preventDefault: () => (prevented = true) };
  for (const fn of listeners.get(name) ?? []) fn(event);
  return prevented;
}

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, fn: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Listener): this {
    return this.on(name, fn);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(name) ?? []) fn(...args);
  }
}

export class FakeWindow extends Emitter {
  destroyed = false;
  title = 'Fairshare';
  documentEdited = false;

  constructor(private readonly app: FakeApp) {
    super();
    app.windows.push(this);
  }

  /** BrowserWindow.close(): 'close' may be prevented, which also cancels a quit under way. */
  close = vi.fn(() => {
    if (this.destroyed) return;
    if (emitPreventable(this.listeners, 'close')) {
      this.app.quitting = false;
      return;
    }
    this.gone();
  });

  /** BrowserWindow.destroy(): no 'close' event, no way to keep the window. */
  destroy = vi.fn(() => {
    if (!this.destroyed) this.gone();
  });

  visible = true;
  minimized = false;
  isDestroyed = () => this.destroyed;
  isVisible = () => this.visible;
  isMinimized = () => this.minimized;
  show = vi.fn(() => (this.visible = true));
  restore = vi.fn(() => (this.minimized = false));
  setTitle = vi.fn((title: string) => (this.title = title));
  setDocumentEdited = vi.fn((edited: boolean) => (this.documentEdited = edited));

  private gone(): void {
    this.destroyed = true;
    this.app.windows.splice(this.app.windows.indexOf(this), 1);
    this.emit('closed');
    if (this.app.windows.length === 0) this.app.allWindowsClosed();
  }
}

export class FakeApp extends Emitter {
  readonly windows: FakeWindow[] = [];
  quitting = false;
  /** The process ended (Electron's Shutdown()). */
  exited = false;

  /** app.quit(): 'before-quit', then every window is asked to close; 'will-quit' once none is left. */
  quit = vi.fn(() => {
    if (this.quitting || this.exited) return;
    if (emitPreventable(this.listeners, 'before-quit')) return;
    this.quitting = true;
    if (this.windows.length === 0) this.notifyAndShutdown();
    else for (const win of [...this.windows]) win.close();
  });

  allWindowsClosed(): void {
    if (this.quitting) this.notifyAndShutdown();
    else this.emit('window-all-closed'); // not emitted when a quit closed the windows
  }

  private notifyAndShutdown(): void {
    if (emitPreventable(this.listeners, 'will-quit')) {
      this.quitting = false;
      return;
    }
    this.exited = true;
  }
}

/** What `vi.mock('electron')` returns in the flow tests: the app and the close prompt's message box. */
export const electronFake = {
  app: new FakeApp(),
  dialog: { showMessageBoxSync: vi.fn((_win: unknown, _options: unknown): number => 2) },
  BrowserWindow: { getAllWindows: () => electronFake.app.windows },
};

/** Starts each test from a fresh app (the mocked module's object stays the same). */
export function resetElectronFake(): FakeApp {
  electronFake.app = new FakeApp();
  electronFake.dialog.showMessageBoxSync.mockReset().mockReturnValue(2);
  return electronFake.app;
}

export const SAVE = 0;
export const DONT_SAVE = 1;
export const CANCEL = 2;
export const TITLE = 'Tenants union';

/**
 * Starts the app as index.ts wires it (close guard, recovery gate, lifecycle) with
 * process.platform stubbed; `page` plays the renderer's part.
 */
export function startApp(platform: NodeJS.Platform) {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
  const app = resetElectronFake();
  const { dialog } = electronFake;
  const store = { write: vi.fn(async () => undefined), read: vi.fn(async () => null), discard: vi.fn(async () => undefined) };
  const recovery = new RecoveryGate(store);
  const commands: MenuCommand[] = [];
  const log = vi.fn();
  const { guard, pendingDiscard } = createCloseGuard({
    prompt: (win, options) => dialog.showMessageBoxSync(win, options),
    send: (command) => commands.push(command),
    closeCleanly: () => recovery.closeCleanly(),
    quit: () => app.quit(),
    log,
  });
  const windows: FakeWindow[] = [];
  const openWindow = () => {
    const win = new FakeWindow(app);
    windows.push(win);
    recovery.reopen();
    guard.attach(win as unknown as BrowserWindow);
  };
  installLifecycle(app as unknown as App, {
    platform: process.platform,
    closeGuard: guard,
    windowCount: () => app.windows.length,
    openWindow,
    exitWork: pendingDiscard,
    log,
  });
  openWindow();
  const win = windows[0];
  const page = {
    edit: () => guard.update({ dirty: true, title: TITLE }, win as unknown as BrowserWindow),
    /** The page's reply to { type: 'save', closeAfter: true }: state first, then the answer (IPC keeps the order). */
    answer: (saved: boolean) => {
      if (saved) guard.update({ dirty: false, title: TITLE }, win as unknown as BrowserWindow);
      guard.saveBeforeCloseDone(saved, win as unknown as BrowserWindow);
    },
  };
  const buttons = (...indexes: number[]) => {
    for (const index of indexes) dialog.showMessageBoxSync.mockReturnValueOnce(index);
  };
  const settle = () => vi.advanceTimersByTimeAsync(0);
  return { app, win, windows, guard, page, commands, store, log, prompt: dialog.showMessageBoxSync, buttons, settle };
}
