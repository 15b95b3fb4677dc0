#!/usr/bin/env node
// @fairshare-bench: `fairshare audit --json` vs. a bare SheetJS read, whole-process time and peak RSS
//
//   node bench/audit.mjs [--sizes=100,1000,2500,10000] [--runs=3] [--timeout=600] [--regenerate] [--strict]
//                        [--cli=out/cli/fairshare.cjs]
//
// For each size: generate bench/data/long-<N>.xlsx if missing, check once (untimed, also warms the
// page cache) that the CLI prints JSON and that the minimal read sees every row, then time `runs`
// alternating runs of
//   node out/cli/fairshare.cjs audit FILE --json      (stdout to /dev/null)
//   node bench/minimal-read.mjs FILE
// and report the median wall time and median peak RSS of each. Writes bench/results/audit.json.
//
// Targets (from the issue): 2,500 people under 2 s, and the audit within 1.5× of the minimal read.
// --strict exits 1 when a target is missed or the CLI cannot be measured; otherwise the exit code
// is 0 whatever the figures, so a missing CLI never breaks `npm run bench`.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWorkbook, GENERATOR_VERSION } from './generate-workbook.mjs';
import { measure, median, METHOD } from './lib/measure.mjs';
import { checkLoad, firstLine, gitDescribe, machine, machineLine, printLoad, printNotes, printTable, round, sec, verdict } from './lib/report.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
let CLI = join(ROOT, 'out', 'cli', 'fairshare.cjs');
const MINIMAL = join(BENCH_DIR, 'minimal-read.mjs');
const RESULTS = join(BENCH_DIR, 'results', 'audit.json');

const TARGET_PEOPLE = 2500;
const TARGET_SECONDS = 2;
const TARGET_RATIO = 1.5;

function parseArgs(argv) {
  const o = { sizes: [100, 1000, 2500, 10000], runs: 3, timeoutS: 600, regenerate: false, strict: false };
  for (const a of argv) {
    const [k, v] = a.split('=');
    if (k === '--sizes') o.sizes = v.split(',').map(Number);
    else if (k === '--runs') o.runs = Number(v);
    else if (k === '--timeout') o.timeoutS = Number(v);
    else if (k === '--regenerate') o.regenerate = true;
    else if (k === '--strict') o.strict = true;
    else if (k === '--cli') CLI = resolve(v);
    else if (k === '--help' || k === '-h') {
      console.log('usage: node bench/audit.mjs [--sizes=100,1000,2500,10000] [--runs=3] [--timeout=600] [--regenerate] [--strict] [--cli=out/cli/fairshare.cjs]');
      process.exit(0);
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  if (!o.sizes.length || o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes wants positive integers');
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs wants a positive integer');
  if (!(o.timeoutS > 0)) throw new Error('--timeout wants seconds > 0');
  return o;
}

/** One line saying why a run did not succeed, or null when it did. */
function failure(r, what, okCode = 0) {
  if (r.spawnError) return `${what} could not start: ${r.spawnError}`;
  if (r.timedOut) return `${what} timed out`;
  if (r.signal) return `${what} killed by ${r.signal}`;
  if (r.exitCode !== okCode) {
    const lines = r.stderr.split('\n').map((l) => l.trim());
    const err = firstLine(lines.find((l) => /^(\w*Error\b|error\b|fairshare\b)/i.test(l)) ?? r.stderr);
    return `${what} exited ${r.exitCode}${err ? `: ${err.slice(0, 160)}` : ''}`;
  }
  return null;
}

/** Untimed check that the CLI runs and prints JSON; returns {ok, note, outputBytes, outputKeys}. */
async function checkCli(file, timeoutMs, expectPeople) {
  if (!existsSync(CLI)) {
    return { ok: false, status: 'CLI not built', note: `CLI not built: ${relative(ROOT, CLI)} missing (node scripts/build-cli.mjs)` };
  }
  const r = await measure({ command: process.execPath, args: [CLI, 'audit', file, '--json'], captureStdout: true, timeoutMs, cwd: ROOT });
  let json;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = undefined;
  }
  const bad = failure(r, 'CLI');
  if (json === undefined) {
    const status = r.timedOut ? 'CLI timed out' : r.signal ? `CLI killed (${r.signal})` : bad ? `CLI failed (exit ${r.exitCode})` : 'CLI output not JSON';
    return { ok: false, status, note: bad ?? `CLI output is not JSON (${r.stdout.length} bytes: ${JSON.stringify(r.stdout.slice(0, 60))})` };
  }
  // Sanity check where the output says how many people it read (totals.people or a people array).
  const seen = typeof json?.totals?.people === 'number' ? json.totals.people : Array.isArray(json?.people) ? json.people.length : null;
  const mismatch = seen !== null && seen !== expectPeople ? `CLI reported ${seen} people, expected ${expectPeople}` : null;
  // A non-zero exit with valid JSON may be the audit's way to flag findings: time it, but say so.
  return {
    ok: true,
    status: [bad ? `ok (exit ${r.exitCode})` : 'ok', mismatch && 'people mismatch'].filter(Boolean).join(', '),
    note: [bad && `${bad} but printed JSON; timed anyway, that exit code counted as success`, mismatch].filter(Boolean).join('; ') || null,
    peopleReported: seen,
    issuesReported: Array.isArray(json?.issues) ? json.issues.length : null,
    exitCode: r.exitCode,
    outputBytes: Buffer.byteLength(r.stdout),
    outputKeys: json && typeof json === 'object' && !Array.isArray(json) ? Object.keys(json) : null,
  };
}

async function checkMinimal(file, expectRows, timeoutMs) {
  const r = await measure({ command: process.execPath, args: [MINIMAL, file], captureStdout: true, timeoutMs, cwd: ROOT });
  const bad = failure(r, 'minimal read');
  if (bad) return { ok: false, status: 'read failed', note: bad };
  const seen = Number(r.stdout.trim());
  if (seen !== expectRows + 1) return { ok: true, status: 'row mismatch', note: `minimal read saw ${seen} rows, expected ${expectRows + 1} (header + data)` };
  return { ok: true, status: 'ok', note: null };
}

function summarize(runs, okCode = 0) {
  const ok = runs.filter((r) => !failure(r, '', okCode));
  return {
    runs: runs.map((r) => ({
      wallMs: round(r.wallMs, 1),
      peakRssKiB: r.peakRssKiB,
      rssSource: r.rssSource,
      polledRssKiB: r.polledRssKiB,
      userMs: round(r.userMs, 1),
      systemMs: round(r.systemMs, 1),
      exitCode: r.exitCode,
      signal: r.signal,
      timedOut: r.timedOut,
      descendants: r.descendants.length ? r.descendants : undefined,
    })),
    medianWallMs: round(median(ok.map((r) => r.wallMs)), 1),
    minWallMs: round(Math.min(...ok.map((r) => r.wallMs)), 1),
    maxWallMs: round(Math.max(...ok.map((r) => r.wallMs)), 1),
    medianCpuMs: round(median(ok.map((r) => (r.userMs === null ? null : r.userMs + r.systemMs))), 1),
    medianPeakRssMiB: round(median(ok.map((r) => r.peakRssKiB)) / 1024, 1),
    maxPeakRssMiB: round(Math.max(...ok.map((r) => r.peakRssKiB ?? -Infinity)) / 1024, 1),
  };
}

const mib = (m) => (m === null ? '–' : m.toFixed(0));
const size = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`);
const yesNo = (b) => (b === null ? '–' : b ? 'yes' : 'NO');

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const timeoutMs = opts.timeoutS * 1000;
  const cliState = existsSync(CLI) ? `${relative(ROOT, CLI)} (built ${statSync(CLI).mtime.toISOString()})` : `${relative(ROOT, CLI)} MISSING`;
  console.log(`Fairshare audit benchmark — ${machineLine()}`);
  console.log(`CLI: ${cliState}; ${opts.runs} timed run(s) per command after one untimed check run; medians reported.`);
  console.log(`Wall time: ${METHOD.wallTime}.`);
  console.log(`Peak RSS: ${METHOD.peakRss}.\n`);

  const loadBefore = checkLoad('wall times');
  const results = [];
  for (const people of opts.sizes) {
    process.stdout.write(`${people} people: workbook… `);
    const wb = ensureWorkbook(people, { force: opts.regenerate });
    process.stdout.write(`${wb.generated ? 'generated' : 'cached'} (${wb.dataRows} rows, ${size(wb.bytes)}); check… `);
    const cli = await checkCli(wb.file, timeoutMs, people);
    const minimal = await checkMinimal(wb.file, wb.dataRows, timeoutMs);
    const auditRuns = [];
    const readRuns = [];
    for (let i = 0; i < opts.runs; i++) {
      process.stdout.write(`run ${i + 1}/${opts.runs}… `);
      // Alternate the two commands so drift in machine load hits both alike.
      if (cli.ok) auditRuns.push(await measure({ command: process.execPath, args: [CLI, 'audit', wb.file, '--json'], timeoutMs, cwd: ROOT }));
      if (minimal.ok) readRuns.push(await measure({ command: process.execPath, args: [MINIMAL, wb.file], timeoutMs, cwd: ROOT }));
    }
    process.stdout.write('done\n');

    const audit = cli.ok ? summarize(auditRuns, cli.exitCode) : null;
    const read = minimal.ok ? summarize(readRuns) : null;
    const notes = [cli.note, minimal.note];
    let failedRuns = false;
    for (const [name, runs, okCode] of [['CLI', auditRuns, cli.exitCode ?? 0], ['minimal read', readRuns, 0]]) {
      const bad = runs.map((r) => failure(r, name, okCode)).filter(Boolean);
      if (bad.length) failedRuns = true;
      for (const b of new Set(bad)) notes.push(`${bad.filter((x) => x === b).length}/${runs.length} timed runs failed: ${b}`);
    }
    const kids = auditRuns.flatMap((r) => r.descendants);
    if (kids.length) {
      const maxKiB = Math.max(...kids.map((k) => k.maxRssKiB));
      notes.push(`the CLI started ${kids.length / auditRuns.length} child Node process(es) per run; their peak RSS (up to ${(maxKiB / 1024).toFixed(0)} MiB each) is not included in "audit MiB"`);
    }
    const auditMs = audit?.medianWallMs ?? null;
    const readMs = read?.medianWallMs ?? null;
    const ratio = auditMs !== null && readMs !== null ? round(auditMs / readMs, 2) : null;
    results.push({
      people,
      rows: wb.dataRows,
      file: relative(ROOT, wb.file),
      fileBytes: wb.bytes,
      audit: audit && { ...audit, exitCode: cli.exitCode, outputBytes: cli.outputBytes, outputKeys: cli.outputKeys, peopleReported: cli.peopleReported, issuesReported: cli.issuesReported },
      read,
      ratio,
      cpuRatio: audit?.medianCpuMs && read?.medianCpuMs ? round(audit.medianCpuMs / read.medianCpuMs, 2) : null,
      memoryRatio: audit?.medianPeakRssMiB && read?.medianPeakRssMiB ? round(audit.medianPeakRssMiB / read.medianPeakRssMiB, 2) : null,
      underTargetTime: people === TARGET_PEOPLE ? (auditMs === null ? null : auditMs < TARGET_SECONDS * 1000) : undefined,
      withinTargetRatio: ratio === null ? null : ratio <= TARGET_RATIO,
      status: [cli.status, minimal.status === 'ok' ? null : minimal.status, failedRuns ? 'failed runs' : null].filter(Boolean).join(', '),
      notes: notes.filter(Boolean),
    });
  }

  const header = ['people', 'rows', 'file', 'audit s', 'audit MiB', 'read s', 'read MiB', 'audit/read', `≤${TARGET_RATIO}×`, `<${TARGET_SECONDS} s`, 'status'];
  const right = [true, true, true, true, true, true, true, true, false, false, false];
  const rows = results.map((r) => [
    r.people.toLocaleString('en-US'),
    r.rows.toLocaleString('en-US'),
    size(r.fileBytes),
    sec(r.audit?.medianWallMs ?? null),
    mib(r.audit?.medianPeakRssMiB ?? null),
    sec(r.read?.medianWallMs ?? null),
    mib(r.read?.medianPeakRssMiB ?? null),
    r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`,
    yesNo(r.withinTargetRatio),
    r.underTargetTime === undefined ? '' : yesNo(r.underTargetTime),
    r.status,
  ]);
  printTable(header, rows, right);
  console.log('(times: median wall seconds of the whole process; MiB: median peak RSS; audit/read: ratio of the median times)');
  const cpu = results.filter((r) => r.cpuRatio !== null);
  if (cpu.length) {
    console.log(`CPU time (user+sys) audit/read, less sensitive to other load: ${cpu.map((r) => `${r.people.toLocaleString('en-US')} ${r.cpuRatio.toFixed(2)}×`).join(', ')}`);
  }
  printLoad(loadBefore, loadavg()[0]);

  printNotes(results);

  const at = results.find((r) => r.people === TARGET_PEOPLE);
  const targets = at
    ? {
        timeUnder2s: at.underTargetTime ?? null,
        ratioWithin1_5: at.withinTargetRatio,
      }
    : null;
  console.log('\nTargets (this machine):');
  if (!at) {
    console.log(`  ${TARGET_PEOPLE.toLocaleString('en-US')} people not in --sizes: targets not evaluated`);
  } else {
    console.log(`  ${TARGET_PEOPLE.toLocaleString('en-US')} people: audit < ${TARGET_SECONDS} s ................ ${verdict(targets.timeUnder2s)}${at.audit ? ` (${sec(at.audit.medianWallMs)} s)` : ''}`);
    console.log(`  ${TARGET_PEOPLE.toLocaleString('en-US')} people: audit ≤ ${TARGET_RATIO}× minimal read ..... ${verdict(targets.ratioWithin1_5)}${at.ratio !== null ? ` (${at.ratio.toFixed(2)}×)` : ''}`);
  }
  const others = results.filter((r) => r.people !== TARGET_PEOPLE && r.ratio !== null);
  if (others.length) {
    console.log(`  ratio ≤ ${TARGET_RATIO}× at other sizes: ${others.map((r) => `${r.people.toLocaleString('en-US')} ${r.withinTargetRatio ? 'yes' : 'no'} (${r.ratio.toFixed(2)}×)`).join(', ')}`);
  }

  mkdirSync(dirname(RESULTS), { recursive: true });
  const report = {
    benchmark: 'audit',
    date: new Date().toISOString(),
    git: gitDescribe(ROOT),
    loadAverage1m: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) },
    machine: machine(),
    cli: existsSync(CLI) ? { path: relative(ROOT, CLI), mtime: statSync(CLI).mtime.toISOString(), bytes: statSync(CLI).size } : null,
    commands: { audit: `node ${relative(ROOT, CLI)} audit FILE --json  (stdout to /dev/null)`, read: 'node bench/minimal-read.mjs FILE' },
    method: { ...METHOD, runs: opts.runs, statistic: 'median over timed runs (one untimed check run first)', generatorVersion: GENERATOR_VERSION },
    targets: { people: TARGET_PEOPLE, maxSeconds: TARGET_SECONDS, maxRatio: TARGET_RATIO, result: targets },
    results,
  };
  writeFileSync(RESULTS, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nFigures written to ${relative(ROOT, RESULTS)}`);

  if (opts.strict) {
    const missed = !at || targets.timeUnder2s !== true || targets.ratioWithin1_5 !== true;
    if (missed) process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(`bench/audit.mjs: ${e.stack ?? e}`);
  process.exit(2);
});
