// Main-process entry: app lifecycle, single-instance lock, and the wiring of the modules beside it.
import { app, BrowserWindow, dialog, Menu, nativeTheme, screen, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import licenses from 'virtual:fairshare-licenses';
import { aboutBoxOptions, buildAppInfo, licencesBoxOptions } from './appInfo';
import { createCloseGuard } from './closeGuard';
import { ownerOf, pickOpenPath, pickSavePath } from './dialogs';
import { documentKindOf, DocumentRegistry, isRegularFile, readDocumentBytes } from './documents';
import { createErrorLog } from './errorLog';
import type { SampleName } from '../ipc/contract';
import { documentPathsFromArgv } from './fileArgs';
import { createHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import { installLifecycle } from './lifecycle';
import { buildMenuTemplate } from './menu';
import { MenuCommandChannel } from './menuCommands';
import { writeExportFile, writeProjectFile } from './projectFiles';
import { APP_START_URL, devServerUrlFrom, registerAppScheme, serveRenderer } from './protocol';
import { RecentFiles } from './recentFiles';
import { renderReportPdf } from './reportPdf';
import { RecoveryGate, RecoveryStore } from './recovery';
import { Settings } from './settings';
import { openSettingsStore } from './settingsStore';
import { createMainWindow, denyAllPermissions, hardenWebContents } from './window';
import { captureBounds, restorePlacement } from './windowBounds';

// Bundled to out/main/index.js; the renderer and preload are built beside it.
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// Sample workbooks: the repository's resources/ in development, beside app.asar when packaged.
const RESOURCES_DIR = app.isPackaged
  ? path.join(process.resourcesPath, 'resources')
  : fileURLToPath(new URL('../../resources', import.meta.url));
const SAMPLES = {
  organization: 'sample-organization.xlsx',
  partner: 'sample-partner.xlsx',
  'long-template': path.join('templates', 'long-template.xlsx'),
  'matrix-template': path.join('templates', 'matrix-template.xlsx'),
} as const satisfies Record<SampleName, string>;

const devServerUrl = devServerUrlFrom(process.env.ELECTRON_RENDERER_URL, app.isPackaged);

// All three must happen before 'ready'.
registerAppScheme();
app.enableSandbox();
const errorLog = createErrorLog(path.join(app.getPath('userData'), 'logs', 'errors.log'));
const log = errorLog.log;

process.on('uncaughtException', (error) => {
  log('uncaught exception', error);
  console.error(error);
});
process.on('unhandledRejection', (reason) => log('unhandled rejection', reason));

let mainWindow: BrowserWindow | null = null;
let openFile: (paths: string[]) => void = (paths) => pendingPaths.push(...paths);
const pendingPaths: string[] = documentPathsFromArgv(process.argv, process.cwd());

// A second instance would open a second handle registry and race on files: the first one
// takes over what it was asked to open.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    openFile(documentPathsFromArgv(argv, workingDirectory));
  });

  // macOS: files dropped on the Dock icon or opened with Fairshare from the Finder.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    openFile([filePath]);
  });

  // Covers every web contents, including any created later, not just the main window.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('render-process-gone', (_event, _contents, details) => log('renderer', new Error(`render process gone: ${details.reason}`)));
  app.on('child-process-gone', (_event, details) => log('child process', new Error(`${details.type} gone: ${details.reason}`)));

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('startup', error);
      console.error('Fairshare failed to start:', error);
      void errorLog.flush().finally(() => app.exit(1));
    });
}

function start(): void {
  denyAllPermissions(session.defaultSession);
  serveRenderer(RENDERER_DIR);

  const settings = new Settings(openSettingsStore(undefined, (error) => log('settings', error)));
  nativeTheme.themeSource = settings.get('theme');
  const documents = new DocumentRegistry();
  const commands = new MenuCommandChannel();
  const recent = new RecentFiles(settings, app, () => installMenu());
  const recovery = new RecoveryGate(new RecoveryStore(path.join(app.getPath('userData'), 'recovery')));
  const { guard: closeGuard, pendingDiscard } = createCloseGuard({
    prompt: (win, options) => dialog.showMessageBoxSync(win, options),
    send: (command) => commands.send(command),
    closeCleanly: () => recovery.closeCleanly(),
    quit: () => app.quit(),
    log,
  });
  const info = buildAppInfo(app.getName(), app.getVersion(), process.versions, process.platform, licenses);

  registerIpcHandlers(
    createHandlers({
      appInfo: () => info,
      documents,
      ownerOf,
      pickOpenPath,
      // While a save dialog or write runs in main, a pending save-before-close is not timed out.
      pickSavePath: (owner, request) => closeGuard.whileSaving(() => pickSavePath(owner, request)),
      defaultDir: () => app.getPath('documents'),
      samplePath: (sample) => path.join(RESOURCES_DIR, SAMPLES[sample]),
      readDocumentBytes,
      writeProjectFile: (filePath, text) => closeGuard.whileSaving(() => writeProjectFile(filePath, text)),
      writeExportFile: (filePath, bytes) => writeExportFile(filePath, bytes),
      renderReportPdf,
      isRegularFile,
      recent,
      settings,
      applyTheme: (theme) => {
        nativeTheme.themeSource = theme;
      },
      recovery,
      closeGuard,
    }),
    { devServerUrl, log },
  );

  async function showAbout(): Promise<void> {
    const owner = mainWindow ?? undefined;
    const about = owner ? await dialog.showMessageBox(owner, aboutBoxOptions(info)) : await dialog.showMessageBox(aboutBoxOptions(info));
    if (about.response === 1) {
      if (owner) await dialog.showMessageBox(owner, licencesBoxOptions(info));
      else await dialog.showMessageBox(licencesBoxOptions(info));
    }
  }

  function installMenu(): void {
    const template = buildMenuTemplate({
      appName: info.name,
      isMac: process.platform === 'darwin',
      isDev: !app.isPackaged,
      recent: recent.list(),
      send: (command) => commands.send(command),
      clearRecent: () => recent.clear(),
      showAbout: () => void showAbout().catch((error: unknown) => log('about', error)),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function openMainWindow(): void {
    const placement = restorePlacement(
      settings.get('windowBounds'),
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const win = createMainWindow(PRELOAD_PATH, devServerUrl ?? APP_START_URL, placement);
    mainWindow = win;
    recovery.reopen();
    commands.attach(win.webContents);
    closeGuard.attach(win);
    win.on('close', () => {
      try {
        settings.set('windowBounds', captureBounds(win));
      } catch (error) {
        log('window bounds', error);
      }
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
  }

  // Files from the command line, a second instance or the OS: main resolved these paths
  // itself, so it issues their handles and tells the page to open them.
  openFile = (paths) => {
    for (const filePath of paths) {
      const kind = documentKindOf(filePath);
      if (kind === null) continue;
      void isRegularFile(filePath).then((exists) => {
        if (!exists) return;
        const document = documents.issue(filePath, kind);
        recent.add(filePath);
        commands.send({ type: 'open-document', document });
      });
    }
    if (!mainWindow && app.isReady()) openMainWindow();
  };

  installLifecycle(app, {
    platform: process.platform,
    closeGuard,
    windowCount: () => BrowserWindow.getAllWindows().length,
    openWindow: openMainWindow,
    exitWork: () => Promise.all([pendingDiscard(), errorLog.flush()]),
    log,
  });
  installMenu();
  openMainWindow();
  openFile(pendingPaths.splice(0));
}
