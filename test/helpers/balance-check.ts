/**
 * An independent feasibility checker for proposals (DESIGN.md §1 "Rebalancing"). It recomputes
 * everything from the organization and the proposed allocation by itself — hours per task and
 * per person, every job's E_i = Σ h·ê / Σ rated h and the hours-weighted mean — and does not call
 * any engine scoring, so a bug shared by the engine's scoring and its optimizer cannot hide here.
 */
import type { Organization } from '../../renderer/src/engine/model/types';

export type Hours = Map<string, Map<string, number>>;

export interface Cell {
  personId: string;
  taskId: string;
  hours: number;
}

export interface CheckOptions {
  /** τ in points of the organization's scale. */
  tolerance: number;
  /** Also check the desirability band (and freeze tasks without D). */
  desirability?: boolean;
  /** Allowed drift of task and person totals (default 0.01 h). */
  hoursSlack?: number;
  /** Allowed excess over τ, in points (default 1e-6). */
  bandSlack?: number;
  /** Skip the band check (e.g. after rounding, which may leave jobs outside it). */
  skipBand?: boolean;
}

const normQ = (q: string) => q.trim().toLowerCase();

export function hoursOf(cells: readonly Cell[]): Hours {
  const out: Hours = new Map();
  for (const c of cells) {
    let m = out.get(c.personId);
    if (!m) out.set(c.personId, (m = new Map()));
    m.set(c.taskId, (m.get(c.taskId) ?? 0) + c.hours);
  }
  return out;
}

export const get = (h: Hours, p: string, t: string) => h.get(p)?.get(t) ?? 0;

export function personTotals(h: Hours): Map<string, number> {
  const out = new Map<string, number>();
  for (const [p, ts] of h) for (const v of ts.values()) out.set(p, (out.get(p) ?? 0) + v);
  return out;
}

export function taskTotals(h: Hours): Map<string, number> {
  const out = new Map<string, number>();
  for (const ts of h.values()) for (const [t, v] of ts) out.set(t, (out.get(t) ?? 0) + v);
  return out;
}

/** Whether `p` holds every qualification `t` requires (trimmed, case-insensitive). */
export function qualified(o: Organization, personId: string, taskId: string): boolean {
  const p = o.people.find((x) => x.id === personId);
  const t = o.tasks.find((x) => x.id === taskId);
  if (!p || !t) return false;
  const held = new Set(p.qualifications.map(normQ));
  return t.requires.every((r) => held.has(normQ(r)));
}

/** Tasks the optimizer may not move: no E rating (or no D rating when D is balanced). */
export function frozenTasks(o: Organization, desirability = false): Set<string> {
  return new Set(o.tasks.filter((t) => t.empowerment === null || (desirability && t.desirability === null)).map((t) => t.id));
}

export interface Job {
  personId: string;
  /** Rated hours and the job's score, in points (null with no rated hours). */
  ratedE: number;
  e: number | null;
  ratedD: number;
  d: number | null;
}

export interface Scores {
  jobs: Job[];
  /** Hours-weighted means over rated hours, in points (null with no rated hours). */
  meanE: number | null;
  meanD: number | null;
}

/** Every job's E_i and D_i and the hours-weighted means, in points, from an hours map. */
export function scores(o: Organization, h: Hours): Scores {
  const tasks = new Map(o.tasks.map((t) => [t.id, t]));
  const range = o.scale.max - o.scale.min;
  const pts = (x: number) => o.scale.min + x * range;
  let mE = 0, hE = 0, mD = 0, hD = 0;
  const jobs: Job[] = o.people.map((p) => {
    let me = 0, re = 0, md = 0, rd = 0;
    for (const [tid, v] of h.get(p.id) ?? []) {
      const t = tasks.get(tid);
      if (!t) continue;
      if (t.empowerment !== null) { me += v * t.empowerment; re += v; }
      if (t.desirability !== null) { md += v * t.desirability; rd += v; }
    }
    mE += me; hE += re; mD += md; hD += rd;
    return { personId: p.id, ratedE: re, e: re > 1e-12 ? pts(me / re) : null, ratedD: rd, d: rd > 1e-12 ? pts(md / rd) : null };
  });
  return { jobs, meanE: hE > 0 ? pts(mE / hE) : null, meanD: hD > 0 ? pts(mD / hD) : null };
}

/** Largest distance of any job from the mean, in points (E, and D when asked). */
export function spread(o: Organization, h: Hours, desirability = false): number {
  const s = scores(o, h);
  let out = 0;
  for (const j of s.jobs) {
    if (j.e !== null && s.meanE !== null) out = Math.max(out, Math.abs(j.e - s.meanE));
    if (desirability && j.d !== null && s.meanD !== null) out = Math.max(out, Math.abs(j.d - s.meanD));
  }
  return out;
}

/** People whose job is outside ±τ (+ slack) of the mean, E or (when asked) D. */
export function outsideBand(o: Organization, h: Hours, tolerance: number, desirability = false, slack = 1e-6): string[] {
  const s = scores(o, h);
  return s.jobs
    .filter((j) => (j.e !== null && s.meanE !== null && Math.abs(j.e - s.meanE) > tolerance + slack) || (desirability && j.d !== null && s.meanD !== null && Math.abs(j.d - s.meanD) > tolerance + slack))
    .map((j) => j.personId);
}

/** The organization's current hours, person → task (summing duplicate rows). */
export function currentOf(o: Organization): Hours {
  return hoursOf(o.assignments.filter((a) => a.hours > 0));
}

/** Locked hours, person → task. */
export function lockedOf(o: Organization): Hours {
  return hoursOf(o.assignments.filter((a) => a.locked && a.hours > 0));
}

/** Σ max(0, after − before) over person × task: the hours that change hands. */
export function moved(before: Hours, after: Hours): number {
  let total = 0;
  const keys = new Set<string>();
  for (const [p, ts] of after) for (const t of ts.keys()) keys.add(`${p}\u0000${t}`);
  for (const k of keys) {
    const [p, t] = k.split('\u0000');
    total += Math.max(0, get(after, p, t) - get(before, p, t));
  }
  return total;
}

/** ½ Σ |after − before| over every person × task that appears in either. */
export function halfAbsDelta(before: Hours, after: Hours): number {
  const keys = new Set<string>();
  for (const h of [before, after]) for (const [p, ts] of h) for (const t of ts.keys()) keys.add(`${p}\u0000${t}`);
  let total = 0;
  for (const k of keys) {
    const [p, t] = k.split('\u0000');
    total += Math.abs(get(after, p, t) - get(before, p, t));
  }
  return total / 2;
}

/**
 * Every way the proposed allocation breaks the rebalancing constraints; empty when it is feasible.
 * Checks: hours finite and ≥ 0; every person and task known; task and person totals kept; every
 * job with rated hours within ±τ of the mean (E, and D when asked); new hours only to qualified
 * people; locked hours still with their holder; frozen (unrated) tasks exactly as before.
 */
export function violations(o: Organization, allocation: readonly Cell[], opts: CheckOptions): string[] {
  const out: string[] = [];
  const hoursSlack = opts.hoursSlack ?? 0.01;
  const bandSlack = opts.bandSlack ?? 1e-6;
  const people = new Set(o.people.map((p) => p.id));
  const taskIds = new Set(o.tasks.map((t) => t.id));
  for (const c of allocation) {
    if (!Number.isFinite(c.hours) || c.hours < -1e-9) out.push(`bad hours ${c.hours} for ${c.personId}/${c.taskId}`);
    if (!people.has(c.personId)) out.push(`unknown person ${c.personId}`);
    if (!taskIds.has(c.taskId)) out.push(`unknown task ${c.taskId}`);
  }
  const before = currentOf(o);
  const after = hoursOf(allocation);

  const tb = taskTotals(before), ta = taskTotals(after);
  for (const t of new Set([...tb.keys(), ...ta.keys()])) {
    const d = (ta.get(t) ?? 0) - (tb.get(t) ?? 0);
    if (Math.abs(d) > hoursSlack) out.push(`task ${t}: ${tb.get(t) ?? 0} h before, ${ta.get(t) ?? 0} h after`);
  }
  const pb = personTotals(before), pa = personTotals(after);
  for (const p of new Set([...pb.keys(), ...pa.keys()])) {
    const d = (pa.get(p) ?? 0) - (pb.get(p) ?? 0);
    if (Math.abs(d) > hoursSlack) out.push(`person ${p}: ${pb.get(p) ?? 0} h before, ${pa.get(p) ?? 0} h after`);
  }

  if (!opts.skipBand) {
    const sb = scores(o, before);
    const sa = scores(o, after);
    if (sb.meanE !== null && sa.meanE !== null && Math.abs(sb.meanE - sa.meanE) > 1e-6) out.push(`mean E moved: ${sb.meanE} → ${sa.meanE}`);
    for (const j of sa.jobs) {
      if (j.e !== null && sb.meanE !== null && Math.abs(j.e - sb.meanE) > opts.tolerance + bandSlack) out.push(`E of ${j.personId} is ${j.e}, mean ${sb.meanE}, τ ${opts.tolerance}`);
      if (opts.desirability && j.d !== null && sb.meanD !== null && Math.abs(j.d - sb.meanD) > opts.tolerance + bandSlack) out.push(`D of ${j.personId} is ${j.d}, mean ${sb.meanD}, τ ${opts.tolerance}`);
    }
  }

  for (const [p, ts] of after) {
    for (const [t, v] of ts) {
      const gain = v - get(before, p, t);
      if (gain > 1e-9 && !qualified(o, p, t)) out.push(`${p} gains ${gain} h of ${t} without its qualification`);
    }
  }
  for (const [p, ts] of lockedOf(o)) {
    for (const [t, v] of ts) if (get(after, p, t) < v - 1e-9) out.push(`locked ${p}/${t}: ${v} h before, ${get(after, p, t)} h after`);
  }
  const frozen = frozenTasks(o, opts.desirability);
  for (const p of new Set([...before.keys(), ...after.keys()])) {
    for (const t of frozen) {
      const b = get(before, p, t), a = get(after, p, t);
      if (Math.abs(a - b) > 1e-9) out.push(`unrated ${t}: ${p} had ${b} h, now ${a} h`);
    }
  }
  return out;
}
