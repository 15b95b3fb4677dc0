/**
 * An independent check of a block plan (issue 14 "The plan"): recomputes totals, changes, new tasks,
 * locks, qualifications, the band and the hours moved from the organization and the plan's
 * allocation with test/helpers/balance-check.ts, never with the engine's scoring.
 */
import type { BlockPlan } from '../../renderer/src/engine/balance/blocks';
import type { Organization } from '../../renderer/src/engine/model/types';
import { currentOf, frozenTasks, get, hoursOf, lockedOf, moved, outsideBand, personTotals, qualified, taskTotals } from '../helpers/balance-check';

/** Every way `plan` breaks the block rules; empty when it keeps them all. The band is checked only when the plan says it holds. */
export function blockViolations(o: Organization, plan: BlockPlan): string[] {
  const out: string[] = [];
  const eps = 1e-9;
  const before = currentOf(o);
  const after = hoursOf(plan.allocation);
  const g = plan.granularity;
  for (const [totals, what] of [[taskTotals, 'task'], [personTotals, 'person']] as const) {
    const b = totals(before), a = totals(after);
    for (const k of new Set([...b.keys(), ...a.keys()])) if (Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0)) > eps) out.push(`${what} ${k}: ${b.get(k) ?? 0} → ${a.get(k) ?? 0}`);
  }
  const frozen = frozenTasks(o, plan.dimensions === 'both');
  const locked = lockedOf(o);
  const newCount = new Map<string, number>();
  const keys = new Set<string>();
  for (const h of [before, after]) for (const [p, ts] of h) for (const t of ts.keys()) keys.add(`${p}\u0000${t}`);
  for (const key of keys) {
    const [p, t] = key.split('\u0000');
    const was = get(before, p, t), now = get(after, p, t);
    const d = now - was;
    if (Math.abs(d) <= eps) continue;
    if (now < -eps) out.push(`${p}/${t}: negative ${now}`);
    if (g > 0 && Math.abs(d / g - Math.round(d / g)) * g > eps) out.push(`${p}/${t}: change ${d} is not a multiple of ${g}`);
    if (was <= 0 && now > 0) {
      newCount.set(p, (newCount.get(p) ?? 0) + 1);
      if (now < plan.minBlock - eps) out.push(`${p}/${t}: new task at ${now} h < ${plan.minBlock}`);
    }
    if (d > 0 && !qualified(o, p, t)) out.push(`${p}/${t}: +${d} h without the qualification`);
    // Locked hours stay with their holder (the LP may add to them, as it may to any task held).
    if (now < get(locked, p, t) - eps) out.push(`${p}/${t}: locked ${get(locked, p, t)} h, ${now} h after`);
    if (frozen.has(t)) out.push(`${p}/${t}: frozen task changed`);
  }
  const reported = new Set(plan.overNewTasks.map((x) => x.personId));
  for (const [p, n] of newCount) if (n > plan.maxNewTasks && !reported.has(p)) out.push(`${p}: ${n} new tasks > ${plan.maxNewTasks}, not reported`);
  const outside = outsideBand(o, after, plan.tolerance, plan.dimensions === 'both', eps).sort();
  const listed = [...new Set(plan.outOfBand.map((x) => x.personId))].sort();
  if (outside.join() !== listed.join()) out.push(`outside the band: ${outside.join()} but the plan lists ${listed.join()}`);
  if (plan.status === 'complete' && outside.length) out.push(`status complete with ${outside.length} jobs outside the band`);
  if (Math.abs(moved(before, after) - plan.movedHours) > 1e-6) out.push(`movedHours ${plan.movedHours} but ${moved(before, after)} moved`);
  // Any plan with every job in band is feasible for the LP, so it cannot move fewer hours than its minimum.
  if (plan.status === 'complete' && plan.bound !== null && plan.movedHours < plan.bound - eps) out.push(`moved ${plan.movedHours} < bound ${plan.bound}`);
  return out;
}

/**
 * Every person × task change of `plan` (granularity > 0) that is neither 0 nor ≥ minBlock and not
 * the person's whole holding given up; and every way its transfers disagree with the changes
 * (per task and person, Σ out − Σ in = hours lost) or with its count of short transfers.
 */
export function minBlockViolations(o: Organization, plan: BlockPlan): string[] {
  const out: string[] = [];
  const eps = 1e-9;
  const before = currentOf(o);
  const after = hoursOf(plan.allocation);
  const net = new Map<string, number>(); // person␀task → Σ in − Σ out over the transfers
  for (const t of plan.transfers) {
    if (t.hours <= eps) out.push(`transfer ${t.taskId} ${t.fromId}→${t.toId} of ${t.hours} h`);
    for (const [p, s] of [[t.toId, 1], [t.fromId, -1]] as const) net.set(`${p}\u0000${t.taskId}`, (net.get(`${p}\u0000${t.taskId}`) ?? 0) + s * t.hours);
  }
  const keys = new Set<string>(net.keys());
  for (const h of [before, after]) for (const [p, ts] of h) for (const t of ts.keys()) keys.add(`${p}\u0000${t}`);
  for (const key of keys) {
    const [p, t] = key.split('\u0000');
    const was = get(before, p, t), now = get(after, p, t);
    const d = now - was;
    if (Math.abs((net.get(key) ?? 0) - d) > 1e-6) out.push(`${p}/${t}: change ${d} but transfers net ${net.get(key) ?? 0}`);
    if (plan.granularity > 0 && Math.abs(d) > eps && Math.abs(d) < plan.minBlock - eps && Math.abs(now) > eps) out.push(`${p}/${t}: change ${d} under the ${plan.minBlock} h minimum (${was} → ${now})`);
  }
  const short = plan.transfers.filter((t) => t.hours < plan.minBlock - eps).length;
  if (short !== plan.shortTransfers) out.push(`${short} transfers under ${plan.minBlock} h but shortTransfers says ${plan.shortTransfers}`);
  return out;
}
