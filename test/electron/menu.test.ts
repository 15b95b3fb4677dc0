// The native menu: the items and accelerators the issue lists, and commands reaching the page
// on one channel, held until the page has loaded.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EVENTS, type MenuCommand } from '../../electron/ipc/contract';
import { buildMenuTemplate, type MenuContext } from '../../electron/main/menu';
import { MenuCommandChannel } from '../../electron/main/menuCommands';

function context(overrides: Partial<MenuContext> = {}): MenuContext {
  return {
    appName: 'Fairshare',
    isMac: false,
    isDev: false,
    recent: [],
    send: vi.fn(),
    clearRecent: vi.fn(),
    showAbout: vi.fn(),
    ...overrides,
  };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = flatten(items).find((i) => i.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

const click = (i: MenuItemConstructorOptions) => (i.click as unknown as () => void)();

describe('buildMenuTemplate', () => {
  it('has every command with its accelerator, each sending one typed command', () => {
    const ctx = context();
    const menu = buildMenuTemplate(ctx);
    const expected: [string, string, MenuCommand][] = [
      ['New from Sample', 'CmdOrCtrl+N', { type: 'new-from-sample' }],
      ['Open…', 'CmdOrCtrl+O', { type: 'open-project' }],
      ['Import New Organization…', 'CmdOrCtrl+I', { type: 'import-spreadsheet' }],
      ['Save', 'CmdOrCtrl+S', { type: 'save', closeAfter: false }],
      ['Save As…', 'CmdOrCtrl+Shift+S', { type: 'save-as' }],
      ['Export Excel Summary…', 'CmdOrCtrl+E', { type: 'export-summary' }],
      ['Export PDF Report…', 'CmdOrCtrl+P', { type: 'export-report' }],
      ['Undo', 'CmdOrCtrl+Z', { type: 'undo' }],
      ['Redo', 'CmdOrCtrl+Y', { type: 'redo' }],
    ];
    for (const [label, accelerator, command] of expected) {
      const entry = item(menu, label);
      expect(entry.accelerator, label).toBe(accelerator);
      click(entry);
      expect(ctx.send).toHaveBeenLastCalledWith(command);
    }
    const accelerators = flatten(menu).map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('has zoom, full screen and About; DevTools only in development', () => {
    const roles = (m: MenuItemConstructorOptions[]) => flatten(m).map((i) => i.role).filter(Boolean);
    const menu = buildMenuTemplate(context());
    expect(roles(menu)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'copy', 'paste']));
    expect(roles(menu)).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate(context({ isDev: true })))).toContain('toggleDevTools');
    const ctx = context();
    click(item(buildMenuTemplate(ctx), 'About Fairshare'));
    expect(ctx.showAbout).toHaveBeenCalled();
  });

  it('lists recent documents by name and opens them by id', () => {
    const ctx = context({
      recent: [
        { id: 'a'.repeat(32), name: 'Plan & budget.fairshare', kind: 'project' },
        { id: 'b'.repeat(32), name: 'roster.xlsx', kind: 'spreadsheet' },
      ],
    });
    const menu = buildMenuTemplate(ctx);
    const recent = item(menu, 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label ?? i.type)).toEqual(['Plan && budget.fairshare', 'roster.xlsx', 'separator', 'Clear Menu']);
    click(recent[1]);
    expect(ctx.send).toHaveBeenCalledWith({ type: 'open-recent', id: 'b'.repeat(32) });
    click(recent[3]);
    expect(ctx.clearRecent).toHaveBeenCalled();
  });

  it('shows an empty, disabled recent list', () => {
    const recent = item(buildMenuTemplate(context()), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent[0]).toMatchObject({ label: 'No Recent Documents', enabled: false });
    expect(recent.at(-1)).toMatchObject({ label: 'Clear Menu', enabled: false });
  });

  it('follows macOS conventions on a Mac', () => {
    const menu = buildMenuTemplate(context({ isMac: true }));
    expect(menu[0].label).toBe('Fairshare');
    expect(item(menu, 'Redo').accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(flatten(menu).some((i) => i.role === 'quit')).toBe(true);
  });
});

describe('MenuCommandChannel', () => {
  function contents() {
    const handlers = new Map<string, () => void>();
    return {
      handlers,
      on: vi.fn((name: string, fn: () => void) => handlers.set(name, fn)),
      once: vi.fn((name: string, fn: () => void) => handlers.set(name, fn)),
      send: vi.fn(),
      isDestroyed: () => false,
    };
  }

  it('holds commands until the page has loaded, then delivers them in order', () => {
    const channel = new MenuCommandChannel();
    channel.send({ type: 'undo' });
    const page = contents();
    channel.attach(page as never);
    channel.send({ type: 'redo' });
    expect(page.send).not.toHaveBeenCalled();
    page.handlers.get('did-finish-load')!();
    expect(page.send.mock.calls).toEqual([
      [EVENTS.menuCommand, { type: 'undo' }],
      [EVENTS.menuCommand, { type: 'redo' }],
    ]);
    channel.send({ type: 'save-as' });
    expect(page.send).toHaveBeenLastCalledWith(EVENTS.menuCommand, { type: 'save-as' });
  });

  it('holds commands again while the page reloads, and caps what it holds', () => {
    const channel = new MenuCommandChannel();
    const page = contents();
    channel.attach(page as never);
    page.handlers.get('did-finish-load')!();
    page.handlers.get('did-start-loading')!();
    for (let i = 0; i < 50; i++) channel.send({ type: 'undo' });
    expect(page.send).not.toHaveBeenCalled();
    page.handlers.get('did-finish-load')!();
    expect(page.send).toHaveBeenCalledTimes(20);
  });
});
