// One measurement of the rebalancing optimizer, run in its own process by bench/propose.mjs (which
// bundles this file with esbuild, 'highs' left external, and measures the process's wall time and
// peak RSS). Prints one JSON object on stdout.
//
//   node propose-runner.cjs MODE PEOPLE [--tolerance=0.95] [--desirability] [--limit=120]
//
// MODE  agg    propose(org, highs, {tolerance, skipOptions: true}) — build, solve, hand back — timed
//              in-process, with the phase split from onProgress; then (untimed) checks that the
//              proposal keeps every person's and every task's hours and puts every job within the band
//       full   propose() with the options curve (the default 0.5, 1, 2, 3 points and the current spread)
//       plain  solvePlainLp(org, τ, desirability, highs, limit): the plain person × task LP
// The organization is generated in the process (bench/lib/propose-org.mjs, deterministic), before
// HiGHS is loaded and before any clock starts.
import { readFileSync } from 'node:fs';
import loadHighs from 'highs';
import type { Organization } from '../../renderer/src/engine/model/types';
import { propose } from '../../renderer/src/engine/balance/propose';
import { solvePlainLp } from '../../renderer/src/engine/balance/plainLp';
import type { ProposePhase } from '../../renderer/src/engine/balance/types';
// @ts-expect-error plain JavaScript helper shared with the benchmark script
import { generateOrganization } from './propose-org.mjs';

const now = () => Number(process.hrtime.bigint()) / 1e6;
/** CPU time (user + system) of the whole process so far, ms: all threads, so V8's GC helpers and its
 *  background compilation of the HiGHS WebAssembly count too. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** CPU time of the main thread alone, ms (Linux: /proc/self/task/<pid>/stat, 10 ms ticks), else null. */
const mainCpu = (): number | null => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
};
const CLK_TCK = 100; // USER_HZ, 100 on every Linux architecture Node runs on
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

function parse(argv: string[]) {
  const [mode, people, ...rest] = argv;
  const o = { mode, people: Number(people), tolerance: 0.95, desirability: false, limit: 120 };
  for (const a of rest) {
    const [k, v] = a.split('=');
    if (k === '--tolerance') o.tolerance = Number(v);
    else if (k === '--desirability') o.desirability = true;
    else if (k === '--limit') o.limit = Number(v);
    else throw new Error(`unknown option ${a}`);
  }
  if (!['agg', 'full', 'plain'].includes(mode) || !Number.isInteger(o.people) || o.people < 1) {
    throw new Error('usage: propose-runner.cjs agg|full|plain PEOPLE [--tolerance=0.95] [--desirability] [--limit=120]');
  }
  return o;
}

type Hours = Map<string, Map<string, number>>;

/** Largest distance of a job from the (hours-weighted) mean, in points, for E and D. */
function spread(org: Organization, hours: Hours) {
  const tasks = new Map(org.tasks.map((t) => [t.id, t]));
  const range = org.scale.max - org.scale.min;
  let mE = 0, mD = 0, h = 0;
  const per: { h: number; e: number; d: number }[] = [];
  for (const [, row] of hours) {
    const s = { h: 0, e: 0, d: 0 };
    for (const [taskId, x] of row) {
      const t = tasks.get(taskId)!;
      s.h += x;
      s.e += x * t.empowerment!;
      s.d += x * t.desirability!;
    }
    per.push(s);
    mE += s.e;
    mD += s.d;
    h += s.h;
  }
  mE /= h;
  mD /= h;
  let e = 0, d = 0;
  for (const s of per) {
    if (s.h <= 0) continue;
    e = Math.max(e, Math.abs(s.e / s.h - mE) * range);
    d = Math.max(d, Math.abs(s.d / s.h - mD) * range);
  }
  return { empowerment: e, desirability: d };
}

function hoursOf(org: Organization): Hours {
  const out: Hours = new Map();
  for (const a of org.assignments) {
    let m = out.get(a.personId);
    if (!m) out.set(a.personId, (m = new Map()));
    m.set(a.taskId, (m.get(a.taskId) ?? 0) + a.hours);
  }
  return out;
}

/** Largest change of any person's total hours and of any task's total hours (should be ~0). */
function conservation(before: Hours, after: Hours) {
  const person = new Map<string, number>();
  const task = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, x: number) => m.set(k, (m.get(k) ?? 0) + x);
  for (const [p, row] of before) for (const [t, x] of row) { add(person, p, -x); add(task, t, -x); }
  for (const [p, row] of after) for (const [t, x] of row) { add(person, p, x); add(task, t, x); }
  const worst = (m: Map<string, number>) => Math.max(0, ...[...m.values()].map(Math.abs));
  return { personHours: worst(person), taskHours: worst(task) };
}

async function main() {
  const o = parse(process.argv.slice(2));
  const tg = now();
  const { org, summary } = generateOrganization(o.people) as { org: Organization; summary: Record<string, unknown> };
  const generateMs = now() - tg;
  const tl = now();
  const highs = await loadHighs();
  const loadHighsMs = now() - tl;
  const range = org.scale.max - org.scale.min;
  const out: Record<string, unknown> = { mode: o.mode, people: o.people, tolerance: o.tolerance, desirability: o.desirability, generateMs, loadHighsMs, org: summary };

  if (o.mode === 'plain') {
    const c0 = cpu();
    const m0 = mainCpu();
    const t0 = now();
    const r = solvePlainLp(org, o.tolerance / range, o.desirability, highs, o.limit);
    out.wallMs = now() - t0; // building the LP arrays + HiGHS
    out.cpuMs = cpu() - c0;
    out.mainThreadCpuMs = diff(m0, mainCpu());
    out.highsSeconds = r.seconds; // HiGHS only (createModel + run)
    out.timeLimit = o.limit;
    Object.assign(out, { status: r.status, moved: r.moved, columns: r.columns, rows: r.rows });
  } else {
    const marks: { phase: ProposePhase; done: number; at: number }[] = [];
    const c0 = cpu();
    const m0 = mainCpu();
    const t0 = now();
    const p = propose(org, highs, {
      tolerance: o.tolerance,
      desirability: o.desirability,
      skipOptions: o.mode === 'agg',
      onProgress: (phase, done) => marks.push({ phase, done, at: now() - t0 }),
    });
    out.wallMs = now() - t0;
    out.cpuMs = cpu() - c0;
    out.mainThreadCpuMs = diff(m0, mainCpu());
    // onProgress fires at the start of each phase and once more before the result (transfers,
    // moved hours, allocation list) is assembled; that last stretch is reported as 'result'.
    out.phases = marks.map((m, i) => ({ phase: i === marks.length - 1 ? 'result' : m.phase, ms: (marks[i + 1]?.at ?? (out.wallMs as number)) - m.at }));
    out.status = p.status;
    out.moved = p.movedHours;
    out.model = p.model;
    out.transfers = p.transfers.length;
    out.options = p.options;
    if (o.mode === 'agg') {
      const before = hoursOf(org);
      const after: Hours = new Map();
      for (const a of p.allocation) {
        let m = after.get(a.personId);
        if (!m) after.set(a.personId, (m = new Map()));
        m.set(a.taskId, (m.get(a.taskId) ?? 0) + a.hours);
      }
      out.spreadBefore = spread(org, before);
      out.spreadAfter = spread(org, after);
      out.conservation = conservation(before, after);
    }
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(`propose-runner: ${e?.stack ?? e}\n`);
  process.exit(1);
});
