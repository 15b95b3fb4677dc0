/**
 * What the Merger view shows, derived from its choices with the engine (pure, main thread: the
 * samples pool, match and audit in milliseconds): the sources, the matches with a person's word laid
 * over them, the pooled organization, the federated and merged figures, and — once the workspace
 * holds the merged organization and a current proposal — the figures after its plan.
 */
import { scorePeople } from '../engine/analysis/jobScores';
import { computeMetrics } from '../engine/analysis/metrics';
import type { HoursRow } from '../engine/model/hours';
import type { Organization } from '../engine/model/types';
import { federatedView, type FederatedView } from '../engine/merge/federated';
import { applyReviewed, matchTasks } from '../engine/merge/match';
import { mergeOutcome, type MergeOutcome } from '../engine/merge/outcome';
import { poolOrganizations } from '../engine/merge/pool';
import type { MergeSource, PooledOrganization, TaskMatch } from '../engine/merge/types';
import type { AppliedMerger, Partner } from './merger';

/** The pooled organization's headline: one organization of everyone. */
export interface Headline {
  people: number;
  /** Weekly hours (after tasks done once). */
  hours: number;
  /** Hours-weighted mean E and D, points of the project scale; null with nothing rated. */
  meanE: number | null;
  meanD: number | null;
  /** Absolute Gini of E, points. */
  absoluteGini: number;
  /** Share (0–1) of hours in jobs within ±τ of the pooled mean E. */
  withinTolerance: number;
}

export interface MergerFigures {
  sources: MergeSource[];
  /** What the engine found (before a person's word). */
  found: TaskMatch[];
  /** found with the reviewed list laid over it: what the pooling uses and the table lists. */
  matches: TaskMatch[];
  pooled: PooledOrganization;
  federated: FederatedView;
  headline: Headline;
  /** Programme hours and control before the merger (no plan). */
  before: MergeOutcome;
  /** Weekly hours of each task in each source, by organization name then task name (the done-once default). */
  taskHours: Map<string, Map<string, number>>;
}

/** The sources in order: the open organization first (its scale is the project scale), then the added ones. */
export function mergeSources(base: Organization, baseName: string, partners: readonly Partner[]): MergeSource[] {
  return [{ name: baseName, organization: base, file: baseName }, ...partners.map((p) => ({ name: p.name, organization: p.organization, file: p.file }))];
}

/** The engine's matches between the sources' tasks. */
export function findMatches(sources: readonly MergeSource[]): TaskMatch[] {
  return matchTasks(sources.map((s) => ({ name: s.name, tasks: s.organization.tasks })));
}

export function headlineOf(org: Organization, tolerance: number): Headline {
  const scores = scorePeople(org);
  const m = computeMetrics(org, scores, tolerance);
  return {
    people: org.people.length, hours: scores.reduce((s, x) => s + x.hours, 0), meanE: m.empowerment.mean, meanD: m.desirability.mean,
    absoluteGini: m.empowerment.absoluteGini, withinTolerance: m.empowerment.withinTolerance,
  };
}

function hoursByTaskName(org: Organization): Map<string, number> {
  const name = new Map(org.tasks.map((t) => [t.id, t.name]));
  const out = new Map<string, number>();
  for (const a of org.assignments) {
    const n = name.get(a.taskId);
    if (n !== undefined) out.set(n, (out.get(n) ?? 0) + a.hours);
  }
  return out;
}

/** Everything the view shows before a plan; `tolerance` in points of the project scale. */
export function mergerFigures(sources: readonly MergeSource[], found: readonly TaskMatch[], reviewed: readonly TaskMatch[], tolerance: number): MergerFigures {
  const matches = applyReviewed(found, reviewed);
  const pooled = poolOrganizations(sources, matches, { tolerance });
  return {
    sources: [...sources], found: [...found], matches, pooled,
    federated: federatedView(pooled, tolerance),
    headline: headlineOf(pooled.organization, tolerance),
    before: mergeOutcome(pooled, null),
    taskHours: new Map(sources.map((s) => [s.name, hoursByTaskName(s.organization)])),
  };
}

/** The default weekly hours of a match done once: the larger of its two tasks' totals. */
export function doneOnceDefault(figures: Pick<MergerFigures, 'taskHours'>, m: TaskMatch): number {
  return Math.max(figures.taskHours.get(m.organizationA)?.get(m.a) ?? 0, figures.taskHours.get(m.organizationB)?.get(m.b) ?? 0);
}

/** Whether an organization is a merger's: its people carry their organization of origin. */
export function isMerged(org: Organization): boolean {
  return org.people.some((p) => p.organization !== undefined);
}

/**
 * The pooled organization behind a merged organization the workspace holds: the one applied when it
 * is still that very organization, else rebuilt from its people's origins (a project saved merged
 * and reopened, or edited since): programme hours and control need only who came from where.
 */
export function pooledInWorkspace(org: Organization, applied: AppliedMerger | null): PooledOrganization | null {
  if (applied && applied.pooled.organization === org) return applied.pooled;
  if (!isMerged(org)) return null;
  const organizations: string[] = [];
  const personOrigin: Record<string, string> = {};
  for (const p of org.people) {
    const o = p.organization ?? '(none)';
    if (!organizations.includes(o)) organizations.push(o);
    personOrigin[p.id] = o;
  }
  const taskOrigin: Record<string, Record<string, number>> = {};
  for (const a of org.assignments) {
    const byOrg = (taskOrigin[a.taskId] ??= {});
    byOrg[personOrigin[a.personId]] = (byOrg[personOrigin[a.personId]] ?? 0) + a.hours;
  }
  return { organization: org, organizations, personOrigin, taskOrigin, sourceTaskIds: [], sourcePersonIds: [], contested: [], doneOnce: [], freedHours: 0, notes: [] };
}

/** The figures after the merged plan (its hours by pooled ids): programme hours by origin, crossing, control after. */
export function afterPlan(pooled: PooledOrganization, allocation: readonly HoursRow[]): MergeOutcome {
  return mergeOutcome(pooled, [...allocation]);
}
