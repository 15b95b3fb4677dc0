/**
 * Who rates how (issue 17): medians by rater group — the coordinator cluster vs everyone else, and
 * by department — so a group sees whether the people at the top rate their own work higher.
 */
import { scorePeople } from '../analysis/jobScores';
import { computeMetrics } from '../analysis/metrics';
import { normalizeTaskName } from '../merge/similarity';
import type { Organization } from '../model/types';
import type { GroupMedians, RaterGroupMedian } from './result';
import { medianOf } from './stats';
import type { FormIssue, RatedDimension, ReadForm } from './types';

export const CLUSTER_GROUP = 'Coordinator cluster';
export const REST_GROUP = 'Everyone else';
export const NO_DEPARTMENT = 'No department';

/** Ratings of one dimension by form: taskId → value. */
export type FormRatings = { form: ReadForm; values: Map<string, number> };

function groupMedian(name: string, inside: FormRatings[], outside: FormRatings[]): RaterGroupMedian {
  const perTask = (forms: FormRatings[]) => {
    const byTask = new Map<string, number[]>();
    for (const f of forms) {
      for (const [task, v] of f.values) {
        const list = byTask.get(task);
        if (list) list.push(v);
        else byTask.set(task, [v]);
      }
    }
    return new Map([...byTask].map(([task, vs]) => [task, medianOf(vs)!]));
  };
  const mine = perTask(inside);
  const theirs = perTask(outside);
  const gaps: number[] = [];
  for (const [task, m] of mine) {
    const other = theirs.get(task);
    if (other !== undefined) gaps.push(m - other);
  }
  return { name, raters: inside.length, tasks: mine.size, median: medianOf([...mine.values()]), gap: medianOf(gaps), sharedTasks: gaps.length };
}

/**
 * The rater groups of one dimension. The cluster is the audit's (metrics.coordinator.members, on the
 * project's ratings before this round), matched to forms by name; anonymous forms and names not in
 * the project count in "everyone else" and in no department.
 */
export function raterGroups(org: Organization, tolerance: number, byDimension: Record<RatedDimension, FormRatings[]>): { groups: GroupMedians[]; issues: FormIssue[] } {
  const cluster = new Set(computeMetrics(org, scorePeople(org), tolerance).coordinator.members.map((m) => normalizeTaskName(m.name)));
  const department = new Map<string, string>();
  for (const p of org.people) {
    const key = normalizeTaskName(p.name);
    if (!department.has(key)) department.set(key, p.department?.trim() || NO_DEPARTMENT);
  }
  const issues: FormIssue[] = [];
  const told = new Set<string>();
  for (const f of [...byDimension.empowerment, ...byDimension.desirability]) {
    const rater = f.form.rater;
    if (rater === null || department.has(normalizeTaskName(rater)) || told.has(f.form.file)) continue;
    told.add(f.form.file);
    issues.push({ severity: 'info', message: `The rater of ${f.form.file}, "${rater}", is not a person in the project: the form counts in "${REST_GROUP}" and in no department`, file: f.form.file, sheet: null, row: null, column: null });
  }
  const groups: GroupMedians[] = [];
  for (const dimension of ['empowerment', 'desirability'] as const) {
    const forms = byDimension[dimension];
    const inCluster = (f: FormRatings) => f.form.rater !== null && cluster.has(normalizeTaskName(f.form.rater));
    const top = forms.filter(inCluster);
    const rest = forms.filter((f) => !inCluster(f));
    groups.push({ by: 'coordinator', dimension, groups: [groupMedian(CLUSTER_GROUP, top, rest), groupMedian(REST_GROUP, rest, top)] });
    const deptOf = (f: FormRatings) => (f.form.rater === null ? undefined : department.get(normalizeTaskName(f.form.rater)));
    const names = [...new Set(forms.map(deptOf).filter((d): d is string => d !== undefined))].sort((a, b) => a.localeCompare(b));
    groups.push({
      by: 'department',
      dimension,
      groups: names.map((d) => groupMedian(d, forms.filter((f) => deptOf(f) === d), forms.filter((f) => deptOf(f) !== d))),
    });
  }
  return { groups, issues };
}
