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

  it('leads with the figures in points, then the relative ones, whose section, notes and tooltips say they measure from the bottom of the scale', () => {
    const report = currentEngineReport();
    const keysIn = (label: string) => [...view.container.querySelectorAll(`[aria-label="${label}"] [data-testid^="figure-"]`)].map((c) => c.getAttribute('data-testid')!.slice('figure-'.length));
    const cards = [...view.container.querySelectorAll('[data-testid^="figure-"]')].map((c) => c.getAttribute('data-testid'));
    expect(keysIn('Key figures')).toEqual(['empowerment.absoluteGini', 'empowerment.withinTolerance', 'empowerment.top20Gap', 'coordinator']);
    expect(cards[0]).toBe('figure-empowerment.absoluteGini');
    expect(cards.indexOf('figure-empowerment.gini')).toBeGreaterThan(cards.indexOf('figure-coordinator'));
    // Points carry one decimal, like the ratings; the distance from the mean is signed.
    const m = report.metrics.empowerment;
    expect(byTestId(view.container, 'figure-empowerment.absoluteGini').querySelector('.figure-value')!.textContent).toBe(m.absoluteGini.toFixed(1));
    expect(byTestId(view.container, 'figure-empowerment.top20Gap').querySelector('.figure-value')!.textContent).toBe(`+${m.top20Gap.toFixed(1)}`);
    expect(Number(byTestId(view.container, 'figure-empowerment.absoluteGini').dataset.value)).toBe(m.absoluteGini);
    // Every relative figure sits under a title that states its zero, and its tooltip says so too.
    expect(keysIn('Relative figures')).toEqual(['empowerment.gini', 'empowerment.top20Share', 'empowerment.hoover', 'empowerment.topDecileShare', 'empowerment.palma', 'empowerment.theilDepartment']);
    const section = view.container.querySelector('[aria-label="Relative figures"]')!.closest('section')!;
    expect(section.querySelector('h3')!.textContent).toBe('Shares of the empowering work, measured from the bottom of the 1–10 scale');
    for (const key of [...keysIn('Relative figures'), 'desirability.gini', 'desirability.hoover']) {
      expect(byTestId(view.container, `figure-${key}`).parentElement!.title, key).toMatch(/^Measured from the bottom of the 1–10 scale: a rating of 1 counts as no (empowerment|desirability) at all\./);
    }
    for (const key of ['empowerment.absoluteGini', 'empowerment.withinTolerance', 'desirability.absoluteGini']) expect(byTestId(view.container, `figure-${key}`).parentElement!.title, key).toBe('');
    // In the mixed desirability section, the compact relative cards carry the zero as a note.
    expect(byTestId(view.container, 'figure-desirability.gini').querySelector('.figure-note')!.textContent).toBe('measured from the bottom of the 1–10 scale');
    expect(byTestId(view.container, 'figure-desirability.absoluteGini').querySelector('.figure-note')).toBeNull();
  });

  it('names the coordinator cluster by role and department and lists its members', () => {
    const report = currentEngineReport();
    const cluster = byTestId(view.container, 'coordinator-cluster');
    expect(report.metrics.coordinator.members.length).toBeGreaterThan(0);
    for (const m of report.metrics.coordinator.members) {
      const row = byTestId(cluster, `coordinator-member-${m.name}`);
      expect(row.textContent).toContain(m.role!);
      expect(row.textContent).toContain(m.department!);
      // A score of 9.75 up to float noise is shown as 9.8 everywhere.
      expect(byTestId(row, 'coordinator-e').textContent).toBe((Math.round(m.empowerment * 1e9) / 1e9).toFixed(1));
    }
    for (const r of report.metrics.coordinator.roles) expect(cluster.querySelector('[aria-label="Coordinator cluster by role"]')!.textContent).toContain(r.name);
    for (const d of report.metrics.coordinator.departments) expect(cluster.querySelector('[aria-label="Coordinator cluster by department"]')!.textContent).toContain(d.name);
  });

  it('shows who is in the cluster at τ, 2τ and 3τ and whether the ranked jobs break', () => {
    const c = currentEngineReport().metrics.coordinator;
    const levels = byTestId(view.container, 'cluster-levels');
    for (const l of c.levels) {
      const row = byTestId(levels, `cluster-level-${l.multiple}`);
      expect(row.querySelector('th')!.textContent).toContain(`${l.threshold} points`);
      expect(row.querySelectorAll('td')[0].textContent).toBe(String(l.names.length));
      for (const name of l.names) expect(row.textContent).toContain(name);
    }
    // Ada 9.75, Ben 7.5, Cleo 4.5 (below the mean, 5.1): the largest gap above the mean is Ben down to the mean, 2.4 points, not a clear step.
    expect(c.kind).toBe('gradual');
    expect(byTestId(view.container, 'cluster-break').textContent).toBe(
      'No clear break: a gradual slope; the largest gap between neighbouring jobs above the mean is 2.4 points (between Ben Manager and the mean; Cleo Organizer, the next down, is below it).',
    );
    expect(allByTestId(view.container, 'coordinator-suggested')).toHaveLength(0);
    expect(allByTestId(view.container, 'suggested-notice')).toHaveLength(0);
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

  it('says first, above every figure, when more than half the rated hours rest on suggestions, and marks the memberships that do', async () => {
    view.unmount();
    const org = smallOrganization();
    // Budget decisions and Meetings suggested too: 162 of 232 rated hours (70%); Ben Manager's place in the cluster rests on them.
    loadOrganization({ ...org, tasks: org.tasks.map((t) => (t.id === 'budget decisions' || t.id === 'meetings' ? { ...t, source: 'suggested' as const } : t)) });
    view = await mount(<OverviewView />);
    const report = currentEngineReport();
    expect(report.readings[0].key).toBe('suggested');
    const notice = byTestId(view.container, 'suggested-notice');
    expect(notice.textContent).toContain('Most of this audit rests on suggested ratings');
    expect(notice.textContent).toContain(report.readings[0].text);
    // Nothing that gives a figure comes before it.
    const all = [...view.container.querySelectorAll('[data-testid="suggested-notice"], [data-testid^="figure-"], [data-testid="coordinator-cluster"]')];
    expect(all[0]).toBe(notice);
    expect(notice.closest('section')!.classList.contains('urgent')).toBe(true);
    const ben = byTestId(view.container, 'coordinator-member-Ben Manager');
    expect(byTestId(ben, 'coordinator-suggested').textContent).toContain('on suggestions');
    expect(allByTestId(byTestId(view.container, 'coordinator-member-Ada Director'), 'coordinator-suggested')).toHaveLength(0);
    expect(byTestId(view.container, 'cluster-suggested').textContent).toContain('1 member is in the cluster only because of suggested ratings');
  });
});
