/**
 * The metrics terminate on non-finite input (issue 11, hardening): two 1e308-hour tasks once made
 * `topFractions` loop forever (the hours overflow to Infinity, the score becomes NaN, and a tie group that
 * does not contain its own first entry never advanced). The import refuses such numbers; the metrics must
 * still return. Each case runs in a child process with a time limit, so a regression fails instead of
 * hanging the test run.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const root = path.resolve(__dirname, '../..');
let dir = '';
let bundle = '';

// The entry exposes the engine to the child; each case is a function body run against it.
const ENTRY = `
import { computeMetrics } from ${JSON.stringify(path.join(root, 'renderer/src/engine/analysis/metrics/index.ts'))};
import * as weighted from ${JSON.stringify(path.join(root, 'renderer/src/engine/analysis/metrics/weighted.ts'))};
import { scorePeople } from ${JSON.stringify(path.join(root, 'renderer/src/engine/analysis/jobScores.ts'))};
import { readMetrics } from ${JSON.stringify(path.join(root, 'renderer/src/engine/analysis/readings.ts'))};
const body = process.argv[2];
const result = new Function('computeMetrics', 'weighted', 'scorePeople', 'readMetrics', body)(computeMetrics, weighted, scorePeople, readMetrics);
process.stdout.write(JSON.stringify(result));
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-nonfinite-'));
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(entry, ENTRY);
  bundle = path.join(dir, 'entry.cjs');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `body` (returning a JSON-able value) in a child with a 20 s limit; the test fails if it does not finish. */
function run(body: string): unknown {
  const r = spawnSync(process.execPath, [bundle, body], { encoding: 'utf8', timeout: 20_000 });
  expect(r.error?.message ?? null, 'finished within 20 s').toBeNull();
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const ORG = (assignments: string) => `
  const task = (id, e) => ({ id, name: id, empowerment: e, desirability: e, empowermentFactors: {}, desirabilityFactors: {}, source: 'file', reason: null, requires: [], chore: false });
  const person = (id, rate) => ({ id, name: id, role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: rate ?? null, qualifications: [] });
  const org = { people: [person('a', 20), person('b', 30), person('c', 25)], tasks: [task('x', 0.9), task('y', 0.2), task('z', 0.5)],
    assignments: ${assignments}.map(([personId, taskId, hours]) => ({ personId, taskId, hours, locked: false })), scale: { min: 1, max: 20 }, hoursPerFte: 40 };
  const m = computeMetrics(org, scorePeople(org));
  readMetrics(m, org.scale);
`;

describe('metrics on non-finite numbers terminate', () => {
  it('two 1e308-hour tasks for one person (hours overflow to Infinity, E is NaN)', () => {
    const out = run(`${ORG(`[['a', 'x', 1e308], ['a', 'y', 1e308], ['b', 'z', 10], ['c', 'y', 10]]`)} return m.empowerment.people;`);
    // The overflowing person is left out; the two others are counted.
    expect(out).toBe(2);
  });

  it('1e308 hours for two different people (the total overflows)', () => {
    expect(run(`${ORG(`[['a', 'x', 1e308], ['b', 'y', 1e308], ['c', 'z', 10]]`)} return typeof m.coordinator.kind;`)).toBe('string');
  });

  it('NaN and Infinity hours in assignments', () => {
    expect(run(`${ORG(`[['a', 'x', NaN], ['b', 'y', Infinity], ['c', 'z', 10], ['c', 'x', 5]]`)} return m.empowerment.people;`)).toBe(1);
  });

  it('weighted helpers with NaN values and NaN or Infinity weights', () => {
    const out = run(`
      const xs = [{ weight: 1e308, value: NaN }, { weight: Infinity, value: 0.5 }, { weight: NaN, value: 0.2 }, { weight: 1e308, value: 0.7 }, { weight: 2, value: 0.1 }];
      return [weighted.topFractions(xs, 0.2).length, weighted.averageRanks([NaN, 1, NaN, 2]).length, weighted.topMean(xs, 0.2) >= 0, typeof weighted.gini(xs)];
    `);
    expect(out).toEqual([5, 4, true, 'number']);
  });
});
