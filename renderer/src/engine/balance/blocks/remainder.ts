/**
 * Where a rotation share that is not whole blocks goes (issue 14, chore rotation in the block plan).
 *
 * With chores rotating, each person's movable total changes by their share (personHours − what they
 * hold), usually a fraction like 6/13 h. Whole blocks cannot add up to it, so the rule is:
 *  1. Share: the part of a person's change that is not whole blocks of the state's block G (their
 *     shift less G·trunc(shift/G), same sign as the shift, |r| < G) sits in the one cell where the
 *     continuous plan has them give (shift < 0) or take (shift > 0) the most, preferring a task
 *     they hold and can absorb it in.
 *  2. Carried: a task's column must still change by whole blocks. Where the shares placed on one
 *     task do not add up to whole blocks, a person who holds that task and another one (qualified
 *     for both) carries the difference from the one to the other: −x on the first, +x on the
 *     second, their own total unchanged. Tasks are linked along a breadth-first tree over such
 *     people, so each difference travels to one root per group of linked tasks, where the shares,
 *     which add up to whole blocks over the organization, cancel. A link through a task new to
 *     the person (taken at ≥ the minimum block) is used only where no held path exists; its other
 *     holders may then take blocks back of the linking person's task (state.optional).
 * Every other cell changes by whole blocks; no hour is dropped (the offsets add up exactly to each
 * person's shift less whole blocks, and to whole blocks per task).
 */
import type { BlockState, PersonCells } from './state';

const NOISE = 1e-9;
/** Weight of a link person's task the plan changes anyway, against hours held (≤ 168 a week): changed tasks first. */
const CHANGED = 1000;

/** Offsets centred on whole blocks: x − G·round(x/G), in (−G/2, G/2]. */
const centred = (x: number, G: number) => x - G * Math.round(x / G);

/**
 * Sets the offsets of `state` (all 0 before) from the continuous plan `delta` (person index → task
 * index → hours). Returns null, or why the remainders cannot be placed (then nothing is usable).
 */
export function placeRemainders(state: BlockState, delta: Map<number, Map<number, number>>): string | null {
  const G = state.g;
  const people = state.people;
  let total = 0;
  for (const p of people) total += p.shift;
  if (Math.abs(total) > 1e-6) return `the hours people end with add up to ${round(total)} h more than the movable hours (some work is not rated in every dimension balanced)`;
  for (let pi = 0; pi < people.length; pi++) {
    const p = people[pi];
    if (p.shift === 0) continue;
    // Someone left with no movable task must take new ones, each at least the minimum block.
    const held = p.cur.reduce((a, b) => a + b, 0);
    if (held === 0 && p.shift > 0 && p.shift < state.minBlock - NOISE) return `${p.id} ends with ${round(p.shift)} h a week of work besides the chores, less than the ${state.minBlock} h minimum block of a task new to them`;
    const r = p.shift - G * Math.trunc(p.shift / G);
    if (Math.abs(r) <= NOISE) continue;
    const s = shareCell(state, p, delta.get(pi) ?? new Map(), r);
    if (s < 0) return `${p.id}'s rotation share (${round(p.shift)} h) has no task to sit in`;
    state.setOffset(p, s, p.off[s] + r);
    p.shareSlot = s;
  }
  return carry(state, delta);
}

/** The cell for p's remainder r: where the continuous plan changes p most in r's direction, held first. */
function shareCell(state: BlockState, p: PersonCells, row: Map<number, number>, r: number): number {
  let best = -1;
  let bestKey: number[] = [];
  const consider = (s: number) => {
    const ti = p.task[s];
    const held = p.cur[s] > 0;
    const d = row.get(ti) ?? 0;
    // Taking needs the qualification; giving needs the hours (else blocks must be added back).
    const fits = r > 0 ? state.qualified(p, ti) : p.cur[s] >= -r - NOISE;
    if (r > 0 && !state.qualified(p, ti) && !held) return;
    if (!held && r < 0) return;
    const key = [fits ? 1 : 0, held ? 1 : 0, Math.sign(r) * d, p.cur[s], -ti];
    if (best < 0 || greater(key, bestKey)) [best, bestKey] = [s, key];
  };
  // New cells the plan gives p (they are taken anyway) are candidates too.
  for (const [ti, h] of row) if (h > NOISE && state.slot(p, ti) < 0 && state.qualified(p, ti)) state.addSlot(p, ti);
  for (let s = 0; s < p.task.length; s++) consider(s);
  return best;
}

const greater = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
};

/** Routes every task's offsets that are not whole blocks to a root through people holding two tasks. */
function carry(state: BlockState, delta: Map<number, Map<number, number>>): string | null {
  const G = state.g;
  const residual = new Map<number, number>();
  for (const p of state.people) p.off.forEach((h, s) => h !== 0 && residual.set(p.task[s], (residual.get(p.task[s]) ?? 0) + h));
  for (const [ti, h] of residual) residual.set(ti, centred(h, G));
  const open = [...residual].filter(([, h]) => Math.abs(h) > NOISE).map(([ti]) => ti);
  if (!open.length) return null;
  // Task graph: an edge t–u through one person, cost 0 when they hold both, 1 when they hold t and
  // may take u as a new task (then taken at ≥ the minimum block). A held end must absorb either
  // sign of x: qualified (blocks can be added) or holding at least a block.
  const links = new Map<number, Map<number, Link>>();
  const link = (t: number, u: number, l: Link) => {
    const m = links.get(t) ?? new Map<number, Link>();
    const old = m.get(u);
    if (!old || l.cost < old.cost || (l.cost === old.cost && l.w > old.w)) m.set(u, l);
    links.set(t, m);
  };
  const tasksWithResidual = new Set(open);
  state.people.forEach((p, pi) => {
    const held = p.task.map((ti, s) => [ti, s] as const).filter(([ti, s]) => p.cur[s] > 0 && (state.qualified(p, ti) || p.cur[s] >= G - NOISE));
    const heldSet = new Set(p.task.filter((_, s) => p.cur[s] > 0));
    for (const [t, st] of held) {
      // Someone the plan changes in both tasks carries a remainder without a new change of their own.
      const changed = (ti: number) => Math.abs(delta.get(pi)?.get(ti) ?? 0) > NOISE;
      for (const [u, su] of held) if (t !== u) link(t, u, { pi, st, su, u, w: (changed(t) ? CHANGED : 0) + (changed(u) ? CHANGED : 0) + Math.min(p.cur[st], p.cur[su]), cost: 0 });
      // New-task links only towards tasks that need them (else the graph is people × tasks).
      for (const u of tasksWithResidual) if (!heldSet.has(u) && state.qualified(p, u)) {
        link(t, u, { pi, st, su: -1, u, w: p.cur[st], cost: 1 });
        link(u, t, { pi, st: -1, su: st, u: t, w: p.cur[st], cost: 1 });
      }
    }
  });
  const parent = new Map<number, { task: number; pi: number; st: number; su: number; childTask: number } | null>();
  const order: number[] = [];
  for (const root of open) {
    if (parent.has(root)) continue;
    parent.set(root, null);
    // 0-1 breadth-first: a path through held tasks is preferred to one through a new task.
    const dist = new Map<number, number>([[root, 0]]);
    const deque = [root];
    const tree: number[] = [];
    const done = new Set<number>();
    while (deque.length) {
      const t = deque.shift()!;
      if (done.has(t)) continue;
      done.add(t);
      tree.push(t);
      for (const [u, l] of [...(links.get(t) ?? [])].sort((a, b) => a[0] - b[0])) {
        if (done.has(u) || (parent.has(u) && parent.get(u) === null)) continue;
        const d = dist.get(t)! + l.cost;
        if (dist.has(u) && dist.get(u)! <= d) continue;
        dist.set(u, d);
        // The link's slots: st on t's side, su on u's; carrying from u up to t moves (u → t).
        parent.set(u, { task: t, pi: l.pi, st: l.su, su: l.st, childTask: u });
        if (l.cost === 0) deque.unshift(u);
        else deque.push(u);
      }
    }
    order.push(...tree.reverse());
  }
  // Leaves first: a task's residual x moves to its parent through the linking person.
  for (const t of order) {
    const x = centred(residual.get(t) ?? 0, G);
    const up = parent.get(t);
    if (Math.abs(x) <= NOISE) continue;
    if (!up) return `the rotation remainders on task ${state.tasks[t].id} (${round(x)} h) cannot be passed to any other task`;
    const p = state.people[up.pi];
    // A missing slot is the new task the link gives the person.
    const from = state.slot(p, t) >= 0 ? state.slot(p, t) : state.addSlot(p, t);
    const to = state.slot(p, up.task) >= 0 ? state.slot(p, up.task) : state.addSlot(p, up.task);
    // A new task for p (taken at ≥ the minimum block) takes whole blocks from its holders too: let
    // them take blocks of p's other task back, or rounding may have no way to balance their rows.
    if (p.cur[from] === 0) offerBack(state, up.pi, t, up.task);
    if (p.cur[to] === 0) offerBack(state, up.pi, up.task, t);
    state.setOffset(p, from, p.off[from] - x);
    state.setOffset(p, to, p.off[to] + x);
    // Carried through p's own share cell and cancelling it: p's share now sits in the other cell.
    if (p.shareSlot === from && Math.abs(p.off[from]) <= NOISE) p.shareSlot = to;
    else if (p.shareSlot === to && Math.abs(p.off[to]) <= NOISE) p.shareSlot = from;
    residual.set(t, 0);
    residual.set(up.task, (residual.get(up.task) ?? 0) + x);
  }
  // Whole blocks carried are blocks, not remainders (rounding's row and column sums take them up);
  // float noise is nothing.
  for (const p of state.people) {
    p.off.forEach((h, s) => {
      const x = s === p.shareSlot ? h : centred(h, G);
      if (x !== h || (h !== 0 && Math.abs(h) <= NOISE)) state.setOffset(p, s, Math.abs(x) <= NOISE ? 0 : x);
    });
  }
  return null;
}

/** Holders of `taken` (new to person `pi`) may take blocks of `given`, which pi holds. */
function offerBack(state: BlockState, pi: number, taken: number, given: number): void {
  state.people.forEach((h, hi) => {
    if (hi === pi) return;
    const s = state.slot(h, taken);
    if (s < 0 || h.cur[s] <= 0 || !state.qualified(h, given)) return;
    const sg = state.slot(h, given);
    if (sg < 0 || h.cur[sg] === 0) h.optional.add(given);
  });
}

interface Link {
  pi: number;
  /** Slots of the two tasks in person pi (-1: not held, taken new). */
  st: number;
  su: number;
  u: number;
  w: number;
  cost: number;
}

const round = (x: number) => Math.round(x * 100) / 100;
