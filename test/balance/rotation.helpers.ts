/** Shared checks for the chore rotation tests: independent recomputation of shares, slots and repeats. */
import type { Rotation, RotationInput } from '../../renderer/src/engine/rotation';

/** The slot size rule restated: ⌈h / max⌉ equal slots (a whole multiple of the maximum is not cut further). */
export function slotSize(weeklyHours: number, max = 4): { k: number; size: number } {
  const k = Math.max(1, Math.ceil(weeklyHours / max - 1e-9));
  return { k, size: weeklyHours / k };
}

/** Fair shares recomputed from the definition: each chore among its eligible people, by hours (equally when all have 0 h). */
export function fairShares(input: RotationInput): Map<string, number> {
  const weeks = input.weeks ?? 13;
  const hours = new Map(input.people.map((p) => [p.id, p.weeklyHours]));
  const out = new Map(input.people.map((p) => [p.id, 0]));
  for (const c of input.chores) {
    const pool = [...new Set((c.eligible ?? input.people.map((p) => p.id)).filter((id) => hours.has(id)))];
    if (c.weeklyHours <= 0 || pool.length === 0) continue;
    const poolHours = pool.reduce((s, id) => s + (hours.get(id) as number), 0);
    for (const id of pool) out.set(id, (out.get(id) as number) + (poolHours > 0 ? (c.weeklyHours * weeks * (hours.get(id) as number)) / poolHours : (c.weeklyHours * weeks) / pool.length));
  }
  return out;
}

/** Repeats counted from the slots alone: people on a chore in week w and in week w + 1. */
export function countRepeats(r: Rotation): number {
  const on = new Map<string, Set<string>>();
  for (const s of r.slots) {
    const key = `${s.taskId}\u0000${s.week}`;
    if (!on.has(key)) on.set(key, new Set());
    on.get(key)?.add(s.personId);
  }
  let n = 0;
  for (const [key, people] of on) {
    const [task, week] = key.split('\u0000');
    const next = on.get(`${task}\u0000${Number(week) + 1}`);
    if (next) for (const p of people) if (next.has(p)) n++;
  }
  return n;
}

/** Every assertion-worthy invariant of a rotation, as a list of broken ones (empty = all hold). */
export function brokenInvariants(input: RotationInput, r: Rotation, eps = 1e-9): string[] {
  const broken: string[] = [];
  const weeks = input.weeks ?? 13;
  const hours = new Map(input.people.map((p) => [p.id, p.weeklyHours]));
  const shares = fairShares(input);
  const rotating = input.chores.filter((c) => c.weeklyHours > 0 && (c.eligible ?? input.people.map((p) => p.id)).some((id) => hours.has(id)));
  // Each person's bound: the largest slot among the chores they may take.
  const bound = new Map(input.people.map((p) => [p.id, 0]));
  for (const c of rotating) for (const id of c.eligible ?? input.people.map((p) => p.id)) if (bound.has(id)) bound.set(id, Math.max(bound.get(id) as number, slotSize(c.weeklyHours).size));
  const got = new Map<string, number>();
  for (const s of r.slots) got.set(s.personId, (got.get(s.personId) ?? 0) + s.hours);
  for (const p of input.people) {
    const fair = shares.get(p.id) as number;
    const mine = got.get(p.id) ?? 0;
    const row = r.perPerson.find((x) => x.personId === p.id);
    if (!row) broken.push(`${p.id} missing from perPerson`);
    else if (Math.abs(row.fairShare - fair) > eps * (1 + fair) || Math.abs(row.choreHours - mine) > eps * (1 + mine)) broken.push(`${p.id}: perPerson disagrees`);
    if (Math.abs(mine - fair) > (bound.get(p.id) as number) + eps * (1 + fair)) broken.push(`${p.id}: ${mine} h against a fair ${fair} h (bound ${bound.get(p.id)})`);
    if (Math.abs(mine - fair) > r.largestSlot + eps * (1 + fair)) broken.push(`${p.id}: beyond the largest slot`);
  }
  for (const c of rotating) {
    const { k } = slotSize(c.weeklyHours);
    const pool = new Set((c.eligible ?? input.people.map((p) => p.id)).filter((id) => hours.has(id)));
    const anyHours = [...pool].some((id) => (hours.get(id) as number) > 0);
    for (let w = 1; w <= weeks; w++) {
      const mine = r.slots.filter((s) => s.taskId === c.taskId && s.week === w);
      if (mine.length !== k) broken.push(`${c.taskId} week ${w}: ${mine.length} slots, not ${k}`);
      const sum = mine.reduce((s, x) => s + x.hours, 0);
      if (Math.abs(sum - c.weeklyHours) > eps * (1 + c.weeklyHours)) broken.push(`${c.taskId} week ${w}: ${sum} h, not ${c.weeklyHours}`);
      for (const s of mine) {
        if (!pool.has(s.personId)) broken.push(`${c.taskId} week ${w}: ${s.personId} is not eligible`);
        if (anyHours && (hours.get(s.personId) as number) === 0) broken.push(`${c.taskId} week ${w}: ${s.personId} has 0 h`);
      }
    }
  }
  const total = rotating.reduce((s, c) => s + c.weeklyHours * weeks, 0);
  const slotTotal = r.slots.reduce((s, x) => s + x.hours, 0);
  if (Math.abs(slotTotal - total) > eps * (1 + total)) broken.push(`slots hold ${slotTotal} h, chores ${total} h`);
  if (r.slots.some((s) => !rotating.some((c) => c.taskId === s.taskId) || !Number.isInteger(s.week) || s.week < 1 || s.week > weeks)) broken.push('a slot outside the chores or weeks');
  if (countRepeats(r) !== r.repeats) broken.push(`repeats ${r.repeats}, counted ${countRepeats(r)}`);
  if (r.unavoidableRepeats !== r.forcedRepeats > 0) broken.push('unavoidableRepeats disagrees with forcedRepeats');
  return broken;
}
