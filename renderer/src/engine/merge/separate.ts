/**
 * The pooled organization with each shared task split into one task per organization, so that a
 * plan over it keeps every organization's hours on every task: "forbid transfers across organizations".
 */
import type { HoursRow } from '../model/hours';
import type { Organization, Task } from '../model/types';
import type { PooledOrganization } from './types';

export interface Separated {
  organization: Organization;
  /** Pooled task id of each task of `organization`. */
  pooledTaskOf: Map<string, string>;
}

export function separateByOrganization(pooled: PooledOrganization): Separated {
  const org = pooled.organization;
  const shared = new Set(Object.entries(pooled.taskOrigin).filter(([, byOrg]) => Object.keys(byOrg).length > 1).map(([t]) => t));
  const pooledTaskOf = new Map<string, string>();
  const tasks: Task[] = [];
  const copyId = (taskId: string, o: string) => `${taskId} · ${o}`;
  for (const t of org.tasks) {
    if (!shared.has(t.id)) {
      tasks.push(t);
      pooledTaskOf.set(t.id, t.id);
      continue;
    }
    for (const o of Object.keys(pooled.taskOrigin[t.id])) {
      const id = copyId(t.id, o);
      tasks.push({ ...t, id, name: `${t.name} (${o})` });
      pooledTaskOf.set(id, t.id);
    }
  }
  const assignments = org.assignments.map((a) => (shared.has(a.taskId) ? { ...a, taskId: copyId(a.taskId, pooled.personOrigin[a.personId]) } : a));
  return { organization: { ...org, tasks, assignments }, pooledTaskOf };
}

/** A plan over the separated organization as hours on the pooled tasks. */
export function toPooledHours(rows: readonly HoursRow[], pooledTaskOf: ReadonlyMap<string, string>): HoursRow[] {
  return rows.map((r) => ({ personId: r.personId, taskId: pooledTaskOf.get(r.taskId) ?? r.taskId, hours: r.hours }));
}
