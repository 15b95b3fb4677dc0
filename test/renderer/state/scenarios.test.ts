// @vitest-environment happy-dom
// Scenarios in the workspace (state/scenarios.ts): keeping the Proposal view's plan, renaming,
// deleting and applying are each one undo step; keeping leaves the proposal current; apply gives the
// organization the plan and undo brings the old jobs back; at most four are compared.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { MAX_SCENARIOS, type Scenario } from '../../../renderer/src/engine/scenarios';
import { riverside, type Riverside } from '../../engine/scenarios.fixture';

vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => ({ run: () => Promise.reject(new Error('no worker in this test')), cancelAll: () => undefined }),
  importInWorker: () => { throw new Error('no worker in this test'); },
  auditInWorker: async () => ({}),
  beforeImport: () => undefined,
}));

const { actions, commit, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const { proposalStore, resetProposal } = await import('../../../renderer/src/state/proposal');
const S = await import('../../../renderer/src/state/scenarios');

let R: Riverside;
beforeAll(async () => {
  R = await riverside();
});

const project = () => store.get().project!;
const scenarios = () => project().scenarios ?? [];
/** A fresh project with the Riverside default proposal shown and current. */
function open(): void {
  resetWorkspace();
  resetProposal();
  S.scenariosStore.set({ compare: [] });
  commit(createProject('Riverside', R.org), { undoable: false });
  proposalStore.set({ result: R.proposal, resultRevision: store.get().revision });
}
const now = new Date('2026-01-05T10:00:00.000Z');

beforeEach(open);

describe('keepScenario', () => {
  it('keeps the shown plan under its name as one undo step, compared at once, the proposal still current', () => {
    expect(S.keepScenario('  Default   band ', now)).toBeNull();
    expect(scenarios()).toHaveLength(1);
    const kept = scenarios()[0];
    expect(kept).toMatchObject({ name: 'Default band', createdAt: now.toISOString(), allocation: R.proposal.allocationIds });
    expect(project().organization).toBe(R.org);
    expect(S.scenariosStore.get().compare).toEqual([kept.id]);
    expect(proposalStore.get().resultRevision).toBe(store.get().revision);
    expect(store.get().dirty).toBe(true);
    actions.undo();
    expect(scenarios()).toHaveLength(0);
    actions.redo();
    expect(scenarios().map((s) => s.id)).toEqual([kept.id]);
  });

  it('names a blank name “Scenario N”, refuses a taken name, a stale or missing plan, and a full project', () => {
    expect(S.keepScenario('', now)).toBeNull();
    expect(S.keepScenario(' ', now)).toBeNull();
    expect(scenarios().map((s) => s.name)).toEqual(['Scenario 1', 'Scenario 2']);
    expect(new Set(scenarios().map((s) => s.id)).size).toBe(2);
    expect(S.keepScenario('scenario 1', now)).toBe('A scenario named “scenario 1” is kept already: choose another name.');
    proposalStore.set({ resultRevision: store.get().revision - 1 });
    expect(S.keepScenario('Late', now)).toBe('The organization changed since this proposal was made: propose again, then keep it.');
    proposalStore.set({ result: null });
    expect(S.keepBlocker()).toBe('Make a proposal with a plan first.');
    proposalStore.set({ result: { ...R.proposal, report: { ...R.proposal.report, status: 'infeasible' } }, resultRevision: store.get().revision });
    expect(S.keepScenario('Infeasible', now)).toBe('Make a proposal with a plan first.');
    expect(scenarios()).toHaveLength(2);
    const full: Scenario[] = Array.from({ length: MAX_SCENARIOS }, (_, i) => ({ ...scenarios()[0], id: `x${i}`, name: `X${i}` }));
    commit({ ...project(), scenarios: full });
    proposalStore.set({ result: R.proposal, resultRevision: store.get().revision });
    expect(S.keepScenario('One more', now)).toBe(`A project keeps at most ${MAX_SCENARIOS} scenarios: delete one first.`);
  });
});

describe('rename and delete', () => {
  it('renames as one undo step, refusing an empty or taken name; delete takes it out of the comparison', () => {
    S.keepScenario('A', now);
    S.keepScenario('B', now);
    const [a, b] = scenarios();
    const steps = store.get().past.length;
    expect(S.renameScenario(a.id, 'Wide')).toBeNull();
    expect(scenarios().map((s) => s.name)).toEqual(['Wide', 'B']);
    expect(store.get().past.length).toBe(steps + 1);
    expect(S.renameScenario(a.id, 'Wide')).toBeNull();
    expect(store.get().past.length).toBe(steps + 1);
    expect(S.renameScenario(a.id, '')).toBe('A scenario needs a name.');
    expect(S.renameScenario(a.id, 'b')).toContain('is kept already');
    S.deleteScenario(b.id);
    expect(scenarios().map((s) => s.id)).toEqual([a.id]);
    expect(S.scenariosStore.get().compare).toEqual([a.id]);
    actions.undo();
    expect(scenarios().map((s) => s.name)).toEqual(['Wide', 'B']);
  });
});

describe('applyScenarioById', () => {
  it('makes the plan the organization’s, says so, and undo brings the old jobs back', () => {
    S.keepScenario('Default', now);
    const kept = scenarios()[0];
    expect(S.applyScenarioById(kept.id)).toBeNull();
    const hours = (rows: readonly { personId: string; taskId: string; hours: number }[]) => rows.map((a) => `${a.personId}/${a.taskId}/${a.hours}`).sort();
    expect(hours(project().organization.assignments)).toEqual(hours(kept.allocation));
    expect(project().scenarios).toEqual([kept]);
    expect(store.get().notice).toEqual({ kind: 'info', text: 'Applied “Default”: every job is now the scenario’s. Undo brings the previous jobs back.' });
    // The organization changed: the proposal on screen is now out of date.
    expect(proposalStore.get().resultRevision).not.toBe(store.get().revision);
    actions.undo();
    expect(project().organization).toBe(R.org);
    expect(scenarios()).toHaveLength(1);
  });

  it('refuses a plan that no longer fits, with the reason as an error notice, the project untouched', () => {
    S.keepScenario('Default', now);
    const gone = R.org.people[0];
    const smaller = { ...R.org, people: R.org.people.slice(1), assignments: R.org.assignments.filter((a) => a.personId !== gone.id) };
    commit({ ...project(), organization: smaller });
    const before = project();
    const error = S.applyScenarioById(scenarios()[0].id);
    expect(error).toContain('it gives work to 1 person who is no longer in the organization');
    expect(store.get().notice).toEqual({ kind: 'error', text: error });
    expect(project()).toBe(before);
  });
});

describe('compare and reopen', () => {
  it('compares at most four, in the order picked, and drops ids no longer kept', () => {
    for (const n of ['A', 'B', 'C', 'D', 'E']) S.keepScenario(n, now);
    const ids = scenarios().map((s) => s.id);
    expect(S.scenariosStore.get().compare).toEqual(ids.slice(0, 4));
    expect(S.toggleCompare(ids[4])).toBe(false);
    expect(S.toggleCompare(ids[1])).toBe(true);
    expect(S.toggleCompare(ids[4])).toBe(true);
    expect(S.comparedScenarios(scenarios(), S.scenariosStore.get().compare).map((s) => s.name)).toEqual(['A', 'C', 'D', 'E']);
    S.deleteScenario(ids[2]);
    expect(S.comparedScenarios(scenarios(), S.scenariosStore.get().compare).map((s) => s.name)).toEqual(['A', 'D', 'E']);
    expect(S.toggleCompare('no-such-scenario')).toBe(false);
  });

  it('reopening sets the Proposal view’s choices to the scenario’s and proposes again', async () => {
    S.keepScenario('Default', now);
    const kept = scenarios()[0];
    commit({ ...project(), scenarios: [{ ...kept, settings: { ...kept.settings, tolerance: 2, desirability: false, granularity: 1, minBlock: 2, maxNewTasks: 4, qualifyFromCurrent: true } }] });
    store.set({ view: 'overview' });
    await S.reopenScenario(kept.id);
    expect(proposalStore.get().controls).toEqual({ tolerance: 2, desirability: false, granularity: 1, minBlock: 2, maxNewTasks: 4, qualifyFromCurrent: true });
    expect(store.get().view).toBe('proposal');
    // The run went to the worker (none here): its failure is the proof it was asked for.
    expect(proposalStore.get().error).toBe('no worker in this test');
  });

  it('suggests the first free “Scenario N”', () => {
    const s = (name: string) => ({ name }) as Scenario;
    expect(S.suggestedName([])).toBe('Scenario 1');
    expect(S.suggestedName([s('Scenario 2')])).toBe('Scenario 3');
    expect(S.suggestedName([s('x'), s('scenario 2'), s('Scenario 3')])).toBe('Scenario 4');
  });
});
