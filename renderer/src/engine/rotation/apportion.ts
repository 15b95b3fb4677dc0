/**
 * Turns fair shares (fractional hours of each chore per person over the quarter) into whole slot
 * counts: every chore's slots all handed out, every person within one slot of their fair share.
 *
 * Why not the week-by-week greedy ("largest deficit first, not last week's, ties by id")? Without
 * eligibility it works: the person served always has the largest need, so at the end nobody can
 * be a slot short while another is over. With eligibility it fails: three people of equal hours,
 * 7 weeks, two 1 h chores, c1 open to B and C only, c2 to all. Fair: A 2⅓ h, B and C 5⅚ h each;
 * the greedy gives B 7 h (1⅙ h over, more than a slot) and C 5 h (a test keeps this case). So the
 * counts are fixed first, by the rounding of Shmoys & Tardos (1993, generalized assignment), and
 * the weeks are laid out afterwards (weeks.ts).
 *
 * The rounding, and why it keeps everyone within one slot. For person p, line up their fractional
 * slots a_pc = share_pc / s_c (s_c = chore c's slot hours) in order of decreasing s_c and pour them
 * into unit bins 0, 1, 2, …: bins 0..F−1 are full (F = ⌊Σ_c a_pc⌋), the last may be partial. Edge
 * chore c → bin b wherever c's stretch overlaps b. The fractional pouring is a flow that sends
 * exactly n_c = weeks × slotsPerWeek units out of each chore and exactly 1 into each full bin;
 * transportation polytopes are integral, so a whole flow exists with the same exact sums and every
 * bin holding 0 or 1 slot, every full bin exactly 1 — found by max-flow in two phases (full bins
 * first; augmenting paths never unsaturate an edge into the sink, so phase 2 keeps them full).
 * Let max_b, min_b be the largest and smallest slot that may land in bin b; decreasing order gives
 * min_b ≥ max_{b+1}, and a full bin's fractional content L_b lies in [min_b, max_b]. Then, with L_p
 * the fair share and the person's load X_p:
 *   X_p ≤ max_0 + Σ_{b≥1} max_b ≤ max_0 + Σ_{b≤F−1} min_b ≤ s_max + Σ_{full b} L_b ≤ s_max + L_p,
 *   X_p ≥ Σ_{b<F} min_b ≥ Σ_{b<F} max_{b+1} ≥ Σ_{b≥1} L_b = L_p − L_0 ≥ L_p − s_max.
 * So |X_p − L_p| ≤ the person's largest slot ≤ the largest slot of any chore. Only edges of
 * positive share exist, so eligibility holds and people with 0 h (no share) get nothing.
 * Each chore also reaches each person through a node capped at ⌈a_pc⌉ (the pouring respects it, and
 * a network with integer capacities keeps whole flows), so nobody gets more of one chore than their
 * share of it rounded up: with two or more equal pool members no one holds over half the weeks,
 * which is what lets weeks.ts avoid every repeat.
 */
import { MaxFlow } from './maxflow';
import type { SharePlan } from './shares';

/** Fractional overlaps below this are float noise from the pouring, not a real claim on a bin. */
const OVERLAP_EPS = 1e-9;

/** chore id → person id → whole slots over the quarter (> 0 entries only). */
export type SlotCounts = Map<string, Map<string, number>>;

interface Bin {
  personId: string;
  full: boolean;
  /** Fractional content, to offer the partial bins most nearly full first. */
  fill: number;
  /** Chores that may land in it (indices into plan.chores). */
  chores: number[];
}

export function apportionSlots(plan: SharePlan): SlotCounts {
  const bins: Bin[] = [];
  for (const person of plan.people) {
    const items = plan.chores
      .map((c, ci) => ({ ci, size: c.slotHours, amount: amountOf(plan, ci, person.id) }))
      .filter((x) => x.amount > 0)
      .sort((a, b) => b.size - a.size || a.ci - b.ci);
    const total = items.reduce((s, x) => s + x.amount, 0);
    // A total within float noise of a whole number is that number (so its last bin counts as full).
    const rounded = Math.round(total);
    const whole = Math.abs(total - rounded) <= OVERLAP_EPS ? rounded : total;
    const count = Math.ceil(whole);
    const mine: Bin[] = [];
    for (let b = 0; b < count; b++) mine.push({ personId: person.id, full: b + 1 <= whole, fill: Math.min(1, whole - b), chores: [] });
    let pos = 0;
    for (const x of items) {
      const end = pos + x.amount;
      for (let b = Math.floor(pos); b < count && b < end; b++) {
        if (Math.min(end, b + 1) - Math.max(pos, b) > OVERLAP_EPS) mine[b].chores.push(x.ci);
      }
      pos = end;
    }
    bins.push(...mine.filter((bin) => bin.chores.length > 0));
  }
  // Partial bins most nearly full go first, so the few slots of a tiny share go to the largest ones.
  const order = bins.map((_, i) => i).sort((i, j) => Number(bins[j].full) - Number(bins[i].full) || bins[j].fill - bins[i].fill || i - j);

  // Nodes: source, chores, (chore, person) pairs, bins, sink. A pair node (the ⌈a_pc⌉ cap) is only
  // needed where the chore reaches more of the person's bins than the cap; elsewhere, as for most
  // people of a large organization (one bin each), the chore feeds the bins directly.
  const reach = new Map<string, number>();
  const pairKey = (ci: number, personId: string) => `${ci} ${personId}`;
  for (const bin of bins) for (const ci of bin.chores) reach.set(pairKey(ci, bin.personId), (reach.get(pairKey(ci, bin.personId)) ?? 0) + 1);
  const pairs: { ci: number; personId: string; cap: number }[] = [];
  const pairIndex = new Map<string, number>();
  for (const [key, reached] of reach) {
    const ci = Number(key.slice(0, key.indexOf(' ')));
    const personId = key.slice(key.indexOf(' ') + 1);
    const cap = ceilSnapped(amountOf(plan, ci, personId));
    if (reached <= cap) continue;
    pairIndex.set(key, pairs.length);
    pairs.push({ ci, personId, cap });
  }
  const source = 0;
  const choreNode = (ci: number) => 1 + ci;
  const binNode = (bi: number) => 1 + plan.chores.length + pairs.length + bi;
  const sink = 1 + plan.chores.length + pairs.length + bins.length;
  /** Where chore ci enters person's bins: its pair node when capped, else the chore itself. */
  const entry = (ci: number, personId: string) => {
    const i = pairIndex.get(pairKey(ci, personId));
    return i === undefined ? choreNode(ci) : 1 + plan.chores.length + i;
  };
  const flow = new MaxFlow(sink + 1);
  plan.chores.forEach((c, ci) => flow.addEdge(source, choreNode(ci), c.slotsPerWeek * plan.weeks));
  for (const { ci, personId, cap } of pairs) flow.addEdge(choreNode(ci), entry(ci, personId), cap);
  const edges: { ci: number; bi: number; e: number }[] = [];
  for (const bi of order) for (const ci of bins[bi].chores) edges.push({ ci, bi, e: flow.addEdge(entry(ci, bins[bi].personId), binNode(bi), 1) });

  const fullBins = bins.filter((b) => b.full).length;
  for (const bi of order) if (bins[bi].full) flow.addEdge(binNode(bi), sink, 1);
  const phase1 = flow.run(source, sink);
  for (const bi of order) if (!bins[bi].full) flow.addEdge(binNode(bi), sink, 1);
  const phase2 = flow.run(source, sink);
  const slots = plan.chores.reduce((s, c) => s + c.slotsPerWeek * plan.weeks, 0);
  if (phase1 !== fullBins || phase1 + phase2 !== slots) {
    // Cannot happen by the argument above; refuse rather than print a schedule that breaks it.
    throw new Error(`chore rotation: slot apportionment failed (${phase1}/${fullBins} full bins, ${phase1 + phase2}/${slots} slots)`);
  }

  const counts: SlotCounts = new Map(plan.chores.map((c) => [c.taskId, new Map<string, number>()]));
  for (const { ci, bi, e } of edges) {
    if (flow.flowOn(e) === 0) continue;
    const row = counts.get(plan.chores[ci].taskId) as Map<string, number>;
    row.set(bins[bi].personId, (row.get(bins[bi].personId) ?? 0) + 1);
  }
  return counts;
}

/** Person's fair share of a chore in slots (fractional). */
function amountOf(plan: SharePlan, ci: number, personId: string): number {
  const c = plan.chores[ci];
  return (plan.share.get(c.taskId)?.get(personId) ?? 0) / c.slotHours;
}

/** ⌈x⌉, with x within float noise of a whole number taken as that number (2.0000000001 → 2). */
function ceilSnapped(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= OVERLAP_EPS ? r : Math.ceil(x);
}
