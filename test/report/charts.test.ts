// The report's job map, before/after map and ranked jobs charts: well-formed, escaped SVG whose marks
// sit where the chart's own axes say, one mark per rated job, bounded at 2,000 jobs, deterministic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOrganization } from '../../renderer/src/engine/import';
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { beforeAfterMapChart, escapeXml, jobMapChart, rankedJobsChart, type ChartJob } from '../../renderer/src/engine/report/charts';
import { scaleTicks } from '../../renderer/src/engine/report/charts/svg';
import { assertChartRules, axisMap, centre, elementCount } from './charts.xml';
import { riversideProposal } from '../renderer/features/proposalCharts.fixture';

const scale = { min: 1, max: 20 };

function riverside(): AuditReport {
  const file = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
  const r = importOrganization(new Uint8Array(readFileSync(file)), file);
  return buildAuditReport({ organization: r.organization!, issues: r.issues, layout: r.layout, file, format: r.format });
}
const audit = riverside();
const members = new Set(audit.metrics.coordinator.members.map((m) => m.name));
const sampleJobs: ChartJob[] = audit.people.map((p) => ({ name: p.name, hours: p.hours, empowerment: p.empowerment, desirability: p.desirability, marked: members.has(p.name) }));
const eBand = { mean: audit.metrics.empowerment.mean!, tolerance: audit.metrics.tolerance };
const dBand = { mean: audit.metrics.desirability.mean!, tolerance: audit.metrics.tolerance };

function marksOf(root: Element, series: string): Element[] {
  return [...root.querySelectorAll(`[data-series="${series}"] circle, [data-series="${series}"] polygon`)];
}

describe('jobMapChart', () => {
  const chart = jobMapChart(sampleJobs, { id: 'job-map', title: 'Job map', scale, empowerment: eBand, desirability: dBand });
  const root = assertChartRules(chart.svg);
  const x = axisMap(root, 'x');
  const y = axisMap(root, 'y');

  it('draws one mark per rated job of the sample where its scores are, marked jobs as triangles', () => {
    expect(chart.id).toBe('job-map');
    const marks = marksOf(root, 'jobs');
    expect(marks.length).toBe(sampleJobs.length);
    expect(marks.filter((m) => m.tagName === 'polygon').length).toBe(members.size);
    expect(members.size).toBeGreaterThan(0);
    // Every job has a mark at its (E, D), read back through the tick labels, and no mark is anywhere else.
    const free = marks.map(centre);
    for (const j of sampleJobs) {
      const k = free.findIndex(([cx, cy]) => Math.abs(x.toData(cx) - j.empowerment!) < 0.01 && Math.abs(y.toData(cy) - j.desirability!) < 0.01);
      expect(k, j.name).toBeGreaterThanOrEqual(0);
      free.splice(k, 1);
    }
    expect(root.querySelectorAll('[data-labels] text').length).toBeGreaterThan(0); // counts on shared marks (40 jobs: no names)
    expect(chart.svg).not.toContain('Margaret Okafor');
  });

  it('shades the bands over mean ± τ in data units and draws the means as lines', () => {
    const eRect = root.querySelector('rect[data-band="empowerment"]')!;
    const x0 = x.toData(Number(eRect.getAttribute('x')));
    const x1 = x.toData(Number(eRect.getAttribute('x')) + Number(eRect.getAttribute('width')));
    expect(x0).toBeCloseTo(eBand.mean - eBand.tolerance, 1);
    expect(x1).toBeCloseTo(eBand.mean + eBand.tolerance, 1);
    const dRect = root.querySelector('rect[data-band="desirability"]')!;
    const yTop = y.toData(Number(dRect.getAttribute('y')));
    const yBottom = y.toData(Number(dRect.getAttribute('y')) + Number(dRect.getAttribute('height')));
    expect(yTop).toBeCloseTo(dBand.mean + dBand.tolerance, 1);
    expect(yBottom).toBeCloseTo(dBand.mean - dBand.tolerance, 1);
    const d = root.querySelector('path[data-mean="empowerment"]')!.getAttribute('d')!;
    expect(x.toData(Number(/^M([\d.]+)/.exec(d)![1]))).toBeCloseTo(eBand.mean, 1);
  });

  it('puts a job scored at the mean on the mean line, and sizes marks by hours (area ∝ hours)', () => {
    const jobs: ChartJob[] = [
      { name: 'At the mean', hours: 40, empowerment: 8, desirability: 10 },
      { name: 'Quarter time', hours: 10, empowerment: 15, desirability: 4 },
    ];
    const c = jobMapChart(jobs, { id: 'm', title: 'm', scale, empowerment: { mean: 8, tolerance: 1 }, desirability: { mean: 10, tolerance: 1 } });
    const r = assertChartRules(c.svg);
    const [a, b] = marksOf(r, 'jobs');
    const line = /^M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)$/.exec(r.querySelector('path[data-mean="empowerment"]')!.getAttribute('d')!)!;
    expect(Number(a.getAttribute('cx'))).toBeCloseTo(Number(line[1]), 2);
    expect(Number(line[1])).toBe(Number(line[3]));
    const hLine = /^M[\d.]+ ([\d.]+)L[\d.]+ ([\d.]+)$/.exec(r.querySelector('path[data-mean="desirability"]')!.getAttribute('d')!)!;
    expect(Number(a.getAttribute('cy'))).toBeCloseTo(Number(hLine[1]), 2);
    const ratio = (Number(a.getAttribute('r')) / Number(b.getAttribute('r'))) ** 2;
    expect(ratio).toBeCloseTo(40 / 10, 1);
    // Few jobs: each is named.
    expect([...r.querySelectorAll('[data-labels] text')].map((t) => t.textContent).sort()).toEqual(['At the mean', 'Quarter time']);
  });

  it('leaves unrated jobs out and counts them in the caption', () => {
    const jobs = [...sampleJobs, { name: 'No E', hours: 40, empowerment: null, desirability: 5 }, { name: 'No D', hours: 40, empowerment: 5, desirability: null }, { name: 'NaN', hours: 40, empowerment: Number.NaN, desirability: 5 }];
    const c = jobMapChart(jobs, { id: 'u', title: 'u', scale, empowerment: eBand, desirability: null });
    expect(marksOf(assertChartRules(c.svg), 'jobs').length).toBe(sampleJobs.length);
    expect(c.caption).toContain('3 unrated jobs are left out');
    expect(chart.caption).not.toContain('left out');
  });

  it('escapes hostile names and titles: no script element, the text reads back as given', () => {
    const hostile = ['<script>alert(1)</script>', `"&'<b>`, 'Ok\u0001 name'];
    const jobs = hostile.map((name, i) => ({ name, hours: 40, empowerment: 3 + i * 6, desirability: 5 + i * 5, group: i === 0 ? '</svg><script>' : 'A&B' }));
    const c = jobMapChart(jobs, { id: 'x"><script>', title: 'Title <script> & "q"', scale, empowerment: null, desirability: null });
    const r = assertChartRules(c.svg);
    expect(r.querySelectorAll('script').length).toBe(0);
    expect(c.svg).not.toMatch(/<script|<b>/);
    const texts = [...r.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('<script>alert(1)</script>');
    expect(texts).toContain(`"&'<b>`);
    expect(texts).toContain('Ok name');
    expect(texts).toContain('</svg><script>');
    expect(r.querySelector('title')!.textContent).toBe('Title <script> & "q"');
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('gives groups distinct fills and a legend entry each', () => {
    const jobs = sampleJobs.map((j, i) => ({ ...j, group: i % 2 ? 'Eastside' : 'Riverside' }));
    const r = assertChartRules(jobMapChart(jobs, { id: 'g', title: 'g', scale, empowerment: eBand, desirability: dBand }).svg);
    const legend = [...r.querySelectorAll('[data-legend] text')].map((t) => t.textContent);
    expect(legend).toEqual(expect.arrayContaining(['Riverside', 'Eastside', 'Coordinator cluster']));
    const fills = new Set(marksOf(r, 'jobs').filter((m) => m.tagName === 'circle').map((m) => `${m.parentElement!.getAttribute('fill')} ${m.parentElement!.getAttribute('fill-opacity')}`));
    expect(fills.size).toBe(2);
  });

  it('stays bounded at 2,000 jobs, names no one, and gives identical output for identical input', () => {
    const many: ChartJob[] = Array.from({ length: 2000 }, (_, i) => ({ name: `Person ${i}`, hours: 10 + (i % 31), empowerment: 1 + ((i * 7) % 190) / 10, desirability: 1 + ((i * 13) % 190) / 10, marked: i % 50 === 0 }));
    const o = { id: 'big', title: 'Big', scale, empowerment: eBand, desirability: dBand };
    const c = jobMapChart(many, o);
    const r = assertChartRules(c.svg);
    expect(marksOf(r, 'jobs').length).toBe(2000);
    expect(elementCount(r)).toBeLessThan(2000 + 200);
    expect(c.svg.length).toBeLessThan(2000 * 60);
    expect(c.svg).not.toContain('Person 1');
    expect(jobMapChart(many, o).svg).toBe(c.svg);
    // Compact maps are half as wide (their text prints the same size at half the width) and name no one.
    const small = jobMapChart(sampleJobs.slice(0, 5), { ...o, compact: true });
    expect(assertChartRules(small.svg).getAttribute('viewBox')!.split(' ')[2]).toBe('300');
    expect(small.svg).not.toContain(sampleJobs[0].name);
  });
});

describe('beforeAfterMapChart', () => {
  it('draws one arrow per person whose job moves under the Riverside proposal, from before to after', async () => {
    const r = (await riversideProposal()).report;
    const before: ChartJob[] = r.jobs.map((j) => ({ name: j.name, hours: j.hours, empowerment: j.empowermentBefore, desirability: j.desirabilityBefore }));
    const after: ChartJob[] = r.jobs.map((j) => ({ name: j.name, hours: j.hours, empowerment: j.empowermentAfter, desirability: j.desirabilityAfter }));
    const c = beforeAfterMapChart(before, after, { id: 'ba', title: 'Before and after', scale: r.scale, empowerment: { mean: r.before.mean!, tolerance: r.tolerance }, desirability: null });
    const root = assertChartRules(c.svg);
    const x = axisMap(root, 'x');
    const y = axisMap(root, 'y');
    const moved = r.jobs.filter((j) => Math.abs(j.empowermentAfter! - j.empowermentBefore!) >= 0.05 || Math.abs(j.desirabilityAfter! - j.desirabilityBefore!) >= 0.05);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.length).toBeLessThan(r.jobs.length);
    const arrows = [...root.querySelectorAll('[data-part="arrows"] path')];
    expect(arrows.length).toBe(moved.length);
    expect(marksOf(root, 'still').length).toBe(r.jobs.length - moved.length);
    expect(c.caption).toContain(`${moved.length} of ${r.jobs.length} jobs move`);
    // Each arrow runs from someone's job before to the same person's job after.
    const ends = arrows.map((a) => /^M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)$/.exec(a.getAttribute('d')!)!.slice(1).map(Number));
    for (const j of moved) {
      const hit = ends.some(([x0, y0, x1, y1]) => Math.abs(x.toData(x0) - j.empowermentBefore!) < 0.01 && Math.abs(y.toData(y0) - j.desirabilityBefore!) < 0.01
        && Math.abs(x.toData(x1) - j.empowermentAfter!) < 0.01 && Math.abs(y.toData(y1) - j.desirabilityAfter!) < 0.01);
      expect(hit, j.name).toBe(true);
    }
    expect(beforeAfterMapChart(before, after, { id: 'ba', title: 'Before and after', scale: r.scale, empowerment: null, desirability: null }).svg).toBe(
      beforeAfterMapChart(before, after, { id: 'ba', title: 'Before and after', scale: r.scale, empowerment: null, desirability: null }).svg);
  });

  it('matches people by name, whatever the order, and draws people on one side only as points', () => {
    const before: ChartJob[] = [
      { name: 'A', hours: 40, empowerment: 2, desirability: 3, marked: true },
      { name: 'B', hours: 40, empowerment: 10, desirability: 10 },
      { name: 'C', hours: 20, empowerment: 6, desirability: 6 },
    ];
    const after: ChartJob[] = [
      { name: 'C', hours: 20, empowerment: 6.02, desirability: 6 },
      { name: 'B', hours: 40, empowerment: 12, desirability: 9 },
      { name: 'D', hours: 10, empowerment: 15, desirability: 15 },
    ];
    const c = beforeAfterMapChart(before, after, { id: 'ba2', title: 't', scale, empowerment: null, desirability: null });
    const root = assertChartRules(c.svg);
    expect(root.querySelectorAll('[data-part="arrows"] path').length).toBe(1); // only B moves (C by less than 0.05)
    expect(marksOf(root, 'still').length).toBe(3); // C, and A and D on one side only
    expect(c.caption).toContain('2 people appear on only one side');
  });
});

describe('rankedJobsChart', () => {
  it('ranks the sample highest first, each bar ending at its score on the chart’s axis, with the band and names', () => {
    const c = rankedJobsChart(sampleJobs, { id: 'ranked', title: 'Ranked', scale, dimension: 'empowerment', band: eBand });
    const root = assertChartRules(c.svg);
    const x = axisMap(root, 'x');
    const bars = [...root.querySelectorAll('[data-series="before"] rect, [data-series="marked"] rect')]
      .map((b) => ({ y: Number(b.getAttribute('y')), end: x.toData(x.toView(scale.min) + Number(b.getAttribute('width'))) }))
      .sort((a, b) => a.y - b.y);
    expect(bars.length).toBe(sampleJobs.length);
    const expected = sampleJobs.map((j) => j.empowerment!).sort((a, b) => b - a);
    bars.forEach((b, i) => expect(b.end).toBeCloseTo(expected[i], 1));
    const band = root.querySelector('rect[data-band="empowerment"]')!;
    expect(x.toData(Number(band.getAttribute('x')))).toBeCloseTo(eBand.mean - eBand.tolerance, 1);
    expect(x.toData(Number(band.getAttribute('x')) + Number(band.getAttribute('width')))).toBeCloseTo(eBand.mean + eBand.tolerance, 1);
    expect(root.querySelectorAll('[data-series="marked"] rect').length).toBe(members.size);
    expect(root.querySelectorAll('[data-labels] text').length).toBe(sampleJobs.length);
  });

  it('puts each person’s after value beside the before, matched by name', () => {
    const before: ChartJob[] = [{ name: 'A', hours: 40, empowerment: 15, desirability: 5 }, { name: 'B', hours: 40, empowerment: 3, desirability: 5 }, { name: 'C', hours: 40, empowerment: null, desirability: 5 }];
    const after: ChartJob[] = [{ name: 'B', hours: 40, empowerment: 8, desirability: 5 }, { name: 'A', hours: 40, empowerment: 9, desirability: 5 }];
    const c = rankedJobsChart(before, { id: 'ra', title: 't', scale, dimension: 'empowerment', band: null, after });
    const root = assertChartRules(c.svg);
    const x = axisMap(root, 'x');
    const width = (r: Element): number => x.toData(x.toView(scale.min) + Number(r.getAttribute('width')));
    const b = [...root.querySelectorAll('[data-series="before"] rect')].sort((p, q) => Number(p.getAttribute('y')) - Number(q.getAttribute('y')));
    const a = [...root.querySelectorAll('[data-series="after"] rect')].sort((p, q) => Number(p.getAttribute('y')) - Number(q.getAttribute('y')));
    expect(b.map(width).map((v) => Math.round(v * 10) / 10)).toEqual([15, 3]);
    expect(a.map(width).map((v) => Math.round(v * 10) / 10)).toEqual([9, 8]);
    expect(c.caption).toContain('1 unrated job is left out');
  });

  it('at 2,000 jobs: no names, at most one element per job per series, a bounded height, the same bytes twice', () => {
    const many: ChartJob[] = Array.from({ length: 2000 }, (_, i) => ({ name: `Person ${i}`, hours: 40, empowerment: 1 + ((i * 7) % 190) / 10, desirability: 5, marked: i % 40 === 0 }));
    const after = many.map((j) => ({ ...j, empowerment: (j.empowerment! + 8) / 2 }));
    const o = { id: 'rb', title: 'Ranked', scale, dimension: 'empowerment' as const, band: eBand, after };
    const c = rankedJobsChart(many, o);
    const root = assertChartRules(c.svg);
    expect(elementCount(root)).toBeLessThan(2 * 2000 + 200);
    expect(root.querySelectorAll('[data-labels] text').length).toBe(0);
    expect(c.svg).not.toContain('Person 1');
    expect(Number(root.getAttribute('viewBox')!.split(' ')[3])).toBeLessThan(700);
    expect(rankedJobsChart(many, o).svg).toBe(c.svg);
    // 40 named jobs with a plan still fit the report's 200 mm figure height at A4 width (600 units ≈ 170 mm).
    const forty = assertChartRules(rankedJobsChart(many.slice(0, 40), { ...o, after: after.slice(0, 40) }).svg);
    expect(forty.querySelectorAll('[data-labels] text').length).toBe(40);
    expect(Number(forty.getAttribute('viewBox')!.split(' ')[3]) * (170 / 600)).toBeLessThan(200);
    // 41 jobs: past the names limit already.
    expect(assertChartRules(rankedJobsChart(many.slice(0, 41), { ...o, after: undefined }).svg).querySelectorAll('[data-labels] text').length).toBe(0);
  });
});

describe('ticks', () => {
  it('uses every integer of a 1–20 scale, whole steps when crowded, and a round step on wide scales', () => {
    expect(scaleTicks(1, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(scaleTicks(1, 20, 9)).toEqual([1, 5, 10, 15, 20]);
    expect(scaleTicks(0, 100)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(scaleTicks(0, 1, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
