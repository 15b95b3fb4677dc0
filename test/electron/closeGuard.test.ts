// The close prompt on its own: only unsaved changes ask; Save waits for the page's answer (with a timeout that a save dialog pauses), Don't Save closes, Cancel keeps the window.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({})); // the guard needs only Electron's types; never the binary

import {
  choiceFromButton,
  CloseGuard,
  closePromptOptions,
  decideClose,
  SAVE_ANSWER_TIMEOUT_MS,
  windowTitle,
} from '../../electron/main/closeGuard';

type Listener = (event?: { preventDefault: () => void }) => void;

function fakeWindow() {
  const listeners = new Map<string, Listener[]>();
  const win = {
    destroyed: false,
    on: vi.fn((name: string, fn: Listener) => void listeners.set(name, [...(listeners.get(name) ?? []), fn])),
    setTitle: vi.fn(),
    setDocumentEdited: vi.fn(),
    isDestroyed: () => win.destroyed,
    visible: true,
    minimized: false,
    isVisible: () => win.visible,
    isMinimized: () => win.minimized,
    show: vi.fn(() => (win.visible = true)),
    restore: vi.fn(() => (win.minimized = false)),
    /** Emits 'close' like BrowserWindow.close(); returns whether the window would close. */
    close: vi.fn((): boolean => {
      let prevented = false;
      for (const fn of listeners.get('close') ?? []) fn({ preventDefault: () => (prevented = true) });
      return !prevented;
    }),
    emitClosed() {
      win.destroyed = true;
      for (const fn of listeners.get('closed') ?? []) fn();
    },
  };
  return win;
}

function setup(buttons: number[]) {
  const prompt = vi.fn((_win: unknown, _options: { message?: string }) => buttons.shift() ?? 2);
  const send = vi.fn();
  const onClosedCleanly = vi.fn();
  const quit = vi.fn();
  const log = vi.fn();
  const guard = new CloseGuard({ prompt, send, onClosedCleanly, quit, log });
  const win = fakeWindow();
  guard.attach(win as never);
  return { guard, win, prompt, send, onClosedCleanly, quit, log };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('decideClose', () => {
  it('closes without asking when there is nothing to save', () => {
    const ask = vi.fn();
    expect(decideClose(false, ask)).toBe('close');
    expect(ask).not.toHaveBeenCalled();
  });

  it('maps the three answers', () => {
    expect(decideClose(true, () => 'save')).toBe('save-then-close');
    expect(decideClose(true, () => 'discard')).toBe('close');
    expect(decideClose(true, () => 'cancel')).toBe('stay');
  });

  it('treats an unexpected button index as Cancel', () => {
    expect(choiceFromButton(0)).toBe('save');
    expect(choiceFromButton(1)).toBe('discard');
    expect(choiceFromButton(2)).toBe('cancel');
    expect(choiceFromButton(-1)).toBe('cancel');
    expect(choiceFromButton(7)).toBe('cancel');
  });

  it("asks Save / Don't Save / Cancel with Save as default and Cancel on Esc, naming a quit as such", () => {
    const options = closePromptOptions('Tenants union');
    expect(options.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(options.defaultId).toBe(0);
    expect(options.cancelId).toBe(2);
    expect(options.message).toBe('Save changes to "Tenants union" before closing?');
    expect(closePromptOptions(null, true).message).toBe('Save changes before quitting?');
  });
});

describe('CloseGuard', () => {
  it('closes a clean window without a prompt and drops the autosave', () => {
    const { win, prompt, onClosedCleanly } = setup([]);
    expect(win.close()).toBe(true);
    expect(prompt).not.toHaveBeenCalled();
    expect(onClosedCleanly).toHaveBeenCalled();
  });

  it('brings a minimized or hidden window back before asking on it, and leaves a visible one alone', () => {
    const { guard, win, prompt } = setup([2, 2]);
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    win.close();
    expect(win.restore).not.toHaveBeenCalled();
    expect(win.show).not.toHaveBeenCalled();
    win.minimized = true;
    win.visible = false;
    win.close();
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.show).toHaveBeenCalledOnce();
    expect(win.show.mock.invocationCallOrder[0]).toBeLessThan(prompt.mock.invocationCallOrder[1]);
  });

  it('prompts on unsaved changes; Cancel keeps the window and the autosave', () => {
    const { guard, win, prompt, send, onClosedCleanly } = setup([2]);
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    expect(win.close()).toBe(false);
    expect(prompt).toHaveBeenCalledOnce();
    expect(send).not.toHaveBeenCalled();
    expect(onClosedCleanly).not.toHaveBeenCalled();
  });

  it("Don't Save closes and drops the autosave", () => {
    const { guard, win, onClosedCleanly } = setup([1]);
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    expect(win.close()).toBe(true);
    expect(onClosedCleanly).toHaveBeenCalled();
  });

  it('Save asks the page to save; when it answers saved, main closes the window without asking again', () => {
    const { guard, win, prompt, send, quit, onClosedCleanly } = setup([0]);
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    expect(win.close()).toBe(false);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'save', closeAfter: true });
    guard.saveBeforeCloseDone(true, win as never);
    expect(win.close).toHaveBeenCalledTimes(2);
    expect(win.close).toHaveLastReturnedWith(true);
    expect(prompt).toHaveBeenCalledOnce();
    expect(onClosedCleanly).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();
  });

  it('a Save for a quit resumes the quit instead of only closing', () => {
    const { guard, win, prompt, quit } = setup([0]);
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    guard.quitRequested();
    expect(win.close()).toBe(false);
    expect(prompt.mock.calls[0][1]).toMatchObject({ message: 'Save changes to "Plan" before quitting?' });
    guard.saveBeforeCloseDone(true, win as never);
    expect(quit).toHaveBeenCalledOnce();
    expect(win.close).toHaveBeenCalledOnce(); // the quit closes it, not the guard
  });

  it('a cancelled Save As or a failed save keeps the window and asks again next time', () => {
    const { guard, win, prompt, quit, onClosedCleanly } = setup([0, 2]);
    guard.update({ dirty: true, title: null }, win as never);
    expect(win.close()).toBe(false);
    guard.saveBeforeCloseDone(false, win as never);
    expect(win.close).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();
    expect(win.close()).toBe(false); // asks again; Cancel
    expect(prompt).toHaveBeenCalledTimes(2);
    expect(onClosedCleanly).not.toHaveBeenCalled();
  });

  it('does not ask twice while a save for closing is under way', () => {
    const { guard, win, prompt, send } = setup([0]);
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    expect(win.close()).toBe(false);
    expect(win.close()).toBe(false);
    expect(prompt).toHaveBeenCalledOnce();
    expect(send).toHaveBeenCalledOnce();
  });

  it('ignores answers nobody waits for: unasked, or from another window', () => {
    const { guard, win, quit } = setup([0]);
    guard.saveBeforeCloseDone(true, win as never);
    expect(win.close).not.toHaveBeenCalled();
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    win.close();
    guard.saveBeforeCloseDone(true, null);
    guard.saveBeforeCloseDone(true, fakeWindow() as never);
    expect(win.close).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();
  });

  it('gives up on a page that does not answer: logs without personal data, keeps the window, asks again', () => {
    const { guard, win, prompt, log } = setup([0, 2]);
    guard.update({ dirty: true, title: 'Union payroll' }, win as never);
    win.close();
    vi.advanceTimersByTime(SAVE_ANSWER_TIMEOUT_MS - 1);
    expect(log).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(log).toHaveBeenCalledExactlyOnceWith('close', expect.any(Error));
    expect(String(log.mock.calls[0][1])).not.toContain('Union');
    guard.saveBeforeCloseDone(true, win as never); // too late: the user may have moved on
    expect(win.close).toHaveBeenCalledOnce();
    expect(win.close()).toBe(false);
    expect(prompt).toHaveBeenCalledTimes(2);
  });

  it('does not time out while main shows the save dialog or writes the file', async () => {
    const { guard, win, log } = setup([0]);
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    win.close();
    let choose: (path: string | null) => void = () => undefined;
    const dialog = guard.whileSaving(() => new Promise<string | null>((resolve) => (choose = resolve)));
    await vi.advanceTimersByTimeAsync(10 * SAVE_ANSWER_TIMEOUT_MS);
    expect(log).not.toHaveBeenCalled();
    choose('/home/a/plan.fairshare');
    await expect(dialog).resolves.toBe('/home/a/plan.fairshare');
    guard.saveBeforeCloseDone(true, win as never);
    expect(win.close).toHaveLastReturnedWith(true);
    await vi.advanceTimersByTimeAsync(SAVE_ANSWER_TIMEOUT_MS);
    expect(log).not.toHaveBeenCalled();
  });

  it('forgets the request when the window goes, and a new window starts clean', () => {
    const { guard, win, prompt, log } = setup([0]);
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    expect(win.close()).toBe(false); // Save; then the window is destroyed before the page answers
    win.emitClosed();
    vi.advanceTimersByTime(SAVE_ANSWER_TIMEOUT_MS);
    expect(log).not.toHaveBeenCalled();
    const next = fakeWindow();
    guard.attach(next as never);
    expect(next.close()).toBe(true);
    expect(prompt).toHaveBeenCalledOnce();
  });

  it('shows the project and unsaved state in the title', () => {
    const { guard, win } = setup([]);
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    expect(win.setTitle).toHaveBeenLastCalledWith('Plan • — Fairshare');
    expect(win.setDocumentEdited).toHaveBeenLastCalledWith(true);
    guard.update({ dirty: false, title: null }, win as never);
    expect(win.setTitle).toHaveBeenLastCalledWith('Fairshare');
    expect(windowTitle({ dirty: false, title: 'Plan' })).toBe('Plan — Fairshare');
  });
});
