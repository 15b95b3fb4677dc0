/** The pooled tasks as groups of source tasks joined by matches (union–find), in first-seen order. */
import type { MergeSource, TaskMatch } from './types';
import { normalizeTaskName } from './match';

/** A source task: the source's position and the task's position in its organization. */
export interface TaskRef {
  source: number;
  index: number;
}

export class TaskGroups {
  private readonly offset: number[] = [];
  private readonly parent: number[] = [];
  private readonly byName: Map<string, number>[];
  private readonly sourceByName: Map<string, number>;
  /** Matches naming an organization or task that is not there (a reviewed file from other data), as messages. */
  readonly unknown: string[] = [];

  constructor(private readonly sources: readonly MergeSource[]) {
    let n = 0;
    for (const s of sources) {
      this.offset.push(n);
      n += s.organization.tasks.length;
    }
    for (let i = 0; i < n; i++) this.parent.push(i);
    this.byName = sources.map((s) => {
      const m = new Map<string, number>();
      s.organization.tasks.forEach((t, i) => {
        if (!m.has(t.name)) m.set(t.name, i);
        const key = normalizeTaskName(t.name);
        if (!m.has(key)) m.set(key, i);
      });
      return m;
    });
    this.sourceByName = new Map(sources.map((s, i) => [s.name, i]));
  }

  /** The node of `task` in organization `org`, or null (noted in `unknown`). */
  private node(org: string, task: string): number | null {
    const s = this.sourceByName.get(org);
    if (s === undefined) {
      this.unknown.push(`match "${task}": no organization named "${org}" in this merger`);
      return null;
    }
    const i = this.byName[s].get(task) ?? this.byName[s].get(normalizeTaskName(task));
    if (i === undefined) {
      this.unknown.push(`match "${task}": ${org} has no task of that name`);
      return null;
    }
    return this.offset[s] + i;
  }

  private find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }

  /** Joins the two tasks of a match into one group (the lower node is the root: groups keep first-seen order). */
  join(m: TaskMatch): void {
    const a = this.node(m.organizationA, m.a);
    const b = this.node(m.organizationB, m.b);
    if (a === null || b === null) return;
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  private ref(node: number): TaskRef {
    let s = this.offset.length - 1;
    while (this.offset[s] > node) s--;
    return { source: s, index: node - this.offset[s] };
  }

  /** Every group's members in source order, groups ordered by their first member. */
  list(): TaskRef[][] {
    const groups = new Map<number, TaskRef[]>();
    for (let x = 0; x < this.parent.length; x++) {
      const r = this.find(x);
      const g = groups.get(r);
      if (g) g.push(this.ref(x));
      else groups.set(r, [this.ref(x)]);
    }
    return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  }

  /** Pooled task ids to be done once, with the weekly hours asked (undefined = the larger organization's total). */
  doneOnce(matches: readonly TaskMatch[], sourceTaskIds: readonly Record<string, string>[]): Map<string, number | undefined> {
    const out = new Map<string, number | undefined>();
    for (const m of matches) {
      if (!m.doneOnce || (m.status !== 'auto' && m.status !== 'accepted')) continue;
      const s = this.sourceByName.get(m.organizationA);
      const i = s === undefined ? undefined : this.byName[s].get(m.a) ?? this.byName[s].get(normalizeTaskName(m.a));
      if (s === undefined || i === undefined) continue;
      const pooled = sourceTaskIds[s][this.sources[s].organization.tasks[i].id];
      if (pooled !== undefined && (out.get(pooled) === undefined)) out.set(pooled, m.hours);
    }
    return out;
  }
}
