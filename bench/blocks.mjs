#!/usr/bin/env node
// @fairshare-bench: block plans (issue 14 "The plan") — planInBlocks on the Riverside sample and generated organizations: time, gap to the LP bound, transfers, band
//
//   node bench/blocks.mjs [--sizes=50,200,600,1000,2000] [--dimensions=both|empowerment] [--timeout=300]
//
// Riverside (resources/sample-organization.xlsx, suggestions applied as the app does) and, for each
// size, the deterministic generated organization of bench/lib/propose-org.mjs, each planned with the
// defaults (τ = 5% of the range, both dimensions, 0.5 h blocks, 1 h minimum block, 3 new tasks) in
// its own child process. Printed per organization: status, whole-process wall time, planInBlocks
// time with its phases, hours moved vs the exact LP bound (gap), transfers and the share under 1 h
// (with how many the plan reports as unavoidable, shortTransfers),
// jobs within the band on E and D (the engine's own job scores, checked by planInBlocks), the most
// new tasks of anyone; then the median and worst gap over the generated set.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { machineLine, printTable } from './lib/report.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNNER = join(tmpdir(), `fairshare-bench-${process.getuid?.() ?? 'user'}`, 'blocks-runner.cjs');

// The child: loads the organization (before any clock), then HiGHS, then plans; one JSON line out.
const RUNNER_SRC = `
import { readFileSync } from 'node:fs';
import loadHighs from 'highs';
import { importOrganization } from './renderer/src/engine/import';
import { applySuggestions } from './renderer/src/engine/rating/suggest';
import { planInBlocks } from './renderer/src/engine/balance/blocks';
// @ts-ignore plain JavaScript generator shared with bench/propose.mjs
import { generateOrganization } from './bench/lib/propose-org.mjs';
const [what, dimensions] = process.argv.slice(2);
const file = 'resources/sample-organization.xlsx';
const org = what === 'riverside' ? applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!) : generateOrganization(Number(what)).org;
(async () => {
  const t0 = performance.now();
  const highs: any = await loadHighs();
  const t1 = performance.now();
  const p = planInBlocks(org, highs, { dimensions: dimensions as 'both' | 'empowerment' });
  const t2 = performance.now();
  const outside = new Set(p.outOfBand.map((x) => x.personId));
  console.log(JSON.stringify({
    people: org.people.length, status: p.status, message: p.message, loadHighsMs: t1 - t0, planMs: t2 - t1, timings: p.timings,
    moved: p.movedHours, bound: p.bound, gap: p.gap, margin: p.margin, transfers: p.transfers.length,
    under1h: p.transfers.filter((x) => x.hours < 1 - 1e-9).length, short: p.shortTransfers, withinBand: org.people.length - outside.size,
    maxNew: Math.max(0, ...p.newTasks.map((n) => n.newTasks)), overK: p.overNewTasks.length,
    receivers: p.newTasks.length,
  }));
})();
`;

function parseArgs(argv) {
  const o = { sizes: [50, 200, 600, 1000, 2000], dimensions: 'both', timeoutS: 300 };
  for (const a of argv) {
    const [k, v] = a.split('=');
    if (k === '--sizes') o.sizes = v.split(',').map(Number);
    else if (k === '--dimensions') o.dimensions = v;
    else if (k === '--timeout') o.timeoutS = Number(v);
    else throw new Error(`unknown option ${a} (usage: node bench/blocks.mjs [--sizes=50,200,600,1000,2000] [--dimensions=both|empowerment] [--timeout=300])`);
  }
  return o;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const highsPath = createRequire(join(ROOT, 'package.json')).resolve('highs');
  await build({
    stdin: { contents: RUNNER_SRC, resolveDir: ROOT, loader: 'ts', sourcefile: 'blocks-runner.ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: RUNNER, logLevel: 'warning',
    plugins: [{ name: 'highs-external', setup: (b) => b.onResolve({ filter: /^highs$/ }, () => ({ path: highsPath, external: true })) }],
  });
  console.log(`Fairshare block plans — ${machineLine()}`);
  console.log(`Defaults: τ = 5% of the range, ${opts.dimensions === 'both' ? 'E and D' : 'E only'}, 0.5 h blocks, 1 h minimum block, ≤ 3 new tasks a person. One process per organization.\n`);
  const rows = [];
  const gaps = [];
  for (const what of ['riverside', ...opts.sizes.map(String)]) {
    const load = loadavg()[0];
    const t = performance.now();
    let r;
    try {
      r = JSON.parse(execFileSync(process.execPath, [RUNNER, what, opts.dimensions], { cwd: ROOT, timeout: opts.timeoutS * 1000, encoding: 'utf8', maxBuffer: 1 << 24 }));
    } catch (e) {
      rows.push([what, `failed: ${String(e.message).split('\n')[0].slice(0, 60)}`]);
      continue;
    }
    const wall = performance.now() - t;
    if (what !== 'riverside' && r.gap !== null) gaps.push(r.gap);
    const phases = r.timings.map((x) => `${x.phase} ${(x.ms / 1000).toFixed(1)}`).join(', ');
    rows.push([
      what === 'riverside' ? 'Riverside' : what, r.status, (wall / 1000).toFixed(1), (r.planMs / 1000).toFixed(1), r.moved.toFixed(1), r.bound?.toFixed(1) ?? '–',
      r.gap === null ? '–' : `${(100 * r.gap).toFixed(1)}%`, String(r.transfers), r.transfers ? `${((100 * r.under1h) / r.transfers).toFixed(0)}% (${r.under1h}, ${r.short} reported)` : '–',
      `${r.withinBand}/${r.people}`, String(r.maxNew), load.toFixed(1), phases,
    ]);
    if (r.message) console.log(`${what}: ${r.message}`);
  }
  printTable(['org', 'status', 'process s', 'plan s', 'moved h', 'bound h', 'gap', 'transfers', '< 1 h', 'in band', 'max new', 'load', 'phases (s)'], rows, [false, false, true, true, true, true, true, true, true, true, true, true, false]);
  if (gaps.length) {
    const sorted = [...gaps].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    console.log(`\nGap to the bound over the generated set: median ${(100 * median).toFixed(1)}%, worst ${(100 * sorted[sorted.length - 1]).toFixed(1)}% (target ≤ 20%). Target: 2,000 people < 5 s whole process.`);
  }
}

main().catch((e) => {
  console.error(`bench/blocks.mjs: ${e.stack ?? e}`);
  process.exit(2);
});
