/**
 * Quick category mode in the app (issue 17): the band δ (kept in the project's settings, changed as
 * an undoable edit), the category plan's run in the engine worker with a Cancel that answers at once,
 * and applying the plan to the organization as one undo step. The Overview's Categories panel and
 * the Proposal view in category mode show this one state. δ is in share units (0.10 = ±10 points),
 * as in engine/categories.
 */
import type { CategoryPlan } from '../engine/categories/balance';
import { withAllocation } from '../engine/categories/plan';
import { categoryKey, categoryShares, DEFAULT_CATEGORY_DELTA, type CategoryAudit } from '../engine/categories/shares';
import type { Project } from '../engine/formats/projectFile';
import type { Organization } from '../engine/model/types';
import { JobCancelled } from '../worker/client';
import { engineClient } from './engineJobs';
import { onOtherProject } from './projectChange';
import { makeRoomInWorker, stopEngineAfterPaint, type ProposalBasis } from './proposal';
import { Store, useStore } from './store';
import { commit, store as workspace, useWorkspace } from './workspaceStore';

/** δ in points the field accepts: above 0 and at most 50 (beyond that every mix is balanced). */
export const MAX_DELTA_POINTS = 50;

export interface CategoriesState {
  /** The run in the worker: when it started (ms), for the elapsed time shown. */
  running: { startedAt: number } | null;
  plan: CategoryPlan | null;
  /** The organization the plan was made for: the plan is current while the project holds this one (undo brings it back). */
  planFor: Organization | null;
  error: string | null;
}

const initial: CategoriesState = { running: null, plan: null, planFor: null, error: null };

export const categoriesStore = new Store<CategoriesState>(initial);

export function useCategories<T>(select: (s: CategoriesState) => T): T {
  return useStore(categoriesStore, select);
}

/** Each run, cancel and reset takes a number; an answer for an older one is dropped. */
let runSerial = 0;

/** No plan and no run (tests, and another project opened). */
export function resetCategories(): void {
  runSerial++;
  categoriesStore.set(initial);
}

onOtherProject(resetCategories);

/** The project's δ in share units: its saved band, else the default ±10 points. */
export function categoryDeltaOf(project: Project | null | undefined): number {
  return project?.settings.categoryDelta ?? DEFAULT_CATEGORY_DELTA;
}

export function useCategoryDelta(): number {
  return useWorkspace((s) => categoryDeltaOf(s.project));
}

/** Why `points` cannot be δ, or null. */
export function deltaError(points: number): string | null {
  if (!Number.isFinite(points) || points <= 0) return 'Must be more than 0 points';
  if (points > MAX_DELTA_POINTS) return `At most ${MAX_DELTA_POINTS} points`;
  return null;
}

/** Sets the project's δ from points (10 → 0.10) as one undo step; the same δ records nothing. The error, or null. */
export function setDeltaPoints(points: number): string | null {
  const error = deltaError(points);
  if (error) return error;
  const { project } = workspace.get();
  if (!project) return null;
  const delta = Math.round(points * 1000) / 100000;
  if (delta !== categoryDeltaOf(project)) commit({ ...project, settings: { ...project.settings, categoryDelta: delta } });
  return null;
}

/** Whether a task with hours has a category: without one there is nothing to balance in category mode. */
export function hasCategories(org: Organization | null | undefined): boolean {
  if (!org) return false;
  const withCategory = new Set(org.tasks.filter((t) => categoryKey(t.category) !== '').map((t) => t.id));
  return org.assignments.some((a) => a.hours > 0 && withCategory.has(a.taskId));
}

/**
 * What the Proposal view balances: the person's choice while the project has categories, else
 * ratings. Unchosen, categories when the tasks have some and no task with hours is rated by people
 * or the file (suggested ratings alone are no reason to prefer them).
 */
export function basisFor(chosen: ProposalBasis | null, org: Organization | null | undefined): ProposalBasis {
  if (!org || !hasCategories(org)) return 'ratings';
  if (chosen) return chosen;
  const rated = new Set(org.tasks.filter((t) => t.source !== 'suggested' && t.source !== 'unrated' && (t.empowerment !== null || t.desirability !== null)).map((t) => t.id));
  return org.assignments.some((a) => a.hours > 0 && rated.has(a.taskId)) ? 'ratings' : 'categories';
}

/** The organization's audit in category mode at δ; null when no task with hours has a category. */
export function categoryAuditOf(org: Organization | null | undefined, delta: number): CategoryAudit | null {
  if (!org) return null;
  const a = categoryShares(org, delta);
  return a.hasCategories ? a : null;
}

/**
 * Whether the plan shown was made for the organization and δ as they are now: 'current', or why
 * not ('organization' changed, or 'delta' changed); null without a plan.
 */
export type PlanCurrency = 'current' | 'organization' | 'delta' | null;

export function planCurrency(s: Pick<CategoriesState, 'plan' | 'planFor'>, project: Project | null | undefined): PlanCurrency {
  if (!s.plan || !project) return null;
  if (s.planFor !== project.organization) return 'organization';
  return s.plan.delta === categoryDeltaOf(project) ? 'current' : 'delta';
}

/** Runs a balance job; the worker's by default (tests give the engine directly). */
export type BalanceRunner = (organization: Organization, delta: number) => Promise<CategoryPlan>;
const inWorker: BalanceRunner = (organization, delta) => {
  // A ratings proposal or its curve still in the worker would hold this run up: it stops.
  makeRoomInWorker();
  return engineClient().run('balanceCategories', { organization, delta });
};

/** Balances the open organization's category mix at the project's δ in the engine worker. */
export async function runCategoryBalance(run: BalanceRunner = inWorker): Promise<void> {
  const { project } = workspace.get();
  if (!project) return;
  const serial = ++runSerial;
  const organization = project.organization;
  categoriesStore.set({ running: { startedAt: Date.now() }, plan: null, planFor: null, error: null });
  try {
    const plan = await run(organization, categoryDeltaOf(project));
    if (serial !== runSerial) return;
    categoriesStore.set({ running: null, plan, planFor: organization, error: null });
  } catch (err) {
    if (serial !== runSerial) return;
    // Cancelled from elsewhere (another job's Cancel restarts the worker): stopped, not failed.
    categoriesStore.set({ running: null, error: err instanceof JobCancelled ? null : err instanceof Error ? err.message : String(err) });
  }
}

/**
 * Stops the run at once: the window shows it stopped before the worker is terminated and started
 * afresh (HiGHS cannot be interrupted), which follows after the next paint. Its answer is dropped.
 */
export function cancelCategoryBalance(): void {
  if (!categoriesStore.get().running) return;
  runSerial++;
  categoriesStore.set({ running: null });
  stopEngineAfterPaint();
}

/** Makes the plan the organization's jobs (one undo step); the error, or null once applied. */
export function applyCategoryPlan(): string | null {
  const { project } = workspace.get();
  const s = categoriesStore.get();
  if (!project || !s.plan) return 'Balance the categories first.';
  if (s.plan.status !== 'optimal') return 'This run found no plan to apply.';
  const currency = planCurrency(s, project);
  if (currency === 'organization') return 'The organization changed since this plan was made: balance again, then apply.';
  if (currency === 'delta') return 'The band changed since this plan was made: balance again, then apply.';
  const moved = s.plan.movedHours;
  commit({ ...project, organization: withAllocation(project.organization, s.plan.allocation) });
  categoriesStore.set({ plan: null, planFor: null, error: null });
  workspace.set({ notice: { kind: 'info', text: `Applied the category plan: ${Math.round(moved * 100) / 100} hours a week change hands. Undo brings the previous jobs back.` } });
  return null;
}
