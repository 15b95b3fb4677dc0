/**
 * Scenarios in the workspace (issue 15): keep the Proposal view's result under a name, rename,
 * delete, apply one to the organization — each one undo step through `commit` — reopen one in the
 * Proposal view, and the selection compared side by side (up to MAX_COMPARED; scenario zero, the
 * current organization, is always shown).
 */
import { applyScenario, checkScenarioName, makeScenario, MAX_COMPARED, MAX_SCENARIOS, type Scenario } from '../engine/scenarios';
import { proposalStore, runProposal, setControls } from './proposal';
import { Store, useStore } from './store';
import { commit, store as workspace } from './workspaceStore';

export interface ScenariosState {
  /** Ids of the scenarios compared, in the order they were picked. */
  compare: string[];
}

export const scenariosStore = new Store<ScenariosState>({ compare: [] });

export function useScenarios<T>(select: (s: ScenariosState) => T): T {
  return useStore(scenariosStore, select);
}

const NONE: readonly Scenario[] = [];

/** The open project's scenarios (none without a project). */
export function scenariosOf(project: { scenarios?: Scenario[] } | null): readonly Scenario[] {
  return project?.scenarios ?? NONE;
}

/** "Scenario 3": the first such name not taken. */
export function suggestedName(scenarios: readonly Scenario[]): string {
  const taken = new Set(scenarios.map((s) => s.name.toLocaleLowerCase()));
  let n = scenarios.length + 1;
  while (taken.has(`scenario ${n}`)) n++;
  return `Scenario ${n}`;
}

/** Why a proposal result cannot be kept, from the workspace's and the Proposal view's state; null when it can. */
export function blockerOf(
  w: { project: { scenarios?: Scenario[] } | null; revision: number },
  p: { result: { report: { status: string } } | null; resultRevision: number; running: unknown },
): string | null {
  if (!w.project) return 'Open a project first.';
  if (p.running) return 'Wait for the proposal to finish.';
  if (!p.result || p.result.report.status !== 'optimal') return 'Make a proposal with a plan first.';
  if (p.resultRevision !== w.revision) return 'The organization changed since this proposal was made: propose again, then keep it.';
  if (scenariosOf(w.project).length >= MAX_SCENARIOS) return `A project keeps at most ${MAX_SCENARIOS} scenarios: delete one first.`;
  return null;
}

/** Why the Proposal view's result cannot be kept now, or null when it can. */
export function keepBlocker(): string | null {
  return blockerOf(workspace.get(), proposalStore.get());
}

let lastId = 0;
function newId(scenarios: readonly Scenario[], now: Date): string {
  const taken = new Set(scenarios.map((s) => s.id));
  let id: string;
  do id = `s-${now.getTime().toString(36)}-${(++lastId).toString(36)}`;
  while (taken.has(id));
  return id;
}

/** Replaces the scenario list as one undo step; a proposal that was current stays current (the organization did not change). */
function commitScenarios(scenarios: Scenario[]): void {
  const { project, revision } = workspace.get();
  if (!project) return;
  const current = proposalStore.get().resultRevision === revision;
  commit({ ...project, scenarios });
  if (current) proposalStore.set({ resultRevision: workspace.get().revision });
}

/** Keeps the Proposal view's current plan as a scenario named `name` (blank: the suggested name); the error, or null once kept. */
export function keepScenario(name: string, now: Date = new Date()): string | null {
  const blocked = keepBlocker();
  if (blocked) return blocked;
  const project = workspace.get().project!;
  const list = scenariosOf(project);
  const checked = checkScenarioName(name.trim() === '' ? suggestedName(list) : name, list.map((s) => s.name));
  if ('error' in checked) return checked.error;
  let scenario: Scenario;
  try {
    scenario = makeScenario(proposalStore.get().result!, project.organization, { id: newId(list, now), name: checked.name, createdAt: now.toISOString() });
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  commitScenarios([...list, scenario]);
  // A kept scenario joins the comparison while there is room.
  const compare = liveCompare();
  scenariosStore.set({ compare: compare.length < MAX_COMPARED ? [...compare, scenario.id] : compare });
  return null;
}

export function renameScenario(id: string, name: string): string | null {
  const list = scenariosOf(workspace.get().project);
  const target = list.find((s) => s.id === id);
  if (!target) return 'That scenario is no longer kept.';
  const checked = checkScenarioName(name, list.filter((s) => s.id !== id).map((s) => s.name));
  if ('error' in checked) return checked.error;
  if (checked.name !== target.name) commitScenarios(list.map((s) => (s.id === id ? { ...s, name: checked.name } : s)));
  return null;
}

export function deleteScenario(id: string): void {
  const list = scenariosOf(workspace.get().project);
  if (!list.some((s) => s.id === id)) return;
  commitScenarios(list.filter((s) => s.id !== id));
  scenariosStore.set((s) => ({ compare: s.compare.filter((c) => c !== id) }));
}

/** Makes the scenario's plan the organization's (one undo step); the error, or null once applied (with a notice saying what changed). */
export function applyScenarioById(id: string): string | null {
  const { project } = workspace.get();
  const scenario = scenariosOf(project).find((s) => s.id === id);
  if (!project || !scenario) return 'That scenario is no longer kept.';
  const result = applyScenario(project.organization, scenario);
  if (!result.ok) {
    workspace.set({ notice: { kind: 'error', text: result.error } });
    return result.error;
  }
  commit({ ...project, organization: result.organization });
  workspace.set({ notice: { kind: 'info', text: `Applied “${scenario.name}”: every job is now the scenario’s${result.note ? ` (${result.note.replace(/\.$/, '')})` : ''}. Undo brings the previous jobs back.` } });
  return null;
}

/** Opens the scenario in the Proposal view: its choices set, and the proposal made again with them. */
export function reopenScenario(id: string): Promise<void> {
  const scenario = scenariosOf(workspace.get().project).find((s) => s.id === id);
  if (!scenario) return Promise.resolve();
  const { tolerance, desirability, granularity, minBlock, maxNewTasks, qualifyFromCurrent } = scenario.settings;
  setControls({ tolerance, desirability, granularity, minBlock, maxNewTasks, qualifyFromCurrent });
  workspace.set({ view: 'proposal' });
  return runProposal();
}

/** The compared ids still kept (undo and redo can take scenarios away and bring them back). */
function liveCompare(): string[] {
  const kept = new Set(scenariosOf(workspace.get().project).map((s) => s.id));
  return scenariosStore.get().compare.filter((id) => kept.has(id));
}

/** Adds the scenario to the comparison or takes it out; false when MAX_COMPARED are already compared. */
export function toggleCompare(id: string): boolean {
  const compare = liveCompare();
  if (compare.includes(id)) {
    scenariosStore.set({ compare: compare.filter((c) => c !== id) });
    return true;
  }
  if (compare.length >= MAX_COMPARED || !scenariosOf(workspace.get().project).some((s) => s.id === id)) return false;
  scenariosStore.set({ compare: [...compare, id] });
  return true;
}

/** The compared scenarios that are still kept, in the order picked (undo may have taken some away). */
export function comparedScenarios(scenarios: readonly Scenario[], compare: readonly string[]): Scenario[] {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  return compare.map((id) => byId.get(id)).filter((s): s is Scenario => s !== undefined).slice(0, MAX_COMPARED);
}
