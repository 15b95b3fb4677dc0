/**
 * Trims a block plan made in minimum blocks back towards the bound, in g-blocks: where person i
 * gained task a and lost task b, and person j lost a, i hands s blocks of a back to j and takes s
 * blocks of b back from j — totals stay exact, hours moved fall by s·g (2·s·g when j had gained b),
 * and the swap is kept only when both jobs stay as far inside the band as before and every cell
 * keeps the rules (state.allowed: 0 or ≥ the minimum block). No cell becomes a new task: gains only
 * shrink and losses only shrink, except j's loss of b, which j holds. Then the three-person cycles
 * (cycles.ts), and the swaps again, until neither lowers the hours moved.
 */
import type { BlockState } from './state';
import { trimCycles } from './cycles';
import { sweepGainLoss } from './sweep';

/**
 * Seconds the three-person cycles may take in all. A pass over 600 people costs ~1 s (load ~3 on
 * 2 cores) and wins back a few hours (2,475 → 2,470 h there; most of what trimming can win, the
 * two-person swaps win first), so the cycles get a fixed slice: the whole of a small plan's passes,
 * the first people of a large one.
 */
export const CYCLE_SECONDS = 0.25;

/** Trims in place until no swap or cycle lowers the hours moved or `deadline` (ms since epoch) passes. Returns whether the deadline stopped it. */
export function trim(state: BlockState, deadline: number): boolean {
  const cyclesEnd = Math.min(deadline, Date.now() + CYCLE_SECONDS * 1000);
  for (;;) {
    if (trimPairs(state, deadline)) return true;
    const before = state.moved();
    if (trimCycles(state, cyclesEnd)) return Date.now() > deadline;
    if (state.moved() >= before) return false;
  }
}

/** The two-person swaps alone, until none lowers the hours moved or the deadline passes. */
export function trimPairs(state: BlockState, deadline: number): boolean {
  return sweepGainLoss(state, deadline, (losers, i, sa, sb) => {
    const pi = state.people[i];
    const a = pi.task[sa], b = pi.task[sb];
    let improved = false;
    for (const j of losers.get(a) ?? []) {
      if (j === i || pi.k[sa] <= 0 || pi.k[sb] >= 0) continue;
      if (trySwap(state, i, j, sa, sb, a, b)) improved = true;
    }
    return improved;
  });
}

/** The largest s that keeps every rule and neither job further outside the band; applies it. */
function trySwap(state: BlockState, i: number, j: number, sa: number, sb: number, a: number, b: number): boolean {
  const pi = state.people[i], pj = state.people[j];
  const ja = state.slot(pj, a), jb = state.slot(pj, b);
  if (ja < 0 || jb < 0 || pj.k[ja] >= 0) return false;
  const g = state.g;
  const de = state.tasks[b].e - state.tasks[a].e, dd = state.tasks[b].d - state.tasks[a].d;
  const xi = state.excess(pi), xj = state.excess(pj);
  for (let s = Math.min(pi.k[sa], -pi.k[sb], -pj.k[ja]); s >= 1; s--) {
    // i: −s of a, +s of b; j: +s of a, −s of b.
    if (!state.allowed(pi, sa, pi.k[sa] - s) || !state.allowed(pi, sb, pi.k[sb] + s) || !state.allowed(pj, ja, pj.k[ja] + s) || !state.allowed(pj, jb, pj.k[jb] - s)) continue;
    if (state.excess(pi, pi.mE + s * g * de, pi.mD + s * g * dd) > xi + 1e-15) continue;
    if (state.excess(pj, pj.mE - s * g * de, pj.mD - s * g * dd) > xj + 1e-15) continue;
    state.move(pi, sa, -s);
    state.move(pi, sb, s);
    state.move(pj, ja, s);
    state.move(pj, jb, -s);
    return true;
  }
  return false;
}
