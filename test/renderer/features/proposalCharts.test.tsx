// @vitest-environment happy-dom
// The Proposal view's charts drawn from the engine's Riverside proposal: the options curve picks a
// tolerance by a click on its point or by its button (never when disabled), marks the current one and
// the tolerances that cannot be met; the before/after job maps and ranked jobs show the report's
// jobs, means and band, and stay quick at 2,000 people.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FullProposal } from '../../../renderer/src/engine/balance/fullProposal';
import type { OptionPoint } from '../../../renderer/src/engine/balance/types';
import { fmt1, coincidentGroups } from '../../../renderer/src/features/charts/chartData';
import { BeforeAfterCharts } from '../../../renderer/src/features/proposal/BeforeAfterCharts';
import { OptionsCurve } from '../../../renderer/src/features/proposal/OptionsCurve';
import { fmtHours } from '../../../renderer/src/ui/figure-format';
import { manyJobs, riversideProposal } from './proposalCharts.fixture';

vi.mock('../../../renderer/src/worker/client', () => ({ EngineClient: class { run() { return Promise.reject(new Error('no worker in tests')); } cancelAll() {} } }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let p: FullProposal;
beforeAll(async () => {
  p = await riversideProposal();
  document.documentElement.dataset.theme = 'light';
  // happy-dom has no layout: without ResizeObserver, ResponsiveContainer keeps its initial size.
  vi.stubGlobal('ResizeObserver', undefined);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function render(node: React.ReactNode): Promise<{ container: HTMLElement; ms: number }> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const t0 = performance.now();
  await act(async () => root.render(node));
  const ms = performance.now() - t0;
  cleanups.push(() => {
    act(() => root.unmount());
    container.remove();
  });
  return { container, ms };
}

const click = (el: Element) => act(() => { el.dispatchEvent(new MouseEvent('click', { bubbles: true })); });
const infeasible = (tolerance: number): OptionPoint => ({ tolerance, status: 'infeasible', movedHours: null, absoluteGini: null, gini: null, hoover: null, withinTolerance: null });

describe('OptionsCurve', () => {
  it('lists every option as a button with its hours, and a button or a point on the chart picks its tolerance', async () => {
    const onPick = vi.fn();
    const { container } = await render(<OptionsCurve options={p.report.options} current={1} scale={p.report.scale} onPick={onPick} />);
    const curve = container.querySelector('[data-testid="options-curve"]')!;
    const buttons = [...curve.querySelectorAll<HTMLButtonElement>('[data-testid="option-point"]')];
    const sorted = [...p.report.options].sort((a, b) => a.tolerance - b.tolerance);
    expect(buttons.map((b) => Number(b.dataset.tolerance))).toEqual(sorted.map((o) => o.tolerance));
    const two = sorted.find((o) => o.tolerance === 2)!;
    const button2 = buttons.find((b) => b.dataset.tolerance === '2')!;
    expect(button2.textContent).toBe(`±2.0 points — ${fmtHours(two.movedHours)} h a week`);
    await click(button2);
    expect(onPick).toHaveBeenLastCalledWith(2);
    const dot = curve.querySelector('svg .option-dot[data-tolerance="3"]')!;
    expect(dot).not.toBeNull();
    await click(dot);
    expect(onPick).toHaveBeenLastCalledWith(3);
    expect(onPick).toHaveBeenCalledTimes(2);
    // One dot per solved option, drawn on the chart.
    expect(curve.querySelectorAll('svg .option-dot').length).toBe(p.report.options.length);
  });

  it('marks the current tolerance and labels both axes with their units', async () => {
    const { container } = await render(<OptionsCurve options={p.report.options} current={1} scale={{ min: 1, max: 20 }} onPick={() => undefined} />);
    const current = container.querySelectorAll('[data-testid="option-point"][aria-current="true"]');
    expect(current).toHaveLength(1);
    expect((current[0] as HTMLElement).dataset.tolerance).toBe('1');
    expect(current[0].textContent).toContain('(shown)');
    const svgText = container.querySelector('svg')!.textContent!;
    expect(svgText).toContain('Tolerance (± points on the 1–20 scale)');
    expect(svgText).toContain('Hours moved a week (h)');
    expect(svgText).toContain('now ±1.0');
    expect(container.querySelector('[role="img"]')!.getAttribute('aria-label')).toContain('uses ±1.0 points');
  });

  it('shows tolerances that cannot be met at the left, as such, and still lets them be picked', async () => {
    const onPick = vi.fn();
    const options = [infeasible(0.25), ...p.report.options];
    const { container } = await render(<OptionsCurve options={options} current={p.report.tolerance} scale={p.report.scale} onPick={onPick} />);
    const first = container.querySelector<HTMLButtonElement>('[data-testid="option-point"]')!;
    expect(first.textContent).toBe('±0.25 points — cannot be met');
    expect(first.className).toContain('unmet');
    expect(container.querySelector('svg')!.textContent).toContain('cannot be met');
    expect(container.querySelector('[role="img"]')!.getAttribute('aria-label')).toContain('±0.25 points or tighter cannot be met');
    await click(container.querySelector('svg .option-dot.unmet[data-tolerance="0.25"]')!);
    expect(onPick).toHaveBeenCalledWith(0.25);
  });

  it('picks nothing while disabled', async () => {
    const onPick = vi.fn();
    const { container } = await render(<OptionsCurve options={p.report.options} current={1} scale={p.report.scale} onPick={onPick} disabled />);
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('[data-testid="option-point"]')];
    expect(buttons.every((b) => b.disabled)).toBe(true);
    await click(buttons[0]);
    await click(container.querySelector('svg .option-dot')!);
    expect(onPick).not.toHaveBeenCalled();
  });
});

describe('BeforeAfterCharts', () => {
  const card = (c: HTMLElement, id: string) => c.querySelector<HTMLElement>(`[data-testid="chart-${id}"]`)!;

  it('draws the job map now and after from the report’s jobs, with their means and the band', async () => {
    const { container } = await render(<BeforeAfterCharts proposal={p} />);
    expect(container.querySelector('[data-testid="before-after-charts"]')).not.toBeNull();
    const { jobs, before, after, tolerance } = p.report;
    for (const side of ['before', 'after'] as const) {
      const c = card(container, `proposal-job-map-${side}`);
      expect(c.dataset.mode).toBe('points');
      const e = (j: (typeof jobs)[number]) => (side === 'before' ? j.empowermentBefore! : j.empowermentAfter!);
      const d = (j: (typeof jobs)[number]) => (side === 'before' ? j.desirabilityBefore! : j.desirabilityAfter!);
      // One mark per group of jobs with the same scores (to one decimal), every job counted once.
      const groups = coincidentGroups(jobs, e, d);
      const cloud = c.querySelector('.point-cloud')!;
      expect(Number(cloud.getAttribute('data-count'))).toBe(groups.length);
      const counted = [...cloud.querySelectorAll('.point-count')].reduce((a, g) => a + Number(g.getAttribute('data-count')), 0);
      expect(counted + groups.filter((g) => g.members.length === 1).length).toBe(40);
      // The data table shows each job's scores on this side.
      const rows = [...c.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
      expect(rows).toEqual(jobs.map((j) => [j.name, j.role ?? '', j.department ?? '', fmt1(e(j)), fmt1(d(j)), fmtHours(j.hours)]));
      const summary = c.querySelector('[role="img"]')!.getAttribute('aria-label')!;
      expect(summary).toContain(`empowerment ${fmt1((side === 'before' ? before : after).mean!)}`);
      // Within the band on empowerment: the report's figure; within the box: both scores, counted here.
      const mean = (side === 'before' ? before : after).mean!;
      const dMean = jobs.reduce((a, j) => a + d(j) * j.hours, 0) / p.report.totalHours;
      const box = jobs.filter((j) => Math.abs(e(j) - mean) <= tolerance + 1e-9 && Math.abs(d(j) - dMean) <= tolerance + 1e-9).reduce((a, j) => a + j.hours, 0) / p.report.totalHours;
      expect(summary).toContain(`${Math.round((side === 'before' ? before : after).withinTolerance * 100)}% of hours are within ±${tolerance} points of the average empowerment, ${Math.round(box * 100)}% within the box on both`);
      expect(c.querySelector('.recharts-reference-area')).not.toBeNull();
    }
  });

  it('ranks the jobs now and after on one chart, with the band and the table of both rankings', async () => {
    const { container } = await render(<BeforeAfterCharts proposal={p} />);
    const c = card(container, 'proposal-ranked-jobs');
    expect(c.dataset.mode).toBe('steps');
    expect(c.querySelectorAll('.recharts-line-curve').length).toBe(2);
    expect(c.querySelector('.recharts-reference-area')).not.toBeNull();
    expect(c.querySelector('.chart-caption')!.textContent).toContain(`average ${fmt1(p.report.after.mean!)} ± ${p.report.tolerance} points`);
    const first = [...c.querySelectorAll('tbody tr')][0].querySelectorAll('td');
    const top = (k: 'empowermentBefore' | 'empowermentAfter') => [...p.report.jobs].sort((a, b) => b[k]! - a[k]!)[0];
    expect(first[1].textContent).toBe(top('empowermentBefore').name);
    expect(first[2].textContent).toBe(fmt1(top('empowermentBefore').empowermentBefore!));
    expect(first[3].textContent).toBe(top('empowermentAfter').name);
    expect(c.querySelectorAll('tbody tr').length).toBe(40);
  });

  it('draws a band on empowerment only when desirability was not balanced', async () => {
    const eOnly: FullProposal = { ...p, report: { ...p.report, desirability: false } };
    const { container } = await render(<BeforeAfterCharts proposal={eOnly} />);
    expect(card(container, 'proposal-job-map-after').querySelector('.chart-caption')!.textContent).toContain('band of ±0.95 points around the average empowerment');
  });

  it('stays quick at 2,000 people: plain marks, the ranked jobs as percentiles', async () => {
    const big: FullProposal = { ...p, report: { ...p.report, jobs: manyJobs(p.report.jobs, 2000) } };
    const { container, ms } = await render(<BeforeAfterCharts proposal={big} />);
    expect(card(container, 'proposal-job-map-after').dataset.mode).toBe('points');
    expect(card(container, 'proposal-ranked-jobs').dataset.mode).toBe('percentiles');
    expect(card(container, 'proposal-job-map-after').querySelectorAll('tbody tr').length).toBe(200);
    if (process.env.CHARTS_TIMING) console.log(`BeforeAfterCharts: 2,000 people in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000);
  });
});
