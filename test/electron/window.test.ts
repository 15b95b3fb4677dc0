// Main window: every security flag is set, navigation/popups/webviews are refused and
// permission requests are denied.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  class FakeEmitter {
    readonly listeners = new Map<string, Handler[]>();
    on(name: string, fn: Handler) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Handler) {
      return this.on(name, fn);
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }
  class FakeSession {
    setPermissionRequestHandler = vi.fn();
    setPermissionCheckHandler = vi.fn();
    setDevicePermissionHandler = vi.fn();
  }
  class FakeWebContents extends FakeEmitter {
    session = new FakeSession();
    windowOpenHandler: Handler | undefined;
    setWindowOpenHandler(fn: Handler) {
      this.windowOpenHandler = fn;
    }
  }
  class FakeBrowserWindow extends FakeEmitter {
    static created: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    maximize = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.created.push(this);
    }
  }
  return {
    BrowserWindow: FakeBrowserWindow,
    shell: { openExternal: vi.fn(async () => undefined) },
    FakeWebContents,
    FakeSession,
  };
});
vi.mock('electron', () => electron);

import { createMainWindow, denyAllPermissions, hardenWebContents } from '../../electron/main/window';

function preventable(extra: Record<string, unknown> = {}) {
  return { preventDefault: vi.fn(), ...extra };
}

type FakeWindow = InstanceType<typeof electron.BrowserWindow>;
const PLACEMENT = { width: 1280, height: 820, maximized: false };

beforeEach(() => {
  electron.BrowserWindow.created.length = 0;
  electron.shell.openExternal.mockClear();
});

describe('createMainWindow', () => {
  it('sets every security flag explicitly', () => {
    const win = createMainWindow('/app/out/preload/index.cjs', 'app://fairshare/index.html', PLACEMENT) as unknown as FakeWindow;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('places the window, loads the start URL and shows it when ready', () => {
    const win = createMainWindow('/p/index.cjs', 'app://fairshare/index.html', { x: 10, y: 20, width: 1000, height: 700, maximized: true }) as unknown as FakeWindow;
    expect(win.options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, minWidth: 900, minHeight: 600, show: false });
    expect(win.loadURL).toHaveBeenCalledWith('app://fairshare/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
  });

  it('denies navigation, redirects, webviews and new windows on the window it creates', () => {
    const win = createMainWindow('/p/index.cjs', 'app://fairshare/index.html', PLACEMENT) as unknown as FakeWindow;
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const ev = preventable();
      win.webContents.emit(name, ev, 'https://evil.example/');
      expect(ev.preventDefault, name).toHaveBeenCalled();
    }
    const subframe = preventable({ isMainFrame: false });
    win.webContents.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
    expect(win.webContents.windowOpenHandler?.({ url: 'app://fairshare/index.html' })).toEqual({ action: 'deny' });
    expect(win.webContents.session.setPermissionRequestHandler).toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  it('hands https popups to the browser and drops everything else', async () => {
    const contents = new electron.FakeWebContents();
    hardenWebContents(contents as never);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/help' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.org/help');
  });
});

describe('denyAllPermissions', () => {
  it('refuses permission requests, checks and device access', () => {
    const session = new electron.FakeSession();
    denyAllPermissions(session as never);

    const request = session.setPermissionRequestHandler.mock.calls[0][0] as Handler;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0][0] as Handler;
    expect(check(null, 'media', 'app://fairshare', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0][0] as Handler;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});
