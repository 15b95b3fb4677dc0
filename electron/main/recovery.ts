// The autosave recovery file in the user-data folder: written while a project has unsaved
// changes, offered back at the next start if the app did not close cleanly.
import { mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicWrite';

export const RECOVERY_FILE_NAME = 'autosave.json';

export interface RecoveryRecord {
  savedAt: string;
  /** The project file the autosave belongs to, if it had been saved. */
  documentPath: string | null;
  text: string;
}

const recordSchema = z.object({
  format: z.literal('fairshare-recovery'),
  savedAt: z.string().max(64),
  documentPath: z.string().max(4096).nullable(),
  text: z.string(),
});

export class RecoveryStore {
  readonly file: string;

  constructor(dir: string, private readonly now: () => Date = () => new Date()) {
    this.file = path.join(dir, RECOVERY_FILE_NAME);
  }

  async write(text: string, documentPath: string | null): Promise<void> {
    const record = { format: 'fairshare-recovery', savedAt: this.now().toISOString(), documentPath, text };
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(record));
  }

  /** The autosave left behind, or null; an unreadable one is removed rather than offered. */
  async read(): Promise<RecoveryRecord | null> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch {
      return null;
    }
    let parsed: ReturnType<typeof recordSchema.safeParse>;
    try {
      parsed = recordSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = recordSchema.safeParse(undefined);
    }
    if (!parsed.success) {
      await this.discard();
      return null;
    }
    const { savedAt, documentPath, text } = parsed.data;
    return { savedAt, documentPath, text };
  }

  async discard(): Promise<void> {
    await unlink(this.file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

/**
 * The store as the app uses it. Once the window has closed on purpose, a late autosave is
 * dropped; removals wait for writes already under way, which would otherwise land after the
 * removal and offer discarded changes at the next start.
 */
export class RecoveryGate {
  private closed = false;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Pick<RecoveryStore, 'write' | 'read' | 'discard'>) {}

  write(text: string, documentPath: string | null): Promise<void> {
    if (this.closed) return Promise.resolve();
    const write = this.store.write(text, documentPath);
    this.writes = Promise.all([this.writes, write.catch(() => undefined)]);
    return write;
  }

  read(): Promise<RecoveryRecord | null> {
    return this.store.read();
  }

  discard(): Promise<void> {
    return this.writes.then(() => this.store.discard());
  }

  /** The window closed on purpose (clean, saved, or "Don't Save"): drop the autosave for good. */
  closeCleanly(): Promise<void> {
    this.closed = true;
    return this.discard();
  }

  /** A new window: autosaves count again. */
  reopen(): void {
    this.closed = false;
  }
}
