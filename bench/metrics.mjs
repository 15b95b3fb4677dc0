#!/usr/bin/env node
// @fairshare-bench: job scores and every concentration metric, in-process, at up to 10,000 people
//
//   node bench/metrics.mjs [--sizes=1000,2500,10000] [--runs=5]
//
// Imports bench/data/long-<N>.xlsx once (generated if missing), then times — median of `runs` —
// scorePeople, computeMetrics (Gini, Lorenz, shares, Palma, Theil by department and role, Hoover,
// tolerance, coordinator cluster, terciles, Spearman, pay), the readings, and the whole audit report.
// The issue asks for the metric time at 10,000 people; there is no target, the figure is printed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureWorkbook } from './generate-workbook.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const opts = { sizes: [1000, 2500, 10000], runs: 5 };
for (const a of process.argv.slice(2)) {
  const [k, v] = a.split('=');
  if (k === '--sizes') opts.sizes = v.split(',').map(Number);
  else if (k === '--runs') opts.runs = Number(v);
}
const runner = join(BENCH, '.cache', 'metrics-runner.cjs');
mkdirSync(dirname(runner), { recursive: true });
await build({ entryPoints: [join(BENCH, 'lib', 'metrics-runner.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: runner, logLevel: 'warning', external: ['highs'] });

console.log(`metrics benchmark — load average ${loadavg()[0].toFixed(2)} (2 cores); median of ${opts.runs} runs, milliseconds`);
console.log('people   assignments   scores   metrics   readings   audit report');
const rows = [];
for (const n of opts.sizes) {
  const { file } = ensureWorkbook(n);
  const r = JSON.parse(execFileSync(process.execPath, [runner, file, String(opts.runs)], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  rows.push(r);
  console.log(`${String(r.people).padStart(6)}   ${String(r.assignments).padStart(11)}   ${r.scoreMs.toFixed(1).padStart(6)}   ${r.metricsMs.toFixed(1).padStart(7)}   ${r.readingsMs.toFixed(1).padStart(8)}   ${r.reportMs.toFixed(1).padStart(12)}`);
}
mkdirSync(join(BENCH, 'results'), { recursive: true });
writeFileSync(join(BENCH, 'results', 'metrics.json'), JSON.stringify({ loadavg: loadavg()[0], rows }, null, 2));
