/**
 * Quick category mode in the app (issue 17): the band δ (kept here for the session, not in the
 * project file), the "Balance categories" run in the engine worker, and applying its plan to the
 * organization as one undo step. δ is in share units (0.10 = ±10 points), as in engine/categories.
 */
import type { CategoryPlan } from '../engine/categories/balance';
import { withAllocation } from '../engine/categories/plan';
import { categoryShares, DEFAULT_CATEGORY_DELTA, type CategoryAudit } from '../engine/categories/shares';
import type { Organization } from '../engine/model/types';
import { engineClient } from './engineJobs';
import { onOtherProject } from './projectChange';
import { Store, useStore } from './store';
import { commit, store as workspace } from './workspaceStore';

/** δ in points the field accepts: above 0 and at most 50 (beyond that every mix is balanced). */
export const MAX_DELTA_POINTS = 50;

export interface CategoriesState {
  /** δ in share units. */
  delta: number;
  running: boolean;
  plan: CategoryPlan | null;
  /** The workspace revision the plan was made for: it can be applied only while that is current. */
  planRevision: number;
  error: string | null;
}

const initial: CategoriesState = { delta: DEFAULT_CATEGORY_DELTA, running: false, plan: null, planRevision: -1, error: null };

export const categoriesStore = new Store<CategoriesState>(initial);

export function useCategories<T>(select: (s: CategoriesState) => T): T {
  return useStore(categoriesStore, select);
}

/** Back to the default δ with no plan (tests, and another project opened). */
export function resetCategories(): void {
  runSerial++;
  categoriesStore.set(initial);
}

onOtherProject(resetCategories);

/** Why `points` cannot be δ, or null. */
export function deltaError(points: number): string | null {
  if (!Number.isFinite(points) || points <= 0) return 'Must be more than 0 points';
  if (points > MAX_DELTA_POINTS) return `At most ${MAX_DELTA_POINTS} points`;
  return null;
}

/** Sets δ from points (10 → 0.10); a plan made for another δ is dropped. The error, or null. */
export function setDeltaPoints(points: number): string | null {
  const error = deltaError(points);
  if (error) return error;
  const delta = Math.round(points * 1000) / 100000;
  if (delta !== categoriesStore.get().delta) {
    runSerial++;
    categoriesStore.set({ delta, plan: null, running: false, error: null });
  }
  return null;
}

/** The organization's audit in category mode at δ; null when no task with hours has a category. */
export function categoryAuditOf(org: Organization | null | undefined, delta: number): CategoryAudit | null {
  if (!org) return null;
  const a = categoryShares(org, delta);
  return a.hasCategories ? a : null;
}

/** The plan's figures against the organization it was made for: balanced people before and after, and transfers by name. */
export interface PlanFigures {
  people: number;
  balancedBefore: number;
  balancedAfter: number;
  hoursShareAfter: number;
  transfers: { task: string; from: string; to: string; hours: number }[];
}

export function planFigures(org: Organization, plan: CategoryPlan, name: (n: string) => string = (n) => n): PlanFigures {
  const before = categoryShares(org, plan.delta);
  const after = categoryShares(withAllocation(org, plan.allocation), plan.delta);
  const person = new Map(org.people.map((p) => [p.id, name(p.name)]));
  const task = new Map(org.tasks.map((t) => [t.id, t.name]));
  return {
    people: before.people.length,
    balancedBefore: before.balancedPeople,
    balancedAfter: after.balancedPeople,
    hoursShareAfter: after.balancedHoursShare,
    transfers: plan.transfers.map((t) => ({ task: task.get(t.taskId) ?? t.taskId, from: person.get(t.from) ?? t.from, to: person.get(t.to) ?? t.to, hours: t.hours })),
  };
}

/** Runs a balance job; the worker's by default (tests give the engine directly). */
export type BalanceRunner = (organization: Organization, delta: number) => Promise<CategoryPlan>;
const inWorker: BalanceRunner = (organization, delta) => engineClient().run('balanceCategories', { organization, delta });

/** Each run and reset takes a number; an answer for an older one is dropped. */
let runSerial = 0;

/** Balances the open organization's category mix at the current δ in the engine worker. */
export async function runCategoryBalance(run: BalanceRunner = inWorker): Promise<void> {
  const { project, revision } = workspace.get();
  if (!project) return;
  const serial = ++runSerial;
  const { delta } = categoriesStore.get();
  categoriesStore.set({ running: true, plan: null, error: null });
  try {
    const plan = await run(project.organization, delta);
    if (serial !== runSerial) return;
    categoriesStore.set({ running: false, plan, planRevision: revision, error: null });
  } catch (err) {
    if (serial !== runSerial) return;
    categoriesStore.set({ running: false, error: err instanceof Error ? err.message : String(err) });
  }
}

/** Whether the shown plan was made for the organization as it is now. */
export function planIsCurrent(s: Pick<CategoriesState, 'plan' | 'planRevision'>, revision: number): boolean {
  return s.plan !== null && s.planRevision === revision;
}

/** Makes the plan the organization's jobs (one undo step); the error, or null once applied. */
export function applyCategoryPlan(): string | null {
  const { project, revision } = workspace.get();
  const s = categoriesStore.get();
  if (!project || !s.plan) return 'Balance the categories first.';
  if (s.plan.status !== 'optimal') return 'This run found no plan to apply.';
  if (!planIsCurrent(s, revision)) return 'The organization changed since this plan was made: balance again, then apply.';
  const moved = s.plan.movedHours;
  commit({ ...project, organization: withAllocation(project.organization, s.plan.allocation) });
  categoriesStore.set({ plan: null, error: null });
  workspace.set({ notice: { kind: 'info', text: `Applied the category plan: ${Math.round(moved * 100) / 100} hours a week change hands. Undo brings the previous jobs back.` } });
  return null;
}
