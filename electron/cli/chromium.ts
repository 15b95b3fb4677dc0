/**
 * The report's PDF for the CLI: finds a Chromium (or Chrome, or Edge on Windows) and prints the
 * report's HTML with it, headless, from a private temporary folder removed afterwards.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Unusable, writeAtomically } from './io';

/** How the project starts Chromium (scripts/webPreview.mjs CHROMIUM_ARGS): headless, nothing reaching the network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Seconds Chromium gets to print before it is stopped. */
export const PRINT_TIMEOUT_SECONDS = 60;

export const NO_CHROMIUM = 'No Chromium found to print the PDF: pass --chromium PATH, or write --out report.html and print it from a browser';

/**
 * Where to look, in order: the environment's choice ($CHROME_PATH, or $CHROMIUM_PATH as the tests
 * use) first, since someone set it on purpose, then the usual install paths of the platform.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const fromEnv = [env.CHROME_PATH, env.CHROMIUM_PATH].map((p) => p?.trim()).filter((p): p is string => !!p);
  let usual: string[];
  if (platform === 'darwin') {
    usual = ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
  } else if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter((r): r is string => !!r);
    usual = [
      ...roots.map((r) => `${r}\\Google\\Chrome\\Application\\chrome.exe`),
      ...roots.map((r) => `${r}\\Chromium\\Application\\chrome.exe`),
      // Every Windows has Edge, itself a Chromium that prints the same way.
      ...roots.map((r) => `${r}\\Microsoft\\Edge\\Application\\msedge.exe`),
    ];
  } else {
    usual = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
  }
  return [...new Set([...fromEnv, ...usual])];
}

function runnable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    // Windows has no execute bit: an existing .exe is runnable.
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with: `given` (--chromium) when set, and then only it; else the first candidate found. Throws Unusable. */
export function findChromium(given: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (given !== undefined) {
    if (runnable(given, platform)) return given;
    throw new Unusable(`${NO_CHROMIUM} (--chromium ${given} is not an executable file)`);
  }
  const looked = chromiumCandidates(env, platform);
  const found = looked.find((p) => runnable(p, platform));
  if (found) return found;
  throw new Unusable(`${NO_CHROMIUM} (looked at ${looked.join(', ')})`);
}

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  error: Error | null;
  stderr: string;
}

/** Most of Chromium's stderr we keep for a message (it logs freely; the cause is at the end). */
const STDERR_KEPT = 64 * 1024;

function run(file: string, args: string[], cwd: string, timeoutMs: number): Promise<Ran> {
  return new Promise((resolve) => {
    // Its own process group, so a timeout stops its renderer and GPU helpers too.
    const detached = process.platform !== 'win32';
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], detached, windowsHide: true });
    let stderr = '';
    let timedOut = false;
    let error: Error | null = null;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (err) => {
      error = err;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, error, stderr });
    });
  });
}

/** The last few lines Chromium wrote, for the message (its cause is usually there). */
function tail(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const last = lines.slice(-3).join(' | ');
  return last.length > 400 ? `…${last.slice(-400)}` : last;
}

/**
 * Prints `html` to `out` (written atomically) with `chromium`. The page and Chromium's profile live in
 * a fresh temporary folder, so no other Chromium's profile is touched; it is removed whatever happens.
 * Throws Unusable with what went wrong: Chromium failing to start, exiting without a PDF, or taking
 * longer than `timeoutMs`.
 */
export async function printToPdf(chromium: string, html: string, out: string, timeoutMs = PRINT_TIMEOUT_SECONDS * 1000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fairshare-report-'));
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(page, html, 'utf8');
    const args = [...CHROMIUM_ARGS, '--no-pdf-header-footer', `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href];
    const r = await run(chromium, args, dir, timeoutMs);
    if (r.error) throw new Unusable(`cannot start ${chromium} to print the PDF: ${r.error.message}`);
    if (r.timedOut) throw new Unusable(`${chromium} did not print the PDF within ${Math.round(timeoutMs / 1000)} s and was stopped; write --out report.html and print it from a browser`);
    let bytes: Buffer | null = null;
    try {
      bytes = readFileSync(pdf);
    } catch {
      // no PDF: said below
    }
    if (!bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const how = r.code !== null ? `exit ${r.code}` : `stopped by ${r.signal ?? 'a signal'}`;
      const said = tail(r.stderr);
      throw new Unusable(`${chromium} did not print the PDF (${how})${said ? `: ${said}` : ''}`);
    }
    writeAtomically(out, bytes);
  } finally {
    // Chromium's helpers may still be closing files in its profile for a moment: retry the removal.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
