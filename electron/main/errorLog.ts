// The error log in the user-data folder: our own errors' names, messages and stack frames,
// with paths shortened, and never spreadsheet or project contents.
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const MAX_LOG_BYTES = 1024 * 1024;
const MAX_MESSAGE_CHARS = 500;
const MAX_STACK_FRAMES = 15;

/**
 * One log entry's text. File-system errors are reduced to their code and system call (their
 * message names the file, which may be a person's name); the home folder becomes "~".
 */
export function describeError(context: string, error: unknown, home = os.homedir()): string {
  const scrub = (s: string) => (home.length > 1 ? s.split(home).join('~') : s).replace(/[\r\n]+/g, ' ');
  let summary: string;
  let frames: string[] = [];
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const syscall = (error as NodeJS.ErrnoException).syscall;
    summary =
      typeof code === 'string' && typeof syscall === 'string'
        ? `${error.name} ${code} (${syscall})`
        : `${error.name}: ${scrub(error.message).slice(0, MAX_MESSAGE_CHARS)}`;
    frames = (error.stack ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('at '))
      .slice(0, MAX_STACK_FRAMES)
      .map((line) => `    ${scrub(line)}`);
  } else {
    // Thrown non-errors (strings, objects) may carry anything: record only their type.
    summary = `non-Error value thrown (${error === null ? 'null' : typeof error})`;
  }
  return [`${new Date().toISOString()} [${scrub(context).slice(0, 100)}] ${summary}`, ...frames].join('\n') + '\n';
}

export type ErrorLogger = (context: string, error: unknown) => void;

/** A logger appending to `file`; the previous log is kept as `<file>.old` past MAX_LOG_BYTES. */
export function createErrorLog(file: string, options: { maxBytes?: number; home?: string } = {}): {
  log: ErrorLogger;
  /** Resolves when every entry so far is on disk (tests, shutdown). */
  flush: () => Promise<void>;
} {
  const maxBytes = options.maxBytes ?? MAX_LOG_BYTES;
  let queue: Promise<void> = Promise.resolve();
  const write = async (entry: string) => {
    await mkdir(path.dirname(file), { recursive: true });
    const size = await stat(file).then((s) => s.size, () => 0);
    if (size + entry.length > maxBytes && size > 0) await rename(file, `${file}.old`);
    await appendFile(file, entry, { encoding: 'utf8', mode: 0o600 });
  };
  return {
    log(context, error) {
      const entry = describeError(context, error, options.home);
      // Serialized so rotation and appends never interleave; a failing disk must not crash the app.
      queue = queue.then(() => write(entry)).catch(() => undefined);
    },
    flush: () => queue,
  };
}
