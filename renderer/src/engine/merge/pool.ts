/**
 * Pools two or more organizations into one (issue 16): people keep their organization of origin,
 * tasks matched (auto or accepted) become one task rated at the organizations' median, tasks done
 * once are cut to their new weekly hours and the hours freed are listed for programme work.
 */
import type { Assignment, Organization, Person, RatingSource, Task } from '../model/types';
import { toPoints } from '../rating/scale';
import type { ContestedTask, DoneOnce, MergeSource, PooledOrganization, TaskMatch } from './types';
import { normalizeTaskName } from './match';
import { TaskGroups, type TaskRef } from './taskGroups';

export interface PoolOptions {
  /** τ in points of the project scale (the first organization's): ratings further apart are contested. */
  tolerance: number;
}

const SOURCE_RANK: Record<RatingSource, number> = { council: 0, members: 1, file: 2, suggested: 3, unrated: 4 };

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Medians of each factor the members rated (normalized 0–1). */
function medianFactors(records: Record<string, number>[]): Record<string, number> {
  const keys = new Set(records.flatMap((r) => Object.keys(r)));
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = median(records.flatMap((r) => (k in r ? [r[k]] : [])));
  return out;
}

/** Ratings from the best source among the members (the members' own before a file's before a suggestion). */
function bestRated(members: { task: Task; org: string }[], dim: 'empowerment' | 'desirability'): { task: Task; org: string }[] {
  const rated = members.filter((m) => m.task[dim] !== null && m.task.source !== 'unrated');
  const best = Math.min(...rated.map((m) => SOURCE_RANK[m.task.source]));
  return rated.filter((m) => SOURCE_RANK[m.task.source] === best);
}

/** Person ids unique across sources: kept when no other organization uses them, else "Org/ID". */
function personIds(sources: readonly MergeSource[]): Record<string, string>[] {
  const count = new Map<string, number>();
  for (const s of sources) for (const p of s.organization.people) count.set(p.id, (count.get(p.id) ?? 0) + 1);
  return sources.map((s) => Object.fromEntries(s.organization.people.map((p) => [p.id, (count.get(p.id) ?? 0) > 1 ? `${s.name}/${p.id}` : p.id])));
}

export function poolOrganizations(sources: readonly MergeSource[], matches: readonly TaskMatch[], options: PoolOptions): PooledOrganization {
  if (sources.length === 0) throw new Error('poolOrganizations needs at least one organization');
  const names = sources.map((s) => s.name);
  if (new Set(names).size !== names.length) throw new Error(`organization names must differ: ${names.join(', ')}`);
  const scale = sources[0].organization.scale;
  const range = scale.max - scale.min;
  const groups = new TaskGroups(sources);
  for (const m of matches) if (m.status === 'auto' || m.status === 'accepted') groups.join(m);

  // One pooled task per group, in first-seen order; ids and names stay unique.
  const sourceTaskIds: Record<string, string>[] = sources.map(() => ({}));
  const tasks: Task[] = [];
  const contested: ContestedTask[] = [];
  const usedIds = new Set<string>();
  const usedNames = new Set<string>();
  for (const members of groups.list()) {
    const first = members[0];
    const firstTask = sources[first.source].organization.tasks[first.index];
    const orgOf = (r: TaskRef) => sources[r.source].name;
    let id = firstTask.id;
    let name = firstTask.name;
    if (usedIds.has(id)) id = `${id} · ${orgOf(first)}`;
    if (usedNames.has(normalizeTaskName(name))) name = `${name} (${orgOf(first)})`;
    usedIds.add(id);
    usedNames.add(normalizeTaskName(name));
    const mt = members.map((r) => ({ task: sources[r.source].organization.tasks[r.index], org: orgOf(r) }));
    for (const r of members) sourceTaskIds[r.source][sources[r.source].organization.tasks[r.index].id] = id;
    const rating = (dim: 'empowerment' | 'desirability'): number | null => {
      const used = bestRated(mt, dim);
      if (used.length === 0) return null;
      const values = used.map((u) => u.task[dim] as number);
      const pooled = median(values);
      if (used.length > 1 && (Math.max(...values) - Math.min(...values)) * range > options.tolerance + 1e-9) {
        contested.push({ task: name, dimension: dim, ratings: used.map((u) => ({ organization: u.org, value: toPoints(u.task[dim] as number, scale) })), pooled: toPoints(pooled, scale) });
      }
      return pooled;
    };
    const empowerment = rating('empowerment');
    const desirability = rating('desirability');
    const source = mt.map((m) => m.task.source).sort((a, b) => SOURCE_RANK[a] - SOURCE_RANK[b])[0];
    const control = mt.find((m) => m.task.control !== undefined)?.task.control;
    // The first organization's category of work is kept (issue 17), as the import keeps a task's first.
    const category = mt.find((m) => m.task.category !== undefined)?.task.category;
    tasks.push({
      id, name, empowerment, desirability, source: empowerment === null && desirability === null ? 'unrated' : source,
      empowermentFactors: medianFactors(mt.map((m) => m.task.empowermentFactors)),
      desirabilityFactors: medianFactors(mt.map((m) => m.task.desirabilityFactors)),
      reason: mt.length === 1 ? firstTask.reason : `Pooled from ${mt.map((m) => `${m.org} ("${m.task.name}")`).join(' and ')}: the median of their ratings`,
      requires: [...new Set(mt.flatMap((m) => m.task.requires))],
      chore: mt.some((m) => m.task.chore),
      ...(control !== undefined ? { control } : {}),
      ...(category !== undefined ? { category } : {}),
    });
  }

  const sourcePersonIds = personIds(sources);
  const people: Person[] = sources.flatMap((s, i) => s.organization.people.map((p) => ({ ...p, id: sourcePersonIds[i][p.id], organization: s.name })));
  const personOrigin = Object.fromEntries(people.map((p) => [p.id, p.organization as string]));
  // Assignments remapped; two source tasks of one person pooled into one task add up.
  const cell = new Map<string, Assignment>();
  sources.forEach((s, i) => {
    for (const a of s.organization.assignments) {
      const personId = sourcePersonIds[i][a.personId];
      const taskId = sourceTaskIds[i][a.taskId];
      if (personId === undefined || taskId === undefined) continue;
      const key = `${personId}\u0000${taskId}`;
      const had = cell.get(key);
      if (had) cell.set(key, { ...had, hours: had.hours + a.hours, locked: had.locked || a.locked });
      else cell.set(key, { personId, taskId, hours: a.hours, locked: a.locked });
    }
  });
  let assignments = [...cell.values()];
  const doneOnce = applyDoneOnce(groups.doneOnce(matches, sourceTaskIds), assignments, personOrigin, tasks);
  assignments = doneOnce.assignments;

  const taskOrigin: Record<string, Record<string, number>> = {};
  for (const a of assignments) {
    const byOrg = (taskOrigin[a.taskId] ??= {});
    const org = personOrigin[a.personId];
    byOrg[org] = (byOrg[org] ?? 0) + a.hours;
  }
  const organization: Organization = { people, tasks, assignments, scale, hoursPerFte: sources[0].organization.hoursPerFte };
  return {
    organization, organizations: names, personOrigin, taskOrigin, sourceTaskIds, sourcePersonIds, contested,
    doneOnce: doneOnce.list, freedHours: doneOnce.list.reduce((s, d) => s + d.freed, 0), notes: groups.unknown,
  };
}

/**
 * Cuts each done-once task's assignments in proportion to its new weekly hours. Hours above the
 * task's total are not added (nobody is asked to work more): `after` is at most `before`.
 */
function applyDoneOnce(wanted: Map<string, number | undefined>, assignments: Assignment[], origin: Record<string, string>, tasks: Task[]): { assignments: Assignment[]; list: DoneOnce[] } {
  const list: DoneOnce[] = [];
  if (wanted.size === 0) return { assignments, list };
  const byTask = new Map<string, Map<string, number>>();
  for (const a of assignments) {
    if (!wanted.has(a.taskId)) continue;
    const m = byTask.get(a.taskId) ?? new Map<string, number>();
    m.set(origin[a.personId], (m.get(origin[a.personId]) ?? 0) + a.hours);
    byTask.set(a.taskId, m);
  }
  const factor = new Map<string, number>();
  for (const [taskId, hours] of wanted) {
    const byOrg = byTask.get(taskId);
    if (!byOrg) continue;
    const before = [...byOrg.values()].reduce((s, h) => s + h, 0);
    const after = Math.min(before, Math.max(0, hours ?? Math.max(...byOrg.values())));
    if (before <= 0) continue;
    const f = after / before;
    factor.set(taskId, f);
    list.push({
      task: tasks.find((t) => t.id === taskId)?.name ?? taskId, before, after, freed: before - after,
      byOrganization: [...byOrg].map(([organization, h]) => ({ organization, freed: h * (1 - f) })),
    });
  }
  return { assignments: assignments.map((a) => (factor.has(a.taskId) ? { ...a, hours: a.hours * (factor.get(a.taskId) as number) } : a)), list };
}
