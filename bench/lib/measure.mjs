// Whole-process measurement of one child process: wall time and peak resident set size.
//
// Wall time: from just before spawn() to the child's 'exit' event, so it includes Node's own
// start-up, module loading, the work and the teardown — what a user waits for.
//
// Peak RSS, two independent sources, the first one that is available wins:
//   1. "rusage": the child (a Node process) preloads bench/lib/rusage-hook.cjs through
//      NODE_OPTIONS=--require; at exit it reports process.resourceUsage().maxRSS, i.e. the kernel's
//      getrusage(RUSAGE_SELF) ru_maxrss high-water mark for the whole process (all threads,
//      including worker threads, V8 heap and native buffers). Exact, no sampling.
//   2. "proc-poll": while the child runs, the harness reads VmHWM from /proc/<pid>/status every
//      few milliseconds. VmHWM is the same high-water mark, but the last read can come up to one
//      interval before exit, so this is a lower bound; it is only used if the hook did not report
//      (child killed by a signal, or not a Node process).
// Grandchild processes, if any, are not included in the child's figure; their own hook reports are
// kept separately in `descendants`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOOK = join(dirname(fileURLToPath(import.meta.url)), 'rusage-hook.cjs');
const POLL_MS = 5;

export const METHOD = {
  wallTime: 'from spawn() to the child exit event (includes Node start-up and teardown)',
  peakRss:
    "child's own getrusage(RUSAGE_SELF).ru_maxrss, reported at exit by a preloaded hook " +
    '(NODE_OPTIONS=--require bench/lib/rusage-hook.cjs); fallback: polling VmHWM in /proc/<pid>/status',
};

let scratch = null;
let counter = 0;
function scratchFile() {
  scratch ??= mkdtempSync(join(tmpdir(), 'fairshare-bench-'));
  return join(scratch, `rusage-${++counter}.jsonl`);
}
process.on('exit', () => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function readVmHWM(pid) {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Runs `command args` once and measures it.
 * @param {object} o
 * @param {string} o.command
 * @param {string[]} o.args
 * @param {boolean} [o.captureStdout] keep stdout (otherwise it goes to /dev/null)
 * @param {number} [o.timeoutMs] SIGKILL after this long
 * @returns {Promise<{wallMs:number, peakRssKiB:number|null, rssSource:string|null, userMs:number|null,
 *   systemMs:number|null, exitCode:number|null, signal:string|null, timedOut:boolean, stdout:string|null,
 *   stderr:string, descendants:object[], spawnError:string|null}>}
 */
export function measure({ command, args, captureStdout = false, timeoutMs = 600_000, cwd }) {
  const rusageFile = scratchFile();
  const nodeOptions = [process.env.NODE_OPTIONS, `--require "${HOOK}"`].filter(Boolean).join(' ');
  return new Promise((resolvePromise) => {
    let polledKiB = null;
    let stdout = captureStdout ? [] : null;
    const stderr = [];
    let stderrBytes = 0;
    let timedOut = false;
    const t0 = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NODE_OPTIONS: nodeOptions, FAIRSHARE_BENCH_RUSAGE_FILE: rusageFile },
      stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let wallMs = null;
    let exitCode = null;
    let signal = null;
    let spawnError = null;

    const poll = setInterval(() => {
      const v = readVmHWM(child.pid);
      if (v !== null && (polledKiB === null || v > polledKiB)) polledKiB = v;
    }, POLL_MS);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);

    child.stdout?.on('data', (d) => stdout.push(d));
    child.stderr.on('data', (d) => {
      if (stderrBytes < 64 * 1024) stderr.push(d); // keep the head: the error is usually there
      stderrBytes += d.length;
    });
    child.on('error', (e) => {
      spawnError = e.message;
      if (child.pid === undefined) finish(); // never started: no 'close' will follow
    });
    child.on('exit', (code, sig) => {
      wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      exitCode = code;
      signal = sig;
      clearInterval(poll);
      clearTimeout(timer);
    });
    let finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      clearInterval(poll);
      clearTimeout(timer);
      let reports = [];
      try {
        reports = readFileSync(rusageFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l));
      } catch {
        // no report: the child never reached its exit handler
      }
      rmSync(rusageFile, { force: true });
      const own = reports.find((r) => r.pid === child.pid) ?? null;
      resolvePromise({
        wallMs,
        peakRssKiB: own ? own.maxRssKiB : polledKiB,
        rssSource: own ? 'rusage' : polledKiB !== null ? 'proc-poll' : null,
        polledRssKiB: polledKiB,
        userMs: own ? own.userMs : null,
        systemMs: own ? own.systemMs : null,
        exitCode,
        signal,
        timedOut,
        spawnError,
        stdout: stdout ? Buffer.concat(stdout).toString('utf8') : null,
        stderr: Buffer.concat(stderr).toString('utf8'),
        descendants: reports.filter((r) => r.pid !== child.pid),
      });
    }
    child.on('close', finish);
  });
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
