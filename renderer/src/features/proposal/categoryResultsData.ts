/**
 * The figures the Proposal view shows for a category plan (issue 17), computed from the
 * organization it was made for: balanced people and the hours off the mix before → after, each
 * person's mix before → after, and the transfers as the transfers table's rows. Shares and scores
 * are 0–1; hours are weekly hours.
 */
import type { CategoryPlan } from '../../engine/categories/balance';
import { withAllocation } from '../../engine/categories/plan';
import { categoryShares, type CategoryAudit, type PersonCategoryMix } from '../../engine/categories/shares';
import type { Organization } from '../../engine/model/types';
import { departmentsOf, type TransferRow } from './resultsData';

/** One person's mix before → after (shares by category key, 0–1). */
export interface PersonMixChange {
  personId: string;
  name: string;
  hours: number;
  before: Record<string, number>;
  after: Record<string, number>;
  scoreBefore: number;
  scoreAfter: number;
  balancedBefore: boolean;
  balancedAfter: boolean;
}

export interface CategoryResults {
  before: CategoryAudit;
  after: CategoryAudit;
  people: number;
  balancedBefore: number;
  balancedAfter: number;
  /** Σ_i h_i·½Σ_c|s_ic − S_c| / H: the share of all hours in a category their job has too much of. */
  offMixBefore: number;
  offMixAfter: number;
  /** The job furthest off the mix (highest ½Σ|s − S|) before and after; null without people. */
  furthestBefore: { name: string; score: number } | null;
  furthestAfter: { name: string; score: number } | null;
  /** People with the largest change first (score before − after), then by name. */
  mixes: PersonMixChange[];
  transfers: TransferRow[];
  departments: string[];
}

/**
 * The share of all hours that would have to change category for every job to match the
 * organization's mix exactly: the hours-weighted mean of ½Σ|s − S| (0 = every job is the mix).
 */
export function offTheMixShare(a: CategoryAudit): number {
  return a.totalHours > 0 ? a.people.reduce((s, p) => s + p.hours * p.score, 0) / a.totalHours : 0;
}

function furthest(a: CategoryAudit, name: (n: string) => string): { name: string; score: number } | null {
  let top: PersonCategoryMix | null = null;
  for (const p of a.people) if (!top || p.score > top.score + 1e-12) top = p;
  return top && { name: name(top.name), score: top.score };
}

/** The plan's results against the organization it was made for; `name` pseudonymizes a person's name. */
export function categoryResults(org: Organization, plan: CategoryPlan, name: (n: string) => string = (n) => n): CategoryResults {
  const before = categoryShares(org, plan.delta);
  const after = categoryShares(withAllocation(org, plan.allocation), plan.delta);
  const afterOf = new Map(after.people.map((p) => [p.personId, p]));
  const mixes = before.people
    .map((p): PersonMixChange => {
      const q = afterOf.get(p.personId) ?? p;
      return {
        personId: p.personId, name: name(p.name), hours: p.hours, before: p.shares, after: q.shares,
        scoreBefore: p.score, scoreAfter: q.score, balancedBefore: p.balanced, balancedAfter: q.balanced,
      };
    })
    .sort((a, b) => b.scoreBefore - b.scoreAfter - (a.scoreBefore - a.scoreAfter) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const person = new Map(org.people.map((p) => [p.id, p]));
  const task = new Map(org.tasks.map((t) => [t.id, t.name]));
  const transfers = plan.transfers.map((t, i): TransferRow => {
    const from = person.get(t.from);
    const to = person.get(t.to);
    return {
      id: String(i), task: task.get(t.taskId) ?? t.taskId, from: name(from?.name ?? t.from), to: name(to?.name ?? t.to),
      fromDepartment: from?.department ?? null, toDepartment: to?.department ?? null, hours: t.hours,
    };
  });
  return {
    before, after, people: before.people.length, balancedBefore: before.balancedPeople, balancedAfter: after.balancedPeople,
    offMixBefore: offTheMixShare(before), offMixAfter: offTheMixShare(after),
    furthestBefore: furthest(before, name), furthestAfter: furthest(after, name),
    mixes, transfers, departments: departmentsOf(org.people),
  };
}
