// The web app for the UI benchmark: build it (cached by a hash of its sources), serve it with
// `vite preview` on a free 127.0.0.1 port, and launch headless Chromium. Same recipe as the
// end-to-end tests' global setup (test/e2e/globalSetup.ts), without vitest.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(ROOT, 'bench', '.cache', 'ui-web');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** $CHROMIUM_PATH when set, else the usual install paths; null when there is none. */
export function findBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  return (fromEnv ? [fromEnv] : CANDIDATES).find(executable) ?? null;
}

function sourceHash() {
  const hash = createHash('sha256');
  const add = (file) => hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(full);
      } else if (e.isFile()) add(full);
    }
  };
  for (const d of ['renderer', 'electron', 'resources']) walk(join(ROOT, d));
  for (const f of ['vite.web.config.ts', 'package-lock.json', 'package.json']) if (existsSync(join(ROOT, f))) add(join(ROOT, f));
  return hash.digest('hex').slice(0, 16);
}

/** Builds the web bundle into bench/.cache/ui-web/<hash>/ unless that build exists; returns the directory. */
export function buildWeb(log = console.log) {
  const out = join(CACHE, sourceHash());
  if (existsSync(join(out, '.complete'))) return out;
  mkdirSync(CACHE, { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [VITE, 'build', '--config', 'vite.web.config.ts', '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`web build failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  writeFileSync(join(tmp, '.complete'), new Date().toISOString());
  try {
    renameSync(tmp, out);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
  log(`built the web bundle in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const builds = readdirSync(CACHE).map((name) => ({ name, mtime: statSync(join(CACHE, name)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const old of builds.slice(3)) if (!out.endsWith(old.name)) rmSync(join(CACHE, old.name), { recursive: true, force: true });
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Serves `outDir` with `vite preview`; resolves to { url, stop }. */
export async function startPreview(outDir) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, [VITE, 'preview', '--config', 'vite.web.config.ts', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1', '--strictPort'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const url = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + 60_000;
    let up = false;
    while (!up && Date.now() < deadline && child.exitCode === null) {
      try {
        up = (await fetch(url)).ok;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    if (!up) {
      child.kill('SIGKILL');
      if (attempt < 3 && /EADDRINUSE|already in use/i.test(output)) continue;
      throw new Error(`vite preview did not start:\n${output}`);
    }
    const stop = () =>
      new Promise((resolve) => {
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

/** Headless Chromium; launch() gives it a fresh temporary user-data directory. Each measurement uses a new context (fresh storage). */
export async function launchBrowser(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 120_000 });
}
