/**
 * What a merged plan does to each side (issue 16): programme hours by organization (and department)
 * of origin before and after, the hours that cross organizations, and who controls the money —
 * each control task's concentration before (in each organization) and after.
 */
import type { HoursRow } from '../model/hours';
import type { Assignment } from '../model/types';
import { concentration, isControlTask, recognizedControl, type ControlConcentration, type ControlKind } from './control';
import type { PooledOrganization } from './types';

/** Weekly hours of the work an organization (or one of its departments) brought, before and after the plan. */
export interface ProgrammeRow {
  organization: string;
  /** null for the organization as a whole. */
  department: string | null;
  before: number;
  /** The same work after the plan, whoever does it; null without a plan. Equal to before when the plan keeps every task's hours. */
  after: number | null;
}

export interface ControlRow {
  /** The task's name, or "All control tasks" for the total. */
  task: string;
  /** What the library reads in the name; empty when a person marked it. */
  kinds: ControlKind[];
  /** Before the merger, in each organization on its own. */
  before: ({ organization: string } & ControlConcentration)[];
  /** Before the merger, all organizations' people together. */
  pooledBefore: ControlConcentration;
  /** After the merged plan; null without a plan. */
  after: ControlConcentration | null;
}

export interface Crossing {
  /** Weekly hours of work that pass to people of another organization than the ones doing it before. */
  hours: number;
  byOrganization: { organization: string; took: number; gave: number }[];
  /** The tasks with the most hours crossing, largest first (at most 10). */
  tasks: { task: string; hours: number }[];
}

export interface MergeOutcome {
  programme: ProgrammeRow[];
  control: ControlRow[];
  /** null without a plan. */
  crossing: Crossing | null;
}

type ByTaskOrg = Map<string, Map<string, number>>;

function add(m: ByTaskOrg, task: string, key: string, h: number): void {
  const inner = m.get(task) ?? new Map<string, number>();
  inner.set(key, (inner.get(key) ?? 0) + h);
  m.set(task, inner);
}

function totals(m: ByTaskOrg): Map<string, number> {
  return new Map([...m].map(([t, inner]) => [t, [...inner.values()].reduce((s, h) => s + h, 0)]));
}

/** Programme rows: hours contributed by each origin key before, and the same share of each task's total after. */
function programme(pooled: PooledOrganization, after: HoursRow[] | null): ProgrammeRow[] {
  const org = pooled.organization;
  const dept = new Map(org.people.map((p) => [p.id, p.department]));
  const origin = (personId: string, byDept: boolean) => `${pooled.personOrigin[personId]}\u0000${byDept ? dept.get(personId) ?? '' : ''}`;
  const rows: ProgrammeRow[] = [];
  const afterTotals = after ? totals(byTaskOrigin(after, (p) => pooled.personOrigin[p] ?? '')) : null;
  for (const byDept of [false, true]) {
    const contributed = byTaskOrigin(org.assignments, (p) => origin(p, byDept));
    const beforeTotals = totals(contributed);
    const keyed = new Map<string, { before: number; after: number }>();
    for (const [task, inner] of contributed) {
      const total = beforeTotals.get(task) ?? 0;
      for (const [key, h] of inner) {
        const row = keyed.get(key) ?? { before: 0, after: 0 };
        row.before += h;
        if (afterTotals && total > 0) row.after += ((afterTotals.get(task) ?? 0) * h) / total;
        keyed.set(key, row);
      }
    }
    for (const [key, v] of keyed) {
      const [organization, department] = key.split('\u0000');
      rows.push({ organization, department: byDept ? department || '(none)' : null, before: v.before, after: after ? v.after : null });
    }
  }
  const order = new Map(pooled.organizations.map((o, i) => [o, i]));
  return rows.sort((a, b) => (order.get(a.organization) ?? 0) - (order.get(b.organization) ?? 0) || (a.department === null ? -1 : b.department === null ? 1 : a.department.localeCompare(b.department)));
}

function byTaskOrigin(rows: readonly HoursRow[], key: (personId: string) => string): ByTaskOrg {
  const m: ByTaskOrg = new Map();
  for (const r of rows) if (r.hours > 0) add(m, r.taskId, key(r.personId), r.hours);
  return m;
}

function crossing(pooled: PooledOrganization, after: HoursRow[]): Crossing {
  const before = byTaskOrigin(pooled.organization.assignments, (p) => pooled.personOrigin[p]);
  const now = byTaskOrigin(after, (p) => pooled.personOrigin[p]);
  const took = new Map<string, number>(pooled.organizations.map((o) => [o, 0]));
  const gave = new Map<string, number>(pooled.organizations.map((o) => [o, 0]));
  const name = new Map(pooled.organization.tasks.map((t) => [t.id, t.name]));
  const tasks: { task: string; hours: number }[] = [];
  let hours = 0;
  for (const taskId of new Set([...before.keys(), ...now.keys()])) {
    let crossed = 0;
    for (const o of pooled.organizations) {
      const d = (now.get(taskId)?.get(o) ?? 0) - (before.get(taskId)?.get(o) ?? 0);
      // Float noise of the solver is not work changing hands.
      if (d > 1e-9) {
        took.set(o, (took.get(o) ?? 0) + d);
        crossed += d;
      } else if (d < -1e-9) gave.set(o, (gave.get(o) ?? 0) - d);
    }
    if (crossed > 0) tasks.push({ task: name.get(taskId) ?? taskId, hours: crossed });
    hours += crossed;
  }
  tasks.sort((a, b) => b.hours - a.hours || a.task.localeCompare(b.task));
  return { hours, byOrganization: pooled.organizations.map((o) => ({ organization: o, took: took.get(o) ?? 0, gave: gave.get(o) ?? 0 })), tasks: tasks.slice(0, 10) };
}

function control(pooled: PooledOrganization, after: HoursRow[] | null): ControlRow[] {
  const org = pooled.organization;
  const everyone = new Set(org.people.map((p) => p.id));
  const members = pooled.organizations.map((o) => ({ organization: o, people: new Set(org.people.filter((p) => pooled.personOrigin[p.id] === o).map((p) => p.id)) }));
  const afterRows = after as Assignment[] | null;
  const row = (task: string, kinds: ControlKind[], ids: Set<string>): ControlRow => ({
    task, kinds,
    before: members.map((m) => ({ organization: m.organization, ...concentration(org.assignments, ids, m.people) })),
    pooledBefore: concentration(org.assignments, ids, everyone),
    after: afterRows ? concentration(afterRows, ids, everyone) : null,
  });
  const tasks = org.tasks.filter(isControlTask);
  const rows = tasks.map((t) => row(t.name, t.control === true ? [] : recognizedControl(t.name), new Set([t.id])));
  if (tasks.length > 1) rows.push(row('All control tasks', [], new Set(tasks.map((t) => t.id))));
  return rows;
}

/** The outcome figures; `after` is the merged plan's hours (by pooled ids), or null for the figures before. */
export function mergeOutcome(pooled: PooledOrganization, after: HoursRow[] | null): MergeOutcome {
  return { programme: programme(pooled, after), control: control(pooled, after), crossing: after ? crossing(pooled, after) : null };
}
