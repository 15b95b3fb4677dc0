// The native application menu: accelerators, Open Recent, and document commands sent to the page.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentDocument } from '../ipc/contract';

export interface MenuContext {
  appName: string;
  isMac: boolean;
  /** Development builds get the DevTools item. */
  isDev: boolean;
  recent: readonly RecentDocument[];
  send: (command: MenuCommand) => void;
  clearRecent: () => void;
  showAbout: () => void;
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const { send } = ctx;
  const recentItems: MenuItemConstructorOptions[] =
    ctx.recent.length === 0
      ? [{ label: 'No Recent Documents', enabled: false }]
      : ctx.recent.map((doc) => ({
          // "&" would be taken as a mnemonic on Windows and Linux.
          label: doc.name.replace(/&/g, '&&'),
          click: () => send({ type: 'open-recent', id: doc.id }),
        }));
  recentItems.push({ type: 'separator' }, { label: 'Clear Menu', enabled: ctx.recent.length > 0, click: ctx.clearRecent });

  const about: MenuItemConstructorOptions = { label: `About ${ctx.appName}`, click: ctx.showAbout };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New from Sample', accelerator: 'CmdOrCtrl+N', click: () => send({ type: 'new-from-sample' }) },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => send({ type: 'open-project' }) },
      { label: 'Open Recent', submenu: recentItems },
      { label: 'Import New Organization…', accelerator: 'CmdOrCtrl+I', click: () => send({ type: 'import-spreadsheet' }) },
      { label: 'Re-import into This Project…', click: () => send({ type: 'reimport-spreadsheet' }) },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send({ type: 'save', closeAfter: false }) },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send({ type: 'save-as' }) },
      { label: 'Export Excel Summary…', accelerator: 'CmdOrCtrl+E', click: () => send({ type: 'export-summary' }) },
      { label: 'Export PDF Report…', accelerator: 'CmdOrCtrl+P', click: () => send({ type: 'export-report' }) },
      { type: 'separator' },
      ctx.isMac ? { role: 'close' } : { role: 'quit', label: 'Exit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // The page decides: its own undo history, or the text field being edited.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send({ type: 'undo' }) },
      {
        label: 'Redo',
        accelerator: ctx.isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y',
        click: () => send({ type: 'redo' }),
      },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    submenu: ctx.isMac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }],
  };

  const help: MenuItemConstructorOptions = { label: '&Help', role: 'help', submenu: ctx.isMac ? [] : [about] };

  if (!ctx.isMac) return [file, edit, view, windowMenu, help];
  const appMenu: MenuItemConstructorOptions = {
    label: ctx.appName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [appMenu, file, edit, view, windowMenu, help];
}
