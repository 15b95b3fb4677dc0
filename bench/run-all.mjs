#!/usr/bin/env node
// Runs every benchmark in bench/, one after another.
//
//   node bench/run-all.mjs [NAME…] [--option…]        (npm run bench -- [NAME…] [--option…])
//
// A benchmark is a bench/*.mjs file whose first lines carry the marker `// @fairshare-bench: <what>`
// (helpers such as generate-workbook.mjs and minimal-read.mjs have none). NAMEs (e.g. `audit`)
// restrict the run to those benchmarks; --options are passed through to every benchmark run.
// Exits non-zero when a benchmark script itself fails (crash or --strict target miss).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const MARKER = /^\/\/ @fairshare-bench:\s*(.*)$/m;

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('-'));
const passThrough = args.filter((a) => a.startsWith('-'));

const benches = readdirSync(BENCH_DIR)
  .filter((f) => f.endsWith('.mjs') && f !== basename(fileURLToPath(import.meta.url)))
  .sort()
  .map((f) => ({ file: join(BENCH_DIR, f), name: f.replace(/\.mjs$/, ''), head: readFileSync(join(BENCH_DIR, f), 'utf8').slice(0, 2000) }))
  .filter((b) => MARKER.test(b.head))
  .map((b) => ({ ...b, what: MARKER.exec(b.head)[1].trim() }))
  .filter((b) => only.length === 0 || only.includes(b.name));

const unknown = only.filter((n) => !benches.some((b) => b.name === n));
if (unknown.length) {
  console.error(`bench/run-all.mjs: no benchmark named ${unknown.join(', ')}`);
  process.exit(2);
}
if (benches.length === 0) {
  console.error('bench/run-all.mjs: no benchmarks found (files need a `// @fairshare-bench:` line)');
  process.exit(2);
}

const outcomes = [];
for (const b of benches) {
  console.log(`\n=== ${b.name}: ${b.what} ===\n`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [b.file, ...passThrough], { stdio: 'inherit' });
  const status = r.error ? `could not start: ${r.error.message}` : r.signal ? `killed by ${r.signal}` : r.status === 0 ? 'ok' : `exit ${r.status}`;
  outcomes.push({ name: b.name, status, seconds: (Date.now() - t0) / 1000 });
}

console.log('\n=== summary ===');
for (const o of outcomes) console.log(`  ${o.name.padEnd(20)} ${o.status.padEnd(12)} ${o.seconds.toFixed(1)} s`);
if (outcomes.some((o) => o.status !== 'ok')) process.exitCode = 1;
