/**
 * Makes a proposal add up: every person's and every task's movable hours equal the input's to
 * float-sum noise. The LP is solved to a tolerance (~1e-7 h a cell), which on a large organization
 * adds up to visible drift; this snaps cells that equal the current hours back to them exactly and
 * spreads the remaining drift over the changed cells by iterative proportional fitting.
 */

type HoursMap = Map<string, Map<string, number>>;

/** Cells this close to their current hours (h) are the current hours. */
const SNAP = 1e-6;
const NOISE = 1e-7;
const MAX_ROUNDS = 200;

function sums(cells: HoursMap): { rows: Map<string, number>; cols: Map<string, number> } {
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const [p, ts] of cells) for (const [t, h] of ts) {
    rows.set(p, (rows.get(p) ?? 0) + h);
    cols.set(t, (cols.get(t) ?? 0) + h);
  }
  return { rows, cols };
}

/**
 * `cells` and `current` are person → task → hours with the same totals in exact arithmetic;
 * returns `cells` adjusted so its totals equal `current`'s to within 1e-12 relative.
 */
export function exactTotals(cells: HoursMap, current: HoursMap, personTotals?: ReadonlyMap<string, number>): HoursMap {
  const out: HoursMap = new Map();
  const loose: { p: string; t: string }[] = [];
  for (const [p, ts] of cells) {
    const row = new Map<string, number>();
    for (const [t, h] of ts) {
      const a = current.get(p)?.get(t) ?? 0;
      if (Math.abs(h - a) <= SNAP * Math.max(1, a)) {
        if (a > 0) row.set(t, a);
      } else if (h > NOISE) {
        row.set(t, h);
        loose.push({ p, t });
      }
    }
    if (row.size) out.set(p, row);
  }
  const target = sums(current);
  // A chore rotation moves each person's movable total away from what they hold now (see model.ts).
  if (personTotals) for (const [p, h] of personTotals) target.rows.set(p, h);
  const within = (got: number, want: number) => Math.abs(got - want) <= 1e-13 * Math.max(1, Math.abs(want));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const got = sums(out);
    const bad = [...target.rows].some(([p, h]) => !within(got.rows.get(p) ?? 0, h)) || [...target.cols].some(([t, h]) => !within(got.cols.get(t) ?? 0, h));
    if (!bad) break;
    // Scale each person's changed cells so their row adds up, then each task's column likewise.
    for (const byRow of [true, false]) {
      const now = sums(out);
      const looseSum = new Map<string, number>();
      for (const c of loose) {
        const k = byRow ? c.p : c.t;
        looseSum.set(k, (looseSum.get(k) ?? 0) + out.get(c.p)!.get(c.t)!);
      }
      for (const c of loose) {
        const k = byRow ? c.p : c.t;
        const want = (byRow ? target.rows : target.cols).get(k) ?? 0;
        const have = (byRow ? now.rows : now.cols).get(k) ?? 0;
        const s = looseSum.get(k)!;
        const f = (s + want - have) / s;
        if (s > 0 && f > 0 && Number.isFinite(f)) out.get(c.p)!.set(c.t, out.get(c.p)!.get(c.t)! * f);
      }
    }
  }
  return out;
}
