#!/usr/bin/env node
// @fairshare-bench: mergers — two organizations matched, pooled and re-divided in one merged plan (issue 16)
//
//   node bench/merge.mjs [--sizes=200,2000] [--both] [--extras] [--timeout=900] [--strict]
//
// For each size two deterministic organizations of that many people are generated
// (bench/lib/merge-runner.ts: bench/lib/propose-org.mjs with two seeds, the second's task names
// respelled), then matchTasks and planMerger (pool, merged audit, federated view, the merged proposal
// in whole blocks) run in a child process, measured by bench/lib/measure.mjs. Empowerment only by
// default (the merged plan of 4,000 people on both dimensions runs into the solver's time limits);
// --both adds a row on both dimensions per size; --extras adds the options curve and learning cost
// to every run (the app paints the plan first and computes those after). Target (issue 16): two 2,000-person organizations,
// matching and the merged plan, under 10 s here. Writes bench/results/merge.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { measure } from './lib/measure.mjs';
import { checkLoad, gitDescribe, machine, machineLine, printLoad, printTable, round, sec, verdict } from './lib/report.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH_DIR);
const RUNNER = join(tmpdir(), `fairshare-bench-${process.getuid?.() ?? 'user'}`, 'merge-runner.cjs');
const TARGET = { people: 2000, seconds: 10 };

const opts = { sizes: [200, 2000], both: false, extras: false, timeoutS: 900, strict: false };
for (const a of process.argv.slice(2)) {
  const [k, v] = a.split('=');
  if (k === '--sizes') opts.sizes = v.split(',').map(Number);
  else if (k === '--both') opts.both = true;
  else if (k === '--extras') opts.extras = true;
  else if (k === '--timeout') opts.timeoutS = Number(v);
  else if (k === '--strict') opts.strict = true;
}

const highsPath = createRequire(join(ROOT, 'package.json')).resolve('highs');
mkdirSync(dirname(RUNNER), { recursive: true });
await build({
  entryPoints: [join(BENCH_DIR, 'lib', 'merge-runner.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: RUNNER, logLevel: 'warning',
  plugins: [{ name: 'highs-external', setup: (b) => b.onResolve({ filter: /^highs$/ }, () => ({ path: highsPath, external: true })) }],
});

console.log(`Mergers (${machineLine()})\n`);
const loadBefore = checkLoad('merge');
const rows = [];
const results = [];
let met = null;
for (const size of opts.sizes) {
  for (const both of opts.both ? [false, true] : [false]) {
    const proc = await measure({ command: process.execPath, args: [RUNNER, String(size), ...(both ? ['--desirability'] : []), ...(opts.extras ? ['--extras'] : [])], captureStdout: true, timeoutMs: opts.timeoutS * 1000, cwd: ROOT });
    let out = null;
    try {
      out = JSON.parse(proc.stdout);
    } catch {
      // reported below as no result
    }
    results.push({ size, both, wallMs: proc.wallMs, peakRssMb: proc.peakRssKiB ? Math.round(proc.peakRssKiB / 1024) : null, ...(out ?? { error: proc.stderr?.slice(0, 500) ?? 'no output' }) });
    if (size === TARGET.people && !both && out) met = proc.wallMs / 1000 < TARGET.seconds && out.status !== null;
    rows.push([
      `2 × ${size.toLocaleString('en-US')}`, `${both ? 'E + D' : 'E'}${opts.extras ? ', with curve' : ''}`, out ? `${out.tasks.join(' + ')} → ${out.pooledTasks}` : '–', out ? `${out.matches.auto} auto, ${out.matches.proposed} proposed` : '–',
      out ? sec(out.matchMs, 3) : '–', out ? sec(out.planMs) : '–', sec(proc.wallMs), out ? `${out.status}${out.movedHours !== null ? `, ${round(out.movedHours, 1)} h vs ${round(out.bound ?? 0, 1)} h` : ''}` : (proc.timedOut ? 'timed out' : 'failed'),
      out ? (out.programmeKept ? 'kept' : 'NOT kept') : '–', proc.peakRssKiB ? `${Math.round(proc.peakRssKiB / 1024)}` : '–',
    ]);
  }
}
printTable(['Organizations', 'Balanced', 'Tasks', 'Matches', 'Match s', 'Plan s', 'Process s', 'Merged plan (moved vs bound)', 'Programme', 'Peak MB'], rows, [4, 5, 6, 9]);
console.log(`\nTarget: two ${TARGET.people.toLocaleString('en-US')}-person organizations matched and re-divided in under ${TARGET.seconds} s (whole process, E only): ${verdict(met)}`);
printLoad(loadBefore, checkLoad('merge'));
mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
writeFileSync(join(BENCH_DIR, 'results', 'merge.json'), JSON.stringify({ version: gitDescribe(ROOT), machine: machine(), results }, null, 2) + '\n');
if (opts.strict && met !== true) process.exit(1);
