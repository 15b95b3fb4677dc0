// @vitest-environment happy-dom
// The Charts view: every chart is drawn with its title, caption, role="img" summary, data table and
// export buttons; large organizations get aggregated views (2-D bins, percentiles, downsampled
// Lorenz curve) and render quickly; exported SVGs stand alone. Data preparation is tested directly.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAuditReport, type AuditReport } from '../../../renderer/src/engine/analysis/auditReport';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { resetWorkspace, store } from '../../../renderer/src/state/workspace';
import { ChartsView } from '../../../renderer/src/features/charts/ChartsView';
import {
  AGGREGATE_ABOVE, binGrid, departmentKeys, downsampleLorenz, fmtHoursUnit, GRID, lorenzAt, niceAxisFromZero, niceTicks, OTHER_DEPARTMENTS, rankByEmpowerment,
  rankedLine, rankedPercentiles, withEmpowerment,
} from '../../../renderer/src/features/charts/chartData';
import { buildChartTheme } from '../../../renderer/src/features/charts/chartTheme';
import { composeChartSvg } from '../../../renderer/src/features/charts/exportChart';
import { LorenzTip } from '../../../renderer/src/features/charts/LorenzChart';
import { TheilTip } from '../../../renderer/src/features/charts/TheilChart';
import { spearmanReading } from '../../../renderer/src/features/charts/PayChart';
import { mulberry32 } from '../../../scripts/prng.mjs';

// The view never asks the worker for anything, but the workspace module creates its client lazily.
vi.mock('../../../renderer/src/worker/client', () => ({ EngineClient: class { run() { return Promise.reject(new Error('no worker in tests')); } cancelAll() {} } }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CHART_IDS = ['job-map', 'ranked-jobs', 'lorenz', 'theil', 'low-desirability', 'pay-vs-e'];

/** A deterministic PRNG. */
const rng = mulberry32;

/**
 * An organization of n people in `departments` departments on the 1–20 scale: 12 tasks from
 * rote to strategic, three per person, senior roles leaning to the empowering ones; pay optional.
 */
function organization(n: number, { departments = 8, pay = true, seed = 7 } = {}): Organization {
  const r = rng(seed);
  const tasks = Array.from({ length: 12 }, (_, i) => ({
    id: `t${i}`, name: `Task ${i}`, empowerment: i / 11, desirability: Math.min(1, Math.max(0, 0.15 + 0.7 * (i / 11) + (r() - 0.5) * 0.3)),
    empowermentFactors: {}, desirabilityFactors: {}, source: 'file' as const, reason: 'Rated in the file', requires: [], chore: false,
  }));
  const people = Array.from({ length: n }, (_, i) => {
    const seniority = r();
    return {
      id: `p${i}`, name: `Person ${i}`, role: seniority > 0.9 ? 'Director' : seniority > 0.6 ? 'Coordinator' : 'Staff', department: `Dept ${i % departments}`,
      fte: 1, contractHours: null, annualPay: pay ? Math.round(35000 + 60000 * seniority ** 2 + 5000 * r()) : null, hourlyRate: null, qualifications: [],
    };
  });
  const assignments = people.flatMap((p) => {
    const lean = Math.floor((Number(p.annualPay ?? 50000) - 35000) / 6000);
    return [0, 1, 2].map((k) => ({ personId: p.id, taskId: `t${Math.min(11, Math.max(0, lean + Math.floor(r() * 6) - 2 + k))}`, hours: 8 + Math.round(r() * 8), locked: false }));
  });
  // Merge duplicate person–task pairs.
  const merged = new Map<string, (typeof assignments)[number]>();
  for (const a of assignments) {
    const key = `${a.personId}|${a.taskId}`;
    const e = merged.get(key);
    if (e) e.hours += a.hours;
    else merged.set(key, { ...a });
  }
  return { people, tasks, assignments: [...merged.values()], scale: { min: 1, max: 20 }, hoursPerFte: 40 };
}

function report(org: Organization): AuditReport {
  return buildAuditReport({ organization: org, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, file: 'test.xlsx', format: 'xlsx' });
}

async function renderCharts(r: AuditReport) {
  resetWorkspace();
  store.set({ report: r, revision: 1, reportRevision: 1, view: 'charts' });
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const t0 = performance.now();
  await act(async () => root.render(<ChartsView />));
  const ms = performance.now() - t0;
  if (process.env.CHARTS_TIMING) console.log(`ChartsView: ${r.people.length} people rendered in ${ms.toFixed(0)} ms`);
  cleanups.push(() => {
    act(() => root.unmount());
    container.remove();
  });
  return { container, ms };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  resetWorkspace();
});

function card(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-testid="chart-${id}"]`);
  if (!el) throw new Error(`no chart-${id}`);
  return el;
}

describe('chart data', () => {
  it('makes round ticks that include both ends of the scale', () => {
    expect(niceTicks(1, 20)).toEqual([1, 5, 10, 15, 20]);
    expect(niceTicks(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceAxisFromZero(0.172, 4)).toEqual({ max: 0.2, ticks: [0, 0.05, 0.1, 0.15, 0.2] });
  });

  it('bins points into a grid that keeps every person and every hour', () => {
    const r = rng(1);
    const pts = Array.from({ length: 5000 }, () => ({ x: 1 + 19 * r(), y: 1 + 19 * r(), w: 10 + 30 * r() }));
    pts.push({ x: 20, y: 20, w: 5 }, { x: 1, y: 1, w: 5 }); // the edges land in the edge cells
    const g = binGrid(pts, [1, 20], [1, 20], GRID, GRID);
    expect(g.bins.length).toBeLessThanOrEqual(GRID * GRID);
    expect(g.bins.reduce((a, b) => a + b.count, 0)).toBe(pts.length);
    expect(g.bins.reduce((a, b) => a + b.hours, 0)).toBeCloseTo(pts.reduce((a, p) => a + p.w, 0), 6);
    expect(Math.max(...g.bins.map((b) => b.level))).toBe(4);
    for (const b of g.bins) expect(b.x1 - b.x0).toBeCloseTo(19 / GRID, 9);
  });

  it('ranks jobs and aggregates them to hours-weighted percentiles, highest first', () => {
    const people = withEmpowerment(report(organization(3000)).people);
    const ranked = rankByEmpowerment(people);
    const pct = rankedPercentiles(ranked, 200);
    expect(pct).toHaveLength(201);
    expect(pct[0].e).toBe(ranked[0].empowerment);
    expect(pct[200].e).toBe(ranked[ranked.length - 1].empowerment);
    for (let i = 1; i < pct.length; i++) expect(pct[i].e).toBeLessThanOrEqual(pct[i - 1].e);
    const line = rankedLine(ranked.slice(0, 10));
    expect(line[0].x).toBe(0);
    expect(line[line.length - 1].x).toBe(100);
  });

  it('downsamples a Lorenz curve without moving it', () => {
    const lorenz = report(organization(5000)).metrics.empowerment.lorenz;
    const small = downsampleLorenz(lorenz, 400);
    expect(small.length).toBeLessThanOrEqual(400);
    expect(small[0]).toEqual(lorenz[0]);
    expect(small[small.length - 1]).toEqual(lorenz[lorenz.length - 1]);
    for (const h of [0.1, 0.25, 0.5, 0.8, 0.95]) expect(Math.abs(lorenzAt(small, h) - lorenzAt(lorenz, h))).toBeLessThan(0.005);
  });

  it('gives seven departments their own colour and shape and folds the rest into "Other"', () => {
    const theme = buildChartTheme(false);
    const { keys, of } = departmentKeys(report(organization(200, { departments: 10 })), theme);
    expect(keys).toHaveLength(8);
    expect(keys[7].label).toBe(OTHER_DEPARTMENTS);
    expect(new Set(keys.slice(0, 7).map((k) => k.colour)).size).toBe(7);
    expect(new Set(keys.slice(0, 7).map((k) => k.shape)).size).toBe(7);
    const people = report(organization(200, { departments: 10 })).people;
    expect(people.every((p) => keys.includes(of(p)))).toBe(true);
  });
});

describe('ChartsView', () => {
  beforeAll(() => {
    document.documentElement.dataset.theme = 'light';
    // happy-dom has no layout: without ResizeObserver, ResponsiveContainer keeps its initial size.
    vi.stubGlobal('ResizeObserver', undefined);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('draws every chart for a small organization, each with a caption, summary, table and exports', async () => {
    const r = report(organization(40));
    const { container } = await renderCharts(r);
    for (const id of CHART_IDS) {
      const c = card(container, id);
      expect(c.querySelector('h3')?.textContent).toBeTruthy();
      expect(c.querySelector('.chart-caption')?.textContent?.length).toBeGreaterThan(20);
      const img = c.querySelector('[role="img"]');
      expect(img?.getAttribute('aria-label')?.length, id).toBeGreaterThan(20);
      expect(img?.querySelector('svg'), id).not.toBeNull();
      expect(c.querySelector('table'), id).not.toBeNull();
      const buttons = [...c.querySelectorAll('button')].map((b) => b.textContent);
      expect(buttons).toEqual(expect.arrayContaining(['PNG', 'SVG', 'Data']));
    }
    expect(card(container, 'job-map').dataset.mode).toBe('points');
    expect(card(container, 'ranked-jobs').dataset.mode).toBe('bars');
    expect(card(container, 'pay-vs-e').dataset.mode).toBe('points');
    // One mark per person on the job map (people with the same scores share one, with a count), everyone listed in its table.
    const jobMap = card(container, 'job-map');
    const badges = [...jobMap.querySelectorAll<SVGGElement>('.point-cloud > .point-count')];
    const marks = jobMap.querySelectorAll('.point-cloud > :not(.point-count)').length;
    expect(marks - badges.length + badges.reduce((a, b) => a + Number(b.dataset.count), 0)).toBe(40);
    expect(jobMap.querySelectorAll('tbody tr').length).toBe(40);
    expect(jobMap.textContent).toContain(r.people[0].name);
    // The Gini is in the Lorenz caption.
    expect(card(container, 'lorenz').querySelector('.chart-caption')?.textContent).toContain(`Gini ${r.metrics.empowerment.gini.toFixed(2)}`);
    // The relative charts state their zero in the caption, the screen-reader summary and the data table, and give the absolute Gini in points.
    for (const id of ['lorenz', 'theil']) {
      const c = card(container, id);
      for (const text of [c.querySelector('.chart-caption')?.textContent, c.querySelector('[role="img"]')?.getAttribute('aria-label'), c.querySelector('table caption')?.textContent]) {
        expect(text, id).toContain('measured from the bottom of the 1–20 scale');
      }
    }
    expect(card(container, 'lorenz').querySelector('.chart-caption')?.textContent).toContain(`the absolute Gini is ${r.metrics.empowerment.absoluteGini.toFixed(1)}`);
  });

  it('the job map’s and ranked jobs’ data tables show hours as the file gave them (37.25, not 37.3)', async () => {
    const org = organization(12);
    // Person 0's hours made 37.25 in all: their first task takes what the others leave.
    const own = org.assignments.filter((a) => a.personId === 'p0');
    own[0].hours = 37.25 - own.slice(1).reduce((sum, a) => sum + a.hours, 0);
    const r = report(org);
    expect(r.people.find((p) => p.name === 'Person 0')!.hours).toBe(37.25);
    const { container } = await renderCharts(r);
    for (const id of ['job-map', 'ranked-jobs']) {
      const row = [...card(container, id).querySelectorAll<HTMLTableRowElement>('tbody tr')].find((tr) => [...tr.cells].some((td) => td.textContent === 'Person 0'));
      expect(row?.lastElementChild?.textContent, id).toBe('37.25');
    }
    // The tooltips and summaries use the same figure, with its unit.
    expect(fmtHoursUnit(37.25)).toBe('37.25 h');
  });

  it('the pay caption calls a rise a red flag only when the engine does (p < 0.05), and gives the p-value', () => {
    expect(spearmanReading(0.6, 0.21, false)).toBe('Spearman ρ = 0.60 (rank correlation: 1 = pay in the same order as empowerment, 0 = no link), p = 0.210: hourly pay tends to rise with empowerment, but there are too few people to be sure.');
    expect(spearmanReading(0.86, 0.0004, true)).toMatch(/^Spearman ρ = 0\.86 \(rank correlation: 1 = pay in the same order as empowerment, 0 = no link\), p < 0\.001: hourly pay rises with empowerment — in a participatory audit that is a red flag/);
    expect(spearmanReading(-0.5, 0.9, false)).toMatch(/falls as empowerment rises/);
  });

  it('the Lorenz and Theil tooltips say where their shares are measured from', async () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    const zero = 'measured from the bottom of the 1–20 scale';
    await act(async () => root.render(<>
      <LorenzTip active payload={[{ payload: { x: 40, y: 12.5, gap: [12.5, 40] } }]} zero={zero} />
      <TheilTip active payload={[{ payload: { name: 'Empowerment', between: 0.05, within: 0.05, total: 0.1, label: '' } }]} groupBy="department" zero={zero} />
    </>));
    expect(container.textContent).toContain('hold 12.5% of the empowering work');
    expect(container.textContent!.split(zero)).toHaveLength(3);
    act(() => root.unmount());
    container.remove();
  });

  it('explains instead of drawing when there is no pay', async () => {
    const { container } = await renderCharts(report(organization(30, { pay: false })));
    const pay = card(container, 'pay-vs-e');
    expect(pay.dataset.mode).toBe('empty');
    expect(pay.querySelector('[role="img"]')).toBeNull();
    expect(pay.textContent).toContain('No pay in this roster');
    const exports = [...pay.querySelectorAll('button')].filter((b) => b.textContent === 'PNG' || b.textContent === 'SVG');
    expect(exports.every((b) => b.disabled)).toBe(true);
  });

  it('stays quick at 10,000 people by binning and aggregating', async () => {
    const r = report(organization(10_000));
    expect(r.people.length).toBeGreaterThan(AGGREGATE_ABOVE);
    const { container, ms } = await renderCharts(r);
    const jobMap = card(container, 'job-map');
    const pay = card(container, 'pay-vs-e');
    expect(jobMap.dataset.mode).toBe('binned');
    expect(pay.dataset.mode).toBe('binned');
    expect(card(container, 'ranked-jobs').dataset.mode).toBe('percentiles');
    expect(card(container, 'lorenz').dataset.mode).toBe('downsampled');
    for (const c of [jobMap, pay]) {
      expect(c.querySelectorAll('.point-cloud > *').length).toBe(0);
      const marks = c.querySelectorAll('.recharts-scatter-symbol').length;
      expect(marks).toBeGreaterThan(0);
      expect(marks).toBeLessThanOrEqual(GRID * GRID);
      // Tables summarize by department instead of listing 10,000 rows.
      expect(c.querySelectorAll('tbody tr').length).toBeLessThanOrEqual(20);
    }
    expect(card(container, 'ranked-jobs').querySelectorAll('tbody tr').length).toBe(200);
    // Binned, the whole view renders in about a second in happy-dom (a quarter of that in Chromium);
    // 10,000 unbinned marks would take over ten. The bound is loose for busy CI machines.
    expect(ms).toBeLessThan(8000);
  });

  it('splits the Theil index by role on request', async () => {
    const r = report(organization(60));
    const { container } = await renderCharts(r);
    const theil = card(container, 'theil');
    expect(theil.dataset.mode).toBe('department');
    const select = theil.querySelector('select')!;
    await act(async () => {
      // React listens to the native value setter plus a change event.
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, 'role');
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(theil.dataset.mode).toBe('role');
    expect(theil.querySelector('.chart-caption')?.textContent).toContain('roles');
    const total = r.metrics.empowerment.theil.role.total.toFixed(3);
    expect(theil.querySelector('table')?.textContent).toContain(total);
  });

  it('follows the theme on <html>', async () => {
    const { container } = await renderCharts(report(organization(20)));
    const fillOf = () => card(container, 'low-desirability').querySelector('.recharts-bar-rectangle path')?.getAttribute('fill');
    expect(fillOf()).toBe(buildChartTheme(false).accent);
    await act(async () => {
      document.documentElement.dataset.theme = 'dark';
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(fillOf()).toBe(buildChartTheme(true).accent);
    document.documentElement.dataset.theme = 'light';
  });

  it('exports a standalone SVG with the title, caption, legend and no CSS variables', async () => {
    const { container } = await renderCharts(report(organization(40)));
    const c = card(container, 'job-map');
    const svg = c.querySelector<SVGSVGElement>('.recharts-wrapper > svg')!;
    const { text, width, height } = composeChartSvg(svg, {
      title: 'Job map', caption: 'Each mark is a job.', theme: buildChartTheme(false),
      legend: [{ label: 'Leadership', colour: '#0072B2', symbol: 'circle' }, { label: 'Tolerance box', colour: '#eee', symbol: 'band' }],
    });
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(300);
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('>Job map<');
    expect(text).toContain('Leadership');
    expect(text).not.toContain('var(--');
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.querySelectorAll('svg').length).toBeGreaterThanOrEqual(1);
  });
});
