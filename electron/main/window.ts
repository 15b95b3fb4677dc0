// Creates the main BrowserWindow and locks down every web contents (navigation, popups,
// webviews, permissions).
import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { openExternalLink } from './externalLinks';

/** Every security-relevant flag is set explicitly, even where it equals Electron's default. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
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
      // Middle-click opens links in new windows without going through our handlers.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** Applied to every web contents the app creates (see 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  // The app is a single page: any navigation is either a bug or an attack.
  contents.on('will-navigate', (event) => event.preventDefault());
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

export function createMainWindow(preloadPath: string, startUrl: string): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  hardenWebContents(win.webContents);
  denyAllPermissions(win.webContents.session);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl);
  return win;
}
