#!/usr/bin/env node
// @fairshare-bench: importing a 100,000-entry time-tracking export (a year of 40 people), CSV and xlsx
//
//   node bench/timesheet.mjs [--entries=100000] [--people=40] [--weeks=52] [--runs=3] [--no-cli] [--strict] [--keep=DIR]
//
// Generates in memory a Clockify-like "detailed report" (Project, Client, Description, Task, User,
// Group, Email, Tags, Billable, Start Date, Start Time, End Date, End Time, Duration (h),
// Duration (decimal), …) from a seeded PRNG: `people` people, Monday–Friday entries over `weeks`
// weeks, about 2% of them time off. The same rows are written as CSV (MM/DD/YYYY and hh:mm:ss text,
// as Clockify writes them) and as xlsx (real date cells and numbers, shared strings, empty cells
// left out, as a spreadsheet saves them).
// The engine's import (renderer/src/engine/import, bundled with esbuild) is timed in-process on each:
// one untimed warm-up, then the median of `runs` calls of importOrganization (with Node's zlib as the
// inflate check, as the CLI passes it); for the xlsx also the CLI's parallel read (the app's fastRead
// with the worker-thread PartReader of electron/cli/partThreads.ts, helpers started and ended per call).
// Each result is checked against the generator's own sums.
// Unless --no-cli, the whole `fairshare audit FILE --json` process is timed too (median of `runs`).
// Target (issue 13): under 3 s. --strict exits 1 when the CLI's import path misses it. Writes bench/results/timesheet.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import * as XLSX from 'xlsx';
import { median } from './lib/measure.mjs';
import { checkLoad, gitDescribe, machine, machineLine, printLoad, round, verdict } from './lib/report.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CLI = join(ROOT, 'out', 'cli', 'fairshare.cjs');
const TARGET_SECONDS = 3;

const opts = { entries: 100_000, people: 40, weeks: 52, runs: 3, cli: true, strict: false, keep: null };
for (const a of process.argv.slice(2)) {
  const [k, v] = a.split('=');
  if (k === '--entries' || k === '--people' || k === '--weeks' || k === '--runs') opts[k.slice(2)] = Number(v);
  else if (k === '--no-cli') opts.cli = false;
  else if (k === '--keep') opts.keep = v; // a folder to keep the generated files in (for profiling)
  else if (k === '--strict') opts.strict = true;
  else if (k === '--help' || k === '-h') {
    console.log('usage: node bench/timesheet.mjs [--entries=100000] [--people=40] [--weeks=52] [--runs=3] [--no-cli] [--strict] [--keep=DIR]');
    process.exit(0);
  } else if (k.startsWith('--sizes') || k.startsWith('--timeout') || k === '--regenerate') continue; // other benchmarks' options, via run-all
  else throw new Error(`unknown option ${a} (try --help)`);
}
for (const k of ['entries', 'people', 'weeks', 'runs']) if (!Number.isInteger(opts[k]) || opts[k] < 1) throw new Error(`--${k} wants a positive integer`);

/** Seeded PRNG (mulberry32), as bench/generate-workbook.mjs: the same options give the same rows. */
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eun-ji', 'Femi', 'Gita', 'Hugo', 'Ines', 'Jamal'];
const LAST = ['Diaz', 'Ortiz', 'Nguyen', 'Okafor', 'Svensson', 'Haddad', 'Kowalski', 'Moreau'];
const GROUPS = ['Organizers', 'Communications', 'Finance', 'Coordination'];
const PROJECTS = ['Campaigns', 'Member services', 'Fundraising', 'Operations', 'Research'];
const TASKS = ['Phone banking', 'Canvassing', 'Newsletter', 'Social media', 'Bookkeeping', 'Payroll', 'Grant writing', 'Donor calls', 'Board prep', 'Scheduling', 'Data entry', 'Case work', 'Training', 'Event setup', 'Policy research', 'Cleaning', 'Filing', 'Meetings', 'Reporting', 'Translation'];
const TIME_OFF = ['Vacation', 'Sick', 'Holiday'];
const HEADER = ['Project', 'Client', 'Description', 'Task', 'User', 'Group', 'Email', 'Tags', 'Billable', 'Start Date', 'Start Time', 'End Date', 'End Time', 'Duration (h)', 'Duration (decimal)', 'Billable Rate (USD)', 'Billable Amount (USD)'];

const pad2 = (n) => String(n).padStart(2, '0');
const hms = (s) => `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
const clock12 = (s) => { const h = Math.floor(s / 3600) % 24; return `${pad2(((h + 11) % 12) + 1)}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)} ${h < 12 ? 'AM' : 'PM'}`; };
const csvCell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/**
 * The export's rows, each person-day's entries (spread so the total is exactly `entries`) adding
 * up to 6.5–9 h in quarter-hours; and the generator's own totals for checking the import.
 */
function generate({ entries, people, weeks }) {
  const rand = mulberry32(13);
  const persons = Array.from({ length: people }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
    return { name, group: GROUPS[i % GROUPS.length], email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`, tasks: Array.from({ length: 6 }, () => TASKS[Math.floor(rand() * TASKS.length)]) };
  });
  const monday = Date.UTC(2025, 9, 6); // Monday 6 October 2025
  const days = weeks * 5 * people;
  const rows = [];
  let workSeconds = 0;
  for (let i = 0; i < days; i++) {
    const p = persons[i % people];
    const day = Math.floor(i / people);
    const date = new Date(monday + (Math.floor(day / 5) * 7 + (day % 5)) * 86_400_000);
    const n = Math.floor(((i + 1) * entries) / days) - Math.floor((i * entries) / days);
    const off = rand() < 0.02; // a day off: every entry of the day is time off
    const quarters = 26 + Math.floor(rand() * 11);
    let start = 9 * 3600;
    for (let k = 0; k < n; k++) {
      const q = Math.max(1, Math.floor(quarters / n) + (k < quarters % n ? 1 : 0));
      const seconds = q * 900;
      const task = off ? TIME_OFF[Math.floor(rand() * TIME_OFF.length)] : p.tasks[Math.floor(rand() * p.tasks.length)];
      if (!off) workSeconds += seconds;
      rows.push({ project: off ? 'Time off' : PROJECTS[TASKS.indexOf(task) % PROJECTS.length], task, person: p, date, start, seconds });
      start += seconds;
    }
  }
  return { rows, persons, workHours: workSeconds / 3600 };
}

function toCsv(rows) {
  const us = (d) => `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${d.getUTCFullYear()}`;
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    const h = r.seconds / 3600;
    lines.push([r.project, 'Local 12', '', r.task, r.person.name, r.person.group, r.person.email, '', 'No', us(r.date), clock12(r.start), us(r.date), clock12(r.start + r.seconds), hms(r.seconds), h.toFixed(2), '0.00', '0.00'].map(csvCell).join(','));
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

function toXlsx(rows) {
  const aoa = [HEADER];
  for (const r of rows) {
    const h = r.seconds / 3600;
    // Empty cells left out (null), as a spreadsheet saves them.
    aoa.push([r.project, 'Local 12', null, r.task, r.person.name, r.person.group, r.person.email, null, 'No', r.date, clock12(r.start), r.date, clock12(r.start + r.seconds), hms(r.seconds), h, 0, 0]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { dateNF: 'mm/dd/yyyy' }), 'Detailed Report');
  // Written like Excel writes: DEFLATE-compressed, with a shared-strings table.
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }));
}

/**
 * The engine's import and the CLI's parallel read (fastRead with the worker-thread PartReader),
 * bundled once per start (they are TypeScript); the helpers' bundle goes beside it, as the CLI's does.
 */
async function loadEngine() {
  const outfile = join(BENCH, '.cache', 'timesheet-engine.cjs');
  mkdirSync(dirname(outfile), { recursive: true });
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };
  const contents = [
    "export { importOrganization, importWorkbook } from './renderer/src/engine/import/index.ts';",
    "export { fastRead } from './renderer/src/worker/parallelRead.ts';",
    "export { startPartThreads } from './electron/cli/partThreads.ts';",
    "export { zlibInflate } from './electron/cli/io.ts';",
  ].join('\n');
  await Promise.all([
    build({ ...common, stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'timesheet-engine.ts' }, outfile }),
    build({ ...common, entryPoints: [join(ROOT, 'electron', 'cli', 'partThreads.ts')], outfile: join(dirname(outfile), 'sheet-part.cjs') }),
  ]);
  return { ...createRequire(import.meta.url)(outfile), partScript: join(dirname(outfile), 'sheet-part.cjs') };
}

/** The CLI's inflate check (electron/cli/io.ts): Node's zlib with a bounded output. */
function inflateCheck(data, limit) {
  try {
    inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (err) {
    if (err.code !== 'ERR_BUFFER_TOO_LARGE') throw err;
    throw new Error('over the uncompressed limit');
  }
}

/** Differences between the import and the generator, as lines; empty when it is right. */
function check(result, gen) {
  const t = result.timesheet;
  if (!t) return [`no timesheet recognized (layout ${result.layout.layout}; ${result.fatal ?? result.issues.find((i) => i.severity === 'error')?.message ?? ''})`];
  const bad = [];
  const people = result.organization?.people.length ?? 0;
  if (people !== opts.people) bad.push(`${people} people imported, ${opts.people} generated`);
  if (t.entries !== gen.rows.length) bad.push(`${t.entries} entries read, ${gen.rows.length} generated`);
  if (t.period.weeks !== opts.weeks) bad.push(`period of ${t.period.weeks} weeks, ${opts.weeks} generated`);
  const weekly = (result.organization?.assignments ?? []).reduce((s, a) => s + a.hours, 0);
  if (Math.abs(weekly * t.period.weeks - gen.workHours) > 0.01 * opts.people) bad.push(`weekly hours × weeks = ${weekly * t.period.weeks} h, ${gen.workHours} h of work generated`);
  return bad;
}

/** The ordinary import, as the CLI made it before the parallel read. */
function ordinaryImport(engine, bytes, name) {
  return { result: engine.importOrganization(bytes, name, { inflateCheck }), split: false };
}

/**
 * The CLI's import, as electron/cli/io.ts importSpreadsheet makes it: fastRead with Node's zlib and the
 * worker-thread helpers, started for the file (on its first part) and terminated after it, per call.
 */
async function parallelImport(engine, bytes, name) {
  const reader = engine.startPartThreads({ script: engine.partScript });
  try {
    const options = { inflateCheck };
    const fast = await engine.fastRead(bytes, name, options, reader, {}, engine.zlibInflate);
    const result = 'book' in fast ? engine.importWorkbook(fast.book, name, options) : engine.importOrganization(bytes, name, fast.options);
    return { result, split: 'book' in fast, threads: reader ? reader.parallelism + 1 : 1 };
  } finally {
    await reader?.close();
  }
}

/** Warm-up (checked), then the median of `runs` timed calls; CPU time counts every thread of the process. */
async function timeImport(importer, engine, bytes, name, gen) {
  const run = async () => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const out = await importer(engine, bytes, name);
    const cpu = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, ...out };
  };
  const warm = await run(); // untimed: compiles the engine's hot paths, and is the run that is checked
  const problems = check(warm.result, gen);
  const runs = [];
  for (let i = 0; i < opts.runs; i++) {
    const r = await run();
    if (r.split !== warm.split) problems.push(`run ${i + 1} ${r.split ? 'split' : 'did not split'} the sheet, the warm-up ${warm.split ? 'did' : 'did not'}`);
    runs.push({ ms: round(r.ms, 1), cpuMs: round(r.cpuMs, 1) });
  }
  return { runs, medianMs: round(median(runs.map((r) => r.ms)), 1), medianCpuMs: round(median(runs.map((r) => r.cpuMs)), 1), warmUpMs: round(warm.ms, 1), split: warm.split, threads: warm.threads ?? 1, problems };
}

/** Whole-process `fairshare audit FILE --json`, median of `runs` (null without a built CLI). */
function timeCli(file) {
  if (!opts.cli || !existsSync(CLI)) return null;
  const runs = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    try {
      execFileSync(process.execPath, [CLI, 'audit', file, '--json'], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    } catch (e) {
      return { error: String(e.stderr ?? e.message).split('\n')[0] };
    }
    runs.push(round(performance.now() - t0, 1));
  }
  return { runs, medianMs: median(runs) };
}

async function main() {
  console.log(`Fairshare timesheet import benchmark — ${machineLine()}`);
  const loadBefore = checkLoad('the times');
  const engine = await loadEngine();
  const t0 = performance.now();
  const gen = generate(opts);
  const files = { csv: toCsv(gen.rows), xlsx: toXlsx(gen.rows) };
  console.log(`${gen.rows.length.toLocaleString('en-US')} entries, ${opts.people} people, ${opts.weeks} weeks (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s); warm-up, then the median of ${opts.runs} imports\n`);
  const scratch = opts.keep ?? mkdtempSync(join(tmpdir(), 'fairshare-bench-timesheet-'));
  mkdirSync(scratch, { recursive: true });
  const results = [];
  try {
    for (const [format, bytes] of Object.entries(files)) {
      const name = `clockify-detailed-${gen.rows.length}.${format}`;
      // The ordinary import, then (for the xlsx) the CLI's parallel read of the same bytes.
      const paths = format === 'xlsx' ? [['ordinary', ordinaryImport], ['parallel', parallelImport]] : [['ordinary', ordinaryImport]];
      const path = join(scratch, name);
      writeFileSync(path, bytes);
      for (const [how, importer] of paths) {
        const r = await timeImport(importer, engine, bytes, name, gen);
        const entriesPerSecond = Math.round(gen.rows.length / (r.medianMs / 1000));
        results.push({ format, path: how, bytes: bytes.length, ...r, entriesPerSecond, underTarget: r.problems.length ? null : r.medianMs < TARGET_SECONDS * 1000 });
        const label = how === 'parallel' ? `parallel read (${r.split ? `split, ${r.threads} threads` : 'NOT split'})` : 'import';
        console.log(`${format.padEnd(5)} ${(bytes.length / 2 ** 20).toFixed(1).padStart(5)} MiB  ${label} ${(r.medianMs / 1000).toFixed(2)} s (CPU ${(r.medianCpuMs / 1000).toFixed(2)} s), ${entriesPerSecond.toLocaleString('en-US')} entries/s`);
        for (const p of r.problems) console.log(`      WRONG: ${p}`);
      }
      // The whole CLI (which reads an xlsx the parallel way), on the format's last row.
      const cli = timeCli(path);
      results[results.length - 1].cli = cli;
      if (cli) console.log(`${''.padEnd(16)}whole CLI audit --json ${cli.error ? `FAILED: ${cli.error}` : `${(cli.medianMs / 1000).toFixed(2)} s`}`);
    }
  } finally {
    if (!opts.keep) rmSync(scratch, { recursive: true, force: true });
  }
  printLoad(loadBefore, loadavg()[0]);
  console.log(`\nTarget (this machine): ${gen.rows.length.toLocaleString('en-US')} entries import in under ${TARGET_SECONDS} s`);
  for (const r of results) {
    const cli = r.cli && !r.cli.error ? `; whole CLI ${verdict(r.cli.medianMs < TARGET_SECONDS * 1000)} (${(r.cli.medianMs / 1000).toFixed(2)} s)` : '';
    console.log(`  ${r.format.padEnd(5)} ${r.path.padEnd(9)} ${verdict(r.underTarget)} (${(r.medianMs / 1000).toFixed(2)} s)${cli}`);
  }
  mkdirSync(join(BENCH, 'results'), { recursive: true });
  const out = { benchmark: 'timesheet', date: new Date().toISOString(), git: gitDescribe(ROOT), machine: machine(), loadAverage1m: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) }, options: opts, targetSeconds: TARGET_SECONDS, results };
  writeFileSync(join(BENCH, 'results', 'timesheet.json'), JSON.stringify(out, null, 2) + '\n');
  console.log('\nFigures written to bench/results/timesheet.json');
  // The CLI's own path is what is held to the target: the parallel read for the xlsx.
  if (opts.strict && results.filter((r) => r.format !== 'xlsx' || r.path === 'parallel').some((r) => r.underTarget !== true)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`bench/timesheet.mjs: ${e.stack ?? e}`);
  process.exit(2);
});
