// Atomic file writes: a temp file in the same folder, flushed to disk, then renamed over the
// target, so a crash leaves either the old file or the new one, never half of each. Writes to one
// path run one at a time (an autosave and a manual save must not sweep each other's temp file or
// back up each other's half-finished state), and the .bak is written the same way.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** The file operations used, injectable so tests can make any step fail like a crash would. */
export interface AtomicFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  copyFile: typeof fsp.copyFile;
  unlink: typeof fsp.unlink;
  stat: typeof fsp.stat;
  readdir: (dir: string) => Promise<string[]>;
}

export const nodeFs: AtomicFs = {
  open: fsp.open,
  rename: fsp.rename,
  copyFile: fsp.copyFile,
  unlink: fsp.unlink,
  stat: fsp.stat,
  readdir: (dir) => fsp.readdir(dir),
};

export interface AtomicWriteOptions {
  /** Keep the previous version as `<file>.bak` (projects do). */
  backup?: boolean;
  fs?: AtomicFs;
  /** Pause between rename retries (Windows: antivirus and indexers hold files briefly). */
  retryDelayMs?: number;
}

export function backupPath(target: string): string {
  return `${target}.bak`;
}

/** Temp files are hidden siblings of the target: same folder, so the rename stays on one volume. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

function isTempOf(target: string, name: string): boolean {
  const prefix = `.${path.basename(target)}.`;
  return name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length));
}

const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function renameWithRetry(fs: AtomicFs, from: string, to: string, delayMs: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || !code || !RETRYABLE.has(code) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * (attempt + 1)));
    }
  }
}

/** Temp files a crash left behind next to the target; removing them is best effort. */
async function sweepStaleTemps(fs: AtomicFs, target: string, keep: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(path.dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const full = path.join(path.dirname(target), name);
    if (full !== keep && isTempOf(target, name)) await fs.unlink(full).catch(() => undefined);
  }
}

async function fsyncDirectory(fs: AtomicFs, dir: string): Promise<void> {
  // Makes the rename itself durable on POSIX; Windows cannot open folders this way.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}

/** The last write queued per resolved path; a write starts when the one before it settles. */
const queues = new Map<string, Promise<void>>();

function serialized(target: string, write: () => Promise<void>): Promise<void> {
  const key = path.resolve(target);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(write);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/** Copies the current target to its .bak through a temp file, so a crash never leaves half a .bak. */
async function writeBackup(fs: AtomicFs, target: string, delayMs: number): Promise<void> {
  const bak = backupPath(target);
  const temp = tempPathFor(bak);
  try {
    await fs.copyFile(target, temp);
    const handle = await fs.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(fs, temp, bak, delayMs);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes data to target atomically; with `backup`, the previous version is kept as target.bak.
 * Overlapping calls for one path are queued and run in call order.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  return serialized(target, () => writeOnce(target, data, options));
}

async function writeOnce(target: string, data: string | Uint8Array, options: AtomicWriteOptions): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const delayMs = options.retryDelayMs ?? 50;
  const temp = tempPathFor(target);
  let existingMode: number | undefined;
  try {
    existingMode = (await fs.stat(target)).mode & 0o777;
  } catch {
    existingMode = undefined; // a new file
  }

  const handle = await fs.open(temp, 'wx', existingMode ?? 0o666);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backup && existingMode !== undefined) await writeBackup(fs, target, delayMs);
    await renameWithRetry(fs, temp, target, delayMs);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(fs, path.dirname(target));
  await sweepStaleTemps(fs, target, temp);
  if (options.backup) await sweepStaleTemps(fs, backupPath(target), temp);
}
