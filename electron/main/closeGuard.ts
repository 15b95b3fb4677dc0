// Tracks whether the page has unsaved changes and asks Save / Don't Save / Cancel before the window closes.
import type { BrowserWindow, MessageBoxSyncOptions } from 'electron';
import type { DocumentState, MenuCommand } from '../ipc/contract';

export type CloseChoice = 'save' | 'discard' | 'cancel';
/** What to do with a 'close' event: let it happen, keep the window, or save first (the page closes after). */
export type CloseAction = 'close' | 'stay' | 'save-then-close';

export const CLOSE_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;
const CHOICES: readonly CloseChoice[] = ['save', 'discard', 'cancel'];

export function closePromptOptions(title: string | null): MessageBoxSyncOptions {
  return {
    type: 'warning',
    buttons: [...CLOSE_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: title ? `Save changes to "${title}" before closing?` : 'Save changes before closing?',
    detail: "Your changes will be lost if you don't save them.",
  };
}

/** Maps the message box's button index to a choice; anything unexpected (Esc, closed box) cancels. */
export function choiceFromButton(index: number): CloseChoice {
  return CHOICES[index] ?? 'cancel';
}

/** The close decision: only unsaved changes prompt. */
export function decideClose(dirty: boolean, ask: () => CloseChoice): CloseAction {
  if (!dirty) return 'close';
  const choice = ask();
  if (choice === 'save') return 'save-then-close';
  return choice === 'discard' ? 'close' : 'stay';
}

export function windowTitle(state: DocumentState, appName = 'Fairshare'): string {
  return state.title ? `${state.title}${state.dirty ? ' •' : ''} — ${appName}` : appName;
}

export interface CloseGuardDeps {
  /** dialog.showMessageBoxSync, returning the button index. */
  prompt: (win: BrowserWindow, options: MessageBoxSyncOptions) => number;
  send: (command: MenuCommand) => void;
  /** Called when the window closes on purpose (not a crash): the autosave is no longer needed. */
  onClosedCleanly: () => void;
}

/** The page's document state for one window, and the prompt wired to the window's 'close' event. */
export class CloseGuard {
  state: DocumentState = { dirty: false, title: null };

  constructor(private readonly deps: CloseGuardDeps) {}

  update(state: DocumentState, win: BrowserWindow | null): void {
    this.state = { dirty: state.dirty, title: state.title };
    if (!win || win.isDestroyed()) return;
    win.setTitle(windowTitle(this.state));
    win.setDocumentEdited(this.state.dirty); // macOS: the dot in the close button
  }

  attach(win: BrowserWindow): void {
    win.on('close', (event) => {
      const action = decideClose(this.state.dirty, () =>
        choiceFromButton(this.deps.prompt(win, closePromptOptions(this.state.title))),
      );
      if (action === 'close') {
        this.deps.onClosedCleanly();
        return;
      }
      event.preventDefault();
      // The page saves (Save As if the project is new) and calls window.close() when done;
      // by then it has reported dirty: false, so that close goes through without asking.
      if (action === 'save-then-close') this.deps.send({ type: 'save', closeAfter: true });
    });
  }
}
