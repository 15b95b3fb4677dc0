/**
 * Global setup of the end-to-end project (vitest.config.ts, project "e2e"), once per run:
 * find Chromium, build the web bundle (skipped when the sources have not changed since the last
 * build), serve it with `vite preview` on a free 127.0.0.1 port, and hand the URL to the test files.
 *
 * No browser: the suite is skipped with a visible message — unless REQUIRE_E2E=1 (set by .ci/run),
 * where a missing browser fails every end-to-end test. A failed build or a preview server that does
 * not answer fail them too, either way; a browser that exists but does not start fails in the tests.
 * (Failing the tests rather than throwing here lets the unit tests of the same run still report.)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

export interface E2EConfig {
  /** Why the suite is skipped, or null when it runs. */
  skip: string | null;
  /** Why the suite cannot run although it must (REQUIRE_E2E=1 without a browser, build or server failure): every test fails with it. */
  error: string | null;
  /** http://127.0.0.1:PORT/ serving the web build. */
  baseURL: string;
  /** The Chromium executable. */
  browserPath: string;
  /** Where screenshots go (git-ignored). */
  resultsDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EConfig;
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');
/** Web builds by source hash; a private output so a concurrent `npm run build:web` cannot clobber the served files. */
const BUILD_CACHE = path.join(ROOT, 'test-results', 'e2e-web');
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The browser to drive: $CHROMIUM_PATH when set (and then only it), else the usual install paths. */
export function findBrowser(): { path: string | null; looked: string[] } {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  const looked = fromEnv ? [fromEnv] : CANDIDATES;
  return { path: looked.find(executable) ?? null, looked };
}

function banner(lines: string[]): void {
  const width = Math.max(...lines.map((l) => l.length));
  const rule = '═'.repeat(width + 4);
  console.warn(`\n╔${rule}╗\n${lines.map((l) => `║  ${l.padEnd(width)}  ║`).join('\n')}\n╚${rule}╝\n`);
}

/** Hash of everything the web bundle is built from. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const add = (file: string) => {
    hash.update(path.relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  };
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.isFile()) {
        add(full);
      }
    }
  };
  walk(path.join(ROOT, 'renderer'));
  walk(path.join(ROOT, 'electron'));
  walk(path.join(ROOT, 'resources'));
  for (const f of ['vite.web.config.ts', 'package-lock.json', 'package.json']) if (existsSync(path.join(ROOT, f))) add(path.join(ROOT, f));
  return hash.digest('hex').slice(0, 16);
}

/** Builds the web bundle into test-results/e2e-web/<hash>/ unless that build exists. */
function buildWeb(): string {
  const hash = sourceHash();
  const outDir = path.join(BUILD_CACHE, hash);
  if (existsSync(path.join(outDir, '.complete'))) {
    console.log(`[e2e] web build up to date (${path.relative(ROOT, outDir)})`);
    return outDir;
  }
  mkdirSync(BUILD_CACHE, { recursive: true });
  const tmp = `${outDir}.tmp-${process.pid}`;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [VITE, 'build', '--config', 'vite.web.config.ts', '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`[e2e] the web build failed (vite build --config vite.web.config.ts, exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  writeFileSync(path.join(tmp, '.complete'), new Date().toISOString());
  try {
    renameSync(tmp, outDir);
  } catch {
    // Another run built the same sources at the same time: use theirs.
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`[e2e] built the web bundle in ${((Date.now() - t0) / 1000).toFixed(1)} s (${path.relative(ROOT, outDir)})`);
  // Keep the last few builds only.
  const builds = readdirSync(BUILD_CACHE)
    .map((name) => ({ name, mtime: statSync(path.join(BUILD_CACHE, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of builds.slice(4)) if (!outDir.endsWith(old.name)) rmSync(path.join(BUILD_CACHE, old.name), { recursive: true, force: true });
  return outDir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`[e2e] vite preview exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok && (await response.text()).includes('<div id="root">')) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`[e2e] vite preview did not answer at ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

async function startPreview(outDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, [VITE, 'preview', '--config', 'vite.web.config.ts', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1', '--strictPort'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    const url = `http://127.0.0.1:${port}/`;
    try {
      await waitForHttp(url, child, () => log, 60_000);
    } catch (err) {
      child.kill('SIGKILL');
      if (attempt < 3 && /EADDRINUSE|already in use/i.test(log)) continue; // lost the port race
      throw err;
    }
    const stop = () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    return { url, stop };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const required = process.env.REQUIRE_E2E === '1';
  const browser = findBrowser();
  const none: E2EConfig = { skip: null, error: null, baseURL: '', browserPath: '', resultsDir: RESULTS_DIR };
  if (!browser.path) {
    const reason = `no Chromium found (looked at ${browser.looked.join(', ')}; set CHROMIUM_PATH or apt-get install -y chromium)`;
    if (required) {
      banner(['END-TO-END TESTS FAIL: REQUIRE_E2E=1 but', reason]);
      project.provide('e2e', { ...none, error: `REQUIRE_E2E=1 but ${reason}` });
    } else {
      const lines = ['END-TO-END TESTS SKIPPED', reason, 'Set REQUIRE_E2E=1 to make a missing browser fail the run.'];
      banner(lines);
      project.provide('e2e', { ...none, skip: reason });
      // Again at the end, where it is not scrolled away by the unit tests' output.
      return async () => banner(lines);
    }
    return async () => undefined;
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    const outDir = buildWeb();
    preview = await startPreview(outDir);
    console.log(`[e2e] serving ${path.relative(ROOT, outDir)} at ${preview.url}; browser ${browser.path}`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(message);
    project.provide('e2e', { ...none, browserPath: browser.path, error: message });
    return async () => undefined;
  }
  project.provide('e2e', { ...none, baseURL: preview.url, browserPath: browser.path });
  return preview.stop;
}
