/**
 * Local repair of a block plan: while some job is outside the band, the worst one swaps blocks with
 * a partner — it gives s blocks of one of its tasks and takes s blocks of one of the partner's —
 * so every person's and every task's total stays exact and every change stays whole blocks. The
 * swap chosen reduces the total excess (Σ over people and dimensions of how far beyond ±τ) the
 * most, less a small charge per hour it adds to the hours moved; the total excess falls strictly
 * with every swap, so the repair ends. Locked and frozen hours are not cells, so they never move.
 */
import { type BlockState, type PersonCells } from './state';

/**
 * Charge per hour moved against the excess a swap removes (normalized points per hour). One block
 * moves a 40 h job's score by about 0.5 h × 0.5 / 40 h ≈ 0.006, so 0.02 an hour (0.01 a block)
 * makes a swap that adds moved hours win only where it removes clearly more excess than one that
 * adds none. Measured with bench/blocks.mjs (Riverside and 30–600 generated people): as a mere
 * tie-breaker (1e-4) repair paid ~60 h to restore the band on 50 people (gap 24.3%); 0.01–0.02 cut
 * the gap 3–6 points at every size; 0.03 and above start to cost again (50 people: 21%).
 */
const MOVE_CHARGE = 0.02;
/**
 * Partners tried first for a large organization: the ones with the most room on the side the
 * violator's hours push them to (all others are tried only when none of these gives a swap).
 * Measured on the 2,000-person bench set: scanning everyone costs ~50 ms a swap.
 */
const FIRST_PARTNERS = 250;
/** Smallest excess reduction that counts (normalized points): float noise is not progress. */
const PROGRESS = 1e-13;

interface Swap {
  j: number;
  sa: number; // slot of task a in i (given to j)
  tb: number; // task index b (given by j to i)
  s: number;
  score: number;
}

/** Repairs in place until every job is in band, nothing improves, or `deadline` (ms since epoch) passes. Returns whether the deadline stopped it. */
export function repair(state: BlockState, maxNew: number, deadline: number): boolean {
  const people = state.people;
  const stuck = new Set<number>();
  for (;;) {
    if (Date.now() > deadline) return true;
    let i = -1;
    let worst = 0;
    people.forEach((p, pi) => {
      const x = state.excess(p);
      if (x > worst && !stuck.has(pi)) [i, worst] = [pi, x];
    });
    if (i < 0) return false;
    const best = bestSwap(state, i, maxNew, partners(state, i)) ?? (people.length > FIRST_PARTNERS ? bestSwap(state, i, maxNew, null) : null);
    if (!best) {
      stuck.add(i);
      continue;
    }
    apply(state, i, best);
    stuck.clear();
  }
}

/**
 * The FIRST_PARTNERS people with the most room (normalized points) where i's excess would push them,
 * in index order; null = everyone. Ties at the cut-off go to the lower index (as a stable sort would).
 */
function partners(state: BlockState, i: number): number[] | null {
  const n = state.people.length;
  if (n <= FIRST_PARTNERS) return null;
  const pi = state.people[i];
  // i above the band sheds mass to its partner, whose score then rises: room above it counts.
  const sE = pi.rE > 0 && Math.abs(pi.mE) / pi.rE > state.tau ? Math.sign(pi.mE) : 0;
  const sD = state.balanceD && pi.rD > 0 && Math.abs(pi.mD) / pi.rD > state.tau ? Math.sign(pi.mD) : 0;
  const room = new Float64Array(n);
  state.people.forEach((p, j) => {
    room[j] = (sE && p.rE > 0 ? state.tau - (sE * p.mE) / p.rE : 0) + (sD && p.rD > 0 ? state.tau - (sD * p.mD) / p.rD : 0);
  });
  // The FIRST_PARTNERS-th largest room among the others: everyone above it is in, then ties by index.
  const others = room.slice();
  others[i] = -Infinity;
  const cut = kthSmallest(others, n - FIRST_PARTNERS);
  let above = 0;
  for (let j = 0; j < n; j++) if (j !== i && room[j] > cut) above++;
  let ties = FIRST_PARTNERS - above;
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    if (room[j] > cut) out.push(j);
    else if (room[j] === cut && ties > 0) {
      out.push(j);
      ties--;
    }
  }
  return out;
}

/** The k-th smallest value of `a` (0-based), as a numeric sort would place it; reorders `a` (quickselect). */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let l = lo;
    let h = hi;
    while (l <= h) {
      while (a[l] < pivot) l++;
      while (a[h] > pivot) h--;
      if (l <= h) {
        const t = a[l];
        a[l] = a[h];
        a[h] = t;
        l++;
        h--;
      }
    }
    if (k <= h) hi = h;
    else if (k >= l) lo = l;
    else return a[k];
  }
  return a[k];
}

/** Moved-hours change of setting p's slot s from k to k2 (a missing slot has k = 0). */
const movedDelta = (k: number, k2: number) => Math.max(0, k2) - Math.max(0, k);

function bestSwap(state: BlockState, i: number, maxNew: number, only: number[] | null): Swap | null {
  const g = state.g;
  const pi = state.people[i];
  const before = state.excess(pi);
  const newI = state.newCount(pi);
  const sizes = [...new Set([1, state.mu])];
  const nTasks = state.tasks.length;
  // What i gains from giving s of slot sa for s of task b does not depend on the partner: computed
  // once per (sa, b, size) — with the very expressions of the loop below, so every figure is the same.
  const trySizes = pi.task.map((_, sa) => (pi.cur[sa] === 0 && pi.k[sa] > 0 ? [...sizes, pi.k[sa]] : sizes));
  const width = sizes.length + 1;
  const gainsI = new Float64Array(pi.task.length * nTasks * width);
  const anyGain = new Uint8Array(nTasks);
  let maxGainI = -Infinity;
  let maxS = 0;
  for (let sa = 0; sa < pi.task.length; sa++) {
    const a = pi.task[sa];
    for (let b = 0; b < nTasks; b++) {
      if (b === a) continue;
      const de = state.tasks[b].e - state.tasks[a].e;
      const dd = state.tasks[b].d - state.tasks[a].d;
      trySizes[sa].forEach((s, si) => {
        const gainI = before - state.excess(pi, pi.mE + s * g * de, pi.mD + s * g * dd);
        gainsI[(sa * nTasks + b) * width + si] = gainI;
        if (gainI > PROGRESS) anyGain[b] = 1;
        maxGainI = Math.max(maxGainI, gainI);
        maxS = Math.max(maxS, s);
      });
    }
  }
  const slotI = new Int32Array(nTasks).fill(-1);
  pi.task.forEach((ti, s) => (slotI[ti] = s));
  let best: Swap | null = null;
  const consider = (j: number) => {
    const pj = state.people[j];
    if (j === i || (pj.rE <= 0 && pj.rD <= 0)) return;
    let useful = false;
    for (let sb = 0; sb < pj.task.length && !useful; sb++) useful = anyGain[pj.task[sb]] === 1;
    if (!useful) return;
    const beforeJ = state.excess(pj);
    // No swap with j can beat the best so far: j's excess cannot fall below 0 and the four moved-hours
    // changes are each at least −s blocks (1e-12 covers rounding). Skipping only swaps that could not
    // win leaves the choice as it was.
    if (best && maxGainI + beforeJ + MOVE_CHARGE * 4 * maxS * g + 1e-12 <= best.score) return;
    const newJ = state.newCount(pj);
    for (let sa = 0; sa < pi.task.length; sa++) {
      const a = pi.task[sa];
      const ka = pi.k[sa];
      const sizesA = trySizes[sa];
      const ja = state.slot(pj, a);
      for (let sb = 0; sb < pj.task.length; sb++) {
        const b = pj.task[sb];
        if (b === a || anyGain[b] === 0) continue;
        const de = state.tasks[b].e - state.tasks[a].e;
        const dd = state.tasks[b].d - state.tasks[a].d;
        const ib = slotI[b];
        for (let si = 0; si < sizesA.length; si++) {
          const s = sizesA[si];
          // i: −s of a, +s of b; j: +s of a, −s of b.
          const gainI = gainsI[(sa * nTasks + b) * width + si];
          if (gainI <= PROGRESS) continue;
          const moved =
            movedDelta(ka, ka - s) + movedDelta(pj.k[sb], pj.k[sb] - s) + movedDelta(ib >= 0 ? pi.k[ib] : 0, (ib >= 0 ? pi.k[ib] : 0) + s) + movedDelta(ja >= 0 ? pj.k[ja] : 0, (ja >= 0 ? pj.k[ja] : 0) + s);
          // j's excess after the swap is ≥ 0, so this bounds the score from above, in floating point
          // too (rounding is monotone): a swap that cannot beat the best so far is not worked out.
          if (best && gainI + beforeJ - MOVE_CHARGE * moved * g <= best.score) continue;
          const gain = gainI + beforeJ - state.excess(pj, pj.mE - s * g * de, pj.mD - s * g * dd);
          if (gain <= PROGRESS) continue;
          if (!state.allowed(pi, sa, ka - s) || !state.allowed(pj, sb, pj.k[sb] - s)) continue;
          let newI2 = newI - (pi.cur[sa] === 0 && ka > 0 && ka - s === 0 ? 1 : 0);
          let newJ2 = newJ - (pj.cur[sb] === 0 && pj.k[sb] > 0 && pj.k[sb] - s === 0 ? 1 : 0);
          if (ib >= 0) {
            if (!state.allowed(pi, ib, pi.k[ib] + s)) continue;
            if (pi.cur[ib] === 0 && pi.k[ib] === 0) newI2++;
          } else {
            if (!state.qualified(pi, b) || s < state.mu) continue;
            newI2++;
          }
          if (ja >= 0) {
            if (!state.allowed(pj, ja, pj.k[ja] + s)) continue;
            if (pj.cur[ja] === 0 && pj.k[ja] === 0) newJ2++;
          } else {
            if (!state.qualified(pj, a) || s < state.mu) continue;
            newJ2++;
          }
          if ((newI2 > maxNew && newI2 > newI) || (newJ2 > maxNew && newJ2 > newJ)) continue;
          const score = gain - MOVE_CHARGE * moved * g;
          if (!best || score > best.score) best = { j, sa, tb: b, s, score };
        }
      }
    }
  };
  if (only) for (const j of only) consider(j);
  else for (let j = 0; j < state.people.length; j++) consider(j);
  return best;
}

function apply(state: BlockState, i: number, w: Swap): void {
  const pi: PersonCells = state.people[i];
  const pj: PersonCells = state.people[w.j];
  const a = pi.task[w.sa];
  const ib = state.slot(pi, w.tb) >= 0 ? state.slot(pi, w.tb) : state.addSlot(pi, w.tb);
  const ja = state.slot(pj, a) >= 0 ? state.slot(pj, a) : state.addSlot(pj, a);
  const jb = state.slot(pj, w.tb);
  state.move(pi, w.sa, -w.s);
  state.move(pi, ib, w.s);
  state.move(pj, ja, w.s);
  state.move(pj, jb, -w.s);
}
