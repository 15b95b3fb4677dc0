/** The scenario comparison: every plan's figures side by side, then small multiples of the job map on shared axes. */
import type { Scale } from '../../model/types';
import { jobMapChart } from '../charts';
import { esc, figure, hours, pct, score, setting, table, type Section } from '../html';
import { toleranceText } from '../input';
import type { ReportScenario } from '../types';

/** The chart id of the i-th plan's job map in the comparison (0 = Current). */
export function scenarioChartId(i: number): string {
  return `scenario-map-${i}`;
}

export function scenariosSection(scenarios: readonly ReportScenario[], scale: Scale, tolerance: number): Section | null {
  // "Current" alone compares nothing.
  if (scenarios.length < 2) return null;
  const f = scenarios.map((s) => s.figures);
  const rows: [string, string[]][] = [
    ['Hours moved a week', f.map((x) => hours(x.movedHours))],
    ['Absolute Gini, empowerment (points)', f.map((x) => score(x.empowermentGini))],
    [`Hours within ${toleranceText(tolerance)} of the mean empowerment`, f.map((x) => pct(x.withinBand))],
    ['People in the coordinator cluster', f.map((x) => String(x.coordinatorPeople))],
    ['Absolute Gini, desirability (points)', f.map((x) => score(x.desirabilityGini))],
    ['Mean empowerment', f.map((x) => score(x.empowermentMean))],
    ['Mean desirability', f.map((x) => score(x.desirabilityMean))],
  ];
  const columns = [{ label: 'Figure', width: '30%' }, ...scenarios.map((s) => ({ label: s.name, num: true }))];
  const compare = table(columns, rows.map(([label, cells]) => [esc(label), ...cells]), { cap: Infinity });
  // One band for every map, the current organization's, so the maps compare like for like.
  const zero = scenarios[0].figures;
  const e = zero.empowermentMean === null ? null : { mean: zero.empowermentMean, tolerance };
  const d = zero.desirabilityMean === null ? null : { mean: zero.desirabilityMean, tolerance };
  const maps = scenarios.map((s, i) => figure(jobMapChart(s.jobs.map((j) => ({ name: j.name, hours: j.hours, empowerment: j.empowerment, desirability: j.desirability })), {
    id: scenarioChartId(i), title: s.name, scale, empowerment: e, desirability: d, compact: true,
  }), { caption: false }));
  const lead = `The organization as it is (“${esc(scenarios[0].name)}”) and ${scenarios.length - 1 === 1 ? 'one kept scenario' : `${scenarios.length - 1} kept scenarios`}, each scored the same way at the tolerance ${toleranceText(tolerance)}. Absolute Gini and the share within tolerance depend only on differences between jobs.`;
  return {
    id: 'scenarios',
    title: 'Scenarios compared',
    html: `<p class="lead">${lead}</p>${compare}<h3>Every job under each plan</h3><p>${esc(`Each map draws every job by empowerment (across) and desirability (up) on the whole ${scale.min}–${scale.max} scale, with the same bands — each the current average ± ${setting(tolerance)} points — so the maps compare directly. A mark's area is proportional to the job's weekly hours.`)}</p><div class="multiples${scenarios.length >= 3 ? ' three' : ''}">${maps.join('')}</div>`,
  };
}
