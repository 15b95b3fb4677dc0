/**
 * `fairshare propose` on what carrying a plan out takes: the notice when the file names no
 * qualifications, --qualify-from-current, training for new empowering tasks, and chores rotating
 * over the quarter (--chores, --rotation-weeks: schedule, totals, bands, the Rotation sheet).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, ensureFreshCli } from '../helpers/balance-cli';
import { jobScores, json, sheets, sum, totals } from '../helpers/propose-cli';

/* eslint-disable @typescript-eslint/no-explicit-any */
const SAMPLE = path.join('resources', 'sample-organization.xlsx');
let dir = '';
/** `audit --json` of the sample, the independent account of its people, tasks and ratings. */
let audit: any;

beforeAll(() => {
  ensureFreshCli();
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-propose-care-'));
  audit = json(cli('audit', SAMPLE, '--json'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fairshare propose: qualifications first, and training', () => {
  const HIRE = 'Hire and supervise staff';

  it('says first that the file names no qualifications, and which tasks usually need one went to people new to such work', () => {
    const r = json(cli('propose', SAMPLE, '--json'));
    expect(r.qualifications.qualifiedFromCurrent).toBe(false);
    const hire = r.qualifications.tasks.find((t: any) => t.task === HIRE);
    expect(hire.why).toMatch(/supervis/);
    const doersBefore = new Set(audit.people.flatMap((p: any) => (p.tasks ?? []).filter((t: any) => t.task === HIRE).map(() => p.name)));
    const gained = sum(r.jobs.filter((j: any) => !doersBefore.has(j.name)).flatMap((j: any) => j.gained.filter((g: any) => g.task === HIRE).map((g: any) => g.hours)));
    expect(hire.hoursToNewPeople).toBeGreaterThan(0);
    expect(hire.hoursToNewPeople).toBeLessThanOrEqual(gained + 1e-6);
    const text = cli('propose', SAMPLE).stdout;
    expect(text.indexOf('The file names no qualifications')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('The file names no qualifications')).toBeLessThan(text.indexOf('change hands'));
  });

  it('--qualify-from-current keeps such tasks with the people who do them now', () => {
    const r = json(cli('propose', SAMPLE, '--json', '--qualify-from-current'));
    expect(r.status).toBe('optimal');
    expect(r.flags.qualifyFromCurrent).toBe(true);
    expect(r.qualifications.qualifiedFromCurrent).toBe(true);
    expect(r.qualifications.hoursToNewPeople).toBeCloseTo(0, 9);
    const flagged = new Set(r.qualifications.tasks.map((t: any) => t.task));
    expect(flagged.has(HIRE)).toBe(true);
    const doesNow = (j: any, task: string) => [...j.kept, ...j.givenUp].some((k: any) => k.task === task);
    for (const j of r.jobs) for (const g of j.gained) if (flagged.has(g.task)) expect(doesNow(j, g.task), `${j.name} takes ${g.task} without doing it now`).toBe(true);
    expect(r.jobs.some((j: any) => j.gained.some((g: any) => g.task === HIRE) && !doesNow(j, HIRE))).toBe(false);
    expect(cli('propose', SAMPLE, '--qualify-from-current').stdout).toMatch(/stay with the people who do them now/);
  });

  it('lists training for each new task well above the person’s current empowerment, with trainers who do it now', () => {
    const r = json(cli('propose', SAMPLE, '--json'));
    expect(r.training.length).toBeGreaterThan(0);
    const before = new Map(r.jobs.map((j: any) => [j.name, j.empowermentBefore]));
    const doers = new Map<string, Set<string>>();
    for (const j of r.jobs) for (const k of [...j.kept, ...j.givenUp]) doers.set(k.task, (doers.get(k.task) ?? new Set()).add(j.name));
    for (const t of r.training) {
      expect(Object.keys(t).sort()).toEqual(['person', 'personEmpowerment', 'task', 'taskEmpowerment', 'trainers', 'trainingHours', 'weeklyHours']);
      expect(t.personEmpowerment).toBeCloseTo(before.get(t.person) as number, 3);
      expect(t.taskEmpowerment - t.personEmpowerment).toBeGreaterThan(2 * r.tolerance);
      expect(t.trainingHours).toBeGreaterThan(0);
      expect(t.trainers.length).toBeGreaterThan(0);
      for (const who of t.trainers) expect(doers.get(t.task)?.has(who), `${who} trains ${t.task}`).toBe(true);
    }
    expect(r.trainingHours).toBeCloseTo(sum(r.training.map((t: any) => t.trainingHours)), 9);
  });
});

describe('fairshare propose --chores: rotation over the quarter', () => {
  const CHORES = ['Clean restrooms', 'Empty trash and recycling'];
  let r: any;
  let out = '';
  beforeAll(() => {
    out = path.join(dir, 'rotation.xlsx');
    r = json(cli('propose', SAMPLE, '--json', '--chores', CHORES.join(';'), '--rotation-weeks', '6', '--out', out));
  });

  it('schedules every slot of every week, everyone within one slot of their fair share', () => {
    expect(r.flags.chores.sort()).toEqual([...CHORES].sort());
    expect(r.rotation.weeks).toBe(6);
    for (const c of r.rotation.chores) {
      const slots = r.rotation.slots.filter((s: any) => s.task === c.task);
      expect(slots).toHaveLength(c.slotsPerWeek * 6);
      expect(sum(slots.map((s: any) => s.hours))).toBeCloseTo(c.weeklyHours * 6, 9);
    }
    for (const p of r.rotation.perPerson) expect(Math.abs(p.choreHours - p.fairShare), p.person).toBeLessThanOrEqual(r.rotation.largestSlot + 1e-9);
    // Fair shares are proportional to weekly hours (nobody here is ineligible for a chore).
    const total = sum(r.rotation.perPerson.map((p: any) => p.fairShare));
    const allHours = sum(audit.people.map((a: any) => a.hours));
    for (const p of r.rotation.perPerson) {
      const hours = audit.people.find((a: any) => a.name === p.person).hours;
      expect(p.fairShare, p.person).toBeCloseTo((total * hours) / allHours, 6);
    }
  });

  it('puts each person’s weekly average of their rotation in the plan, with every total exact and every job within the band', () => {
    const { people, tasks } = totals(r.allocation);
    for (const p of audit.people) expect(Math.abs((people.get(p.name) ?? 0) - p.hours), p.name).toBeLessThanOrEqual(1e-9 * Math.max(1, p.hours));
    for (const t of audit.tasks) expect(Math.abs((tasks.get(t.name) ?? 0) - t.hours), t.name).toBeLessThanOrEqual(1e-9 * Math.max(1, t.hours));
    for (const p of r.rotation.perPerson) {
      const planned = sum(r.allocation.filter((a: any) => a.person === p.person && CHORES.includes(a.task)).map((a: any) => a.hours));
      expect(planned * 6, p.person).toBeCloseTo(p.choreHours, 9);
    }
    for (const dim of ['empowerment', 'desirability'] as const) {
      const mean = audit.metrics[dim].mean;
      for (const [p, s] of jobScores(r.allocation, audit, dim)) if (s !== null) expect(Math.abs(s - mean), `${dim} of ${p}`).toBeLessThanOrEqual(r.tolerance + 1e-6);
    }
  });

  it('writes a Rotation sheet (weeks × people) and says so in the text; an unknown chore name exits 2', () => {
    const s = sheets(out);
    expect(s.Rotation[0]).toEqual(['Person', 'Week 1', 'Week 2', 'Week 3', 'Week 4', 'Week 5', 'Week 6', 'Chore hours, all weeks', 'Fair share (hours)']);
    expect(s.Rotation.slice(1).map((row) => row[0])).toEqual(r.rotation.perPerson.map((p: any) => p.person));
    for (const row of s.Rotation.slice(1)) {
      const p = r.rotation.perPerson.find((x: any) => x.person === row[0]);
      expect(Number(row[7])).toBeCloseTo(p.choreHours, 9);
      const weeks = r.rotation.slots.filter((x: any) => x.person === row[0]).map((x: any) => x.week);
      for (let w = 1; w <= 6; w++) expect(Boolean(row[w]), `${row[0]} week ${w}`).toBe(weeks.includes(w));
    }
    const text = cli('propose', SAMPLE, '--chores', CHORES.join(';')).stdout;
    expect(text).toMatch(/Chore rotation over 13 weeks/);
    expect(text).toMatch(/within one slot/);
    const bad = cli('propose', SAMPLE, '--chores', 'Clean restrooms;Polish the moon');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"Polish the moon"/);
    expect(cli('propose', SAMPLE, '--rotation-weeks', '0').code).toBe(2);
  });
});
