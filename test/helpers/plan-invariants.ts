/**
 * Issue 14's "What must hold", checked from the organization and a plan's allocation alone: its own
 * arithmetic for job scores, totals and changes, with no engine import but types, so a bug shared
 * by the engine's planner and its own checker (blocks/report.ts, analysis/jobScores.ts) cannot hide.
 */
import type { Organization } from '../../renderer/src/engine/model/types';

/** The parts of a plan (BlockPlan, or carryOut's proposal with its block plan) the invariants read. */
export interface PlanToCheck {
  allocation: readonly { personId: string; taskId: string; hours: number }[];
  movedHours: number;
  /** The exact LP minimum of hours moved; null when it was not solved. */
  bound: number | null;
  /** People the plan reports over K new tasks. */
  overNewTasks: readonly { personId: string }[];
}

export interface PlanRules {
  /** τ in points of the organization's scale. */
  tolerance: number;
  /** Also hold every job's D within the band (and leave tasks without D untouched). */
  desirability: boolean;
  /** Hours a week; every change is a whole multiple of it (0: no rule). */
  granularity: number;
  /** Hours a week a task new to a person is taken at, at least. */
  minBlock: number;
  /** Most new tasks per person, unless the person is in overNewTasks. */
  maxNewTasks: number;
}

/** Slack of every check: 1e-9 (points for the band, hours elsewhere), as issue 14 asks; float noise is ~1e-13 here. */
export const EPS = 1e-9;

type Hours = Map<string, Map<string, number>>;
const key = (p: string, t: string) => `${p}\u0000${t}`;
const normQ = (q: string) => q.trim().toLowerCase();

function table(rows: readonly { personId: string; taskId: string; hours: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.hours !== 0) out.set(key(r.personId, r.taskId), (out.get(key(r.personId, r.taskId)) ?? 0) + r.hours);
  return out;
}

/** Σ over person × task of max(0, after − before): the hours that change hands. */
export function movedBetween(before: Map<string, number>, after: Map<string, number>): number {
  let total = 0;
  for (const [k, v] of after) total += Math.max(0, v - (before.get(k) ?? 0));
  return total;
}

/**
 * Job scores in points: E_i = min + range·Σ h·ê / Σ h over the person's E-rated hours (D alike),
 * null without rated hours; and the hours-weighted means over everyone's rated hours.
 */
export function jobScores(o: Organization, cells: Map<string, number>, dim: 'empowerment' | 'desirability'): { jobs: Map<string, number | null>; mean: number | null } {
  const rating = new Map(o.tasks.map((t) => [t.id, t[dim]]));
  const mass = new Map<string, number>(), rated = new Map<string, number>();
  let M = 0, H = 0;
  for (const [k, h] of cells) {
    const [p, t] = k.split('\u0000');
    const r = rating.get(t);
    if (r === null || r === undefined) continue;
    mass.set(p, (mass.get(p) ?? 0) + h * r);
    rated.set(p, (rated.get(p) ?? 0) + h);
    M += h * r;
    H += h;
  }
  const range = o.scale.max - o.scale.min;
  const pts = (x: number) => o.scale.min + x * range;
  const jobs = new Map(o.people.map((p) => [p.id, (rated.get(p.id) ?? 0) > 1e-12 ? pts(mass.get(p.id)! / rated.get(p.id)!) : null]));
  return { jobs, mean: H > 0 ? pts(M / H) : null };
}

/** Every way `plan` breaks issue 14's invariants under `rules`; empty when it keeps them all. */
export function planInvariantViolations(o: Organization, plan: PlanToCheck, rules: PlanRules): string[] {
  const out: string[] = [];
  const before = table(o.assignments.filter((a) => a.hours > 0));
  const after = table(plan.allocation);
  const people = new Set(o.people.map((p) => p.id));
  const tasks = new Map(o.tasks.map((t) => [t.id, t]));
  for (const c of plan.allocation) {
    if (!Number.isFinite(c.hours) || c.hours < 0) out.push(`${c.personId}/${c.taskId}: hours ${c.hours}`);
    if (!people.has(c.personId) || !tasks.has(c.taskId)) out.push(`${c.personId}/${c.taskId}: unknown person or task`);
  }

  // Totals per task and per person: exactly the input's.
  for (const side of [0, 1] as const) {
    const sum = (m: Map<string, number>) => {
      const s = new Map<string, number>();
      for (const [k, h] of m) s.set(k.split('\u0000')[side], (s.get(k.split('\u0000')[side]) ?? 0) + h);
      return s;
    };
    const b = sum(before), a = sum(after);
    for (const id of new Set([...b.keys(), ...a.keys()])) {
      if (Math.abs((a.get(id) ?? 0) - (b.get(id) ?? 0)) > EPS) out.push(`${side ? 'task' : 'person'} ${id}: ${b.get(id) ?? 0} h before, ${a.get(id) ?? 0} h after`);
    }
  }

  // Per person × task: whole blocks, the minimum block for a new task, qualifications, locks, frozen tasks.
  const held = new Map(o.people.map((p) => [p.id, new Set(p.qualifications.map(normQ))]));
  const locked = table(o.assignments.filter((a) => a.locked && a.hours > 0));
  const frozen = (t: string) => tasks.get(t)?.empowerment === null || (rules.desirability && tasks.get(t)?.desirability === null);
  const newCount = new Map<string, number>();
  const g = rules.granularity;
  for (const k of new Set([...before.keys(), ...after.keys(), ...locked.keys()])) {
    const [p, t] = k.split('\u0000');
    const was = before.get(k) ?? 0, now = after.get(k) ?? 0, d = now - was;
    if (now < (locked.get(k) ?? 0) - EPS) out.push(`${p}/${t}: ${locked.get(k)} h locked, ${now} h after`);
    if (Math.abs(d) <= EPS) continue;
    if (g > 0 && Math.abs(d - g * Math.round(d / g)) > EPS) out.push(`${p}/${t}: change ${d} h is not a multiple of ${g} h`);
    if (was <= 0 && now > 0) {
      newCount.set(p, (newCount.get(p) ?? 0) + 1);
      if (now < rules.minBlock - EPS) out.push(`${p}/${t}: new task at ${now} h, under the ${rules.minBlock} h minimum block`);
    }
    const needs = tasks.get(t)?.requires ?? [];
    if (d > 0 && !needs.every((r) => held.get(p)?.has(normQ(r)))) out.push(`${p}/${t}: gains ${d} h without the qualification (${needs.join(', ')})`);
    if (frozen(t)) out.push(`${p}/${t}: unrated task changed by ${d} h`);
  }
  const reported = new Set(plan.overNewTasks.map((x) => x.personId));
  for (const [p, n] of newCount) if (n > rules.maxNewTasks && !reported.has(p)) out.push(`${p}: ${n} new tasks, more than ${rules.maxNewTasks}, not reported`);

  // The band: every job within ±τ of the hours-weighted mean, E and (when asked) D; the means cannot move.
  for (const dim of rules.desirability ? (['empowerment', 'desirability'] as const) : (['empowerment'] as const)) {
    const was = jobScores(o, before, dim), now = jobScores(o, after, dim);
    if (was.mean === null || now.mean === null) continue;
    if (Math.abs(was.mean - now.mean) > EPS) out.push(`mean ${dim} moved: ${was.mean} → ${now.mean}`);
    for (const [p, s] of now.jobs) if (s !== null && Math.abs(s - was.mean) > rules.tolerance + EPS) out.push(`${dim} of ${p} is ${s}, ${Math.abs(s - was.mean) - rules.tolerance} points beyond ±${rules.tolerance} of ${was.mean}`);
  }

  // Hours moved as the plan says, and never fewer than the exact LP minimum.
  const moved = movedBetween(before, after);
  if (Math.abs(moved - plan.movedHours) > 1e-6) out.push(`movedHours ${plan.movedHours} but the allocation moves ${moved} h`);
  if (plan.bound !== null && plan.movedHours < plan.bound - EPS) out.push(`plan moves ${plan.movedHours} h < bound ${plan.bound} h`);
  return out;
}
