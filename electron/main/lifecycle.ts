// App lifecycle on every platform: quit after the last window closes (except on macOS), reopen a window on activate, tell the close prompt a quit is under way, and finish pending disk work before exiting.
import type { App } from 'electron';
import type { ErrorLogger } from './errorLog';

/** The longest a quit waits for pending disk work; a stuck disk must not keep the app open. */
export const EXIT_WORK_TIMEOUT_MS = 3_000;

export interface LifecycleDeps {
  platform: NodeJS.Platform;
  closeGuard: { quitRequested: () => void };
  windowCount: () => number;
  openWindow: () => void;
  /** Work to finish before the process exits: the recovery file's removal, the error log. */
  exitWork: () => Promise<unknown>;
  log: ErrorLogger;
  exitTimeoutMs?: number;
}

export function installLifecycle(app: Pick<App, 'on' | 'quit'>, deps: LifecycleDeps): void {
  // Cmd+Q, the Dock's Quit, File › Exit and app.quit() all start here, before Electron closes
  // the windows: the close prompt then knows a Save must resume the quit.
  app.on('before-quit', () => deps.closeGuard.quitRequested());

  // macOS apps stay running without windows; elsewhere the last window closing ends the app.
  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (deps.windowCount() === 0) deps.openWindow();
  });

  // Every window is closed here, but a "Don't Save" has just started removing the recovery file
  // and the process would exit under it: hold the exit, then quit again. With no windows left,
  // app.quit() reaches 'will-quit' synchronously, which is when `resuming` lets it through.
  let resuming = false;
  app.on('will-quit', (event) => {
    if (resuming) return;
    event.preventDefault();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, deps.exitTimeoutMs ?? EXIT_WORK_TIMEOUT_MS);
    });
    void Promise.race([deps.exitWork().catch((error: unknown) => deps.log('quit', error)), timeout]).finally(() => {
      clearTimeout(timer);
      resuming = true;
      try {
        app.quit();
      } finally {
        resuming = false;
      }
    });
  });
}
