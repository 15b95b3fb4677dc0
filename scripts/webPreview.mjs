// The web build served for a browser: find Chromium, build the web bundle (cached by a hash of its
// sources), serve it with `vite preview` on a free 127.0.0.1 port. One copy for the end-to-end
// tests' global setup (test/e2e/globalSetup.ts) and the UI benchmark (bench/lib/ui-server.mjs).
// Types: webPreview.d.mts.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
/** DESIGN.md §7: how Chromium is started here (headless, no sandbox, nothing reaching the network). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** $CHROMIUM_PATH when set (and then only it), else the usual install paths; path is null when none is found. */
export function findBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  const looked = fromEnv ? [fromEnv] : CANDIDATES;
  return { path: looked.find(executable) ?? null, looked };
}

/** Hash of everything the web bundle is built from. */
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
  for (const d of ['renderer', 'electron', 'resources', 'patches']) walk(join(ROOT, d));
  for (const f of ['vite.web.config.ts', 'package-lock.json', 'package.json']) if (existsSync(join(ROOT, f))) add(join(ROOT, f));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the web bundle into <cacheDir>/<hash of the sources>/ unless that build exists, keeping the
 * last `keep` builds; returns the directory. A private output, so a concurrent `npm run build:web`
 * cannot clobber what is being served. Throws with vite's output when the build fails.
 */
export function buildWeb(cacheDir, { keep = 3, log = console.log } = {}) {
  const out = join(cacheDir, sourceHash());
  if (existsSync(join(out, '.complete'))) {
    log(`web build up to date (${relative(ROOT, out)})`);
    return out;
  }
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [VITE, 'build', '--config', 'vite.web.config.ts', '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`the web build failed (vite build --config vite.web.config.ts, exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  writeFileSync(join(tmp, '.complete'), new Date().toISOString());
  try {
    renameSync(tmp, out);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another run built the same sources at the same time: use theirs
  }
  log(`built the web bundle in ${((Date.now() - t0) / 1000).toFixed(1)} s (${relative(ROOT, out)})`);
  const builds = readdirSync(cacheDir).map((name) => ({ name, mtime: statSync(join(cacheDir, name)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const old of builds.slice(keep)) if (!out.endsWith(old.name)) rmSync(join(cacheDir, old.name), { recursive: true, force: true });
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Serves `outDir` with `vite preview` once it answers with the app's page; resolves to { url, stop }. */
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
    while (!up && Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      try {
        const response = await fetch(url);
        up = response.ok && (await response.text()).includes('<div id="root">');
      } catch {
        // not listening yet
      }
      if (!up) await new Promise((r) => setTimeout(r, 150));
    }
    if (!up) {
      child.kill('SIGKILL');
      if (attempt < 3 && /EADDRINUSE|already in use/i.test(output)) continue; // lost the port race
      throw new Error(`vite preview did not answer at ${url} (exit ${child.exitCode ?? child.signalCode ?? 'none'}):\n${output}`);
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
