/**
 * Spawning the built CLI for robustness tests: a bounded-heap child with a timeout, its peak memory,
 * and checks that a refusal is one clean line rather than a crash.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = path.join(repoRoot, 'out', 'cli', 'fairshare.cjs');

let buildError: Error | null = null;

/**
 * Builds the CLI when its bundle is missing (at most once per test file); throws a readable error
 * when that fails. Call it from a beforeAll of the tests that spawn the CLI only.
 */
export function ensureCliBuilt(): void {
  if (buildError) throw buildError;
  if (existsSync(cliPath)) return;
  try {
    buildCli();
  } catch (e) {
    buildError = e as Error;
    throw e;
  }
}

function buildCli(): void {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-cli.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status !== 0 || !existsSync(cliPath)) {
    throw new Error(
      `could not build the CLI (node scripts/build-cli.mjs exited ${r.status ?? r.signal}; ` +
        `${existsSync(cliPath) ? '' : `${path.relative(repoRoot, cliPath)} still missing; `}` +
        `stderr: ${(r.stderr || '').trim().slice(0, 2000)})`,
    );
  }
}

export interface CliRun {
  args: string[];
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Wall time from spawn to exit, in ms. */
  ms: number;
  /** Peak resident memory of the child in MB, when it exited normally; null otherwise. */
  maxRssMb: number | null;
}

export interface CliOptions {
  timeoutMs?: number;
  /** V8 old-space cap for the child in MB (so a runaway heap crashes rather than passing). */
  maxOldSpaceMb?: number;
  cwd?: string;
}

let probeDir: string | null = null;
let probeSeq = 0;

/** A --require'd script that records the child's peak RSS on exit into a file named by env. */
function rssProbe(): string {
  if (!probeDir) {
    probeDir = mkdtempSync(path.join(tmpdir(), 'fairshare-probe-'));
    writeFileSync(
      path.join(probeDir, 'rss-probe.cjs'),
      "'use strict';\n" +
        "process.on('exit', () => {\n" +
        '  const out = process.env.FAIRSHARE_RSS_PROBE_OUT;\n' +
        "  if (out) { try { require('fs').writeFileSync(out, String(process.resourceUsage().maxRSS)); } catch {} }\n" +
        '});\n',
    );
    process.once('exit', () => {
      if (probeDir) rmSync(probeDir, { recursive: true, force: true });
    });
  }
  return probeDir;
}

/** Runs `node [--max-old-space-size] out/cli/fairshare.cjs ...args`, never rejecting. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  const { timeoutMs = 30_000, maxOldSpaceMb = 512, cwd = repoRoot } = opts;
  const dir = rssProbe();
  const rssFile = path.join(dir, `rss-${process.pid}-${++probeSeq}.txt`);
  const env: NodeJS.ProcessEnv = { ...process.env, FAIRSHARE_RSS_PROBE_OUT: rssFile, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.NODE_OPTIONS;
  const nodeArgs = [`--max-old-space-size=${maxOldSpaceMb}`, '--require', path.join(dir, 'rss-probe.cjs'), cliPath, ...args];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    const CAP = 64 * 1024 * 1024;
    child.stdout.on('data', (d: Buffer) => {
      if (outLen < CAP) out.push(d);
      outLen += d.length;
    });
    child.stderr.on('data', (d: Buffer) => {
      if (errLen < CAP) err.push(d);
      errLen += d.length;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      clearTimeout(timer);
      let maxRssMb: number | null = null;
      try {
        maxRssMb = Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024);
        rmSync(rssFile, { force: true });
      } catch {
        maxRssMb = null;
      }
      resolve({
        args,
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        ms: Math.round(performance.now() - started),
        maxRssMb,
      });
    };
    child.on('error', (e) => {
      err.push(Buffer.from(`spawn failed: ${e.message}`));
      finish(null, null);
    });
    child.on('close', finish);
  });
}

/** A tiny promise pool: at most `n` tasks run at once. */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = (): void => {
    if (active >= n) return;
    const go = queue.shift();
    if (go) {
      active++;
      go();
    }
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}

/**
 * Reasons a line of stderr is not a clean user-facing message: stack frames, JavaScript error class
 * names, V8 internals. Returns the matched patterns (empty when the line looks clean).
 */
export function crashSigns(text: string): string[] {
  const signs: [RegExp, string][] = [
    [/^\s+at\s/m, 'stack frame ("    at ...")'],
    [/\b(Type|Range|Reference|Syntax|Eval|URI|Aggregate|Internal)Error\b/, 'JavaScript error class name'],
    [/^\s*(Uncaught\s+)?Error:/m, 'raw "Error:" prefix'],
    [/Cannot read propert(y|ies) of/i, '"Cannot read properties of" (a JavaScript bug)'],
    [/Cannot set propert(y|ies) of/i, '"Cannot set properties of" (a JavaScript bug)'],
    [/\bis not a function\b/, '"is not a function" (a JavaScript bug)'],
    [/\bis not defined\b/, '"is not defined" (a JavaScript bug)'],
    [/\bis not iterable\b/, '"is not iterable" (a JavaScript bug)'],
    [/\b(undefined|null) is not an object\b/, '"undefined is not an object"'],
    [/Maximum call stack size exceeded/, 'stack overflow'],
    [/Invalid (array|typed array|string) length/i, 'allocation failure'],
    [/heap out of memory|FATAL ERROR|JavaScript heap/i, 'out of memory'],
    [/node:internal|\.c?js:\d+(:\d+)?\b|\.ts:\d+(:\d+)?\b/, 'source location'],
    [/The "?\w+"? argument must be|must be of type \w+ or an instance of|\bERR_[A-Z_]{4,}\b/, 'Node.js internal error message'],
    [/\[object Object\]/, '"[object Object]"'],
    [/^\s*(\{|\[)\s*$/m, 'a dumped object'],
  ];
  return signs.filter(([re]) => re.test(text)).map(([, why]) => why);
}

/** Lines of output, without a trailing newline's empty line. */
export function lines(text: string): string[] {
  const t = text.replace(/\r\n/g, '\n').replace(/\n+$/, '');
  return t === '' ? [] : t.split('\n');
}

/** A compact description of a run for assertion messages. */
export function describeRun(r: CliRun): string {
  const clip = (s: string): string => (s.length > 1500 ? `${s.slice(0, 1500)}… (${s.length} chars)` : s);
  return (
    `fairshare ${r.args.join(' ')}\n  exit ${r.code}${r.signal ? ` signal ${r.signal}` : ''}` +
    `${r.timedOut ? ' (TIMED OUT, killed)' : ''} in ${r.ms} ms, peak RSS ${r.maxRssMb ?? '?'} MB\n` +
    `  stderr: ${JSON.stringify(clip(r.stderr))}\n  stdout: ${JSON.stringify(clip(r.stdout))}`
  );
}

/**
 * Problems with a refusal (expected exit 1 with exactly one clean non-empty stderr line);
 * an empty list means the refusal is clean.
 */
export function refusalProblems(r: CliRun): string[] {
  const problems: string[] = [];
  if (r.timedOut) problems.push('timed out');
  if (r.signal) problems.push(`killed by ${r.signal}`);
  if (r.code !== 1) problems.push(`exit code ${r.code}, expected 1`);
  const errLines = lines(r.stderr);
  if (errLines.length !== 1) problems.push(`${errLines.length} lines on stderr, expected exactly 1`);
  if (errLines.length >= 1 && errLines[0].trim() === '') problems.push('the stderr line is blank');
  for (const sign of crashSigns(r.stderr)) problems.push(`stderr looks like a crash: ${sign}`);
  return problems;
}

/** The single stderr line with the file's path and base name removed, for keyword checks. */
export function messageWithoutName(r: CliRun, file: string): string {
  const line = lines(r.stderr)[0] ?? '';
  return line.split(file).join('FILE').split(path.basename(file)).join('FILE');
}
