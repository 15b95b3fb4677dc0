// @vitest-environment happy-dom
// Constraints edited where the data lives: the lock toggle of each task in Jobs → the bundle editor,
// and in Tasks & ratings the Chore toggle and the qualifications panel (what a task requires; who
// holds it, with the task's current doers offered first). Each control calls the store's edit
// (one undo step) and shows the state it produced.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobsView } from '../../../renderer/src/features/jobs/JobsView';
import { initialJobsUi, jobsUi } from '../../../renderer/src/features/jobs/jobsUi';
import { TasksView } from '../../../renderer/src/features/tasks/TasksView';
import { initialTasksUi, tasksUi } from '../../../renderer/src/features/tasks/tasksUi';
import { SHOWN_PEOPLE } from '../../../renderer/src/features/tasks/QualificationHolders';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { actions, store } from '../../../renderer/src/state/workspace';
import { allByTestId, byLabel, byTestId, click, loadOrganization, mount, press, settle, smallOrganization, type, type Mounted } from './overview-jobs-tasks.helpers';

vi.mock('../../../renderer/src/worker/client', () => import('./overview-jobs-tasks.engine'));

let view: Mounted;
afterEach(() => view.unmount());

const org = () => store.get().project!.organization;
const task = (id: string) => org().tasks.find((t) => t.id === id)!;
const assignment = (personId: string, taskId: string) => org().assignments.find((a) => a.personId === personId && a.taskId === taskId)!;
const undo = () => act(async () => actions.undo());
const quals = (id: string) => org().people.find((p) => p.id === id)!.qualifications;

describe('the lock toggle in the bundle editor', () => {
  async function openBundle(o: Organization, name: string) {
    jobsUi.set(initialJobsUi);
    loadOrganization(o, 'jobs');
    view = await mount(<JobsView />);
    await click(byTestId(view.container, `job-row-${name}`));
    return byTestId(view.container, 'bundle-editor');
  }

  it('one toggle per task, named for the task and the person, with the tooltip; it locks and unlocks (undoable)', async () => {
    const editor = await openBundle(smallOrganization(), 'Ben Manager');
    const toggles = allByTestId<HTMLButtonElement>(editor, 'bundle-lock');
    expect(toggles.map((b) => b.getAttribute('aria-label'))).toEqual(['Lock Budget decisions for Ben Manager', 'Lock Meetings for Ben Manager']);
    expect(toggles.every((b) => b.title === 'A proposal keeps this assignment' && b.getAttribute('aria-pressed') === 'false')).toBe(true);

    await click(byLabel(editor, 'Lock Meetings for Ben Manager'));
    expect(assignment('p2', 'meetings').locked).toBe(true);
    expect(assignment('p2', 'budget decisions').locked).toBe(false);
    expect(assignment('p3', 'meetings').locked).toBe(false);
    expect(byLabel(editor, 'Lock Meetings for Ben Manager').getAttribute('aria-pressed')).toBe('true');
    expect(store.get().past).toHaveLength(1);

    await click(byLabel(editor, 'Lock Meetings for Ben Manager'));
    expect(assignment('p2', 'meetings').locked).toBe(false);
    await undo();
    expect(assignment('p2', 'meetings').locked).toBe(true);
    expect(byLabel(editor, 'Lock Meetings for Ben Manager').getAttribute('aria-pressed')).toBe('true');
    await undo();
    expect(assignment('p2', 'meetings').locked).toBe(false);
    expect(byLabel(editor, 'Lock Meetings for Ben Manager').getAttribute('aria-pressed')).toBe('false');
  });

  it('shows a lock from the file as pressed', async () => {
    const o = smallOrganization();
    o.assignments = o.assignments.map((a) => (a.personId === 'p6' ? { ...a, locked: true } : a));
    const editor = await openBundle(o, 'Finn Cleaner');
    expect(byLabel(editor, 'Lock Cleaning for Finn Cleaner').getAttribute('aria-pressed')).toBe('true');
    await click(byLabel(editor, 'Lock Cleaning for Finn Cleaner'));
    expect(assignment('p6', 'cleaning').locked).toBe(false);
  });
});

describe('Tasks & ratings: chores and qualifications', () => {
  async function openTasks(o: Organization = smallOrganization()) {
    tasksUi.set(initialTasksUi);
    loadOrganization(o, 'tasks');
    view = await mount(<TasksView />);
  }
  const row = (name: string) => byTestId(view.container, `task-row-${name}`);
  const openPanel = async (name: string) => {
    await click(byTestId(row(name), 'task-requires-toggle'));
    return byTestId(view.container, 'qualify-editor');
  };
  const save = async (panel: HTMLElement, text: string) => {
    await type(byTestId(panel, 'qualify-requires'), text);
    await click(byTestId(panel, 'qualify-requires-save'));
  };

  it('the Chore checkbox marks a task as a chore and back, one undo step each; the column sorts chores first', async () => {
    await openTasks();
    const toggle = () => byTestId<HTMLInputElement>(row('Cleaning'), 'task-chore-toggle');
    expect(toggle().getAttribute('aria-label')).toBe('Chore: Cleaning');
    expect(toggle().type).toBe('checkbox');
    expect(toggle().checked).toBe(false);
    await click(toggle());
    expect(task('cleaning').chore).toBe(true);
    expect(org().tasks.filter((t) => t.chore).map((t) => t.id)).toEqual(['cleaning']);
    expect(toggle().checked).toBe(true);
    const header = [...view.container.querySelectorAll('[data-testid="tasks-table"] th')].find((th) => th.textContent?.startsWith('Chore'))!;
    await click(header.querySelector('button')!);
    await click(header.querySelector('button')!);
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(allByTestId(view.container, 'task-name')[0].textContent).toBe('Cleaning');
    await click(toggle());
    expect(task('cleaning').chore).toBe(false);
    expect(store.get().past).toHaveLength(2);
    await click(byTestId(row('Meetings'), 'task-chore-toggle'));
    await undo();
    expect(task('meetings').chore).toBe(false);
  });

  it('the Requires panel saves a typed list (cleaned, one undo step) and the column shows it', async () => {
    await openTasks();
    expect(byTestId(row('Budget decisions'), 'task-requires-toggle').textContent).toContain('anyone');
    const panel = await openPanel('Budget decisions');
    expect(byTestId(row('Budget decisions'), 'task-requires-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(byTestId<HTMLButtonElement>(panel, 'qualify-requires-save').disabled).toBe(true);
    await save(panel, ' finance ;  legal  advice, Finance');
    expect(task('budget decisions').requires).toEqual(['finance', 'legal advice']);
    expect(store.get().past).toHaveLength(1);
    expect(byTestId(row('Budget decisions'), 'task-requires-toggle').textContent).toContain('finance, legal advice');
    expect(byTestId<HTMLInputElement>(view.container, 'qualify-requires').value).toBe('finance, legal advice');
    expect(allByTestId(view.container, 'qualify-holders').map((f) => f.dataset.qualification)).toEqual(['finance', 'legal advice']);

    await save(byTestId(view.container, 'qualify-editor'), `finance, ${'x'.repeat(101)}`);
    expect(byTestId(view.container, 'qualify-error').textContent).toContain('at most 100 characters');
    expect(task('budget decisions').requires).toEqual(['finance', 'legal advice']);
    expect(store.get().past).toHaveLength(1);
  });

  it('who holds a qualification: the current doers first and in one click (one undo step), then a searchable checklist', async () => {
    const o = smallOrganization();
    o.tasks = o.tasks.map((t) => (t.id === 'meetings' ? { ...t, requires: ['Facilitation'] } : t));
    o.people = o.people.map((p) => (p.id === 'p5' ? { ...p, qualifications: ['facilitation'] } : p));
    await openTasks(o);
    const panel = await openPanel('Meetings');
    const holders = byTestId(panel, 'qualify-holders');
    expect(byTestId(holders, 'qualify-held-count').textContent).toBe('Held by 1 of 6 people.');
    // Meetings: Ben 20 h, Cleo 20 h, Dev 16 h; then Eve, who holds it; then the rest by name.
    const listed = () => allByTestId(byTestId(view.container, 'qualify-holders'), 'qualify-person').map((l) => l.dataset.personId);
    expect(listed()).toEqual(['p2', 'p3', 'p4', 'p5', 'p1', 'p6']);
    expect(allByTestId(holders, 'qualify-person')[3].querySelector('input')!.checked).toBe(true);
    expect(allByTestId(holders, 'qualify-person')[0].textContent).toContain('does it now, 20 h a week');

    const doers = byTestId(holders, 'qualify-doers');
    expect(doers.textContent).toBe('Give it to the 3 people who do this task now');
    await click(doers);
    expect(['p2', 'p3', 'p4', 'p5'].map(quals)).toEqual([['Facilitation'], ['Facilitation'], ['Facilitation'], ['facilitation']]);
    expect(quals('p1')).toEqual([]);
    expect(store.get().past).toHaveLength(1);
    const after = byTestId(view.container, 'qualify-holders');
    expect(byTestId(after, 'qualify-held-count').textContent).toBe('Held by 4 of 6 people.');
    expect(after.textContent).toContain('Everyone who does this task now holds it.');
    await undo();
    expect(['p2', 'p3', 'p4'].map(quals)).toEqual([[], [], []]);

    // Search narrows the list; a tick gives the qualification, an untick takes it away.
    await type(byTestId(view.container, 'qualify-search'), 'director');
    expect(listed()).toEqual(['p1']);
    await click(byTestId(view.container, 'qualify-person').querySelector('input')!);
    expect(quals('p1')).toEqual(['Facilitation']);
    await type(byTestId(view.container, 'qualify-search'), 'canvass');
    await click(byTestId(view.container, 'qualify-person').querySelector('input')!);
    expect(quals('p5')).toEqual([]);
    await type(byTestId(view.container, 'qualify-search'), 'nobody here');
    expect(listed()).toEqual([]);
    expect(byTestId(view.container, 'qualify-holders').textContent).toContain('No one matches “nobody here”.');
  });

  it('shows people by the names Jobs shows: pseudonyms when the switch is on', async () => {
    const o = smallOrganization();
    o.tasks = o.tasks.map((t) => (t.id === 'cleaning' ? { ...t, requires: ['cleaning licence'] } : t));
    await openTasks(o);
    await act(async () => actions.setPseudonymize(true));
    await settle();
    const panel = await openPanel('Cleaning');
    const shown = allByTestId(panel, 'qualify-person').map((l) => l.querySelector('.qualify-name')!.firstChild!.textContent);
    const pseudonyms = store.get().report!.people.map((p) => p.name);
    expect(pseudonyms.every((n) => /^P-\d+$/.test(n))).toBe(true);
    expect(shown[0]).toBe(pseudonyms[5]); // Finn Cleaner, who does it now, first
    expect(new Set(shown)).toEqual(new Set(pseudonyms));
    expect(panel.textContent).not.toContain('Finn');
  });

  it('says when no one holds a requirement, and lists a large organization a page at a time until searched', async () => {
    const o = smallOrganization();
    const extra = Array.from({ length: 120 }, (_, i) => ({ ...o.people[0], id: `x${i}`, name: `Extra ${String(i).padStart(3, '0')}` }));
    o.people = [...o.people, ...extra];
    o.tasks = o.tasks.map((t) => (t.id === 'filing' ? { ...t, requires: ['records'] } : t));
    await openTasks(o);
    const panel = await openPanel('Filing');
    expect(byTestId(panel, 'qualify-held-count').textContent).toBe('Held by 0 of 126 people. No one can be given new hours on this task until someone holds it.');
    expect(allByTestId(panel, 'qualify-person')).toHaveLength(SHOWN_PEOPLE);
    expect(byTestId(panel, 'qualify-more').textContent).toBe(`${126 - SHOWN_PEOPLE} more: type a name, role or department to find them.`);
    await type(byTestId(panel, 'qualify-search'), 'extra 119');
    expect(allByTestId(panel, 'qualify-person').map((l) => l.dataset.personId)).toEqual(['x119']);
  });

  it('one side panel at a time: opening the factors closes the qualifications, and Escape closes the panel', async () => {
    await openTasks();
    await openPanel('Meetings');
    await click(byTestId(row('Meetings'), 'task-factors-toggle'));
    expect(allByTestId(view.container, 'qualify-editor')).toHaveLength(0);
    expect(allByTestId(view.container, 'factor-editor')).toHaveLength(1);
    const panel = await openPanel('Meetings');
    expect(allByTestId(view.container, 'factor-editor')).toHaveLength(0);
    await press(byTestId(panel, 'qualify-requires'), 'Escape');
    expect(allByTestId(view.container, 'qualify-editor')).toHaveLength(0);
  });
});
