// Asks Save / Don't Save / Cancel before a window with unsaved changes closes (alone or as part of a quit) and finishes that close or quit once the page has saved.
import type { BrowserWindow, MessageBoxSyncOptions } from 'electron';
import type { DocumentState, MenuCommand } from '../ipc/contract';
import type { ErrorLogger } from './errorLog';

export type CloseChoice = 'save' | 'discard' | 'cancel';
/** What to do with a 'close' event: let it happen, keep the window, or save first (main closes after). */
export type CloseAction = 'close' | 'stay' | 'save-then-close';

export const CLOSE_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;
const CHOICES: readonly CloseChoice[] = ['save', 'discard', 'cancel'];

/**
 * How long the page has to answer a save-before-close request, not counting the time a save
 * dialog or the write is open in main (the user may take minutes to pick a folder).
 */
export const SAVE_ANSWER_TIMEOUT_MS = 20_000;

export function closePromptOptions(title: string | null, quitting = false): MessageBoxSyncOptions {
  const when = quitting ? 'quitting' : 'closing';
  return {
    type: 'warning',
    buttons: [...CLOSE_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: title ? `Save changes to "${title}" before ${when}?` : `Save changes before ${when}?`,
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
  /** app.quit(): resumes a quit that stopped to let the page save. */
  quit: () => void;
  log: ErrorLogger;
  timeoutMs?: number;
}

/** A Save chosen in the prompt that the page has not answered yet. */
interface PendingSave {
  win: BrowserWindow;
  /** The close was part of a quit, so a successful save quits rather than only closing. */
  quit: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

/** The page's document state for the main window, and the prompt wired to its 'close' event. */
export class CloseGuard {
  state: DocumentState = { dirty: false, title: null };
  private quitting = false;
  private pending: PendingSave | null = null;
  /** Save dialogs and writes running in main; the answer timeout waits while any is open. */
  private holds = 0;

  constructor(private readonly deps: CloseGuardDeps) {}

  update(state: DocumentState, win: BrowserWindow | null): void {
    this.state = { dirty: state.dirty, title: state.title };
    if (!win || win.isDestroyed()) return;
    win.setTitle(windowTitle(this.state));
    win.setDocumentEdited(this.state.dirty); // macOS: the dot in the close button
  }

  /** app 'before-quit': Electron is about to close every window, and the closes belong to a quit. */
  quitRequested(): void {
    this.quitting = true;
  }

  attach(win: BrowserWindow): void {
    // A new page has nothing to save yet; the previous window's state (macOS keeps the app
    // running after a "Don't Save") must not make it ask.
    this.state = { dirty: false, title: null };
    win.on('close', (event) => {
      if (!this.onClose(win)) event.preventDefault();
    });
    win.on('closed', () => {
      if (this.pending?.win === win) this.clearPending();
    });
  }

  /** Whether the window may close now. */
  private onClose(win: BrowserWindow): boolean {
    const quitting = this.quitting;
    if (this.pending) {
      // Already saving for a close: a second Cmd+Q or close click must not ask again; it only
      // turns a pending window close into a quit.
      this.pending.quit ||= quitting;
      this.quitting = false;
      return false;
    }
    const action = decideClose(this.state.dirty, () => {
      // The prompt is a sheet on this window: on a minimized or hidden one (Cmd+H, then Quit from
      // the Dock) it would block unseen.
      if (win.isMinimized()) win.restore();
      if (!win.isVisible()) win.show();
      return choiceFromButton(this.deps.prompt(win, closePromptOptions(this.state.title, quitting)));
    });
    if (action === 'close') {
      this.deps.onClosedCleanly();
      return true;
    }
    // Keeping the window also cancels a quit under way (Electron drops it when a close is
    // prevented); after a Save, saveBeforeCloseDone starts the quit again.
    this.quitting = false;
    if (action === 'save-then-close') {
      this.pending = { win, quit: quitting, timer: null };
      this.startTimer();
      this.deps.send({ type: 'save', closeAfter: true });
    }
    return false;
  }

  /**
   * The page's answer to { type: 'save', closeAfter: true }. Saved: the window closes, or the app
   * quits if the close was part of a quit. Not saved (Save As cancelled, write failed): the window
   * stays with the project as it was; the page has told the user why.
   */
  saveBeforeCloseDone(saved: boolean, from: BrowserWindow | null): void {
    const pending = this.pending;
    // Not waiting for this window (timed out, or never asked): an answer changes nothing.
    if (!pending || pending.win !== from) return;
    this.clearPending();
    if (!saved || pending.win.isDestroyed()) return;
    // The page reported dirty: false before answering; set here too so the close cannot ask again.
    this.state = { ...this.state, dirty: false };
    if (pending.quit) this.deps.quit();
    else pending.win.close();
  }

  /** Runs main's part of a save (dialog, write) with the answer timeout stopped. */
  async whileSaving<T>(work: () => Promise<T>): Promise<T> {
    this.holds += 1;
    this.stopTimer();
    try {
      return await work();
    } finally {
      this.holds -= 1;
      // The page still has to answer; it gets a full timeout again from here.
      if (this.pending) this.startTimer();
    }
  }

  private startTimer(): void {
    this.stopTimer();
    if (!this.pending || this.holds > 0) return;
    this.pending.timer = setTimeout(() => {
      // The page is hung, crashed or never loaded: keep the window (nothing is lost) and let
      // the next close ask again rather than wait forever. No title or path in the log.
      this.clearPending();
      this.deps.log('close', new Error('The page did not answer the save-before-close request; the window stays open'));
    }, this.deps.timeoutMs ?? SAVE_ANSWER_TIMEOUT_MS);
  }

  private stopTimer(): void {
    if (this.pending?.timer) clearTimeout(this.pending.timer);
    if (this.pending) this.pending.timer = null;
  }

  private clearPending(): void {
    this.stopTimer();
    this.pending = null;
  }
}

/**
 * The close guard as the app wires it: after a clean close the recovery file is removed
 * (`closeCleanly`), and a quit waits for that removal (`pendingDiscard`); a failure is logged.
 */
export function createCloseGuard(deps: Omit<CloseGuardDeps, 'onClosedCleanly'> & { closeCleanly: () => Promise<void> }): { guard: CloseGuard; pendingDiscard: () => Promise<void> } {
  let discarding: Promise<void> = Promise.resolve();
  const { closeCleanly, ...rest } = deps;
  const guard = new CloseGuard({
    ...rest,
    onClosedCleanly: () => {
      discarding = closeCleanly().catch((error: unknown) => deps.log('recovery', error));
    },
  });
  return { guard, pendingDiscard: () => discarding };
}
