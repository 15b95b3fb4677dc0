// Atomic file writes: a temp file in the same folder, flushed to disk, then renamed over the
// target, so a crash leaves either the old file or the new one, never half of each.
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

/** Writes data to target atomically; with `backup`, the previous version is kept as target.bak. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
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
    if (options.backup && existingMode !== undefined) await fs.copyFile(target, backupPath(target));
    await renameWithRetry(fs, temp, target, options.retryDelayMs ?? 50);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(fs, path.dirname(target));
  await sweepStaleTemps(fs, target, temp);
}
