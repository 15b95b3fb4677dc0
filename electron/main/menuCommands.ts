// Sends MenuCommands to the page on the one event channel, holding them until the page has loaded.
import type { WebContents } from 'electron';
import { EVENTS, type MenuCommand } from '../ipc/contract';

const MAX_PENDING = 20;

export class MenuCommandChannel {
  private contents: WebContents | null = null;
  private loaded = false;
  private pending: MenuCommand[] = [];

  /** Binds to the window's page; commands sent before it finishes loading are delivered after. */
  attach(contents: WebContents): void {
    this.contents = contents;
    this.loaded = false;
    contents.on('did-start-loading', () => {
      this.loaded = false;
    });
    contents.on('did-finish-load', () => {
      this.loaded = true;
      const queued = this.pending;
      this.pending = [];
      for (const command of queued) this.deliver(command);
    });
    contents.once('destroyed', () => {
      if (this.contents === contents) this.contents = null;
    });
  }

  send(command: MenuCommand): void {
    if (this.contents && this.loaded && !this.contents.isDestroyed()) this.deliver(command);
    else if (this.pending.length < MAX_PENDING) this.pending.push(command);
  }

  private deliver(command: MenuCommand): void {
    if (!this.contents || this.contents.isDestroyed()) return;
    // The main frame only: a subframe (there are none) would not get app commands.
    this.contents.send(EVENTS.menuCommand, command);
  }
}
