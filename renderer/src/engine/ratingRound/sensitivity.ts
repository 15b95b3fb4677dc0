/**
 * How much the audit and the proposal depend on the contested ratings (issue 17): the coordinator
 * cluster and the exact proposal recomputed with every contested rating at its lower quartile, its
 * median and its upper quartile ("the cluster has 6–8 people depending on how the contested tasks
 * are rated").
 */
import { scorePeople } from '../analysis/jobScores';
import { computeMetrics } from '../analysis/metrics';
import { propose } from '../balance/propose';
import type { Highs, ProposalStatus } from '../balance/types';
import type { Organization } from '../model/types';
import { normalize } from '../rating/scale';
import { applyRound } from './applyRound';
import type { RoundResult } from './result';
import type { TaskSpread } from './types';

/** Where every contested rating is put: its lower quartile, median or upper quartile. */
export type SensitivityVariant = 'low' | 'median' | 'high';
export const SENSITIVITY_VARIANTS: readonly SensitivityVariant[] = ['low', 'median', 'high'];

export interface ClusterVariant {
  variant: SensitivityVariant;
  /** The 2τ cluster's members (names, highest E first). */
  members: string[];
  /** In this variant's cluster and not in the median's. */
  entering: string[];
  /** In the median's cluster and not in this variant's. */
  leaving: string[];
}

export interface ProposalVariant {
  variant: SensitivityVariant;
  status: ProposalStatus;
  /** Weekly hours the exact proposal moves; null when there is no proposal (infeasible, time limit…). */
  movedHours: number | null;
}

export interface RoundSensitivity {
  /** τ in points, as the cluster (2τ) and the proposal's bands use it. */
  tolerance: number;
  /** Contested ratings (task × dimension) varied, and the tasks they belong to. */
  contestedRatings: number;
  contestedTasks: number;
  cluster: {
    variants: ClusterVariant[];
    /** Fewest and most members over the three variants. */
    min: number;
    max: number;
    /** In the cluster in every variant / in some but not all. */
    always: string[];
    sometimes: string[];
    text: string;
  };
  /** The exact proposal (E and D balanced, not rounded) per variant; null when no solver was given. */
  proposal: { variants: ProposalVariant[]; min: number | null; max: number | null; text: string } | null;
}

function quartileOf(s: TaskSpread, variant: SensitivityVariant): number {
  return variant === 'low' ? s.q1! : variant === 'high' ? s.q3! : s.median!;
}

/**
 * The organization with the round applied and every contested rating at its lower quartile (low),
 * median or upper quartile (high); uncontested ratings are the medians in every variant.
 */
export function sensitivityOrganization(applied: Organization, contested: readonly TaskSpread[], variant: SensitivityVariant): Organization {
  if (variant === 'median' || contested.length === 0) return applied;
  const byTask = new Map<string, TaskSpread[]>();
  for (const s of contested) byTask.set(s.taskId, [...(byTask.get(s.taskId) ?? []), s]);
  const tasks = applied.tasks.map((t) => {
    const spreads = byTask.get(t.id);
    if (!spreads) return t;
    const next = { ...t };
    for (const s of spreads) next[s.dimension] = normalize(quartileOf(s, variant), applied.scale);
    return next;
  });
  return { ...applied, tasks };
}

function names(list: readonly string[]): string {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

function people(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

function range(min: number, max: number, unit: (n: number) => string): string {
  return min === max ? unit(min) : `${min}–${unit(max)}`;
}

const AT: Record<SensitivityVariant, string> = { low: 'at the lower quartiles', median: 'at the medians', high: 'at the upper quartiles' };

function clusterText(variants: ClusterVariant[], min: number, max: number, contested: number): string {
  if (contested === 0) return `The coordinator cluster has ${people(max)}; no rating is contested, so it does not depend on one.`;
  if (min === max && variants.every((v) => v.entering.length === 0 && v.leaving.length === 0)) {
    return `The coordinator cluster has ${people(max)} however the contested tasks are rated (at their lower quartile, median or upper quartile): the same people each time.`;
  }
  const changes = variants.flatMap((v) => [
    ...(v.entering.length ? [`${AT[v.variant]} ${names(v.entering)} ${v.entering.length === 1 ? 'joins' : 'join'} it`] : []),
    ...(v.leaving.length ? [`${AT[v.variant]} ${names(v.leaving)} ${v.leaving.length === 1 ? 'leaves' : 'leave'} it`] : []),
  ]);
  const count = min === max ? `${people(max)} however the contested tasks are rated, but not always the same people` : `${range(min, max, people)} depending on how the contested tasks are rated`;
  return `The coordinator cluster has ${count}: ${changes.join('; ')}.`;
}

function hours(n: number): string {
  return `${Math.round(n * 10) / 10}`;
}

function proposalText(variants: ProposalVariant[], min: number | null, max: number | null, contested: number): string {
  const missing = variants.filter((v) => v.movedHours === null);
  const none = missing.map((v) => `${AT[v.variant]} there is no proposal (${v.status})`).join('; ');
  if (min === null || max === null) return `The exact proposal: ${none}.`;
  const moved = min === max || contested === 0 ? `${hours(max)} hours a week` : `${hours(min)}–${hours(max)} hours a week`;
  const how = contested === 0 ? '' : min === max ? ' however the contested tasks are rated' : ' depending on how the contested tasks are rated';
  return `The exact proposal moves ${moved}${how}${none ? `; ${none}` : ''}.`;
}

/**
 * The cluster (2τ above the mean, τ = `tolerance` points) and, with `highs`, the exact proposal
 * (E and D balanced within ±τ, not rounded, no options curve) recomputed on applyRound(org, result)
 * with the contested ratings at their lower quartiles, medians and upper quartiles. Each proposal is
 * one LP solve with propose's own time limit.
 */
export function roundSensitivity(org: Organization, result: RoundResult, tolerance: number, highs?: Highs): RoundSensitivity {
  const contested = result.spreads.filter((s) => s.contested && s.q1 !== null && s.q3 !== null && s.median !== null);
  const applied = applyRound(org, result);
  const orgs = SENSITIVITY_VARIANTS.map((v) => sensitivityOrganization(applied, contested, v));
  const clusters = orgs.map((o) => computeMetrics(o, scorePeople(o), tolerance).coordinator.members.map((m) => m.name));
  const median = new Set(clusters[1]);
  const variants: ClusterVariant[] = SENSITIVITY_VARIANTS.map((variant, i) => ({
    variant,
    members: clusters[i],
    entering: clusters[i].filter((n) => !median.has(n)),
    leaving: clusters[1].filter((n) => !clusters[i].includes(n)),
  }));
  const sizes = clusters.map((c) => c.length);
  const min = Math.min(...sizes);
  const max = Math.max(...sizes);
  const everyone = [...new Set(clusters.flat())];
  const always = everyone.filter((n) => clusters.every((c) => c.includes(n)));
  const cluster = {
    variants, min, max, always,
    sometimes: everyone.filter((n) => !always.includes(n)),
    text: clusterText(variants, min, max, contested.length),
  };
  let proposal: RoundSensitivity['proposal'] = null;
  if (highs) {
    // With nothing contested the three variants are one organization: solved once.
    const solved = (contested.length ? orgs : [applied]).map((o) => propose(o, highs, { tolerance, granularity: 0, desirability: true, skipOptions: true }));
    const pv: ProposalVariant[] = SENSITIVITY_VARIANTS.map((variant, i) => {
      const p = solved[contested.length ? i : 0];
      return { variant, status: p.status, movedHours: p.status === 'optimal' || p.status === 'balanced' ? p.movedHours : null };
    });
    const moved = pv.flatMap((v) => (v.movedHours === null ? [] : [v.movedHours]));
    const pMin = moved.length ? Math.min(...moved) : null;
    const pMax = moved.length ? Math.max(...moved) : null;
    proposal = { variants: pv, min: pMin, max: pMax, text: proposalText(pv, pMin, pMax, contested.length) };
  }
  return { tolerance, contestedRatings: contested.length, contestedTasks: new Set(contested.map((s) => s.taskId)).size, cluster, proposal };
}
