// Atomic writes: after a failure or a crash at any step the target holds either the old or
// the new content, and the previous version is kept as .bak.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backupPath, nodeFs, writeFileAtomic, type AtomicFs } from '../../electron/main/atomicWrite';

let root: string;
let dir: string;
let target: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fairshare-atomic-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(root, 'case-'));
  target = path.join(dir, 'plan.fairshare');
});

const tempFiles = async () => (await readdir(dir)).filter((n) => n.endsWith('.tmp'));

class Crash extends Error {}

describe('writeFileAtomic', () => {
  it('writes a new file without a backup or leftovers', async () => {
    await writeFileAtomic(target, 'v1', { backup: true });
    expect(await readFile(target, 'utf8')).toBe('v1');
    expect(existsSync(backupPath(target))).toBe(false);
    expect(await readdir(dir)).toEqual(['plan.fairshare']);
  });

  it('replaces the file and keeps the previous version as .bak', async () => {
    await writeFileAtomic(target, 'v1', { backup: true });
    await writeFileAtomic(target, 'v2', { backup: true });
    await writeFileAtomic(target, new TextEncoder().encode('v3'), { backup: true });
    expect(await readFile(target, 'utf8')).toBe('v3');
    expect(await readFile(backupPath(target), 'utf8')).toBe('v2');
    expect(await tempFiles()).toEqual([]);
  });

  it('leaves the old file intact (and the .bak) when the rename fails', async () => {
    await writeFile(target, 'old');
    // The .bak (itself written by temp + rename) succeeds; the rename over the target fails.
    const fs: AtomicFs = { ...nodeFs, rename: async (from, to) => { if (to === target) throw Object.assign(new Error('rename failed'), { code: 'EIO' }); return nodeFs.rename(from, to); } };
    await expect(writeFileAtomic(target, 'new', { backup: true, fs })).rejects.toThrow('rename failed');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readFile(backupPath(target), 'utf8')).toBe('old');
    expect(await tempFiles()).toEqual([]); // the temp file was removed
  });

  it('survives a crash between writing and renaming, and the next save cleans up', async () => {
    await writeFile(target, 'old');
    // A crash: the rename never happens and nothing runs afterwards (no cleanup either).
    const crashed: AtomicFs = {
      ...nodeFs,
      rename: async (from, to) => { if (to === target) throw new Crash('killed'); return nodeFs.rename(from, to); },
      unlink: async () => undefined,
    };
    await expect(writeFileAtomic(target, 'new', { backup: true, fs: crashed })).rejects.toThrow(Crash);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readFile(backupPath(target), 'utf8')).toBe('old');
    const [stale] = await tempFiles();
    expect(await readFile(path.join(dir, stale), 'utf8')).toBe('new');

    await writeFileAtomic(target, 'newer', { backup: true });
    expect(await readFile(target, 'utf8')).toBe('newer');
    expect(await readFile(backupPath(target), 'utf8')).toBe('old');
    expect(await tempFiles()).toEqual([]);
  });

  it('leaves the old file intact when writing the data fails (disk full)', async () => {
    await writeFile(target, 'old');
    const fs: AtomicFs = {
      ...nodeFs,
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        return Object.assign(handle, {
          writeFile: async () => {
            throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
          },
        });
      }) as AtomicFs['open'],
    };
    await expect(writeFileAtomic(target, 'new', { backup: true, fs })).rejects.toThrow('no space left');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await tempFiles()).toEqual([]);
  });

  it('does not touch the target when the backup copy fails', async () => {
    await writeFile(target, 'old');
    const fs: AtomicFs = { ...nodeFs, copyFile: async () => { throw new Error('copy failed'); } };
    await expect(writeFileAtomic(target, 'new', { backup: true, fs })).rejects.toThrow('copy failed');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await tempFiles()).toEqual([]);
  });

  it('refuses to write into a missing folder', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.fairshare'), 'x')).rejects.toThrow(/ENOENT/);
  });
});

describe('writeFileAtomic under a real kill', () => {
  let bundle: string;

  beforeAll(async () => {
    // The child runs the real module, bundled to plain JavaScript.
    bundle = path.join(root, 'child.mjs');
    await build({
      stdin: {
        contents: `
          import { writeFileAtomic, nodeFs } from ${JSON.stringify(path.resolve('electron/main/atomicWrite.ts'))};
          const [target, mode] = process.argv.slice(2);
          const data = 'N'.repeat(8 * 1024 * 1024);
          if (mode === 'pause-before-rename') {
            // The .bak's own rename goes through; the process is killed before the target's.
            const fs = { ...nodeFs, rename: async (from, to) => { if (to !== target) return nodeFs.rename(from, to); process.send('about-to-rename'); await new Promise(() => {}); } };
            await writeFileAtomic(target, data, { backup: true, fs });
          } else {
            process.send('started');
            for (;;) await writeFileAtomic(target, data, { backup: true });
          }
        `,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
  });

  function runChild(mode: string, onMessage: (child: ReturnType<typeof fork>) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = fork(bundle, [target, mode], { stdio: 'ignore' });
      child.on('message', () => onMessage(child));
      child.on('error', reject);
      child.on('exit', () => resolve());
    });
  }

  it('keeps the old file when the process is killed between write and rename', async () => {
    await writeFile(target, 'old');
    await runChild('pause-before-rename', (child) => child.kill('SIGKILL'));
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readFile(backupPath(target), 'utf8')).toBe('old');
  });

  it('never leaves a partial file when killed at random moments', async () => {
    const newContent = 'N'.repeat(8 * 1024 * 1024);
    for (let round = 0; round < 5; round++) {
      await writeFile(target, 'old');
      await runChild('loop', (child) => setTimeout(() => child.kill('SIGKILL'), 5 + round * 15));
      const content = await readFile(target, 'utf8');
      expect(content === 'old' || content === newContent, `round ${round}: ${content.length} chars`).toBe(true);
    }
  });
});

describe('overlapping saves (a manual save during an autosave)', () => {
  /** An fs whose data write pauses `ms` first: the save is still in progress when the next starts. */
  function slowWrites(ms: number): AtomicFs {
    return {
      ...nodeFs,
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        const writeFile = handle.writeFile.bind(handle);
        return Object.assign(handle, {
          writeFile: async (data: string | Uint8Array) => {
            await new Promise((resolve) => setTimeout(resolve, ms));
            return writeFile(data);
          },
        });
      }) as AtomicFs['open'],
    };
  }

  it('both complete in order: the target is the later save, the .bak the earlier one, no temp left', async () => {
    await writeFile(target, 'v1');
    const autosave = writeFileAtomic(target, 'autosave', { backup: true, fs: slowWrites(150) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const manual = writeFileAtomic(target, 'manual', { backup: true });
    await expect(Promise.all([autosave, manual])).resolves.toEqual([undefined, undefined]);
    expect(await readFile(target, 'utf8')).toBe('manual');
    expect(await readFile(backupPath(target), 'utf8')).toBe('autosave');
    expect(await tempFiles()).toEqual([]);
  });

  it('a failed save does not stop the next one queued behind it', async () => {
    await writeFile(target, 'v1');
    const failing: AtomicFs = { ...slowWrites(50), rename: async (from, to) => { if (to === target) throw new Error('rename failed'); return nodeFs.rename(from, to); } };
    const first = writeFileAtomic(target, 'lost', { backup: true, fs: failing });
    const second = writeFileAtomic(target, 'v2', { backup: true });
    await expect(first).rejects.toThrow('rename failed');
    await expect(second).resolves.toBeUndefined();
    expect(await readFile(target, 'utf8')).toBe('v2');
    expect(await readFile(backupPath(target), 'utf8')).toBe('v1');
    expect(await tempFiles()).toEqual([]);
  });

  it('the .bak is written atomically: a crash while copying it leaves the previous .bak whole', async () => {
    await writeFile(backupPath(target), 'v1');
    await writeFile(target, 'v2');
    const crashed: AtomicFs = {
      ...nodeFs,
      // The copy gets half-way and the process dies: nothing after it runs, no cleanup either.
      copyFile: async (_from, to) => {
        await writeFile(to as string, 'v');
        throw new Crash('killed');
      },
      unlink: async () => undefined,
    };
    await expect(writeFileAtomic(target, 'v3', { backup: true, fs: crashed })).rejects.toThrow(Crash);
    expect(await readFile(backupPath(target), 'utf8')).toBe('v1');
    expect(await readFile(target, 'utf8')).toBe('v2');
    // The next save sweeps what the crash left and backs up the version it replaces.
    await writeFileAtomic(target, 'v3', { backup: true });
    expect(await readFile(backupPath(target), 'utf8')).toBe('v2');
    expect(await tempFiles()).toEqual([]);
  });
});
