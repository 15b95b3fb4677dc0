/**
 * Who hands which hours of which task to whom in a block plan, pairing givers with takers so that no
 * transfer is under the minimum block when some pairing allows it (issue 14: "a donor giving up a
 * single 0.5 h block" is not worth a handover). handBack.ts's transfersBetween pairs in plain order
 * and is shared with the exact plan, so this pairing lives here.
 */
import type { Transfer } from '../types';
import { changesByTask } from '../handBack';

type HoursMap = Map<string, Map<string, number>>;

/** Hours below this are float noise, not work (plans here are whole blocks of ≥ 1/64 h). */
const NOISE = 1e-9;

export interface PairedTransfers {
  transfers: Transfer[];
  /** Transfers under `minBlock` hours: left only where no pairing avoids them (e.g. a whole holding under the minimum given up). */
  short: number;
}

interface Side {
  p: string;
  left: number;
}

/**
 * Per task, givers (hours lost) paired with takers (hours gained), `minBlock` in hours. Each taker,
 * largest first, takes a piece from the giver that leaves both sides at 0 or ≥ minBlock: an exact
 * match first, then a piece that closes one side, then one that leaves a side exactly minBlock;
 * only when no giver allows that does it take what the largest giver has (a short transfer).
 * Σ transfers of a task = its hours lost = its hours gained.
 */
export function pairTransfers(before: HoursMap, after: HoursMap, minBlock: number): PairedTransfers {
  const delta = changesByTask(before, after);
  const m = minBlock;
  const fine = (r: number) => r <= NOISE || r >= m - NOISE; // a remainder of 0 or at least a block
  const transfers: Transfer[] = [];
  let short = 0;
  for (const [taskId, people] of [...delta].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const givers: Side[] = [...people].filter(([, d]) => d < -NOISE).map(([p, d]) => ({ p, left: -d })).sort((a, b) => b.left - a.left || (a.p < b.p ? -1 : 1));
    const takers: Side[] = [...people].filter(([, d]) => d > NOISE).map(([p, d]) => ({ p, left: d })).sort((a, b) => b.left - a.left || (a.p < b.p ? -1 : 1));
    for (const t of takers) {
      while (t.left > NOISE) {
        const open = givers.filter((g) => g.left > NOISE);
        if (!open.length) break;
        const piece = choose(open, t, m, fine);
        const [g, x] = piece ?? [open[0], Math.min(open[0].left, t.left)];
        transfers.push({ taskId, fromId: g.p, toId: t.p, hours: x });
        if (x < m - NOISE) short++;
        g.left -= x;
        t.left -= x;
        open.sort((a, b) => b.left - a.left || (a.p < b.p ? -1 : 1));
        givers.sort((a, b) => b.left - a.left || (a.p < b.p ? -1 : 1));
      }
    }
  }
  return { transfers, short };
}

/** The best giver and piece for taker t with every piece and remainder 0 or ≥ m; null when none. */
function choose(open: Side[], t: Side, m: number, fine: (r: number) => boolean): [Side, number] | null {
  const exact = open.find((g) => Math.abs(g.left - t.left) <= NOISE);
  if (exact) return [exact, t.left];
  // Closing a side: the whole of the smaller, when the larger's remainder is still a block.
  for (const g of open) {
    const x = Math.min(g.left, t.left);
    if (x >= m - NOISE && fine(Math.abs(g.left - t.left))) return [g, x];
  }
  // Leaving one side exactly a block, so its next piece can still be whole.
  for (const g of open) {
    for (const x of [g.left - m, t.left - m]) {
      if (x >= m - NOISE && x <= Math.min(g.left, t.left) + NOISE && fine(g.left - x) && fine(t.left - x)) return [g, x];
    }
  }
  return null;
}
