// The report's Lorenz, onerous work, pay, Theil and group means charts on the Riverside sample's own
// metrics: marks read back through the chart's axes to the engine's figures, and what is left out counted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOrganization } from '../../renderer/src/engine/import';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { groupMeansChart, lorenzChart, lorenzGini, onerousChart, payChart, theilChart } from '../../renderer/src/engine/report/charts';
import { assertChartRules, axisMap } from './charts.xml';

const file = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
const imported = importOrganization(new Uint8Array(readFileSync(file)), file);
const audit = buildAuditReport({ organization: imported.organization!, issues: imported.issues, layout: imported.layout, file, format: imported.format });
const m = audit.metrics;
const scale = audit.scale;

const num = (el: Element, a: string): number => Number(el.getAttribute(a));

describe('lorenzChart', () => {
  const c = lorenzChart(m.empowerment.lorenz, { id: 'lorenz', title: 'Lorenz', dimension: 'empowerment' });
  const root = assertChartRules(c.svg);

  it('draws the engine’s cumulative shares through the chart’s percent axes, with the diagonal', () => {
    const x = axisMap(root, 'x');
    const y = axisMap(root, 'y');
    const pts = root.querySelector('polyline[data-series="lorenz"]')!.getAttribute('points')!.trim().split(' ').map((p) => p.split(',').map(Number));
    const data = pts.map(([u, v]) => [x.toData(u), y.toData(v)]);
    expect(data[0][0]).toBeCloseTo(0, 3);
    expect(data[0][1]).toBeCloseTo(0, 3);
    expect(data[data.length - 1][0]).toBeCloseTo(1, 3);
    expect(data[data.length - 1][1]).toBeCloseTo(1, 3);
    // Every engine point lies on the drawn curve (within a hundredth): interpolate the drawing at its x.
    for (const p of m.empowerment.lorenz) {
      const k = data.findIndex(([h]) => h >= p.hours - 1e-4);
      const [h1, s1] = data[k];
      const [h0, s0] = data[Math.max(0, k - 1)];
      const at = h1 - h0 > 1e-9 ? s0 + ((p.hours - h0) / (h1 - h0)) * (s1 - s0) : s1;
      expect(Math.abs(at - p.mass)).toBeLessThan(0.01);
    }
    const diag = /^M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)$/.exec(root.querySelector('path[data-equality]')!.getAttribute('d')!)!.slice(1).map(Number);
    expect([x.toData(diag[0]), y.toData(diag[1]), x.toData(diag[2]), y.toData(diag[3])].map((v) => Math.round(v * 1000) / 1000)).toEqual([0, 0, 1, 1]);
  });

  it('states the Gini the engine computes (the area between the curve and the diagonal)', () => {
    expect(lorenzGini(m.empowerment.lorenz)).toBeCloseTo(m.empowerment.gini, 9);
    expect(c.caption).toContain(`Gini ${m.empowerment.gini.toFixed(2)}`);
    expect(c.caption).toContain(`${m.empowerment.people} people`);
    const d = lorenzChart(m.desirability.lorenz, { id: 'ld', title: 'D', dimension: 'desirability' });
    expect(d.caption).toContain('desirable');
    expect(lorenzChart([{ hours: 0, mass: 0 }], { id: 'e', title: 'E', dimension: 'empowerment' }).caption).toContain('No job is rated');
  });
});

describe('onerousChart', () => {
  const terciles = m.lowDesirability.byEmpowermentTercile;
  const c = onerousChart(terciles, { id: 'onerous', title: 'Onerous' });
  const root = assertChartRules(c.svg);

  it('draws each third’s onerous share as a bar on the chart’s axis and prints its hours', () => {
    const y = axisMap(root, 'y');
    const bars = [...root.querySelectorAll('[data-series="onerous"] rect')];
    expect(bars.length).toBe(3);
    bars.forEach((b, i) => expect(y.toData(num(b, 'y'))).toBeCloseTo(terciles[i].shareOfTercile, 2));
    const texts = [...root.querySelectorAll('text')].map((t) => t.textContent ?? '');
    for (const t of terciles) expect(texts).toContain(`${t.lowDesirabilityHours.toFixed(1)} of ${t.hours.toFixed(1)} h a week`);
    expect(texts).toContain(`${Math.round(terciles[0].shareOfTercile * 100)}%`);
    expect(c.caption).toContain(`least empowered third spends ${Math.round(terciles[0].shareOfTercile * 100)}%`);
  });
});

describe('payChart', () => {
  const members = new Set(m.coordinator.members.map((x) => x.name));
  const people = audit.people.map((p, i) => ({ name: p.name, empowerment: p.empowerment, hourlyPay: i < 3 ? null : p.hourlyPay, marked: members.has(p.name) }));

  it('plots everyone with pay and a score where they are, and counts who is left out', () => {
    const c = payChart(people, { id: 'pay', title: 'Pay', scale });
    const root = assertChartRules(c.svg);
    const x = axisMap(root, 'x');
    const y = axisMap(root, 'y');
    const shown = people.filter((p) => p.hourlyPay !== null && p.empowerment !== null);
    expect(shown.length).toBe(people.length - 3);
    const marks = [...root.querySelectorAll('[data-series="pay"] circle, [data-series="pay"] polygon')];
    expect(marks.length).toBe(shown.length);
    expect(marks.filter((el) => el.tagName === 'polygon').length).toBe(shown.filter((p) => p.marked).length);
    for (const el of marks.filter((e) => e.tagName === 'circle')) {
      const hit = shown.some((p) => Math.abs(x.toData(num(el, 'cx')) - p.empowerment!) < 0.01 && Math.abs(y.toData(num(el, 'cy')) - p.hourlyPay!) < 0.02);
      expect(hit).toBe(true);
    }
    expect(c.caption).toContain('3 people without pay in the roster');
    const none = payChart(people.map((p) => ({ ...p, hourlyPay: null })), { id: 'p0', title: 'None', scale });
    expect(none.caption).toContain('nothing to plot');
  });
});

describe('theilChart', () => {
  it('splits each bar between and within in the engine’s proportions, with the total printed', () => {
    const t = m.empowerment.theil;
    const rows = [{ label: 'By department', between: t.department.between, within: t.department.within }, { label: 'By role', between: t.role.between, within: t.role.within }];
    const c = theilChart(rows, { id: 'theil', title: 'Theil' });
    const root = assertChartRules(c.svg);
    const x = axisMap(root, 'x');
    const between = [...root.querySelectorAll('[data-series="between"] rect')];
    const within = [...root.querySelectorAll('[data-series="within"] rect')];
    expect(between.length).toBe(2);
    rows.forEach((r, i) => {
      expect(x.toData(num(between[i], 'x') + num(between[i], 'width'))).toBeCloseTo(r.between, 3);
      expect(x.toData(num(within[i], 'x') + num(within[i], 'width'))).toBeCloseTo(r.between + r.within, 3);
      expect(root.textContent).toContain(`${(r.between + r.within).toFixed(3)} (${Math.round((r.between / (r.between + r.within)) * 100)}% between)`);
    });
  });
});

describe('groupMeansChart', () => {
  it('puts each organization’s mean on the scale, its range as a line, and counts groups with no rated job', () => {
    const band = { mean: m.empowerment.mean!, tolerance: m.tolerance };
    const groups = [
      { name: 'Riverside', mean: m.empowerment.mean, hours: audit.totals.hours, spread: { min: 1.93, max: 16.82 } },
      { name: 'East & <West>', mean: 9.25, hours: 620 },
      { name: 'Unrated', mean: null, hours: 100 },
    ];
    const c = groupMeansChart(groups, { id: 'gm', title: 'Groups', scale, band, dimension: 'empowerment' });
    const root = assertChartRules(c.svg);
    const x = axisMap(root, 'x');
    const dots = [...root.querySelectorAll('[data-series="means"] circle')];
    expect(dots.map((d) => Math.round(x.toData(num(d, 'cx')) * 100) / 100)).toEqual([Math.round(m.empowerment.mean! * 100) / 100, 9.25]);
    const spread = root.querySelector('path[data-series="spread"]')!.getAttribute('d')!;
    const [a, b] = /^M([\d.]+) [\d.]+H([\d.]+)/.exec(spread)!.slice(1).map(Number);
    expect(x.toData(a)).toBeCloseTo(1.93, 1);
    expect(x.toData(b)).toBeCloseTo(16.82, 1);
    const rect = root.querySelector('rect[data-band="empowerment"]')!;
    expect(x.toData(num(rect, 'x'))).toBeCloseTo(band.mean - band.tolerance, 1);
    expect([...root.querySelectorAll('text')].map((t) => t.textContent)).toContain('East & <West>');
    expect(c.caption).toContain('1 group with no rated job is left out');
  });
});
