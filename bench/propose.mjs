#!/usr/bin/env node
// @fairshare-bench: rebalancing — propose() on the aggregated LP vs the plain person × task LP in HiGHS, time and peak RSS
//
//   node bench/propose.mjs [--sizes=50,200,600,1000,2000] [--runs=3] [--tolerance=0.95] [--desirability]
//                          [--plain-limit=120] [--plain-kill=125] [--no-plain] [--no-options] [--timeout=600] [--strict]
//                          [--both-sizes=200,2000] [--no-both]
//
// For each size a deterministic organization is generated in memory (bench/lib/propose-org.mjs:
// a pool of 250 tasks with integer ratings 1–20, 6–14 tasks and 20–45 h a person, every job
// different, senior roles on more empowering tasks). Every measurement runs in its own child process
// (bench/lib/propose-runner.ts, bundled with esbuild into the temp directory, 'highs' external),
// measured by bench/lib/measure.mjs for whole-process wall time and peak RSS:
//   agg    `runs` times: propose(org, highs, {tolerance, skipOptions: true}) — build + solve + hand-back,
//          timed inside the process — plus model size, moved hours, and checks of the proposal
//   full   `runs` times: propose() with the options curve (information only)
//   plain  once: solvePlainLp(org, τ, …, highs, plain-limit) — HiGHS stops itself at the limit; the
//          process is killed at plain-kill seconds as a backstop
// and the table compares them: same optimum (relative 1e-6), speedup, and the targets of the issue.
// Then, unless --no-both, a second table at --both-sizes: empowerment only next to empowerment AND
// desirability (the default of propose since issue 14), one `agg` and one `full` run each, whole
// process and in-process times, with the issue-14 targets (2,000 people: plan < 5 s whole process,
// options curve < 3 s).
// Last, unless --no-blocks, bench/blocks.mjs at --block-sizes (default 50,200,600): the plan in whole
// blocks against the exact bound, with the gap's median and worst (issue 14).
// Writes bench/results/propose.json. --strict exits 1 when a target is missed or cannot be checked.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { measure, median, METHOD } from './lib/measure.mjs';
import { GENERATOR_VERSION } from './lib/propose-org.mjs';
import { bothDimensions, phaseMs } from './lib/propose-both.mjs';
import { checkLoad, firstLine, gitDescribe, int, machine, machineLine, printLoad, printNotes, printTable, round, sec, verdict } from './lib/report.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
const RESULTS = join(BENCH_DIR, 'results', 'propose.json');
const RUNNER_SRC = join(BENCH_DIR, 'lib', 'propose-runner.ts');
const RUNNER = join(tmpdir(), `fairshare-bench-${process.getuid?.() ?? 'user'}`, 'propose-runner.cjs');

// Targets from the issue, for this machine.
const TARGETS = { fast: [[200, 0.5], [2000, 2]], speedupFrom: 600, minSpeedup: 10, optimumRelTol: 1e-6 };

function parseArgs(argv) {
  const o = { sizes: [50, 200, 600, 1000, 2000], runs: 3, tolerance: 0.95, desirability: false, plainLimit: 120, plainKill: null, plain: true, options: true, timeoutS: 600, strict: false, bothSizes: [200, 2000], blockSizes: [50, 200, 600] };
  for (const a of argv) {
    const [k, v] = a.split('=');
    if (k === '--sizes') o.sizes = v.split(',').map(Number);
    else if (k === '--runs') o.runs = Number(v);
    else if (k === '--tolerance') o.tolerance = Number(v);
    else if (k === '--desirability') o.desirability = true;
    else if (k === '--plain-limit') o.plainLimit = Number(v);
    else if (k === '--plain-kill') o.plainKill = Number(v);
    else if (k === '--no-plain') o.plain = false;
    else if (k === '--no-options') o.options = false;
    else if (k === '--timeout') o.timeoutS = Number(v);
    else if (k === '--strict') o.strict = true;
    else if (k === '--both-sizes') o.bothSizes = v.split(',').map(Number);
    else if (k === '--no-both') o.bothSizes = [];
    else if (k === '--block-sizes') o.blockSizes = v.split(',').filter(Boolean).map(Number);
    else if (k === '--no-blocks') o.blockSizes = [];
    else if (k === '--help' || k === '-h') {
      console.log('usage: node bench/propose.mjs [--sizes=50,200,600,1000,2000] [--runs=3] [--tolerance=0.95] [--desirability] [--plain-limit=120] [--plain-kill=125] [--no-plain] [--no-options] [--timeout=600] [--strict] [--both-sizes=200,2000] [--no-both] [--block-sizes=50,200,600] [--no-blocks]');
      process.exit(0);
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  o.plainKill ??= o.plainLimit + 5;
  if (!o.sizes.length || o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes wants positive integers');
  if (o.bothSizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--both-sizes wants positive integers');
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs wants a positive integer');
  if (!(o.tolerance >= 0)) throw new Error('--tolerance wants points ≥ 0');
  if (!(o.plainLimit > 0) || !(o.plainKill > 0) || !(o.timeoutS > 0)) throw new Error('--plain-limit, --plain-kill and --timeout want seconds > 0');
  return o;
}

/** Bundles the runner (engine included, 'highs' external by absolute path so its WASM is found). */
async function buildRunner() {
  const highsPath = createRequire(join(ROOT, 'package.json')).resolve('highs');
  await build({
    entryPoints: [RUNNER_SRC],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: RUNNER,
    logLevel: 'warning',
    plugins: [{ name: 'highs-external', setup: (b) => b.onResolve({ filter: /^highs$/ }, () => ({ path: highsPath, external: true })) }],
  });
}

/** Runs the runner once; returns {proc, out, error}. */
async function run(mode, people, opts, timeoutMs) {
  const args = [RUNNER, mode, String(people), `--tolerance=${opts.tolerance}`, `--limit=${opts.plainLimit}`, ...(opts.desirability ? ['--desirability'] : [])];
  const proc = await measure({ command: process.execPath, args, captureStdout: true, timeoutMs, cwd: ROOT });
  let out = null;
  try {
    out = JSON.parse(proc.stdout);
  } catch {
    // reported below
  }
  let error = null;
  if (proc.spawnError) error = `could not start: ${proc.spawnError}`;
  else if (proc.timedOut) error = `killed after ${(timeoutMs / 1000).toFixed(0)} s`;
  else if (proc.signal) error = `killed by ${proc.signal}`;
  else if (proc.exitCode !== 0) error = `exit ${proc.exitCode}: ${firstLine(proc.stderr.replace(/^propose-runner:\s*/, '')).slice(0, 160)}`;
  else if (!out) error = 'output not JSON';
  return { proc, out: error ? null : out, error };
}

const procSummary = (p) => ({ wallMs: round(p.wallMs, 1), peakRssKiB: p.peakRssKiB, rssSource: p.rssSource, userMs: round(p.userMs, 1), systemMs: round(p.systemMs, 1), exitCode: p.exitCode, signal: p.signal, timedOut: p.timedOut });

const mib = (kib) => (kib === null || kib === undefined ? '–' : (kib / 1024).toFixed(0));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const range = 19;
  console.log(`Fairshare rebalancing benchmark — ${machineLine()}`);
  console.log(`Tolerance ±${opts.tolerance} points on 1–20${opts.desirability ? ', empowerment and desirability balanced' : ' (empowerment only)'}; ${opts.runs} run(s) of propose per size (medians), the plain LP once (HiGHS time limit ${opts.plainLimit} s, process killed at ${opts.plainKill} s).`);
  console.log(`Every run is its own process. Peak RSS: ${METHOD.peakRss}.`);
  const t0 = Date.now();
  await buildRunner();
  console.log(`Runner bundled in ${Date.now() - t0} ms → ${RUNNER}\n`);

  const loadBefore = checkLoad('times');

  // One untimed run first: checks that the runner works and warms the page cache (node, bundle, WASM).
  const warm = await run('agg', Math.min(...opts.sizes), opts, opts.timeoutS * 1000);
  if (warm.error) {
    console.error(`bench/propose.mjs: the runner fails: ${warm.error}\n${warm.proc.stderr.slice(0, 2000)}`);
    process.exit(2);
  }

  const results = [];
  for (const people of opts.sizes) {
    const load = loadavg()[0];
    process.stdout.write(`${int(people)} people (load ${load.toFixed(2)}): propose `);
    const notes = [];
    const aggRuns = [];
    for (let i = 0; i < opts.runs; i++) {
      aggRuns.push(await run('agg', people, opts, opts.timeoutS * 1000));
      process.stdout.write('.');
    }
    const fullRuns = [];
    if (opts.options) {
      process.stdout.write(' options ');
      for (let i = 0; i < opts.runs; i++) {
        fullRuns.push(await run('full', people, opts, opts.timeoutS * 1000));
        process.stdout.write('.');
      }
    }
    let plain = null;
    if (opts.plain) {
      process.stdout.write(' plain LP… ');
      const tp = Date.now();
      plain = await run('plain', people, opts, opts.plainKill * 1000);
      process.stdout.write(`${((Date.now() - tp) / 1000).toFixed(1)} s`);
    }
    process.stdout.write('\n');

    const okAgg = aggRuns.filter((r) => !r.error);
    for (const e of new Set(aggRuns.map((r) => r.error).filter(Boolean))) notes.push(`propose: ${aggRuns.filter((r) => r.error === e).length}/${aggRuns.length} runs failed: ${e}`);
    const okFull = fullRuns.filter((r) => !r.error);
    for (const e of new Set(fullRuns.map((r) => r.error).filter(Boolean))) notes.push(`propose with options: ${fullRuns.filter((r) => r.error === e).length}/${fullRuns.length} runs failed: ${e}`);
    const first = okAgg[0]?.out ?? null;

    // Checks of every proposal: hours kept per person and per task, every job within the band, one optimum.
    for (const r of okAgg) {
      const o = r.out;
      if (o.status === 'infeasible') notes.push('propose says infeasible');
      if (o.conservation.personHours > 1e-6 || o.conservation.taskHours > 1e-6) notes.push(`hours not conserved: person ${o.conservation.personHours}, task ${o.conservation.taskHours}`);
      if (o.spreadAfter.empowerment > opts.tolerance + 1e-6) notes.push(`a job is ${o.spreadAfter.empowerment.toFixed(4)} points from the mean after rebalancing (tolerance ${opts.tolerance})`);
      if (opts.desirability && o.spreadAfter.desirability > opts.tolerance + 1e-6) notes.push(`a job's desirability is ${o.spreadAfter.desirability.toFixed(4)} points from the mean after rebalancing`);
    }
    const moved = okAgg.map((r) => r.out.moved);
    if (moved.length && Math.max(...moved) - Math.min(...moved) > 1e-6 * Math.max(1, ...moved)) notes.push(`moved hours differ between runs: ${moved.join(', ')}`);

    const aggMs = median(okAgg.map((r) => r.out.wallMs));
    const agg = first && {
      wallMs: round(aggMs, 1),
      cpuMs: round(median(okAgg.map((r) => r.out.cpuMs)), 1),
      mainThreadCpuMs: round(median(okAgg.map((r) => r.out.mainThreadCpuMs)), 1),
      phasesMs: Object.fromEntries(['build', 'solve', 'hand-back', 'result'].map((p) => [p, round(median(okAgg.map((r) => phaseMs(r.out, p))), 1)])),
      processWallMs: round(median(okAgg.map((r) => r.proc.wallMs)), 1),
      peakRssKiB: median(okAgg.map((r) => r.proc.peakRssKiB)),
      loadHighsMs: round(median(okAgg.map((r) => r.out.loadHighsMs)), 1),
      status: first.status,
      movedHours: first.moved,
      transfers: first.transfers,
      model: first.model,
      spreadBefore: first.spreadBefore,
      spreadAfter: first.spreadAfter,
      conservation: first.conservation,
      runs: aggRuns.map((r) => ({ process: procSummary(r.proc), proposeMs: round(r.out?.wallMs, 1), proposeCpuMs: round(r.out?.cpuMs, 1), proposeMainThreadCpuMs: round(r.out?.mainThreadCpuMs, 1), phases: r.out?.phases, error: r.error })),
    };
    const full = okFull.length
      ? {
          wallMs: round(median(okFull.map((r) => r.out.wallMs)), 1),
          cpuMs: round(median(okFull.map((r) => r.out.cpuMs)), 1),
          mainThreadCpuMs: round(median(okFull.map((r) => r.out.mainThreadCpuMs)), 1),
          optionsMs: round(median(okFull.map((r) => phaseMs(r.out, 'options'))), 1),
          processWallMs: round(median(okFull.map((r) => r.proc.wallMs)), 1),
          peakRssKiB: median(okFull.map((r) => r.proc.peakRssKiB)),
          options: okFull[0].out.options,
          runs: fullRuns.map((r) => ({ process: procSummary(r.proc), proposeMs: round(r.out?.wallMs, 1), error: r.error })),
        }
      : null;

    let plainRes = null;
    if (plain) {
      const o = plain.out;
      const stoppedAtLimit = !!o && o.status === 'other';
      const killed = plain.proc.timedOut;
      plainRes = {
        status: o?.status ?? null,
        finished: o?.status === 'optimal',
        stoppedAtLimit,
        killed,
        wallMs: round(o?.wallMs, 1),
        cpuMs: round(o?.cpuMs, 1),
        mainThreadCpuMs: round(o?.mainThreadCpuMs, 1),
        highsSeconds: o?.highsSeconds ?? null,
        processWallMs: round(plain.proc.wallMs, 1),
        peakRssKiB: plain.proc.peakRssKiB,
        rssSource: plain.proc.rssSource,
        optimum: o?.moved ?? null,
        columns: o?.columns ?? null,
        rows: o?.rows ?? null,
        error: plain.error,
        process: procSummary(plain.proc),
      };
      if (plain.error && !killed) notes.push(`plain LP: ${plain.error}`);
      if (killed) notes.push(`plain LP: HiGHS did not stop at its ${opts.plainLimit} s limit; the process was killed at ${opts.plainKill} s (peak RSS from ${plain.proc.rssSource ?? 'nowhere'})`);
      if (o && o.status === 'infeasible') notes.push('plain LP says infeasible');
    }

    // Same optimum? speedup?
    let relDiff = null;
    let sameOptimum = null;
    if (agg && plainRes?.finished && agg.status !== 'infeasible') {
      const a = agg.movedHours;
      const b = plainRes.optimum;
      relDiff = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
      if (a === 0 && b === 0) relDiff = 0;
      sameOptimum = relDiff <= TARGETS.optimumRelTol;
      if (!sameOptimum) notes.push(`OPTIMA DISAGREE: propose moves ${a} h, the plain LP ${b} h (relative difference ${relDiff.toExponential(2)})`);
    }
    let speedup = null;
    let speedupIsLowerBound = false;
    if (agg && plainRes) {
      if (plainRes.finished) speedup = plainRes.wallMs / agg.wallMs;
      else if (plainRes.stoppedAtLimit || plainRes.killed) {
        // It ran at least until the limit (or the kill) without an answer.
        speedup = (plainRes.killed ? opts.plainLimit * 1000 : plainRes.wallMs) / agg.wallMs;
        speedupIsLowerBound = true;
      }
    }

    // CPU time of the main thread (where propose and HiGHS run); the process-wide figure also counts
    // V8's background threads (GC, WebAssembly tier-up), a cost that does not scale with the LP.
    const cpuOf = (x) => x?.mainThreadCpuMs ?? x?.cpuMs ?? null;
    const cpuSpeedup = agg && plainRes?.finished && cpuOf(agg) > 0 ? cpuOf(plainRes) / cpuOf(agg) : null;

    const targets = {};
    for (const [n, s] of TARGETS.fast) if (n === people) targets[`under${s}s`] = agg ? agg.wallMs < s * 1000 : null;
    if (people >= TARGETS.speedupFrom) {
      targets.speedup10x = speedup === null ? null : speedup >= TARGETS.minSpeedup;
      targets.sameOptimum = sameOptimum; // null when the plain LP gave no optimum to compare with
    }
    results.push({ people, load1m: round(load, 2), org: first?.org ?? null, propose: agg, proposeWithOptions: full, plain: plainRes, relDiff, sameOptimum, speedup: round(speedup, 2), speedupIsLowerBound, cpuSpeedup: round(cpuSpeedup, 2), targets, notes: [...new Set(notes)] });
  }
  const loadAfter = loadavg()[0];

  // The table.
  const yes = (b) => (b === null || b === undefined ? '?' : b ? 'yes' : 'NO');
  const header = ['people', 'asg', 'load', 'groups×classes', 'cols×rows', 'propose s', 'CPU s', 'solve s', 'MiB', 'w/ options s', 'moved h', 'plain cols×rows', 'plain s', 'MiB', 'plain optimum', 'same', 'speedup', 'targets'];
  const right = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, false, true, false];
  const rows = results.map((r) => {
    const a = r.propose;
    const p = r.plain;
    let plainS = '–';
    if (p) {
      if (p.finished) plainS = sec(p.wallMs);
      else if (p.killed) plainS = `>${opts.plainKill} (killed)`;
      else if (p.stoppedAtLimit) plainS = `>${opts.plainLimit} (limit)`;
      else plainS = 'failed';
    }
    const t = r.targets;
    const tl = [];
    for (const [n, s] of TARGETS.fast) if (n === r.people) tl.push(`<${s} s ${yes(t[`under${s}s`])}`);
    if (r.people >= TARGETS.speedupFrom) tl.push(`≥10× ${yes(t.speedup10x)}`, `same optimum ${t.sameOptimum === null ? 'unknown' : yes(t.sameOptimum)}`);
    return [
      int(r.people),
      r.org ? int(r.org.assignments) : '–',
      r.load1m.toFixed(2),
      a ? `${int(a.model.groups)}×${a.model.classes}` : '–',
      a ? `${int(a.model.columns)}×${int(a.model.rows)}` : '–',
      a ? sec(a.wallMs, 3) : 'failed',
      a ? sec(a.mainThreadCpuMs ?? a.cpuMs, 2) : '–',
      a ? sec(a.phasesMs.solve, 3) : '–',
      a ? mib(a.peakRssKiB) : '–',
      r.proposeWithOptions ? sec(r.proposeWithOptions.wallMs) : '–',
      a ? a.movedHours.toFixed(2) : '–',
      p?.columns ? `${int(p.columns)}×${int(p.rows)}` : '–',
      plainS,
      p ? mib(p.peakRssKiB) : '–',
      p?.optimum !== null && p?.optimum !== undefined ? p.optimum.toFixed(2) : '–',
      r.sameOptimum === null ? '–' : `${yes(r.sameOptimum)} (${r.relDiff.toExponential(0)})`,
      r.speedup === null ? '–' : `${r.speedupIsLowerBound ? '≥' : ''}${r.speedup.toFixed(1)}×`,
      tl.join(', '),
    ];
  });
  printTable(header, rows, right);
  console.log(
    'propose s: median in-process wall time of propose(…, {skipOptions: true}) — build + solve + hand-back, HiGHS already loaded; CPU s: its CPU time on the\n' +
      'main thread (user + system; less disturbed by other load, 10 ms ticks); solve s: the LP solve alone (wall);\n' +
      'MiB: peak RSS of the whole process (generation + HiGHS + propose); w/ options s: propose() with the options curve (5 more tolerances, information);\n' +
      'plain s: in-process time of solvePlainLp (building the LP + HiGHS); same: optima equal within a relative 1e-6 (relative difference); asg: person × task rows.',
  );
  const cpuLine = results.filter((r) => r.cpuSpeedup !== null).map((r) => `${int(r.people)} ${r.cpuSpeedup.toFixed(1)}×`);
  if (cpuLine.length) console.log(`Speedup in main-thread CPU time (plain LP ÷ propose, less sensitive to other load): ${cpuLine.join(', ')}`);
  const spreadLine = results.filter((r) => r.propose).map((r) => `${int(r.people)} ${r.propose.spreadBefore.empowerment.toFixed(2)}→${r.propose.spreadAfter.empowerment.toFixed(2)}`);
  console.log(`Largest distance of a job from the mean E, points (before→after): ${spreadLine.join(', ')}`);
  printLoad(loadBefore, loadAfter);

  printNotes(results);

  console.log('\nTargets (this machine):');
  const summary = [];
  for (const [n, s] of TARGETS.fast) {
    const r = results.find((x) => x.people === n);
    const v = r ? r.targets[`under${s}s`] : null;
    summary.push(v);
    console.log(`  ${int(n)} people: propose < ${s} s ............... ${r ? `${verdict(v)}${r.propose ? ` (${sec(r.propose.wallMs, 3)} s)` : ''}` : 'size not run'}`);
  }
  const big = results.filter((r) => r.people >= TARGETS.speedupFrom);
  if (!big.length) console.log(`  no size ≥ ${int(TARGETS.speedupFrom)}: speedup target not evaluated`);
  for (const r of big) {
    summary.push(r.targets.speedup10x, r.targets.sameOptimum);
    const sp = r.speedup === null ? '' : ` (${r.speedupIsLowerBound ? '≥' : ''}${r.speedup.toFixed(1)}×${r.speedupIsLowerBound ? ', plain LP unfinished' : ''})`;
    const so = r.targets.sameOptimum === null ? 'NOT VERIFIED (the plain LP gave no optimum)' : verdict(r.targets.sameOptimum);
    console.log(`  ${int(r.people)} people: ≥ ${TARGETS.minSpeedup}× the plain LP ... ${verdict(r.targets.speedup10x)}${sp}; same optimum ${so}`);
  }

  const both = opts.bothSizes.length ? await bothDimensions(opts, run) : [];

  mkdirSync(dirname(RESULTS), { recursive: true });
  const report = {
    benchmark: 'propose',
    date: new Date().toISOString(),
    git: gitDescribe(ROOT),
    loadAverage1m: { before: round(loadBefore, 2), after: round(loadAfter, 2) },
    machine: machine(),
    settings: { tolerancePoints: opts.tolerance, tauNormalized: opts.tolerance / range, desirability: opts.desirability, runs: opts.runs, plainTimeLimitS: opts.plainLimit, plainKillS: opts.plainKill, generatorVersion: GENERATOR_VERSION },
    method: {
      ...METHOD,
      propose: 'in-process wall time of propose(org, highs, {tolerance, skipOptions: true}) after HiGHS is loaded: build + solve + hand-back + result; median of runs, each its own process',
      plain: 'in-process wall time of solvePlainLp(org, tau, desirability, highs, limit): building the LP arrays + HiGHS createModel + run; one run',
      sameOptimum: `|a − b| ≤ ${TARGETS.optimumRelTol} · max(|a|, |b|) for the moved hours`,
      runner: `${relative(ROOT, RUNNER_SRC)} bundled with esbuild ('highs' external)`,
    },
    targets: TARGETS,
    results,
    bothDimensions: both,
  };
  writeFileSync(RESULTS, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nFigures written to ${relative(ROOT, RESULTS)}`);
  // Issue 14: the plan in whole blocks against the exact bound — gap median and worst over the
  // benchmark set — is bench/blocks.mjs; printed here too so one command gives both.
  if (opts.blockSizes.length) {
    console.log(`\nThe plan in whole blocks against the exact bound (bench/blocks.mjs --sizes=${opts.blockSizes.join(',')}):`);
    const r = spawnSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'blocks.mjs'), `--sizes=${opts.blockSizes.join(',')}`], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
  if (opts.strict && summary.some((v) => v !== true)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`bench/propose.mjs: ${e.stack ?? e}`);
  process.exit(2);
});
