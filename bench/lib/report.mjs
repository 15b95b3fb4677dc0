// What the benchmarks print and record around their own figures: the machine and the load average,
// the results table, the notes and the target verdicts, and the git revision that was measured.
// Shared by bench/audit.mjs and bench/propose.mjs so their output keeps one form.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** `x` rounded to `digits` decimals; null for null, undefined, NaN and ±Infinity. */
export function round(x, digits) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The first non-blank line of `s`, trimmed. */
export const firstLine = (s) => (s || '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';

/** Milliseconds as seconds with `d` decimals; '–' when missing. */
export const sec = (ms, d = 2) => (ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(d));
/** A whole number with thousands separators. */
export const int = (n) => n.toLocaleString('en-US');
/** A target's verdict: true PASS, false FAIL, null/undefined NOT MEASURED. */
export const verdict = (b) => (b === null || b === undefined ? 'NOT MEASURED' : b ? 'PASS' : 'FAIL');

/** The short revision of the checkout at `root`, with "+dirty" when it has changes; null without git. */
export function gitDescribe(root) {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return `${head}${dirty ? '+dirty' : ''}`;
  } catch {
    return null;
  }
}

/** The machine in one line for the first line of a benchmark's output: "node v20…, 2 × CPU model, 23.5 GiB RAM". */
export function machineLine() {
  return `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model?.trim() ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`;
}

/** The machine for the JSON results. */
export function machine() {
  return { node: process.version, platform: `${process.platform} ${release()}`, cpus: cpus().length, cpuModel: cpus()[0]?.model?.trim() ?? null, totalMemMiB: Math.round(totalmem() / 2 ** 20) };
}

/** The 1-minute load average now, after a warning when it is above half the CPUs (`what`: the figures it inflates). */
export function checkLoad(what) {
  const load = loadavg()[0];
  if (load > cpus().length / 2) {
    console.log(`Warning: 1-minute load average is ${load.toFixed(2)} on ${cpus().length} CPUs — other work is running; ${what} will be inflated.\n`);
  }
  return load;
}

/** Prints the load average before and after the runs. */
export function printLoad(before, after) {
  console.log(`1-minute load average: ${before.toFixed(2)} before, ${after.toFixed(2)} after (${cpus().length} CPUs; the benchmark itself adds about 1).`);
}

/** Columns padded to their widest cell (right-aligned where `alignRight[i]`), a rule under the header. */
export function table(header, rows, alignRight) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => r.map((c, i) => (alignRight[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

/** Prints the table after a blank line. */
export function printTable(header, rows, alignRight) {
  console.log('\n' + table(header, rows, alignRight));
}

/** Prints every result's notes (`{people, notes}`), by size, under "Notes:"; nothing when there are none. */
export function printNotes(results) {
  const notes = results.flatMap((r) => r.notes.map((n) => `  ${int(r.people)} people: ${n}`));
  if (notes.length) console.log('\nNotes:\n' + notes.join('\n'));
}
