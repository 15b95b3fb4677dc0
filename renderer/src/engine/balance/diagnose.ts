/**
 * Explains an infeasible tolerance (DESIGN.md §1): finds the tightest tolerance reachable and
 * names what blocks the one asked for, by re-solving with groups of constraints relaxed —
 * all qualifications, then each qualification alone; all locks, then each person's locks (with
 * every qualification kept, so a lock is named only when it blocks given the qualifications); and
 * when neither explains it, each person with hours that cannot move (locked, or on tasks without
 * a rating in a balanced dimension) exempted from their band in turn.
 */
import type { Highs } from 'highs';
import type { Organization } from '../model/types';
import { buildModel } from './model';
import { tightestTau } from './lp';
import { TIME_LIMITS } from './solverRun';
import type { Blocker, Diagnosis } from './types';

/** All the diagnosis's trial solves together stop being tried after this long (ms). */
const DIAGNOSIS_BUDGET_MS = 60_000;

/** Most single relaxations tried one by one before reporting a group as a whole. */
const MAX_SINGLE_TRIALS = 25;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** `timeLimit`: seconds per trial solve. */
export function diagnose(org: Organization, balanceD: boolean, tauPoints: number, highs: Highs, timeLimit: number = TIME_LIMITS.diagnosis): Diagnosis {
  const range = org.scale.max - org.scale.min;
  const tau = tauPoints / range;
  // Each trial has its own time limit, and the trials together a budget: past it, none is tried.
  const deadline = Date.now() + DIAGNOSIS_BUDGET_MS;
  let timedOut = false;
  const trial = (run: () => ReturnType<typeof tightestTau>): number | null => {
    if (Date.now() > deadline) {
      timedOut = true;
      return null;
    }
    const t = run();
    if (typeof t === 'string') {
      timedOut = true;
      return null;
    }
    return t;
  };
  const reach = (o: Organization, ignoreQualifications = false) => trial(() => tightestTau(buildModel(o, balanceD), highs, ignoreQualifications, new Set(), timeLimit));
  const tightest = reach(org);
  const tightestPoints = tightest === null ? null : Math.ceil(tightest * range * 100 - 1e-6) / 100;
  const blockers: Blocker[] = [];
  const names = new Map(org.people.map((p) => [p.id, p.name]));
  const ok = (t: number | null) => t !== null && t <= tau + 1e-9;

  const requirements = [...new Set(org.tasks.flatMap((t) => t.requires.map((r) => r.trim().toLowerCase())))].filter(Boolean);
  if (requirements.length && ok(reach(org, true))) {
    for (const r of requirements.slice(0, MAX_SINGLE_TRIALS)) {
      const relaxed = { ...org, tasks: org.tasks.map((t) => ({ ...t, requires: t.requires.filter((q) => q.trim().toLowerCase() !== r) })) };
      if (ok(reach(relaxed))) {
        const tasks = org.tasks.filter((t) => t.requires.some((q) => q.trim().toLowerCase() === r)).map((t) => t.name);
        const holders = org.people.filter((p) => p.qualifications.some((q) => q.trim().toLowerCase() === r)).length;
        blockers.push({ kind: 'qualification', name: r, message: `Only ${holders} ${holders === 1 ? 'person holds' : 'people hold'} "${r}", which ${tasks.slice(0, 3).map((t) => `"${t}"`).join(', ')}${tasks.length > 3 ? ' and others' : ''} require${tasks.length === 1 ? 's' : ''}` });
      }
    }
    if (!blockers.length) blockers.push({ kind: 'qualification', name: 'qualifications', message: 'The required qualifications together keep empowering tasks with too few people' });
  }
  // A lock is named only when releasing it meets the tolerance with every qualification still required.
  const lockedPeople = [...new Set(org.assignments.filter((a) => a.locked).map((a) => a.personId))];
  if (lockedPeople.length && ok(reach({ ...org, assignments: org.assignments.map((a) => ({ ...a, locked: false })) }))) {
    for (const p of lockedPeople.slice(0, MAX_SINGLE_TRIALS)) {
      const relaxed = { ...org, assignments: org.assignments.map((a) => (a.personId === p ? { ...a, locked: false } : a)) };
      if (ok(reach(relaxed))) blockers.push({ kind: 'lock', name: names.get(p) ?? p, message: `"${names.get(p) ?? p}"'s locked assignments keep their job outside the band` });
    }
    if (!blockers.some((b) => b.kind === 'lock')) {
      // No single person's locks are the cause; together they are. Name everyone whose locks count.
      for (const p of lockedPeople.slice(0, 6)) {
        blockers.push({ kind: 'lock', name: names.get(p) ?? p, jointly: true, message: `"${names.get(p) ?? p}"'s locked assignments, together with the other locks, keep some jobs outside the band` });
      }
    }
  }
  if (!blockers.length && lockedPeople.length && requirements.length && ok(reach({ ...org, assignments: org.assignments.map((a) => ({ ...a, locked: false })) }, true))) {
    // Neither the locks alone nor the qualifications alone block it, but the two together do.
    const who = lockedPeople.slice(0, 6).map((p) => names.get(p) ?? p);
    blockers.push({ kind: 'qualification', name: 'qualifications', jointly: true, message: `The required qualifications, together with the locked assignments of ${who.map((n) => `"${n}"`).join(', ')}${lockedPeople.length > 6 ? ' and others' : ''}, keep some jobs outside the band; neither alone does` });
    for (const n of who) blockers.push({ kind: 'lock', name: n, jointly: true, message: `"${n}"'s locked assignments, together with the required qualifications, keep some jobs outside the band` });
  }
  if (!blockers.length) {
    // Hours that cannot move: locked, or on tasks without a rating in a balanced dimension.
    const model = buildModel(org, balanceD);
    const taskName = new Map(org.tasks.map((t) => [t.id, t.name]));
    const withFixed = [...model.fixed.keys()].slice(0, MAX_SINGLE_TRIALS);
    const describe = (p: string, together: boolean): Blocker => {
      const tasks = [...(model.fixed.get(p) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
      const list = tasks.slice(0, 3).map(([t, h]) => `${taskName.get(t) ?? t} ${round2(h)} h`).join(', ');
      const what = `holds hours that cannot move (${list}${tasks.length > 3 ? ', …' : ''}: locked, or without a${balanceD ? ' desirability or' : 'n'} empowerment rating)`;
      return { kind: 'person', name: names.get(p) ?? p, jointly: together || undefined, message: `"${names.get(p) ?? p}" ${what}${together ? ', which together with the others keeps some jobs outside the band' : ''}` };
    };
    for (const p of withFixed) if (ok(trial(() => tightestTau(model, highs, false, new Set([p]), timeLimit)))) blockers.push(describe(p, false));
    if (!blockers.length && withFixed.length && ok(trial(() => tightestTau(model, highs, false, new Set(withFixed), timeLimit)))) {
      for (const p of withFixed.slice(0, 6)) blockers.push(describe(p, true));
    }
  }
  if (!blockers.length && balanceD) {
    // Tasks rated for empowerment but not desirability stay where they are when D is balanced.
    const hours = new Map<string, number>();
    for (const a of org.assignments) hours.set(a.taskId, (hours.get(a.taskId) ?? 0) + a.hours);
    const unratedD = org.tasks.filter((t) => t.empowerment !== null && t.desirability === null && (hours.get(t.id) ?? 0) > 0);
    const rated = org.tasks.filter((t) => t.desirability !== null);
    const neutral = rated.length ? rated.reduce((s, t) => s + t.desirability!, 0) / rated.length : 0.5;
    if (unratedD.length && ok(reach({ ...org, tasks: org.tasks.map((t) => (t.desirability === null && t.empowerment !== null ? { ...t, desirability: neutral } : t)) }))) {
      for (const t of unratedD.slice(0, 6)) {
        blockers.push({ kind: 'task', name: t.name, jointly: unratedD.length > 1 || undefined, message: `"${t.name}" has no desirability rating, so its ${round2(hours.get(t.id) ?? 0)} h cannot move; rate it so it can be shared` });
      }
    }
  }
  const asked = round2(tauPoints);
  const late = timedOut ? ` The diagnosis stopped at the solver's time limit, so it may be incomplete.` : '';
  const message = tightestPoints === null
    ? timedOut
      ? `A tolerance of ±${asked} points cannot be met; the solver's time limit was reached before the tightest reachable tolerance was found.`
      : `No tolerance can be met: locked or fixed hours alone put some jobs out of reach.`
    : `A tolerance of ±${asked} points cannot be met; the tightest reachable is ±${tightestPoints}.${blockers.length ? ` ${blockers.map((b) => b.message).join('. ')}.` : ''}${late}`;
  return { tightestTolerance: tightestPoints, blockers, message };
}
