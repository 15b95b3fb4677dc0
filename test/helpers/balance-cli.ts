/**
 * Spawning the built CLI for the `propose` tests. The bundle is rebuilt when it is missing or older
 * than any source it bundles (electron/cli, renderer/src/engine), so these tests never run an old
 * optimizer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { cliPath, ensureCliBuilt, repoRoot } from './hostile-cli';

export { cliPath, repoRoot };

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureFreshCli(): void {
  const sources = Math.max(newest(path.join(repoRoot, 'electron', 'cli')), newest(path.join(repoRoot, 'renderer', 'src', 'engine')));
  if (existsSync(cliPath) && statSync(cliPath).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-cli.mjs')], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`could not build the CLI: ${(r.stderr || '').trim().slice(0, 2000)}`);
  ensureCliBuilt();
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
