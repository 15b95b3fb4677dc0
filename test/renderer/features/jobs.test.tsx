// @vitest-environment happy-dom
// Jobs: the people table (scores as the engine computes them, sorting, filters, keyboard), roles and
// departments, the task bundle editor (hours, remove, add) with undo, and windowing for large orgs.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobsView } from '../../../renderer/src/features/jobs/JobsView';
import { initialJobsUi, jobsUi } from '../../../renderer/src/features/jobs/jobsUi';
import { actions, store } from '../../../renderer/src/state/workspace';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { allByTestId, blur, byLabel, byTestId, click, currentEngineReport, enter, loadOrganization, mount, press, settle, smallOrganization, type, type Mounted } from './overview-jobs-tasks.helpers';

vi.mock('../../../renderer/src/worker/client', () => import('./overview-jobs-tasks.engine'));

let view: Mounted;

async function open(org: Organization = smallOrganization()) {
  jobsUi.set(initialJobsUi);
  loadOrganization(org, 'jobs');
  view = await mount(<JobsView />);
}

const rowNames = () => allByTestId(view.container, 'job-name').map((td) => td.textContent);
const jobE = (name: string) => byTestId(byTestId(view.container, `job-row-${name}`), 'job-e');

beforeEach(() => open());
afterEach(() => {
  view.unmount();
  vi.restoreAllMocks();
});

describe('JobsView people table', () => {
  it('shows every person with the engine’s hours, E, D and pay, most empowered first', () => {
    const report = currentEngineReport();
    const table = byTestId(view.container, 'jobs-table');
    expect(table.querySelectorAll('tbody tr[data-testid^="job-row-"]')).toHaveLength(6);
    for (const p of report.people) {
      const row = byTestId(view.container, `job-row-${p.name}`);
      expect(byTestId(row, 'job-e').textContent).toBe(p.empowerment === null ? '–' : p.empowerment.toFixed(1));
      expect(Number(byTestId(row, 'job-e').dataset.value)).toBe(p.empowerment);
      expect(byTestId(row, 'job-d').textContent).toBe(p.desirability === null ? '–' : p.desirability.toFixed(1));
      expect(Number(byTestId(row, 'job-hours').dataset.value)).toBe(p.hours);
      expect(Number(byTestId(row, 'job-hourly-pay').dataset.value)).toBe(p.hourlyPay);
    }
    expect(rowNames()[0]).toBe('Ada Director');
    expect(table.querySelector('th[aria-sort]')!.textContent).toContain('Empowerment');
    expect(table.querySelector('th[aria-sort]')!.getAttribute('aria-sort')).toBe('descending');
  });

  it('says beside the scores how much of each job rests on suggested ratings, also with the bundle open', async () => {
    // A header's name as read out: a short header ("E" in a narrow window) carries its word in visually hidden text.
    const headers = () => [...byTestId(view.container, 'jobs-table').querySelectorAll('thead th')].map((th) => th.querySelector('.visually-hidden')?.textContent ?? th.querySelector('button > span')?.textContent ?? th.textContent);
    const suggestedOf = (name: string) => byTestId(byTestId(view.container, `job-row-${name}`), 'job-suggested');
    // Door knocking (suggested): Cleo 20 of 40 h, Eve 36 of 40 h; Ada's tasks are rated in the file.
    expect(headers().indexOf('Hours rated by suggestion')).toBe(headers().indexOf('Desirability') + 1);
    expect(suggestedOf('Cleo Organizer').textContent).toBe('50%');
    expect(suggestedOf('Eve Canvasser').textContent).toBe('90%');
    expect(suggestedOf('Ada Director').textContent).toBe('–');
    expect(jobE('Eve Canvasser').title).toBe('90% of this job’s hours are on tasks rated only by suggestion');
    expect(jobE('Ada Director').hasAttribute('title')).toBe(false);
    await click(byTestId(view.container, 'job-row-Eve Canvasser'));
    expect(headers()).toContain('Hours rated by suggestion');
    expect(byTestId(view.container, 'bundle-suggested').textContent).toContain('90% of these hours are on tasks rated only by suggestion');
    await click(byTestId(view.container, 'job-row-Ada Director'));
    expect(allByTestId(view.container, 'bundle-suggested')).toHaveLength(0);
  });

  it('sorts by a clicked header, and reverses on a second click', async () => {
    const header = () => [...view.container.querySelectorAll('[data-testid="jobs-table"] th')].find((th) => th.textContent?.startsWith('Name'))!;
    await click(header().querySelector('button')!);
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    expect(rowNames()).toEqual(['Ada Director', 'Ben Manager', 'Cleo Organizer', 'Dev Organizer', 'Eve Canvasser', 'Finn Cleaner']);
    await click(header().querySelector('button')!);
    expect(header().getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()[0]).toBe('Finn Cleaner');
  });

  it('filters by name, role or department text and by department', async () => {
    await type(byTestId(view.container, 'jobs-filter'), 'organizer');
    expect(rowNames().sort()).toEqual(['Cleo Organizer', 'Dev Organizer']);
    await type(byTestId(view.container, 'jobs-filter'), 'leader');
    expect(rowNames().sort()).toEqual(['Ada Director', 'Ben Manager']);
    await type(byTestId(view.container, 'jobs-filter'), '');
    await type(byTestId<HTMLSelectElement>(view.container, 'jobs-department'), 'Canvass');
    expect(rowNames()).toEqual(['Eve Canvasser']);
    expect(view.container.textContent).toContain('1 of 6 people');
  });

  it('moves between rows with the arrow keys and opens a job with Enter', async () => {
    const first = byTestId(view.container, 'job-row-Ada Director');
    expect(first.tabIndex).toBe(0);
    await act(async () => first.focus());
    await press(first, 'ArrowDown');
    const second = byTestId(view.container, 'job-row-Ben Manager');
    expect(document.activeElement).toBe(second);
    await press(second, 'Enter');
    const editor = byTestId(view.container, 'bundle-editor');
    expect(editor.textContent).toContain('Ben Manager');
    expect(second.getAttribute('aria-selected')).toBe('true');
    await press(editor, 'Escape');
    expect(allByTestId(view.container, 'bundle-editor')).toHaveLength(0);
  });

  it('shows roles and departments as tables, and a role opens its people', async () => {
    await click(byTestId(view.container, 'jobs-mode-roles'));
    const roles = byTestId(view.container, 'roles-table');
    const report = currentEngineReport();
    for (const r of report.roles) expect(byTestId(roles, `role-row-${r.role}`).textContent).toContain(String(r.people));
    await click(byTestId(roles, 'role-row-Organizer'));
    expect(rowNames().sort()).toEqual(['Cleo Organizer', 'Dev Organizer']);
    expect(byTestId(view.container, 'jobs-role-filter').textContent).toContain('Organizer');
    await click(byTestId(view.container, 'jobs-mode-departments'));
    expect(byTestId(view.container, 'departments-table').querySelectorAll('tbody tr')).toHaveLength(report.departments.length);
  });
});

describe('the task bundle editor', () => {
  beforeEach(async () => {
    await click(byTestId(view.container, 'job-row-Dev Organizer'));
  });

  it('lists the person’s tasks with hours, ratings on the project scale and source', () => {
    const editor = byTestId(view.container, 'bundle-editor');
    expect(byLabel(editor, 'Hours on Meetings').value).toBe('16');
    const knocking = byTestId(editor, 'bundle-task-Door knocking');
    expect(byTestId(knocking, 'bundle-task-e').textContent).toBe('3.0'); // 1 + 9·2/9
    expect(byTestId(knocking, 'task-source').textContent).toBe('suggested');
    expect(byTestId(byTestId(editor, 'bundle-task-Filing'), 'task-source').textContent).toBe('unrated');
  });

  it('changes hours on Enter or blur and re-scores the job; undo puts them back', async () => {
    const before = jobE('Dev Organizer').textContent;
    await enter(byLabel(view.container, 'Hours on Door knocking'), '4');
    const a = store.get().project!.organization.assignments.find((x) => x.personId === 'p4' && x.taskId === 'door knocking')!;
    expect(a.hours).toBe(4);
    const expected = currentEngineReport().people[3].empowerment!;
    expect(jobE('Dev Organizer').textContent).toBe(expected.toFixed(1));
    expect(jobE('Dev Organizer').textContent).not.toBe(before);
    expect(byTestId(view.container, 'bundle-total-hours').textContent).toBe('24');

    const meetings = byLabel(view.container, 'Hours on Meetings');
    await type(meetings, '20');
    await blur(meetings);
    await settle();
    expect(store.get().project!.organization.assignments.find((x) => x.personId === 'p4' && x.taskId === 'meetings')!.hours).toBe(20);

    await act(async () => actions.undo());
    await act(async () => actions.undo());
    await settle();
    expect(byLabel(view.container, 'Hours on Door knocking').value).toBe('20');
    expect(jobE('Dev Organizer').textContent).toBe(before);
  });

  it('removes a task at 0 hours only after a confirmation', async () => {
    const confirm = vi.fn(() => false);
    window.confirm = confirm; // happy-dom has no dialogs
    await enter(byLabel(view.container, 'Hours on Filing'), '0');
    expect(confirm).toHaveBeenCalledOnce();
    expect(byLabel(view.container, 'Hours on Filing').value).toBe('4');
    confirm.mockReturnValue(true);
    await enter(byLabel(view.container, 'Hours on Filing'), '0');
    expect(view.container.querySelector('[aria-label="Hours on Filing"]')).toBeNull();
    expect(store.get().project!.organization.assignments.some((x) => x.personId === 'p4' && x.taskId === 'filing')).toBe(false);
  });

  it('refuses negative hours with a message', async () => {
    const input = byLabel(view.container, 'Hours on Meetings');
    await enter(input, '-3');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)!.textContent).toMatch(/not saved: use\s0–\u2060168/i);
    expect(store.get().past).toHaveLength(0);
  });

  it('removes a task with its remove button', async () => {
    await click(byLabel<HTMLButtonElement>(view.container, 'Remove Meetings'));
    await settle();
    expect(allByTestId(view.container, 'bundle-task-Meetings')).toHaveLength(0);
  });

  it('adds an existing task and a new one', async () => {
    const editor = byTestId(view.container, 'bundle-editor');
    const options = [...editor.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(options).toContain('Strategic planning');
    expect(options).not.toContain('Meetings'); // already in the job
    await type(byTestId(editor, 'add-task-name'), 'Strategic planning');
    await type(byTestId(editor, 'add-task-hours'), '5');
    await click(byTestId(editor, 'add-task-submit'));
    await settle();
    expect(byLabel(view.container, 'Hours on Strategic planning').value).toBe('5');
    expect(byTestId(view.container, 'job-row-Dev Organizer').querySelector('[data-testid="job-hours"]')!.textContent).toBe('45');

    await type(byTestId(editor, 'add-task-name'), 'Write the zine');
    expect(editor.textContent).toContain('A new task');
    await type(byTestId(editor, 'add-task-hours'), '2');
    await click(byTestId(editor, 'add-task-submit'));
    await settle();
    const added = byTestId(view.container, 'bundle-task-Write the zine');
    expect(byTestId(added, 'task-source').textContent).toBe('unrated');
  });

  it('asks for a task name and positive hours before adding', async () => {
    const editor = byTestId(view.container, 'bundle-editor');
    await click(byTestId(editor, 'add-task-submit'));
    expect(editor.querySelector('[role="alert"]')!.textContent).toMatch(/name/);
    await type(byTestId(editor, 'add-task-name'), 'Filing');
    await type(byTestId(editor, 'add-task-hours'), '0');
    await click(byTestId(editor, 'add-task-submit'));
    expect(editor.querySelector('[role="alert"]')!.textContent).toMatch(/more than 0/);
    expect(store.get().past).toHaveLength(0);
  });
});

describe('large organizations', () => {
  it('renders only the rows in view of 10,000 people, and the filter still finds anyone', async () => {
    view.unmount();
    const base = smallOrganization();
    const people = Array.from({ length: 10_000 }, (_, i) => ({ ...base.people[i % 6], id: `q${i}`, name: `Person ${i}` }));
    const assignments = people.map((p, i) => ({ personId: p.id, taskId: base.tasks[i % 5].id, hours: 40, locked: false }));
    await open({ ...base, people, assignments });
    const rows = view.container.querySelectorAll('[data-testid="jobs-table"] tbody tr[data-testid^="job-row-"]');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(byTestId(view.container, 'jobs-table').getAttribute('aria-rowcount')).toBe('10001');
    await type(byTestId(view.container, 'jobs-filter'), 'Person 9876');
    expect(rowNames()).toEqual(['Person 9876']);
  });
});
