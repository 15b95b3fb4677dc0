// The close prompt: only unsaved changes ask; Save saves then closes, Don't Save closes,
// Cancel keeps the window.
import { describe, expect, it, vi } from 'vitest';
import {
  choiceFromButton,
  CloseGuard,
  closePromptOptions,
  decideClose,
  windowTitle,
} from '../../electron/main/closeGuard';

type Listener = (event: { preventDefault: () => void }) => void;

function fakeWindow() {
  const listeners: Listener[] = [];
  return {
    listeners,
    on: vi.fn((name: string, fn: Listener) => {
      if (name === 'close') listeners.push(fn);
    }),
    setTitle: vi.fn(),
    setDocumentEdited: vi.fn(),
    isDestroyed: () => false,
    /** Emits 'close' like BrowserWindow.close(); returns whether the window would close. */
    close(): boolean {
      let prevented = false;
      for (const fn of listeners) fn({ preventDefault: () => (prevented = true) });
      return !prevented;
    },
  };
}

function setup(buttons: number[]) {
  const prompt = vi.fn(() => buttons.shift() ?? 2);
  const send = vi.fn();
  const onClosedCleanly = vi.fn();
  const guard = new CloseGuard({ prompt, send, onClosedCleanly });
  const win = fakeWindow();
  guard.attach(win as never);
  return { guard, win, prompt, send, onClosedCleanly };
}

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

  it('asks Save / Don\'t Save / Cancel with Save as default and Cancel on Esc', () => {
    const options = closePromptOptions('Tenants union');
    expect(options.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(options.defaultId).toBe(0);
    expect(options.cancelId).toBe(2);
    expect(options.message).toContain('Tenants union');
  });
});

describe('CloseGuard', () => {
  it('closes a clean window without a prompt and drops the autosave', () => {
    const { win, prompt, onClosedCleanly } = setup([]);
    expect(win.close()).toBe(true);
    expect(prompt).not.toHaveBeenCalled();
    expect(onClosedCleanly).toHaveBeenCalled();
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

  it('Save asks the page to save, then the close it sends after saving goes through', () => {
    const { guard, win, prompt, send } = setup([0]);
    guard.update({ dirty: true, title: 'Plan' }, win as never);
    expect(win.close()).toBe(false);
    expect(send).toHaveBeenCalledExactlyOnceWith({ type: 'save', closeAfter: true });

    // The page saved, reported it, and called window.close().
    guard.update({ dirty: false, title: 'Plan' }, win as never);
    expect(win.close()).toBe(true);
    expect(prompt).toHaveBeenCalledOnce();
  });

  it('a cancelled Save As leaves the window open and asks again next time', () => {
    const { guard, win, prompt } = setup([0, 2]);
    guard.update({ dirty: true, title: null }, win as never);
    expect(win.close()).toBe(false); // Save chosen; the page's Save As is then cancelled: still dirty
    expect(win.close()).toBe(false); // asks again; Cancel
    expect(prompt).toHaveBeenCalledTimes(2);
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
