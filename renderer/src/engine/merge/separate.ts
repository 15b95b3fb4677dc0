/**
 * The pooled organization with each shared task split into one task per organization, every task
 * requiring its organization (a qualification only its own people hold), so that a plan over it keeps
 * every organization's hours on every task: "forbid transfers across organizations".
 */
import type { HoursRow } from '../model/hours';
import type { Organization, Task } from '../model/types';
import type { PooledOrganization } from './types';

export interface Separated {
  organization: Organization;
  /** Pooled task id of each task of `organization`. */
  pooledTaskOf: Map<string, string>;
}

/** The qualification that stands for "works at this organization" (the solver's way to keep work inside it). */
export const memberOf = (organization: string) => `Works at ${organization}`;

export function separateByOrganization(pooled: PooledOrganization): Separated {
  const org = pooled.organization;
  const shared = new Set(Object.entries(pooled.taskOrigin).filter(([, byOrg]) => Object.keys(byOrg).length > 1).map(([t]) => t));
  const pooledTaskOf = new Map<string, string>();
  const tasks: Task[] = [];
  const copyId = (taskId: string, o: string) => `${taskId} · ${o}`;
  for (const t of org.tasks) {
    const origins = Object.keys(pooled.taskOrigin[t.id] ?? {});
    if (!shared.has(t.id)) {
      // A task nobody does now cannot move anyway; one organization's task stays with its people.
      tasks.push(origins.length ? { ...t, requires: [...t.requires, memberOf(origins[0])] } : t);
      pooledTaskOf.set(t.id, t.id);
      continue;
    }
    for (const o of origins) {
      const id = copyId(t.id, o);
      tasks.push({ ...t, id, name: `${t.name} (${o})`, requires: [...t.requires, memberOf(o)] });
      pooledTaskOf.set(id, t.id);
    }
  }
  const assignments = org.assignments.map((a) => (shared.has(a.taskId) ? { ...a, taskId: copyId(a.taskId, pooled.personOrigin[a.personId]) } : a));
  const people = org.people.map((p) => ({ ...p, qualifications: [...p.qualifications, memberOf(pooled.personOrigin[p.id])] }));
  return { organization: { ...org, people, tasks, assignments }, pooledTaskOf };
}

/** A plan over the separated organization as hours on the pooled tasks. */
export function toPooledHours(rows: readonly HoursRow[], pooledTaskOf: ReadonlyMap<string, string>): HoursRow[] {
  return rows.map((r) => ({ personId: r.personId, taskId: pooledTaskOf.get(r.taskId) ?? r.taskId, hours: r.hours }));
}
