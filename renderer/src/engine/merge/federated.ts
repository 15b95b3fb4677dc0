/**
 * The federated view of a merger (issue 16): each organization's own mean and spread on the pooled
 * ratings, and the Theil index across organizations split into between and within.
 */
import type { Organization } from '../model/types';
import { scorePeople } from '../analysis/jobScores';
import { computeMetrics } from '../analysis/metrics';
import { theilDecomposition } from '../analysis/metrics/weighted';
import type { PooledOrganization } from './types';

export interface DimensionSummary {
  /** Hours-weighted mean job score, points of the project scale; null with no rated hours. */
  mean: number | null;
  /** Absolute Gini in points (half the average gap between two hours picked at random). */
  absoluteGini: number;
  /** Share (0–1) of hours in jobs within ±τ of this organization's own mean. */
  withinTolerance: number;
}

export interface OrganizationSummary {
  name: string;
  people: number;
  /** Weekly hours (after tasks done once). */
  hours: number;
  empowerment: DimensionSummary;
  desirability: DimensionSummary;
}

/** Theil T over all pooled people (scores measured from the bottom of the scale), between = across organizations. */
export interface TheilAcross {
  total: number;
  between: number;
  within: number;
}

export interface FederatedView {
  organizations: OrganizationSummary[];
  theil: { empowerment: TheilAcross; desirability: TheilAcross };
}

/** The pooled organization cut down to one organization's people, their assignments and the tasks they do. */
export function subOrganization(pooled: PooledOrganization, name: string): Organization {
  const org = pooled.organization;
  const people = org.people.filter((p) => pooled.personOrigin[p.id] === name);
  const ids = new Set(people.map((p) => p.id));
  const assignments = org.assignments.filter((a) => ids.has(a.personId));
  const used = new Set(assignments.map((a) => a.taskId));
  return { ...org, people, assignments, tasks: org.tasks.filter((t) => used.has(t.id)) };
}

function dimension(m: ReturnType<typeof computeMetrics>['empowerment']): DimensionSummary {
  return { mean: m.mean, absoluteGini: m.absoluteGini, withinTolerance: m.withinTolerance };
}

/** Per organization figures and the Theil split across organizations; `tolerance` in points. */
export function federatedView(pooled: PooledOrganization, tolerance: number): FederatedView {
  const organizations = pooled.organizations.map((name): OrganizationSummary => {
    const sub = subOrganization(pooled, name);
    const scores = scorePeople(sub);
    const m = computeMetrics(sub, scores, tolerance);
    return { name, people: sub.people.length, hours: scores.reduce((s, x) => s + x.hours, 0), empowerment: dimension(m.empowerment), desirability: dimension(m.desirability) };
  });
  const scores = scorePeople(pooled.organization);
  const theil = (dim: 'empowerment' | 'desirability'): TheilAcross =>
    theilDecomposition(scores.flatMap((s) => {
      const value = s[dim];
      const weight = dim === 'empowerment' ? s.ratedHoursE : s.ratedHoursD;
      return value === null ? [] : [{ weight, value, group: pooled.personOrigin[s.person.id] }];
    }));
  return { organizations, theil: { empowerment: theil('empowerment'), desirability: theil('desirability') } };
}
