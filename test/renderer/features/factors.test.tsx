// @vitest-environment happy-dom
// Factor ratings in Tasks & ratings: the "Factors" disclosure opens a panel beside the table with
// the standard factors (and the task's own), edits on the project scale re-derive E or D as the
// mean and re-score the jobs, emptying a field clears a factor, undo/redo, and the panel stays
// usable when the table only renders the rows in view.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TasksView } from '../../../renderer/src/features/tasks/TasksView';
import { initialTasksUi, tasksUi } from '../../../renderer/src/features/tasks/tasksUi';
import { actions, store } from '../../../renderer/src/state/workspace';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { allByTestId, blur, byLabel, byTestId, click, enter, loadOrganization, mount, press, settle, smallOrganization, type, type Mounted } from './overview-jobs-tasks.helpers';

vi.mock('../../../renderer/src/worker/client', () => import('./overview-jobs-tasks.engine'));

let view: Mounted;

async function open(org: Organization = smallOrganization()): Promise<void> {
  tasksUi.set(initialTasksUi);
  loadOrganization(org, 'tasks');
  view = await mount(<TasksView />);
}

beforeEach(() => open());
afterEach(() => view.unmount());

const task = (id: string) => store.get().project!.organization.tasks.find((t) => t.id === id)!;
const toggle = (name: string) => byTestId<HTMLButtonElement>(byTestId(view.container, `task-row-${name}`), 'task-factors-toggle');
const panel = () => view.container.querySelector<HTMLElement>('[data-testid="factor-editor"]');
const derivationOf = (kind: 'empowerment' | 'desirability') => byTestId(panel()!, `factor-derivation-${kind}`).textContent;

describe('the factor panel', () => {
  it('opens and closes from a disclosure button, with aria-expanded, and lists the standard factors', async () => {
    const button = toggle('Meetings');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-label')).toBe('Factors for Meetings');
    expect(panel()).toBeNull();
    await click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(panel()!.id);
    expect(panel()!.closest('table')).toBeNull(); // beside the table, not in a (windowed) row
    expect(byTestId(view.container, 'task-row-Meetings').classList.contains('selected')).toBe(true);
    const e = allByTestId<HTMLInputElement>(panel()!, 'factor-empowerment');
    const d = allByTestId<HTMLInputElement>(panel()!, 'factor-desirability');
    expect(e.map((i) => i.getAttribute('aria-label'))).toEqual([
      'Decision authority of Meetings', 'Access to strategic information of Meetings', 'Skill development of Meetings',
      'Coordinating others of Meetings', 'External representation of Meetings', 'Planning and problem solving of Meetings',
    ]);
    expect(d).toHaveLength(7);
    expect([...e, ...d].every((i) => i.value === '')).toBe(true);
    // Which end is good, on this project's 1–10 scale, in sight beside each D factor and read with its field.
    const directions = allByTestId(panel()!, 'factor-direction-desirability').map((x) => x.textContent);
    expect(directions[0]).toBe('1 = very heavy, 10 = none; higher is better');
    expect(directions).toHaveLength(7);
    expect(directions.every((x) => /^1 = .+, 10 = .+; higher is better$/.test(x ?? ''))).toBe(true);
    expect(document.getElementById(d[0].getAttribute('aria-describedby')!)!.textContent).toBe(directions[0]);
    expect(allByTestId(panel()!, 'factor-direction-empowerment')[0].textContent).toBe('1 = decides nothing, 10 = decides for the whole organization; higher is more empowering');
    expect(derivationOf('empowerment')).toBe('E = 6, rated as a whole (no empowerment factors rated).');
    // Pressing the button again closes it; so does Escape inside the panel.
    await click(button);
    expect(panel()).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await click(button);
    await press(byLabel(panel()!, 'Schedule of Meetings'), 'Escape');
    expect(panel()).toBeNull();
  });

  it('derives E from the factors rated (hand-computed means), re-scores the jobs, and undoes', async () => {
    await click(toggle('Strategic planning'));
    const before = store.get().report!.people.find((p) => p.name === 'Ada Director')!.empowerment!;
    await enter(byLabel(panel()!, 'Decision authority of Strategic planning'), '4');
    expect(task('strategic planning').empowermentFactors).toEqual({ 'Decision authority': 3 / 9 });
    expect(task('strategic planning').empowerment).toBeCloseTo(3 / 9, 12);
    expect(task('strategic planning').source).toBe('members');
    expect(derivationOf('empowerment')).toBe('E = 4: the one empowerment factor rated.');
    const skill = byLabel(panel()!, 'Skill development of Strategic planning');
    await type(skill, '7');
    await blur(skill);
    await settle();
    // (4 + 7) / 2 = 5.5 points on 1–10
    expect(derivationOf('empowerment')).toBe('E = 5.5: mean of the 2 empowerment factors rated.');
    expect(byLabel(view.container, 'Empowerment of Strategic planning').value).toBe('5.5');
    expect(byTestId(byTestId(view.container, 'task-row-Strategic planning'), 'task-factors-toggle').getAttribute('aria-label')).toBe('Factors, 2 rated, for Strategic planning');
    // Ada: 30 h of Strategic planning at 5.5 and 10 h of Budget decisions at 1 + 9·8/9 = 9.
    const ada = store.get().report!.people.find((p) => p.name === 'Ada Director')!.empowerment!;
    expect(ada).toBeCloseTo((30 * 5.5 + 10 * 9) / 40, 6);
    expect(ada).not.toBeCloseTo(before, 2);
    expect(store.get().project!.ratingsOverrides).toEqual({ 'strategic planning': { empowermentFactors: { 'Decision authority': 3 / 9, 'Skill development': 6 / 9 } } });

    await act(async () => actions.undo());
    expect(task('strategic planning').empowermentFactors).toEqual({ 'Decision authority': 3 / 9 });
    expect(byLabel<HTMLInputElement>(panel()!, 'Skill development of Strategic planning').value).toBe('');
    await act(async () => actions.undo());
    expect(task('strategic planning')).toMatchObject({ empowerment: 1, empowermentFactors: {}, source: 'file' });
    await act(async () => actions.redo());
    expect(task('strategic planning').empowerment).toBeCloseTo(3 / 9, 12);
  });

  it('keeps desirability factors apart, refuses values outside the scale, and clears a factor when emptied', async () => {
    await click(toggle('Cleaning'));
    const input = byLabel(panel()!, 'Repetition of Cleaning');
    await enter(input, '11');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Described by which end is which, then by what is wrong.
    const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent);
    expect(described).toEqual(['1 = the same steps all day, 10 = varied; higher is better', 'Not saved: use\u00a01–\u206010']);
    expect(store.get().past).toHaveLength(0);
    await enter(input, '2');
    await enter(byLabel(panel()!, 'Environment of Cleaning'), '5');
    expect(task('cleaning').desirabilityFactors).toEqual({ Repetition: 1 / 9, Environment: 4 / 9 });
    expect(task('cleaning').desirability).toBeCloseTo(2.5 / 9, 12); // (2 + 5) / 2 = 3.5 points
    expect(task('cleaning').empowerment).toBe(0);
    expect(derivationOf('desirability')).toBe('D = 3.5: mean of the 2 desirability factors rated.');

    await enter(byLabel(panel()!, 'Environment of Cleaning'), '');
    expect(task('cleaning').desirabilityFactors).toEqual({ Repetition: 1 / 9 });
    expect(task('cleaning').desirability).toBeCloseTo(1 / 9, 12);
    await enter(byLabel(panel()!, 'Repetition of Cleaning'), '');
    expect(task('cleaning').desirabilityFactors).toEqual({});
    expect(task('cleaning').desirability).toBeCloseTo(1 / 9, 12); // the last mean is kept
    expect(store.get().past).toHaveLength(4);
  });

  it('shows a task’s own factors from the file after the standard ones, and says when the overall rating wins', async () => {
    view.unmount();
    const org = smallOrganization();
    org.tasks[2] = { ...org.tasks[2], empowermentFactors: { 'Decision authority (1-5)': 0.25, 'Facilitation': 0.75 } };
    await open(org);
    await click(toggle('Meetings'));
    expect(byLabel(panel()!, 'Decision authority of Meetings').value).toBe('3.3'); // 1 + 9·0.25, to one decimal
    expect(allByTestId<HTMLInputElement>(panel()!, 'factor-empowerment').at(-1)!.getAttribute('aria-label')).toBe('Facilitation of Meetings');
    expect(derivationOf('empowerment')).toBe('E = 6, rated as a whole: it wins over the mean of the 2 empowerment factors rated (5.5).');
    await enter(byLabel(panel()!, 'Decision authority of Meetings'), '1');
    expect(task('meetings').empowermentFactors).toEqual({ 'Decision authority (1-5)': 0, Facilitation: 0.75 });
    expect(derivationOf('empowerment')).toBe('E = 4.4: mean of the 2 empowerment factors rated.');
  });

  it('stays open for a task whose row the windowed table does not render', async () => {
    view.unmount();
    const org = smallOrganization();
    const extra = Array.from({ length: 300 }, (_, i) => ({ ...org.tasks[5], id: `chore ${i}`, name: `Chore ${i}` }));
    await open({ ...org, tasks: [...org.tasks, ...extra] });
    const rendered = view.container.querySelectorAll('[data-testid="tasks-table"] tbody tr[data-testid^="task-row-"]');
    expect(rendered.length).toBeLessThan(100);
    await type(byTestId(view.container, 'tasks-filter'), 'Chore 299');
    await click(toggle('Chore 299'));
    await type(byTestId(view.container, 'tasks-filter'), '');
    expect(view.container.querySelector('[data-testid="task-row-Chore 299"]')).toBeNull(); // past the window
    await enter(byLabel(panel()!, 'Schedule of Chore 299'), '8');
    expect(task('chore 299').desirability).toBeCloseTo(7 / 9, 12);
  });
});
