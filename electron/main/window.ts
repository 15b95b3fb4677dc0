// Creates the main BrowserWindow with every security flag explicit and locks down every web
// contents (navigation, popups, webviews, permissions).
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { openExternalLink } from './externalLinks';
import { MIN_SIZE, type WindowPlacement } from './windowBounds';

/** Applied to every web contents the app creates (see 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  // The app is a single page: any navigation is either a bug or an attack.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new windows; an https link is handed to the user's browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalLink(url);
    return { action: 'deny' };
  });
}

/** Fairshare needs no camera, notifications, geolocation, USB, ... : refuse them all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * The options are written out here, in the constructor call, rather than built elsewhere:
 * every security-relevant flag is explicit even where it equals Electron's default, and
 * static checkers (Electronegativity) can see them.
 */
export function createMainWindow(preloadPath: string, startUrl: string, placement: WindowPlacement): BrowserWindow {
  const win = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Fairshare',
    show: false, // shown on ready-to-show to avoid a white flash
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click opens links in new windows without going through our handlers.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(win.webContents);
  denyAllPermissions(win.webContents.session);
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(startUrl);
  return win;
}
