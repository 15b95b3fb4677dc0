/**
 * `fairshare propose` end to end (DESIGN.md §4 "The CLI"): the built CLI on the sample organization
 * with --json (fields, hours conserved against `audit --json`, every job within τ recomputed from
 * the allocation and the audit's task ratings), --out (the proposal workbook read back), --granularity,
 * --desirability, an organization made infeasible by a lock, absurd hours (exit as audit does, with
 * a clear status) and usage errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { cli, ensureFreshCli } from '../helpers/balance-cli';
import { jobScores, json, sheets, sum, totals } from '../helpers/propose-cli';

/* eslint-disable @typescript-eslint/no-explicit-any */
const SAMPLE = path.join('resources', 'sample-organization.xlsx');
let dir = '';
/** `audit --json` of the sample, the independent account of its people, tasks and ratings. */
let audit: any;

beforeAll(() => {
  ensureFreshCli();
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-propose-'));
  audit = json(cli('audit', SAMPLE, '--json'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fairshare propose --granularity 0 --json --out on the sample organization', () => {
  let report: any;
  let out = '';
  beforeAll(() => {
    out = path.join(dir, 'proposal.xlsx');
    // The exact continuous plan (the yardstick); the default plan in blocks is tested below.
    report = json(cli('propose', SAMPLE, '--json', '--granularity', '0', '--out', out));
  });

  it('exits 0 with the fields of DESIGN.md §4', () => {
    expect(report.tolerance).toBeCloseTo(0.95, 12);
    expect(['optimal', 'balanced']).toContain(report.status);
    expect(report.status).toBe('optimal');
    expect(typeof report.movedHours).toBe('number');
    expect(report.movedHours).toBeGreaterThan(0);
    expect(report.diagnosis).toBeNull();
    expect(Array.isArray(report.allocation)).toBe(true);
    expect(report.allocation.length).toBeGreaterThan(0);
    for (const a of report.allocation) {
      expect(Object.keys(a).sort()).toEqual(['hours', 'person', 'task']);
      expect(typeof a.person).toBe('string');
      expect(typeof a.task).toBe('string');
      expect(a.hours).toBeGreaterThan(0);
    }
    expect(report.transfers.length).toBeGreaterThan(0);
    for (const t of report.transfers) {
      expect(Object.keys(t).sort()).toEqual(['from', 'hours', 'task', 'to']);
      expect(t.from).not.toBe(t.to);
      expect(t.hours).toBeGreaterThan(0);
    }
    for (const k of ['before', 'after']) {
      expect(report[k], k).toEqual(expect.objectContaining({ absoluteGini: expect.any(Number), gini: expect.any(Number), hoover: expect.any(Number), withinTolerance: expect.any(Number) }));
    }
    expect(report.options.length).toBeGreaterThanOrEqual(4);
    for (const o of report.options) expect(o).toEqual(expect.objectContaining({ tolerance: expect.any(Number), status: expect.stringMatching(/^(optimal|infeasible)$/) }));
  });

  it('keeps every person’s hours (as `audit --json` reports them) and every task’s hours, exactly as printed', () => {
    const { people, tasks } = totals(report.allocation);
    const exact = (got: number, want: number, what: string) => expect(Math.abs(got - want), what).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
    for (const p of audit.people) exact(people.get(p.name) ?? 0, p.hours, p.name);
    expect([...people.keys()].every((n) => audit.people.some((p: any) => p.name === n))).toBe(true);
    for (const t of audit.tasks) exact(tasks.get(t.name) ?? 0, t.hours, t.name);
    exact(sum([...tasks.values()]), report.totalHours, 'total');
  });

  it('says it did not round (no granularity asked), and how many of the hours moved rest on suggested ratings', () => {
    expect(report.rounded).toBe(false);
    expect(report.roundingNote).toBe('');
    expect(report.statusMessage).toBeNull();
    expect(report.movedOnSuggested).toBeGreaterThanOrEqual(0);
    expect(report.movedOnSuggested).toBeLessThanOrEqual(report.movedHours + 1e-9);
    const suggested = new Set(audit.tasks.filter((t: any) => t.source === 'suggested').map((t: any) => t.name));
    expect(report.movedOnSuggested).toBeCloseTo(sum(report.jobs.flatMap((j: any) => j.gained.filter((g: any) => suggested.has(g.task)).map((g: any) => g.hours))), 9);
  });

  it('puts every job within ±τ of the (unchanged) mean, recomputed from the allocation', () => {
    const mean = audit.metrics.empowerment.mean;
    expect(report.after.mean).toBeCloseTo(mean, 3);
    const e = jobScores(report.allocation, audit, 'empowerment');
    for (const [p, s] of e) if (s !== null) expect(Math.abs(s - mean), p).toBeLessThanOrEqual(report.tolerance + 1e-3);
    expect(report.after.withinTolerance).toBeCloseTo(1, 6);
    expect(report.before.withinTolerance).toBeLessThan(1);
  });

  it('hours moved = Σ transfers = Σ gained = Σ given up', () => {
    expect(sum(report.transfers.map((t: any) => t.hours))).toBeCloseTo(report.movedHours, 2);
    expect(sum(report.jobs.flatMap((j: any) => j.gained.map((g: any) => g.hours)))).toBeCloseTo(report.movedHours, 2);
    expect(sum(report.jobs.flatMap((j: any) => j.givenUp.map((g: any) => g.hours)))).toBeCloseTo(report.movedHours, 2);
  });

  it('the options curve: sorted by tolerance, hours moved never increase as τ grows, the asked τ among its neighbours', () => {
    const opts = report.options;
    for (let i = 1; i < opts.length; i++) {
      expect(opts[i].tolerance).toBeGreaterThan(opts[i - 1].tolerance);
      if (opts[i - 1].status === 'optimal') {
        expect(opts[i].status).toBe('optimal');
        expect(opts[i].movedHours).toBeLessThanOrEqual(opts[i - 1].movedHours + 1e-3);
      }
    }
    const below = opts.filter((o: any) => o.tolerance <= report.tolerance && o.status === 'optimal').at(-1);
    const above = opts.find((o: any) => o.tolerance >= report.tolerance && o.status === 'optimal');
    if (below) expect(report.movedHours).toBeLessThanOrEqual(below.movedHours + 1e-3);
    if (above) expect(report.movedHours).toBeGreaterThanOrEqual(above.movedHours - 1e-3);
  });

  it('writes the proposal workbook: Summary, Proposed jobs, Transfers, Options, Learning cost, Training; its transfers add up to the hours moved', () => {
    expect(existsSync(out)).toBe(true);
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' });
    expect(report.training.length).toBeGreaterThan(0);
    expect(report.learningCost.length).toBe(3);
    expect(wb.SheetNames).toEqual(['Summary', 'Proposed jobs', 'Transfers', 'Options', 'Learning cost', 'Training']);
    const s = sheets(out);
    expect(s.Training.slice(1).map((r) => [r[0], r[1]])).toEqual(report.training.map((t: any) => [t.person, t.task]));
    expect(sum(s.Training.slice(1).map((r) => Number(r[5])))).toBeCloseTo(report.trainingHours, 6);
    expect(s.Transfers[0]).toEqual(['Task', 'From', 'To', 'Hours per week']);
    const rows = s.Transfers.slice(1);
    expect(rows).toHaveLength(report.transfers.length);
    expect(sum(rows.map((r) => Number(r[3])))).toBeCloseTo(report.movedHours, 2);
    expect(s['Proposed jobs'].slice(1)).toHaveLength(audit.people.length);
    expect(s.Options.slice(1)).toHaveLength(report.options.length);
    expect(s['Learning cost'].slice(1).map((r) => [Number(r[0]), Number(r[2])])).toEqual(report.learningCost.map((l: any) => [l.lambda, expect.closeTo(l.movedHours, 6)]));
    const moved = s.Summary.find((r) => r[0] === 'Hours that change hands per week');
    expect(Number(moved?.[1])).toBeCloseTo(report.movedHours, 9);
    expect(s.Summary.find((r) => r[0] === 'Rounded')?.[1]).toBe('No');
    expect(Number(s.Summary.find((r) => r[0] === 'Of which on tasks with suggested ratings')?.[1])).toBeCloseTo(report.movedOnSuggested, 9);
    // Long notes (here the qualifications notice) are a bold label, then the note as one paragraph on
    // the row below, merged across the table and wrapped (the styles are checked in test/engine/workbookStyles.test.ts).
    const q = s.Summary.findIndex((r) => r[0] === 'Qualifications');
    expect(q).toBeGreaterThan(-1);
    expect(String(s.Summary[q + 1][0])).toMatch(/^The file names none; /);
    expect(s.Summary[q + 1].slice(1).every((c) => c === undefined || c === null)).toBe(true);
  });
});

describe('fairshare propose --granularity and --desirability on the sample', () => {
  it('by default, a plan in whole 0.5 h blocks: every job within the band, new tasks of 1 h or more, at most 3 per person, totals exact, never below the exact minimum', () => {
    const r = json(cli('propose', SAMPLE, '--json'));
    const exact = json(cli('propose', SAMPLE, '--json', '--granularity', '0'));
    expect(r.granularity).toBe(0.5);
    expect(r.flags).toEqual(expect.objectContaining({ granularity: 0.5, minBlock: 1, maxNewTasks: 3 }));
    expect(r.blocks.status).toBe('complete');
    expect(r.blocks.outOfBand).toEqual([]);
    // No transfer under the minimum block (1 h) on the sample, and none reported as unavoidable.
    expect(r.blocks.shortTransfers).toBe(0);
    expect(r.transfers.filter((t: any) => t.hours < 1 - 1e-9)).toEqual([]);
    expect(r.bound).toBeCloseTo(exact.movedHours, 6);
    expect(r.movedHours).toBeGreaterThanOrEqual(r.bound - 1e-9);
    expect(r.gap).toBeCloseTo(r.movedHours / r.bound - 1, 12);
    expect(r.gap).toBeLessThanOrEqual(0.2);
    const { people, tasks } = totals(r.allocation);
    for (const p of audit.people) expect(Math.abs((people.get(p.name) ?? 0) - p.hours), p.name).toBeLessThanOrEqual(1e-9 * Math.max(1, p.hours));
    for (const t of audit.tasks) expect(Math.abs((tasks.get(t.name) ?? 0) - t.hours), t.name).toBeLessThanOrEqual(1e-9 * Math.max(1, t.hours));
    const whole = (h: number) => Math.abs(h / 0.5 - Math.round(h / 0.5)) <= 1e-9;
    for (const j of r.jobs) {
      for (const c of [...j.gained, ...j.givenUp]) expect(whole(c.hours), `${j.name}: ${c.task} ${c.hours}`).toBe(true);
      const had = new Set([...j.kept, ...j.givenUp].map((k: any) => k.task));
      const fresh = j.gained.filter((g: any) => !had.has(g.task));
      expect(fresh.length, j.name).toBe(j.newTasks);
      for (const g of fresh) expect(g.hours, `${j.name} takes ${g.task}`).toBeGreaterThanOrEqual(1 - 1e-9);
      if (j.newTasks > 3) expect(r.blocks.overNewTasks.map((o: any) => o.person)).toContain(j.name);
    }
    for (const dim of ['empowerment', 'desirability'] as const) {
      const mean = audit.metrics[dim].mean;
      for (const [p, s] of jobScores(r.allocation, audit, dim)) if (s !== null) expect(Math.abs(s - mean), `${dim} of ${p}`).toBeLessThanOrEqual(r.tolerance + 1e-6);
    }
    const text = cli('propose', SAMPLE).stdout;
    expect(text).toMatch(/In whole blocks of 0\.5 h, a new task at least 1 h, at most 3 new tasks per person: [\d.]+ h moved against the exact minimum of [\d.]+ h \(\+[\d.]+%\); 40 of 40 jobs within the band on empowerment and desirability\./);
  });

  it('--min-block and --max-new-tasks change the rules; bad values exit 2', () => {
    const r = json(cli('propose', SAMPLE, '--json', '--min-block', '2', '--max-new-tasks', '2', '--empowerment-only'));
    expect(r.flags).toEqual(expect.objectContaining({ minBlock: 2, maxNewTasks: 2 }));
    for (const j of r.jobs) {
      const had = new Set([...j.kept, ...j.givenUp].map((k: any) => k.task));
      for (const g of j.gained.filter((x: any) => !had.has(x.task))) expect(g.hours, `${j.name} takes ${g.task}`).toBeGreaterThanOrEqual(2 - 1e-9);
      if (j.newTasks > 2) expect(r.blocks.overNewTasks.map((o: any) => o.person)).toContain(j.name);
    }
    for (const bad of [['--min-block', '0'], ['--max-new-tasks', '1.5'], ['--max-new-tasks', '-1']]) expect(cli('propose', SAMPLE, ...bad).code, bad.join(' ')).toBe(2);
  });

  it('balances both dimensions by default (and with the old --desirability): every job within ±τ for empowerment and for desirability', () => {
    for (const r of [json(cli('propose', SAMPLE, '--json')), json(cli('propose', SAMPLE, '--json', '--desirability'))]) {
      expect(r.desirability).toBe(true);
      expect(r.flags.dimensions).toBe('empowerment and desirability');
      expect(r.status).toBe('optimal');
      for (const dim of ['empowerment', 'desirability'] as const) {
        const mean = audit.metrics[dim].mean;
        for (const [p, s] of jobScores(r.allocation, audit, dim)) if (s !== null) expect(Math.abs(s - mean), `${dim} of ${p}`).toBeLessThanOrEqual(r.tolerance + 1e-3);
      }
    }
  });

  it('--empowerment-only balances empowerment alone, leaving some job outside the desirability band; it contradicts --desirability', () => {
    const r = json(cli('propose', SAMPLE, '--json', '--empowerment-only'));
    expect(r.desirability).toBe(false);
    expect(r.flags.dimensions).toBe('empowerment');
    const mean = audit.metrics.desirability.mean;
    const offD = [...jobScores(r.allocation, audit, 'desirability')].filter(([, s]) => s !== null && Math.abs(s - mean) > r.tolerance + 1e-3);
    expect(offD.length).toBeGreaterThan(0);
    const both = cli('propose', SAMPLE, '--empowerment-only', '--desirability');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/contradict/);
  });
});

describe('fairshare propose on an organization a lock makes infeasible', () => {
  const rows = (locked: boolean) => [
    'Name,Task,Hours per week,Empowerment (1-20),Desirability (1-20),Locked',
    `Ada Boss,Strategic planning,40,20,15,${locked ? 'yes' : ''}`,
    'Ben Low,Filing,30,2,5,',
    'Ben Low,Budget review,10,12,10,',
    'Cara Mid,Filing,20,2,5,',
    'Cara Mid,Outreach,20,8,10,',
    'Dan Base,Cleaning,40,1,3,',
  ];
  let lockedFile = '';
  let freeFile = '';
  beforeAll(() => {
    lockedFile = path.join(dir, 'locked.csv');
    freeFile = path.join(dir, 'free.csv');
    writeFileSync(lockedFile, rows(true).join('\n') + '\n');
    writeFileSync(freeFile, rows(false).join('\n') + '\n');
  });

  it('--tolerance 0.1: status infeasible with a diagnosis naming the lock, exit 0', () => {
    const r = json(cli('propose', lockedFile, '--tolerance', '0.1', '--json'));
    expect(r.status).toBe('infeasible');
    expect(r.tolerance).toBeCloseTo(0.1, 12);
    expect(r.diagnosis.message).toMatch(/cannot be met/);
    expect(r.diagnosis.message).toContain('Ada Boss');
    expect(r.diagnosis.tightestTolerance).toBeGreaterThanOrEqual(0.1);
    // Ada's 40 h at 20 against a mean of (800 + 60 + 120 + 40 + 160 + 40) / 160 = 7.625.
    expect(r.diagnosis.tightestTolerance).toBeCloseTo(12.38, 2);
    expect(r.diagnosis.blockers).toContainEqual(expect.objectContaining({ kind: 'lock', name: 'Ada Boss' }));
    expect(r.movedHours).toBe(0);
    expect(r.transfers).toEqual([]);
  });

  it('the same organization without the lock can be balanced at ±0.1', () => {
    const r = json(cli('propose', freeFile, '--tolerance', '0.1', '--json'));
    expect(r.status).toBe('optimal');
    expect(r.diagnosis).toBeNull();
  });

  it('prints the diagnosis as text and writes it into the workbook', () => {
    const out = path.join(dir, 'infeasible.xlsx');
    const r = cli('propose', lockedFile, '--tolerance', '0.1', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Cannot be met/);
    expect(r.stdout).toContain('Ada Boss');
    const summary = sheets(out).Summary;
    const at = summary.findIndex((row) => row[0] === 'Why');
    expect(at).toBeGreaterThan(-1);
    expect(String(summary[at + 1][0])).toMatch(/cannot be met/);
  });
});

describe('fairshare propose on absurd hours (10¹¹ h made HiGHS spin, 10²⁰ h "passModel failed")', () => {
  it.each([['1e11'], ['1e20'], ['1e308']])('%s hours: refused at import with a located error that propose shows first, then a proposal over the rest', (hours) => {
    const file = path.join(dir, `absurd-${hours}.csv`);
    writeFileSync(file, ['Name,Task,Hours per week,Empowerment (1-20),Desirability (1-20)', `Ada,Strategy,${hours},20,10`, 'Ada,Filing,10,2,5', 'Ben,Filing,40,2,5', 'Cy,Outreach,40,9,10'].join('\n') + '\n');
    const audited = json(cli('audit', file, '--json'));
    const r = json(cli('propose', file, '--json', '--granularity', '0.5'));
    const errors = r.issues.filter((i: any) => i.severity === 'error');
    expect(errors).toEqual(audited.issues.filter((i: any) => i.severity === 'error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual(expect.objectContaining({ row: 2, column: 'C' }));
    // What is left (Ada 10 h and Ben 40 h of filing at E 2, Cy 40 h of outreach at E 9) can be balanced.
    expect(r.status).toBe('optimal');
    expect(r.totalHours).toBe(90);
    const text = cli('propose', file);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('The file has 1 error and 0 warnings; the proposal leaves out what they left out:');
    expect(text.stdout).toContain('(sheet "Sheet1", row 2, column C)');
  });

  it('a file with nothing rated says so instead of "already within the band", and offers no options', () => {
    const file = path.join(dir, 'unrated.csv');
    writeFileSync(file, 'Name,Task,Hours\nAda,Zorbling,10\nBen,Quuxing,30\n');
    const text = cli('propose', file, '--no-suggest');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('No task is rated for empowerment');
    expect(text.stdout).not.toContain('already within the band');
    expect(text.stdout).not.toContain('Options');
  });
});

describe('fairshare propose text on the sample', () => {
  it('leads with the absolute Gini in points (the audit\'s), prints hours as people read them, and labels the options as exact plans', () => {
    const r = json(cli('propose', SAMPLE, '--json'));
    expect(r.before.absoluteGini).toBeCloseTo(audit.metrics.empowerment.absoluteGini, 4);
    expect(r.after.absoluteGini).toBeLessThan(r.before.absoluteGini);
    for (const o of r.options.filter((o: any) => o.status === 'optimal')) expect(o.absoluteGini).toEqual(expect.any(Number));
    const text = cli('propose', SAMPLE, '--granularity', '0.5').stdout;
    expect(text).toContain(`Absolute Gini (empowerment) ${r.before.absoluteGini.toFixed(1)} → `);
    expect(text).toMatch(/relative Gini, measured from the bottom of the scale, [\d.]+ → [\d.]+/);
    expect(text).toContain('Options, exact plans (not rounded)');
    const exact = cli('propose', SAMPLE).stdout;
    const changes = exact.split('\n').filter((l) => l.startsWith('  ') && l.includes('takes'));
    expect(changes.length).toBeGreaterThan(0);
    for (const line of changes) expect(line, line).not.toMatch(/\d\.\d{3,} h/);
    expect(exact).toMatch(/\d\.\d{1,2} h/);
  });
});

describe('fairshare propose usage errors', () => {
  it.each([['-1'], ['abc'], ['NaN'], ['']])('--granularity %j exits 2 with one message naming the option', (value) => {
    const r = cli('propose', SAMPLE, '--granularity', value, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--granularity/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--granularity without a value exits 2', () => {
    const r = cli('propose', SAMPLE, '--granularity');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--granularity/);
  });

  it('--granularity on audit exits 2', () => {
    expect(cli('audit', SAMPLE, '--granularity', '0.5').code).toBe(2);
  });
});
