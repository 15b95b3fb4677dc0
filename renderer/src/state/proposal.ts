/**
 * The Proposal view's state: the choices a proposal is made with, the run in the engine worker
 * (progress, cancel), and its result with the workspace revision it was made for — a result made
 * for an earlier revision is shown as out of date, never silently as current. A run is two jobs:
 * the plan, shown as soon as it comes, then its options curve and learning cost, filled in after.
 */
import { addProposalExtras, type ExtrasStep, type ExtrasToCome, type FullProposal, type ProposalStep } from '../engine/balance/fullProposal';
import { defaultTolerance } from '../engine/analysis/metrics';
import { JobCancelled } from '../worker/client';
import { beforeImport, engineClient } from './engineJobs';
import { Store, useStore } from './store';
import { fail, refreshReport, store as workspace } from './workspaceStore';
import { onOtherProject } from './projectChange';
import { exportDate } from './exports';
import { desktop } from '../platform/desktop';

export interface ProposalControls {
  /** τ in points; null = the project's tolerance. */
  tolerance: number | null;
  /** Balance desirability as well as empowerment (the default). */
  desirability: boolean;
  /** Hours a week; 0 = the exact plan in fractions of an hour. */
  granularity: number;
  /** Hours a week: the least of a task new to someone. */
  minBlock: number;
  maxNewTasks: number;
  /** Treat "does it now" as the qualification for tasks that usually need one. */
  qualifyFromCurrent: boolean;
}

export const DEFAULT_CONTROLS: ProposalControls = { tolerance: null, desirability: true, granularity: 0.5, minBlock: 1, maxNewTasks: 3, qualifyFromCurrent: false };

export interface ProposalRun {
  startedAt: number;
  step: ProposalStep | null;
  done: number;
  total: number;
}

/** The options curve and learning cost of the result shown, while they are computed or when they could not be. */
export interface ExtrasRun {
  todo: ExtrasToCome;
  status: 'computing' | 'stopped' | 'failed';
  step: ExtrasStep | null;
  /** Why they failed (status 'failed'). */
  message?: string;
}

/** What the Proposal view balances: task ratings (E and D), or each job's mix of task categories (issue 17). */
export type ProposalBasis = 'ratings' | 'categories';

export interface ProposalState {
  controls: ProposalControls;
  /** The person's choice of basis; null = chosen from the project (state/categories.ts basisFor). */
  basis: ProposalBasis | null;
  running: ProposalRun | null;
  result: FullProposal | null;
  /** `result` as its plan first came, without the extras (the same object until they arrive; the view draws all but the curve from it, so their arrival re-renders only the curve). */
  plan: FullProposal | null;
  /** Null when `result` is complete. */
  extras: ExtrasRun | null;
  /** The workspace revision `result` was made for (−1: none). */
  resultRevision: number;
  /** Whether `result` names people by their codes (the Pseudonymize switch when it was made). */
  resultPseudonymized: boolean;
  error: string | null;
}

const initial: ProposalState = { controls: DEFAULT_CONTROLS, basis: null, running: null, result: null, plan: null, extras: null, resultRevision: -1, resultPseudonymized: false, error: null };

export const proposalStore = new Store<ProposalState>(initial);

export function useProposal<T>(select: (s: ProposalState) => T): T {
  return useStore(proposalStore, select);
}

/** Serial of the run the UI waits for; an answer from an earlier (cancelled or replaced) run is dropped. */
let serial = 0;

export function setControls(patch: Partial<ProposalControls>): void {
  proposalStore.set((s) => ({ controls: { ...s.controls, ...patch } }));
}

export function setBasis(basis: ProposalBasis): void {
  proposalStore.set({ basis });
}

/** The tolerance a run uses: the control's, else the project's, else 5% of the scale. */
export function effectiveTolerance(controls: ProposalControls): number | null {
  const project = workspace.get().project;
  if (!project) return null;
  return controls.tolerance ?? project.settings.tolerance ?? defaultTolerance(project.organization.scale);
}

/** Resolves when the current result's extras have arrived, stopped or failed (exports wait for it). */
let extrasSettled: Promise<void> = Promise.resolve();

/**
 * Makes the proposal for the open project in the worker; resolves when its plan is shown, or it is
 * cancelled or failed. Its options curve and learning cost follow (`extras`).
 */
export async function runProposal(patch: Partial<ProposalControls> = {}): Promise<void> {
  if (Object.keys(patch).length) setControls(patch);
  const { project, revision, pseudonymize } = workspace.get();
  if (!project) return;
  const { controls } = proposalStore.get();
  // The previous run's curve is moot now: stop it rather than wait behind it in the worker.
  if (proposalStore.get().extras?.status === 'computing') pendingStop = true;
  stopWorker();
  const run = ++serial;
  proposalStore.set({ running: { startedAt: Date.now(), step: null, done: 0, total: 3 }, error: null });
  const last = project.sourceFiles.at(-1);
  try {
    const { plan, extras } = await engineClient().run(
      'propose',
      {
        organization: project.organization,
        settings: {
          tolerance: effectiveTolerance(controls) ?? undefined, desirability: controls.desirability, granularity: controls.granularity,
          minBlock: controls.minBlock, maxNewTasks: controls.maxNewTasks, qualifyFromCurrent: controls.qualifyFromCurrent, file: last?.name ?? project.name,
        },
        pseudonymize,
      },
      (step, done, total) => {
        if (run === serial) proposalStore.set({ running: { ...proposalStore.get().running!, step: step as ProposalStep, done, total } });
      },
    );
    if (run !== serial) return;
    // Only a plan shows its curve (a balanced or infeasible result is a note); the worker frees the LP with the next plan.
    const more = plan.report.status === 'optimal' ? extras : null;
    proposalStore.set({ running: null, result: plan, plan, extras: more && { todo: more.todo, status: 'computing', step: null }, resultRevision: revision, resultPseudonymized: pseudonymize });
    if (more) extrasSettled = fillExtras(run, more.token);
  } catch (err) {
    if (run !== serial || err instanceof JobCancelled) return;
    proposalStore.set({ running: null, error: err instanceof Error ? err.message : String(err) });
  }
}

/** Asks the worker for the plan's curve and learning cost and adds them to the result (if it is still this run's). */
async function fillExtras(run: number, token: number): Promise<void> {
  try {
    const extras = await engineClient().run('proposeExtras', { token }, (step) => {
      const s = proposalStore.get();
      if (run === serial && s.extras) proposalStore.set({ extras: { ...s.extras, step: step as ExtrasStep } });
    });
    const { result } = proposalStore.get();
    if (run === serial && result) proposalStore.set({ result: addProposalExtras(result, extras), extras: null });
  } catch (err) {
    const s = proposalStore.get();
    if (run !== serial || err instanceof JobCancelled || !s.extras) return;
    proposalStore.set({ extras: { ...s.extras, status: 'failed', message: err instanceof Error ? err.message : String(err) } });
  }
}

/**
 * Stops the run at once: the UI is free before the worker is (terminating it and starting a fresh
 * one happens after). An audit that was in flight in the same worker is asked for again.
 */
export function cancelProposal(): void {
  if (!proposalStore.get().running) return;
  serial++;
  proposalStore.set({ running: null });
  stopAfterPaint();
}

/** Stops the options curve and learning cost being computed; the plan stays. */
export function stopExtras(): void {
  const { extras } = proposalStore.get();
  if (extras?.status !== 'computing') return;
  serial++;
  proposalStore.set({ extras: { ...extras, status: 'stopped' } });
  stopAfterPaint();
}

/** Before an import: a curve still being computed would hold the file up in the worker, so it stops. */
function stopExtrasNow(): void {
  const { extras } = proposalStore.get();
  if (extras?.status !== 'computing') return;
  serial++;
  proposalStore.set({ extras: { ...extras, status: 'stopped' } });
  pendingStop = true;
  stopWorker();
}
beforeImport(stopExtrasNow);

/**
 * Before another job in the worker (the category plan): a ratings run or its curve still in it
 * would hold that job up, so they stop now, the worker restarting before the job is sent.
 */
export function makeRoomInWorker(): void {
  if (proposalStore.get().running || proposalStore.get().extras?.status === 'computing') pendingStop = true;
  stopWorker();
}

/** Another job's Cancel (the category plan's): the worker restarts after the next paint. */
export function stopEngineAfterPaint(): void {
  stopAfterPaint();
}

function stopAfterPaint(): void {
  // After the next paint: the window shows the run stopped first; stopping and restarting the
  // worker (and asking again for an audit that was in it) follows. The run's answer is dropped by serial.
  pendingStop = true;
  afterPaint(stopWorker);
}

/** A cancel whose worker restart has not happened yet (a run started before it does it first). */
let pendingStop = false;

function stopWorker(): void {
  if (!pendingStop) return;
  pendingStop = false;
  // A run or curve of this view still in the worker dies with it: say so rather than wait forever.
  const { running, extras } = proposalStore.get();
  if (running || extras?.status === 'computing') {
    serial++;
    proposalStore.set({ running: null, ...(extras?.status === 'computing' ? { extras: { ...extras, status: 'stopped' as const } } : {}) });
  }
  engineClient().cancelAll();
  const s = workspace.get();
  if (s.reportRevision !== s.revision) void refreshReport();
}

function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

/** Loads the solver in the worker while the person looks at the settings (errors surface on the run). */
export function prepareSolver(): void {
  engineClient().run('prepareSolver', {}).catch(() => undefined);
}

/** A new project starts without a proposal (the choices stay; the basis is chosen again from the project). */
export function resetProposal(): void {
  serial++;
  proposalStore.set((s) => ({ ...initial, controls: s.controls }));
}

/** Another project opened or imported drops this; edits keep it. */
onOtherProject(resetProposal);

/**
 * Writes the proposal workbook (engine/formats/proposalWorkbook.ts) through the desktop API. The
 * proposal must be the one shown and pseudonymized as the switch now says, else it asks for a new run.
 */
export async function exportProposal(): Promise<void> {
  if (proposalStore.get().extras?.status === 'computing') {
    // The workbook has the options curve and learning cost sheets: wait for them (seconds).
    workspace.set({ busy: { label: 'Finishing the options curve…', progress: null } });
    await extrasSettled;
    workspace.set({ busy: null });
  }
  const { result, resultPseudonymized } = proposalStore.get();
  const { project, pseudonymize } = workspace.get();
  if (!result || !project) return;
  if (resultPseudonymized !== pseudonymize) {
    workspace.set({ notice: { kind: 'error', text: `The Pseudonymize switch was turned ${pseudonymize ? 'on' : 'off'} after this proposal was made: propose again, then export.` } });
    return;
  }
  try {
    workspace.set({ busy: { label: 'Writing the proposal workbook…', progress: null } });
    const bytes = await engineClient().run('proposalWorkbook', { report: result.report, generatedAt: exportDate() });
    const name = await desktop().exportFile({ bytes, suggestedName: `${project.name} proposal`, format: 'xlsx' });
    workspace.set({ busy: null, notice: name ? { kind: 'info', text: `Exported ${name}` } : null });
  } catch (err) {
    fail(err);
  }
}
