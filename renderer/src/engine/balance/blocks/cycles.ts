/**
 * The three-person trim: cycles the two-person swap (trim.ts) cannot see. Person i gained task a
 * and lost task c; j lost a; l lost b and holds c. Then i hands s blocks of a back to j, j passes
 * s blocks of b to l, and l passes s blocks of c back to i:
 *   i: −a +c   j: +a −b   l: +b −c
 * Every person's and every task's total stays exact; i's gain and j's and l's losses shrink, so the
 * hours moved fall by s·g (more where j had gained b or l had gained c). The cycle is kept only when
 * every cell keeps the rules (state.allowed: 0 or ≥ the minimum block, or the whole holding given
 * up) and none of the three jobs ends further outside the band than before. No cell becomes a new
 * task (only cells the plan already has, or the person holds, change), so new-task counts never grow.
 */
import type { BlockState, PersonCells } from './state';
import { sweepGainLoss } from './sweep';

/** Trims in place until no cycle lowers the hours moved or `deadline` (ms since epoch) passes. Returns whether the deadline stopped it. */
export function trimCycles(state: BlockState, deadline: number): boolean {
  return sweepGainLoss(state, deadline, (losers, i, sa, sc) => tryFrom(state, losers, i, sa, sc));
}

/** The first cycle through i's gain in slot sa and loss in slot sc that keeps every rule; applies it. */
function tryFrom(state: BlockState, losers: Map<number, number[]>, i: number, sa: number, sc: number): boolean {
  const pi = state.people[i];
  const a = pi.task[sa], c = pi.task[sc];
  for (const j of losers.get(a) ?? []) {
    if (j === i) continue;
    const pj = state.people[j];
    const ja = state.slot(pj, a);
    if (ja < 0 || pj.k[ja] >= 0) continue;
    for (let jb = 0; jb < pj.task.length; jb++) {
      const b = pj.task[jb];
      if (b === a || b === c || (pj.cur[jb] === 0 && pj.k[jb] <= 0)) continue;
      for (const l of losers.get(b) ?? []) {
        if (l === i || l === j) continue;
        const pl = state.people[l];
        const lb = state.slot(pl, b), lc = state.slot(pl, c);
        if (lb < 0 || lc < 0 || pl.k[lb] >= 0 || (pl.cur[lc] === 0 && pl.k[lc] <= 0)) continue;
        if (applyCycle(state, [pi, sa, sc], [pj, ja, jb], [pl, lb, lc])) return true;
      }
    }
  }
  return false;
}

type Leg = [p: PersonCells, plus: number, minus: number];

/** The largest s that keeps every rule and no job further outside the band; applies it. Each leg: the person takes s blocks in `plus` and gives s blocks in `minus`. */
function applyCycle(state: BlockState, ...legs: [Leg, Leg, Leg]): boolean {
  // i gives back a (its minus) and takes c (its plus): reorder i's leg to [p, plus=c, minus=a].
  const [[pi, sa, sc], [pj, ja, jb], [pl, lb, lc]] = legs;
  const moves: Leg[] = [[pi, sc, sa], [pj, ja, jb], [pl, lb, lc]];
  const g = state.g;
  const before = moves.map(([p]) => state.excess(p));
  // Each shrinking cell bounds s: i's gain of a, j's loss of a, l's loss of b, i's loss of c.
  for (let s = Math.min(pi.k[sa], -pj.k[ja], -pl.k[lb], -pi.k[sc]); s >= 1; s--) {
    let ok = true;
    for (let m = 0; m < 3 && ok; m++) {
      const [p, plus, minus] = moves[m];
      if (!state.allowed(p, plus, p.k[plus] + s) || !state.allowed(p, minus, p.k[minus] - s)) ok = false;
      else {
        const tp = state.tasks[p.task[plus]], tm = state.tasks[p.task[minus]];
        if (state.excess(p, p.mE + s * g * (tp.e - tm.e), p.mD + s * g * (tp.d - tm.d)) > before[m] + 1e-15) ok = false;
      }
    }
    if (!ok) continue;
    for (const [p, plus, minus] of moves) {
      state.move(p, plus, s);
      state.move(p, minus, -s);
    }
    return true;
  }
  return false;
}
