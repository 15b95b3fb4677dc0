/**
 * Keeps out/cli/fairshare.cjs in step with its sources: rebuilt once per test run when any file of
 * the engine or the CLI (or the build script) is newer than it, so a bare `npx vitest run` never
 * tests an old CLI. Used by the unit project's globalSetup (test/cli/globalSetup.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the bundle is built from, relative to the repository root. */
export const CLI_SOURCES = ['renderer/src/engine', 'electron/cli', 'scripts/build-cli.mjs', 'package.json'];

/** The newest modification time (ms) of the files at or under `entries`; 0 when none exist. */
export function newestMtime(root: string, entries: readonly string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return; // removed while we looked
    }
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const e of entries) visit(path.join(root, e));
  return newest;
}

/** True when the bundle is missing or older than any of its sources. */
export function cliIsStale(root: string, bundle: string, sources: readonly string[] = CLI_SOURCES): boolean {
  if (!existsSync(bundle)) return true;
  return newestMtime(root, sources) > statSync(bundle).mtimeMs;
}

/**
 * Rebuilds a stale bundle. When the build fails (sources mid-edit), the stale bundle is moved
 * aside so the CLI tests fail on the build error (ensureCliBuilt) rather than pass on old code.
 * Returns what happened, for the run's log.
 */
export function rebuildCliIfStale(root: string, bundle: string): 'fresh' | 'rebuilt' | string {
  if (!cliIsStale(root, bundle)) return 'fresh';
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  if (r.status === 0 && !cliIsStale(root, bundle)) return 'rebuilt';
  if (existsSync(bundle)) renameSync(bundle, `${bundle}.stale`);
  return `could not rebuild the CLI (exit ${r.status ?? r.signal}): ${(r.stderr || '').trim().split('\n').slice(0, 5).join(' ')}`;
}
