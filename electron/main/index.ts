// Main-process entry: app lifecycle, single-instance lock, and wiring of the modules beside it.
import { app, BrowserWindow, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { DocumentRegistry, pickSpreadsheetPath, readDocumentBytes } from './documents';
import { createHandlers, registerIpcHandlers } from './ipc';
import { APP_START_URL, devServerUrlFrom, registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, denyAllPermissions, hardenWebContents } from './window';

// Bundled to out/main/index.js; the renderer and preload are built beside it.
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

const devServerUrl = devServerUrlFrom(process.env.ELECTRON_RENDERER_URL, app.isPackaged);

// Both must happen before 'ready'.
registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  mainWindow = createMainWindow(PRELOAD_PATH, devServerUrl ?? APP_START_URL);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// A second instance would open a second handle registry and race on files: focus the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Covers every web contents, including any created later, not just the main window.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      serveRenderer(RENDERER_DIR);
      registerIpcHandlers(
        createHandlers({
          version: app.getVersion(),
          documents: new DocumentRegistry(),
          pickSpreadsheetPath,
          readDocumentBytes,
        }),
        devServerUrl,
      );
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Fairshare failed to start:', error);
      app.exit(1);
    });
}
