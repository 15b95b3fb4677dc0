/**
 * "Apply this scenario": the organization with its assignments replaced by the scenario's plan (locks
 * kept where the pair survives), refused when the plan no longer fits the organization's people and
 * tasks, with a note when hours or locks changed since the scenario was kept.
 */
import { hoursMap, withAllocation } from '../model/hours';
import type { Organization } from '../model/types';
import type { Scenario } from './types';

export type ApplyResult = { ok: true; organization: Organization; note: string | null } | { ok: false; error: string };

const HOURS_EPS = 1e-6;
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function totals(rows: readonly { personId: string; taskId: string; hours: number }[], by: 'personId' | 'taskId'): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r[by], (out.get(r[by]) ?? 0) + r.hours);
  return out;
}

/** Keys whose totals differ by more than rounding noise (a key missing on one side counts as 0). */
function differing(a: Map<string, number>, b: Map<string, number>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0)) > HOURS_EPS);
}

export function applyScenario(org: Organization, scenario: Scenario): ApplyResult {
  const people = new Set(org.people.map((p) => p.id));
  const tasks = new Set(org.tasks.map((t) => t.id));
  const goneP = new Set(scenario.allocation.filter((a) => !people.has(a.personId)).map((a) => a.personId));
  const goneT = [...new Set(scenario.allocation.filter((a) => !tasks.has(a.taskId)).map((a) => a.taskId))];
  const refuse = (why: string): ApplyResult => ({ ok: false, error: `“${scenario.name}” cannot be applied: ${why}. Propose again for the organization as it is now.` });
  if (goneP.size > 0) return refuse(`it gives work to ${count(goneP.size, 'person who is', 'people who are')} no longer in the organization`);
  if (goneT.length > 0) return refuse(`it names ${count(goneT.length, 'task', 'tasks')} no longer in the organization (${goneT.slice(0, 3).join(', ')}${goneT.length > 3 ? ', …' : ''})`);
  const current = org.assignments.filter((a) => a.hours > 0);
  const planned = scenario.allocation.filter((a) => a.hours > 0);
  const personNow = totals(current, 'personId');
  const personPlan = totals(planned, 'personId');
  const unplannedP = [...personNow.keys()].filter((id) => !personPlan.has(id));
  if (unplannedP.length > 0) return refuse(`${count(unplannedP.length, 'person who has', 'people who have')} hours now ${unplannedP.length === 1 ? 'has' : 'have'} none in it (added since it was kept), and their work would be lost`);
  const taskNow = totals(current, 'taskId');
  const taskPlan = totals(planned, 'taskId');
  const unplannedT = [...taskNow.keys()].filter((id) => !taskPlan.has(id));
  if (unplannedT.length > 0) return refuse(`${count(unplannedT.length, 'task that is', 'tasks that are')} done now ${unplannedT.length === 1 ? 'has' : 'have'} no hours in it, and would be left undone`);

  const plan = hoursMap(planned);
  const organization = withAllocation(org, plan);
  const notes: string[] = [];
  const hoursP = differing(personNow, personPlan).length;
  if (hoursP > 0) notes.push(`${count(hoursP, 'person’s', 'people’s')} weekly hours became the scenario’s (they changed since it was kept)`);
  const hoursT = differing(taskNow, taskPlan).length;
  if (hoursT > 0) notes.push(`${count(hoursT, 'task’s', 'tasks’')} weekly hours became the scenario’s`);
  const lockedChanged = org.assignments.filter((a) => a.locked && Math.abs((plan.get(a.personId)?.get(a.taskId) ?? 0) - a.hours) > HOURS_EPS).length;
  if (lockedChanged > 0) notes.push(`${count(lockedChanged, 'locked assignment', 'locked assignments')} changed (locked after the scenario was kept; a lock stays only where the person keeps the task)`);
  return { ok: true, organization, note: notes.length ? `${notes.join('; ')}.` : null };
}
