// @vitest-environment happy-dom
// Tasks & ratings: ratings shown and edited on the project scale (converted to 0–1 for the store),
// range checks, the rating source, filters by source and name, sorting, undo.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TasksView } from '../../../renderer/src/features/tasks/TasksView';
import { initialTasksUi, tasksUi } from '../../../renderer/src/features/tasks/tasksUi';
import { actions, store } from '../../../renderer/src/state/workspace';
import { allByTestId, blur, byLabel, byTestId, click, enter, loadOrganization, mount, press, smallOrganization, type, type Mounted } from './overview-jobs-tasks.helpers';

vi.mock('../../../renderer/src/worker/client', () => import('./overview-jobs-tasks.engine'));

let view: Mounted;

beforeEach(async () => {
  tasksUi.set(initialTasksUi);
  loadOrganization(smallOrganization(), 'tasks');
  view = await mount(<TasksView />);
});
afterEach(() => view.unmount());

const names = () => allByTestId(view.container, 'task-name').map((td) => td.textContent);
const task = (id: string) => store.get().project!.organization.tasks.find((t) => t.id === id)!;

describe('TasksView', () => {
  it('lists every task with hours, people, ratings in points and the source', () => {
    expect(names()).toHaveLength(6);
    const row = byTestId(view.container, 'task-row-Door knocking');
    expect(byTestId(row, 'task-hours').textContent).toBe('76');
    expect(byTestId(row, 'task-people').textContent).toBe('3');
    expect(byLabel(row, 'Empowerment of Door knocking').value).toBe('3'); // 1 + 9·(2/9) on 1–10
    expect(byLabel(row, 'Desirability of Door knocking').value).toBe('3');
    const badge = byTestId(row, 'task-source');
    expect(badge.textContent).toBe('suggested');
    expect(badge.title).toContain('task library');
    const filing = byTestId(view.container, 'task-row-Filing');
    expect(byLabel(filing, 'Empowerment of Filing').value).toBe('');
    expect(byTestId(filing, 'task-source').textContent).toBe('unrated');
  });

  it('shows ratings to one decimal, suggested or typed (a rating has no more precision); a typed one is stored as typed', async () => {
    view.unmount();
    const org = smallOrganization();
    // 1 + 9·0.105 = 1.945 on 1–10.
    org.tasks = org.tasks.map((t) => (t.id === 'door knocking' ? { ...t, empowerment: 0.105 } : t));
    loadOrganization(org, 'tasks');
    view = await mount(<TasksView />);
    expect(byLabel(view.container, 'Empowerment of Door knocking').value).toBe('1.9');
    await enter(byLabel(view.container, 'Empowerment of Door knocking'), '5.25');
    expect(byLabel(view.container, 'Empowerment of Door knocking').value).toBe('5.3');
    expect(task('door knocking').empowerment).toBeCloseTo((5.25 - 1) / 9, 12);
  });

  it('stores an edited rating normalized, as the members’ rating; undo restores it', async () => {
    await enter(byLabel(view.container, 'Empowerment of Door knocking'), '5.5');
    expect(task('door knocking').empowerment).toBeCloseTo((5.5 - 1) / 9, 12);
    expect(task('door knocking').source).toBe('members');
    expect(byTestId(byTestId(view.container, 'task-row-Door knocking'), 'task-source').textContent).toBe('members');
    expect(store.get().report!.tasks.find((t) => t.name === 'Door knocking')!.empowerment).toBeCloseTo(5.5, 4);

    const d = byLabel(view.container, 'Desirability of Filing');
    await type(d, '7');
    await blur(d);
    expect(task('filing').desirability).toBeCloseTo(6 / 9, 12);

    await act(async () => actions.undo());
    await act(async () => actions.undo());
    expect(task('door knocking').source).toBe('suggested');
    expect(byLabel(view.container, 'Empowerment of Door knocking').value).toBe('3');
  });

  it('accepts a suggestion as the members’ rating without changing its numbers', async () => {
    const before = task('door knocking');
    await click(byLabel<HTMLButtonElement>(view.container, 'Accept the suggested rating of Door knocking'));
    const after = task('door knocking');
    expect(after.source).toBe('members');
    expect(after.empowerment).toBeCloseTo(before.empowerment!, 12);
    expect(after.desirability).toBeCloseTo(before.desirability!, 12);
    expect(view.container.querySelector('[aria-label="Accept the suggested rating of Door knocking"]')).toBeNull();
  });

  it('refuses ratings outside the scale with a message, and Escape puts the old value back', async () => {
    const input = byLabel(view.container, 'Empowerment of Meetings');
    await enter(input, '25');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)!.textContent).toBe('Not saved: use\u00a01–\u206010');
    expect(store.get().past).toHaveLength(0);
    await press(input, 'Escape');
    expect(input.value).toBe('6');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    await enter(input, '0');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(store.get().past).toHaveLength(0);
  });

  it('moves down the column on Enter, like a spreadsheet', async () => {
    const input = byLabel(view.container, 'Empowerment of Door knocking');
    const order = names();
    await act(async () => input.focus());
    await press(input, 'Enter');
    const next = order[order.indexOf('Door knocking') + 1];
    expect(document.activeElement).toBe(byLabel(view.container, `Empowerment of ${next}`));
  });

  it('filters by source and by name', async () => {
    await type(byTestId<HTMLSelectElement>(view.container, 'tasks-source-filter'), 'suggested');
    expect(names()).toEqual(['Door knocking']);
    await type(byTestId<HTMLSelectElement>(view.container, 'tasks-source-filter'), 'needs');
    expect(names().sort()).toEqual(['Door knocking', 'Filing']);
    await type(byTestId<HTMLSelectElement>(view.container, 'tasks-source-filter'), 'all');
    await type(byTestId(view.container, 'tasks-filter'), 'plan');
    expect(names()).toEqual(['Strategic planning']);
    await type(byTestId(view.container, 'tasks-filter'), '');
    await click(view.container.querySelector<HTMLButtonElement>('.tasks-legend button[aria-pressed="false"]')!); // members: none yet
    expect(view.container.textContent).toContain('No task matches the filter.');
  });

  it('sorts by hours by default and by a clicked rating column, unrated last', async () => {
    expect(names()[0]).toBe('Door knocking');
    // In a narrow window the header shows "E", its word in visually hidden text.
    const header = [...view.container.querySelectorAll('th')].find((th) => (th.querySelector('.visually-hidden')?.textContent ?? th.textContent)?.startsWith('Empowerment'))!;
    await click(header.querySelector('button')!);
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Strategic planning', 'Budget decisions', 'Meetings', 'Door knocking', 'Cleaning', 'Filing']);
    await click(header.querySelector('button')!);
    expect(names()).toEqual(['Cleaning', 'Door knocking', 'Meetings', 'Budget decisions', 'Strategic planning', 'Filing']);
  });
});
