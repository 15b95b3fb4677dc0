// @vitest-environment happy-dom
// The Scenarios UI on the Riverside proposals: KeepScenario keeps the shown plan (disabled without a
// current one), the list renames, deletes and applies (undoable), the compare table's numbers equal the
// engine's and the report's, at most four are compared, and the small multiples share their axes.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { scenarioFigures, scenarioOutcome } from '../../../renderer/src/engine/scenarios';
import { coincidentGroups, fmt1 } from '../../../renderer/src/features/charts/chartData';
import { fmtCount, fmtHours, fmtPct, fmtScore } from '../../../renderer/src/ui/figure-format';
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
const { KeepScenario } = await import('../../../renderer/src/features/scenarios/KeepScenario');
const { ScenariosView } = await import('../../../renderer/src/features/scenarios/ScenariosView');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let R: Riverside;
beforeAll(async () => {
  R = await riverside();
  document.documentElement.dataset.theme = 'light';
  vi.stubGlobal('ResizeObserver', undefined);
});
afterAll(() => vi.unstubAllGlobals());

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
beforeEach(() => {
  resetWorkspace();
  resetProposal();
  S.scenariosStore.set({ compare: [] });
  commit(createProject('Riverside', R.org), { undoable: false });
});

async function render(node: React.ReactNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(node));
  cleanups.push(() => {
    act(() => root.unmount());
    container.remove();
  });
  return container;
}
const $ = <T extends Element = HTMLElement>(c: Element, id: string) => c.querySelector<T>(`[data-testid="${id}"]`)!;
const $$ = <T extends Element = HTMLElement>(c: Element, id: string) => [...c.querySelectorAll<T>(`[data-testid="${id}"]`)];
const step = (fn: () => void) => act(async () => fn());
const click = (el: Element) => step(() => { el.dispatchEvent(new MouseEvent('click', { bubbles: true })); });
/** Types into a React-controlled input. */
async function type(input: HTMLInputElement, value: string) {
  await step(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const submit = (form: Element) => step(() => { form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
const show = (result = R.proposal) => proposalStore.set({ result, resultRevision: store.get().revision });
const names = () => (store.get().project!.scenarios ?? []).map((s) => s.name);

describe('KeepScenario', () => {
  it('is disabled without a current plan, keeps the shown one under the typed name, and names a blank one', async () => {
    const c = await render(<KeepScenario />);
    const button = $<HTMLButtonElement>(c, 'keep-scenario-button');
    const input = $<HTMLInputElement>(c, 'keep-scenario-name');
    expect(button.disabled).toBe(true);
    expect(c.querySelector('label')!.textContent).toBe('Scenario name');
    await step(() => show());
    expect(button.disabled).toBe(false);
    expect(input.placeholder).toBe('Scenario 1');
    await type(input, '  Default   band ');
    await submit($(c, 'keep-scenario'));
    expect(names()).toEqual(['Default band']);
    expect($(c, 'keep-scenario-message').textContent).toBe('Kept “Default band” — see Scenarios.');
    expect(input.value).toBe('');
    expect(input.placeholder).toBe('Scenario 2');
    await submit($(c, 'keep-scenario'));
    expect(names()).toEqual(['Default band', 'Scenario 2']);
    await type(input, 'default BAND');
    await submit($(c, 'keep-scenario'));
    expect($(c, 'keep-scenario-message').getAttribute('role')).toBe('alert');
    expect($(c, 'keep-scenario-message').textContent).toContain('is kept already');
    expect(names()).toHaveLength(2);
    // An edit to the organization makes the shown plan out of date: it cannot be kept, and says why.
    await step(() => commit({ ...store.get().project!, settings: { ...store.get().project!.settings, tolerance: 1 } }));
    expect(button.disabled).toBe(true);
    expect($(c, 'keep-scenario-message').textContent).toBe('The organization changed since this proposal was made: propose again, then keep it.');
  });
});

describe('ScenariosView', () => {
  async function withTwo() {
    show();
    S.keepScenario('Default band');
    show(R.wide);
    S.keepScenario('Wide band');
    return render(<ScenariosView />);
  }

  it('says there are none yet', async () => {
    const c = await render(<ScenariosView />);
    expect($(c, 'scenarios-empty').textContent).toContain('No scenarios yet');
    expect($(c, 'compare-panel')).toBeNull();
  });

  it('lists the scenarios with what they were planned for, and compares them beside scenario zero with the engine’s figures', async () => {
    const c = await withTwo();
    const rows = $$(c, 'scenario-row');
    expect(rows.map((r) => r.querySelector('.scenario-name')!.textContent)).toEqual(['Default band', 'Wide band']);
    expect(rows[0].textContent).toContain('±0.95 points, empowerment and desirability, 0.5 h blocks');
    expect(rows[1].textContent).toContain('±2.0 points');
    expect(rows[0].querySelector('td.num')!.textContent).toBe(fmtHours(R.proposal.report.movedHours));
    const table = $(c, 'compare-figures');
    const compared = $$(table, 'compare-row');
    expect(compared.map((r) => r.dataset.key)).toEqual(['current', ...store.get().project!.scenarios!.map((s) => s.id)]);
    expect(compared[0].querySelector('th')!.textContent).toBe('Now (scenario 0)');
    const cells = (r: HTMLElement) => [...r.querySelectorAll<HTMLElement>('td.num')].map((td) => td.textContent);
    // At the project's tolerance (0.95, the default proposal's): the report's before and after figures.
    const { before, after, movedHours } = R.proposal.report;
    expect(cells(compared[0])).toEqual(['0', fmtScore(before.absoluteGini), fmtPct(before.withinTolerance), fmtCount(before.coordinatorPeople), fmtScore(before.desirabilityAbsoluteGini)]);
    expect(cells(compared[1])).toEqual([fmtHours(movedHours), fmtScore(after.absoluteGini), fmtPct(after.withinTolerance), fmtCount(after.coordinatorPeople), fmtScore(after.desirabilityAbsoluteGini)]);
    const wide = scenarioFigures(R.org, store.get().project!.scenarios![1].allocation, 0.95);
    expect([...compared[2].querySelectorAll<HTMLElement>('td.num')].map((td) => Number(td.dataset.value))).toEqual([wide.movedHours, wide.empowermentGini, wide.withinBand, wide.coordinatorPeople, wide.desirabilityGini]);
    expect(wide.movedHours).toBeCloseTo(R.wide.report.movedHours, 9);
    expect(table.querySelector('caption')!.textContent).toContain('±0.95 points');
  });

  it('draws a job map and ranked jobs per compared scenario, on the same axes', async () => {
    const c = await withTwo();
    const maps = [...c.querySelectorAll<HTMLElement>('[data-testid^="chart-scenario-job-map-"]')];
    const ranked = [...c.querySelectorAll<HTMLElement>('[data-testid^="chart-scenario-ranked-"]')];
    expect(maps).toHaveLength(3);
    expect(ranked).toHaveLength(3);
    // Scenario 1's map: one mark per group of jobs with the same scores after its plan.
    const { jobs } = scenarioOutcome(R.org, store.get().project!.scenarios![0].allocation, 0.95);
    const groups = coincidentGroups(jobs, (j) => j.empowerment!, (j) => j.desirability!);
    expect(Number(maps[1].querySelector('.point-cloud')!.getAttribute('data-count'))).toBe(groups.length);
    const first = [...maps[1].querySelectorAll('tbody tr')][0].querySelectorAll('td');
    const j0 = R.proposal.report.jobs[0];
    expect([...first].map((td) => td.textContent)).toEqual([j0.name, fmt1(j0.empowermentAfter!), fmt1(j0.desirabilityAfter!), fmtHours(j0.hours)]);
    const ticks = (card: HTMLElement) => [...card.querySelectorAll('.recharts-cartesian-axis-tick-value')].map((t) => t.textContent).join(' ');
    expect(ticks(maps[0])).not.toBe('');
    expect(new Set(maps.map(ticks)).size).toBe(1);
    expect(new Set(ranked.map(ticks)).size).toBe(1);
    // Scenario zero has only the line of now; each plan adds its own.
    expect(ranked.map((r) => r.querySelectorAll('.recharts-line-curve').length)).toEqual([1, 2, 2]);
  });

  it('compares at most four: a fifth checkbox is disabled until one is unticked', async () => {
    show();
    for (const n of ['A', 'B', 'C', 'D', 'E']) S.keepScenario(n);
    const c = await render(<ScenariosView />);
    const boxes = $$<HTMLInputElement>(c, 'scenario-compare');
    expect(boxes.map((b) => [b.checked, b.disabled])).toEqual([[true, false], [true, false], [true, false], [true, false], [false, true]]);
    expect(boxes[0].getAttribute('aria-label')).toBe('Compare A');
    await click(boxes[0]);
    expect(boxes[4].disabled).toBe(false);
    await click(boxes[4]);
    expect($$(c, 'compare-row').map((r) => r.querySelector('th')!.textContent)).toEqual(['Now (scenario 0)', 'B', 'C', 'D', 'E']);
    for (const b of boxes.slice(1)) await click(b);
    expect($(c, 'compare-panel')).toBeNull();
    expect($(c, 'compare-hint')).not.toBeNull();
  });

  it('renames, deletes, and applies after a confirmation; undo brings the old jobs back', async () => {
    const c = await withTwo();
    await click($$(c, 'scenario-rename')[1]);
    const input = $<HTMLInputElement>(c, 'scenario-rename-input');
    await type(input, 'Wide, for the spring');
    await submit(input.closest('form')!);
    expect(names()).toEqual(['Default band', 'Wide, for the spring']);
    await click($$(c, 'scenario-apply')[0]);
    expect(store.get().project!.organization).toBe(R.org);
    await click($(c, 'scenario-apply-confirm'));
    const kept = store.get().project!.scenarios![0];
    const pairs = (rows: readonly { personId: string; taskId: string; hours: number }[]) => rows.map((a) => `${a.personId}/${a.taskId}/${a.hours}`).sort();
    expect(pairs(store.get().project!.organization.assignments)).toEqual(pairs(kept.allocation));
    // Scenario zero is now the applied plan: nothing moves from it.
    expect($$(c, 'compare-row')[1].querySelector('td.num')!.textContent).toBe('0');
    await step(() => actions.undo());
    expect(store.get().project!.organization).toBe(R.org);
    await click($$(c, 'scenario-delete')[0]);
    expect(names()).toEqual(['Wide, for the spring']);
    expect($(c, 'scenario-list-message').textContent).toBe('Deleted “Default band”; undo brings it back.');
    await step(() => actions.undo());
    expect($$(c, 'scenario-row')).toHaveLength(2);
  });

  it('names people by their codes when the Pseudonymize switch is on', async () => {
    store.set({ pseudonymize: true });
    const c = await withTwo();
    const text = [...c.querySelectorAll('[data-testid^="chart-scenario-"] tbody')].map((t) => t.textContent).join(' ');
    expect(text).toMatch(/P-0\d\d/);
    for (const p of R.org.people) expect(text).not.toContain(p.name);
  });
});
