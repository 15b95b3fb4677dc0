// Quitting and closing with unsaved changes on macOS and Linux, wired as index.ts wires it, over an Electron stand-in that follows Electron's quit rules.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CANCEL, DONT_SAVE, electronFake, SAVE, startApp, TITLE } from './fakeQuit';

vi.mock('electron', () => electronFake);

import type { BrowserWindow } from 'electron';
import { SAVE_ANSWER_TIMEOUT_MS } from '../../electron/main/closeGuard';
import { EXIT_WORK_TIMEOUT_MS } from '../../electron/main/lifecycle';

const REAL_PLATFORM = process.platform;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  Object.defineProperty(process, 'platform', { value: REAL_PLATFORM, configurable: true });
});

describe.each(['darwin', 'linux'] as const)('on %s', (platform) => {
  describe('quit with unsaved changes', () => {
    it('Save: saves, then quits once the page has saved', async () => {
      const { app, win, page, commands, store, prompt, buttons, settle } = startApp(platform);
      page.edit();
      buttons(SAVE);
      app.quit();
      expect(prompt).toHaveBeenCalledOnce();
      expect(prompt.mock.calls[0][1]).toMatchObject({ message: `Save changes to "${TITLE}" before quitting?` });
      expect(commands).toEqual([{ type: 'save', closeAfter: true }]);
      expect(win.destroyed).toBe(false); // kept until the page has saved; Electron dropped that quit
      page.answer(true);
      await settle();
      expect(app.exited).toBe(true);
      expect(win.destroyed).toBe(true);
      expect(prompt).toHaveBeenCalledOnce();
      expect(store.discard).toHaveBeenCalledOnce();
      // The user's quit, the one resumed after saving, the one after the recovery file is gone.
      expect(app.quit).toHaveBeenCalledTimes(3);
    });

    it('Save, then the Save As is cancelled or the save fails: stays open with the project intact', async () => {
      const { app, win, guard, page, store, prompt, buttons, settle } = startApp(platform);
      page.edit();
      buttons(SAVE, CANCEL);
      app.quit();
      page.answer(false);
      await settle();
      expect(app.exited).toBe(false);
      expect(win.destroyed).toBe(false);
      expect(win.close).toHaveBeenCalledOnce();
      expect(guard.state).toEqual({ dirty: true, title: TITLE });
      expect(store.discard).not.toHaveBeenCalled(); // the autosave still protects the changes
      app.quit(); // asks again, and Cancel keeps everything
      expect(prompt).toHaveBeenCalledTimes(2);
      expect(app.exited).toBe(false);
    });

    it("Don't Save: quits and removes the recovery file before exiting", async () => {
      const { app, win, page, store, prompt, buttons, settle } = startApp(platform);
      let finishDiscard = () => undefined as void;
      store.discard.mockImplementationOnce(() => new Promise<undefined>((resolve) => (finishDiscard = () => resolve(undefined))));
      page.edit();
      buttons(DONT_SAVE);
      app.quit();
      expect(win.destroyed).toBe(true);
      await settle();
      expect(app.exited).toBe(false); // held in 'will-quit' while the file is removed
      finishDiscard();
      await settle();
      expect(app.exited).toBe(true);
      expect(prompt).toHaveBeenCalledOnce();
      expect(store.discard).toHaveBeenCalledOnce();
    });

    it('Cancel: stays, and the cancelled quit does not linger', async () => {
      const { app, win, page, prompt, buttons, settle, store } = startApp(platform);
      page.edit();
      buttons(CANCEL);
      app.quit();
      await settle();
      expect(win.destroyed).toBe(false);
      expect(app.exited).toBe(false);
      expect(app.quit).toHaveBeenCalledOnce();
      expect(store.discard).not.toHaveBeenCalled();
      // Later the window (not the app) is closed with Save: a close, not a leftover quit.
      buttons(SAVE);
      win.close();
      expect(prompt.mock.calls[1][1]).toMatchObject({ message: `Save changes to "${TITLE}" before closing?` });
      page.answer(true);
      await settle();
      expect(win.destroyed).toBe(true);
      expect(app.exited).toBe(platform !== 'darwin');
    });

    it('a page that never answers: no second prompt while waiting, then the window stays and the error is logged', async () => {
      const { app, win, page, prompt, buttons, log, settle } = startApp(platform);
      page.edit();
      buttons(SAVE, CANCEL);
      app.quit();
      app.quit(); // impatient Cmd+Q: no second prompt while the page is saving
      win.close();
      expect(prompt).toHaveBeenCalledOnce();
      await vi.advanceTimersByTimeAsync(SAVE_ANSWER_TIMEOUT_MS);
      expect(log).toHaveBeenCalledExactlyOnceWith('close', expect.any(Error));
      expect(String(log.mock.calls[0][1])).not.toContain(TITLE);
      expect(win.destroyed).toBe(false);
      expect(app.exited).toBe(false);
      app.quit(); // not stuck: the next quit asks again
      expect(prompt).toHaveBeenCalledTimes(2);
      await settle();
      expect(app.exited).toBe(false);
    });

    it('waits as long as the user needs in the Save As dialog', async () => {
      const { app, guard, page, buttons, log, settle } = startApp(platform);
      page.edit();
      buttons(SAVE);
      app.quit();
      let choose = (_path: string | null) => undefined as void;
      const dialog = guard.whileSaving(() => new Promise<string | null>((resolve) => (choose = resolve)));
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      choose('/home/a/Tenants union.fairshare');
      await dialog;
      page.answer(true);
      await settle();
      expect(log).not.toHaveBeenCalled();
      expect(app.exited).toBe(true);
    });
  });

  describe('closing the window with unsaved changes', () => {
    const staysRunning = platform === 'darwin';

    it(`Save: saves, closes the window, and ${staysRunning ? 'keeps the app running' : 'quits'}`, async () => {
      const { app, win, page, commands, store, prompt, buttons, settle } = startApp(platform);
      page.edit();
      buttons(SAVE);
      win.close();
      expect(prompt.mock.calls[0][1]).toMatchObject({ message: `Save changes to "${TITLE}" before closing?` });
      expect(commands).toEqual([{ type: 'save', closeAfter: true }]);
      expect(win.destroyed).toBe(false);
      page.answer(true);
      await settle();
      expect(win.close).toHaveBeenCalledTimes(2); // the user's, then main's after the save
      expect(win.destroyed).toBe(true);
      expect(prompt).toHaveBeenCalledOnce();
      expect(store.discard).toHaveBeenCalledOnce();
      expect(app.exited).toBe(!staysRunning);
      expect(app.quit).toHaveBeenCalledTimes(staysRunning ? 0 : 2); // window-all-closed, then after the exit work
    });

    it(`Don't Save: closes and ${staysRunning ? 'keeps the app running' : 'quits'}`, async () => {
      const { app, win, page, store, buttons, settle } = startApp(platform);
      page.edit();
      buttons(DONT_SAVE);
      win.close();
      await settle();
      expect(win.destroyed).toBe(true);
      expect(store.discard).toHaveBeenCalledOnce();
      expect(app.exited).toBe(!staysRunning);
    });

    it('Cancel, or Save with the Save As cancelled: the window stays', async () => {
      const { app, win, page, buttons, settle } = startApp(platform);
      page.edit();
      buttons(CANCEL, SAVE);
      win.close();
      win.close();
      page.answer(false);
      await settle();
      expect(win.destroyed).toBe(false);
      expect(app.exited).toBe(false);
      expect(app.quit).not.toHaveBeenCalled();
    });

    it('a quit asked for while the close is saving turns it into a quit, without a second prompt', async () => {
      const { app, win, page, prompt, buttons, settle } = startApp(platform);
      page.edit();
      buttons(SAVE);
      win.close();
      app.quit();
      page.answer(true);
      await settle();
      expect(prompt).toHaveBeenCalledOnce();
      expect(win.destroyed).toBe(true);
      expect(app.exited).toBe(true);
    });
  });
});

describe('macOS without windows', () => {
  it('reopens a clean window on activate, and quits from there without asking', async () => {
    const { app, page, windows, prompt, buttons, settle } = startApp('darwin');
    page.edit();
    buttons(DONT_SAVE);
    windows[0].close();
    app.emit('activate');
    expect(windows).toHaveLength(2);
    app.emit('activate'); // a window is open: nothing more
    expect(windows).toHaveLength(2);
    app.quit();
    await settle();
    expect(prompt).toHaveBeenCalledOnce(); // the new page had nothing to save
    expect(app.exited).toBe(true);
  });

  it('does not let a stuck disk keep the app from quitting', async () => {
    const { app, store, settle } = startApp('darwin');
    store.discard.mockImplementationOnce(() => new Promise<undefined>(() => undefined));
    app.quit();
    await settle();
    expect(app.exited).toBe(false);
    await vi.advanceTimersByTimeAsync(EXIT_WORK_TIMEOUT_MS);
    expect(app.exited).toBe(true);
  });
});
