// @vitest-environment happy-dom
// Overview: key figures equal the engine's readings, the coordinator cluster is named by role and
// department, the suggested-rating nudge, the tolerance setting and the "updating…" indicator.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverviewView } from '../../../renderer/src/features/overview/OverviewView';
import { store } from '../../../renderer/src/state/workspace';
import { initialTasksUi, tasksUi } from '../../../renderer/src/features/tasks/tasksUi';
import { jobsUi, initialJobsUi } from '../../../renderer/src/features/jobs/jobsUi';
import { allByTestId, byTestId, click, currentEngineReport, enter, loadOrganization, mount, settle, smallOrganization, type Mounted } from './overview-jobs-tasks.helpers';

vi.mock('../../../renderer/src/worker/client', () => import('./overview-jobs-tasks.engine'));

let view: Mounted;

beforeEach(async () => {
  tasksUi.set(initialTasksUi);
  jobsUi.set(initialJobsUi);
  loadOrganization(smallOrganization());
  view = await mount(<OverviewView />);
});

afterEach(() => view.unmount());

describe('OverviewView', () => {
  it('shows every key figure with the engine reading, its raw value and its plain-language text', () => {
    const report = currentEngineReport();
    for (const key of ['empowerment.gini', 'empowerment.top20Share', 'empowerment.hoover', 'empowerment.withinTolerance', 'coordinator', 'lowDesirability', 'jointAdvantage', 'pay']) {
      const reading = report.readings.find((r) => r.key === key)!;
      expect(reading, key).toBeDefined();
      const card = byTestId(view.container, `figure-${key}`);
      expect(Number(card.dataset.value)).toBeCloseTo(reading.value!, 10);
      expect(card.textContent).toContain(reading.figure);
      expect(card.textContent).toContain(reading.text);
    }
    expect(byTestId(view.container, 'figure-empowerment.hoover').textContent).toMatch(/would have to move/i);
    // Desirability figures are there too, in their own section.
    expect(byTestId(view.container, 'figure-desirability.gini').closest('section')!.textContent).toMatch(/^Desirability/);
  });

  it('names the coordinator cluster by role and department and lists its members', () => {
    const report = currentEngineReport();
    const cluster = byTestId(view.container, 'coordinator-cluster');
    expect(report.metrics.coordinator.members.length).toBeGreaterThan(0);
    for (const m of report.metrics.coordinator.members) {
      const row = byTestId(cluster, `coordinator-member-${m.name}`);
      expect(row.textContent).toContain(m.role!);
      expect(row.textContent).toContain(m.department!);
      expect(byTestId(row, 'coordinator-e').textContent).toBe(m.empowerment.toFixed(1));
    }
    for (const r of report.metrics.coordinator.roles) expect(cluster.querySelector('[aria-label="Coordinator cluster by role"]')!.textContent).toContain(r.name);
    for (const d of report.metrics.coordinator.departments) expect(cluster.querySelector('[aria-label="Coordinator cluster by department"]')!.textContent).toContain(d.name);
  });

  it('opens a cluster member in Jobs', async () => {
    const cluster = byTestId(view.container, 'coordinator-cluster');
    await click(cluster.querySelector<HTMLButtonElement>('[data-testid="coordinator-member-Ada Director"] button')!);
    expect(store.get().view).toBe('jobs');
    expect(jobsUi.get().selectedPersonId).toBe('p1');
  });

  it('gives the share of hours rated only by suggestion and sends the user to rate them', async () => {
    // Door knocking (suggested) is 76 of 240 hours; Filing (unrated) 8.
    const nudge = byTestId(view.container, 'suggested-share');
    expect(Number(nudge.dataset.value)).toBeCloseTo(76 / 240, 4);
    expect(nudge.textContent).toContain('32% of hours are rated only by suggestion');
    expect(nudge.textContent).toContain('Tasks & ratings');
    expect(nudge.textContent).toMatch(/3% of hours are on unrated tasks/);
    const button = [...nudge.querySelectorAll('button')].find((b) => b.textContent === 'Rate suggested tasks')!;
    await click(button);
    expect(store.get().view).toBe('tasks');
    expect(tasksUi.get().source).toBe('suggested');
  });

  it('changes the tolerance in points and re-reads the figures', async () => {
    const input = byTestId<HTMLInputElement>(view.container, 'tolerance-input');
    expect(input.value).toBe('0.45'); // 5% of 1–10
    const before = Number(byTestId(view.container, 'figure-empowerment.withinTolerance').dataset.value);
    await enter(input, '3');
    expect(store.get().project!.settings.tolerance).toBe(3);
    const after = byTestId(view.container, 'figure-empowerment.withinTolerance');
    expect(Number(after.dataset.value)).toBeCloseTo(currentEngineReport().metrics.empowerment.withinTolerance, 10);
    expect(Number(after.dataset.value)).toBeGreaterThan(before);
    expect(view.container.textContent).toContain('Reset to the default');
  });

  it('refuses a tolerance that is not positive', async () => {
    const input = byTestId<HTMLInputElement>(view.container, 'tolerance-input');
    await enter(input, '-1');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(view.container.querySelector('[role="alert"]')!.textContent).toMatch(/more than 0/);
    expect(store.get().project!.settings.tolerance).toBeUndefined();
  });

  it('says "updating…" while the report is behind the latest edit', async () => {
    expect(allByTestId(view.container, 'report-updating')).toHaveLength(0);
    await settle();
    const { revision } = store.get();
    const { act } = await import('react');
    await act(async () => store.set({ revision: revision + 1 }));
    expect(byTestId(view.container, 'report-updating').textContent).toContain('updating…');
    expect(view.container.querySelector('section.overview')!.getAttribute('aria-busy')).toBe('true');
    await act(async () => store.set({ reportRevision: revision + 1 }));
    expect(allByTestId(view.container, 'report-updating')).toHaveLength(0);
  });

  it('says when the roster has no pay', async () => {
    view.unmount();
    const org = smallOrganization();
    loadOrganization({ ...org, people: org.people.map((p) => ({ ...p, annualPay: null })) });
    view = await mount(<OverviewView />);
    expect(allByTestId(view.container, 'figure-pay')).toHaveLength(0);
    expect(byTestId(view.container, 'pay-audit-missing').textContent).toMatch(/no pay/);
  });
});
