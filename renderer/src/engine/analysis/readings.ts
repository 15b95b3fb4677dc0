/**
 * One plain-language sentence per key figure, for people who do not read Gini coefficients:
 * "The top fifth of staff by hours hold 41% of the empowering work".
 */
import type { Scale } from '../model/types';
import type { DimensionMetrics, Metrics } from './metrics';

export interface Reading {
  /** Stable key, e.g. "empowerment.gini". */
  key: string;
  /** Short label for tables and cards. */
  label: string;
  /** The figure as shown, e.g. "0.23", "41%". */
  figure: string;
  /** The figure as a number for spreadsheets (a share as 0–1), null when it is not a number. */
  value: number | null;
  format: 'share' | 'ratio' | 'score' | 'integer' | 'index' | null;
  text: string;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function times(x: number): string {
  return `${x.toFixed(1)}×`;
}

/** Points with up to two decimals: 1, 0.95, 7.5. */
function pts(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Means read better with one decimal. */
function mean1(x: number): string {
  return x.toFixed(1);
}

function list(names: string[], max = 4): string {
  if (names.length <= max) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0] ?? '';
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function dimensionReadings(d: DimensionMetrics, dim: 'empowerment' | 'desirability', tolerance: number, scale: Scale): Reading[] {
  const work = dim === 'empowerment' ? 'empowering work' : 'desirable work';
  const out: Reading[] = [];
  if (d.people === 0 || d.mean === null) {
    return [{ key: `${dim}.mean`, label: `Mean ${dim}`, figure: '—', value: null, format: null, text: `No task has a ${dim} rating yet, so jobs cannot be compared on ${dim}.` }];
  }
  out.push({ key: `${dim}.mean`, label: `Mean ${dim}`, figure: mean1(d.mean), value: d.mean, format: 'score', text: `The average hour of work rates ${mean1(d.mean)} for ${dim} on the ${scale.min}–${scale.max} scale.` });
  out.push({
    key: `${dim}.gini`, label: `Gini (${dim})`, figure: d.gini.toFixed(2), value: d.gini, format: 'index',
    text: `The ${dim} Gini is ${d.gini.toFixed(2)}: 0 would mean every job is equally ${dim === 'empowerment' ? 'empowering' : 'desirable'} per hour, 1 that one job has it all.`,
  });
  out.push({
    key: `${dim}.top20Share`, label: 'Top 20% share', figure: pct(d.top20Share), value: d.top20Share, format: 'share',
    text: `The top fifth of staff by hours hold ${pct(d.top20Share)} of the ${work} (${times(d.concentrationRatio)} their share of hours).`,
  });
  out.push({
    key: `${dim}.topDecileShare`, label: 'Top 10% share', figure: pct(d.topDecileShare), value: d.topDecileShare, format: 'share',
    text: `The top tenth of staff by hours hold ${pct(d.topDecileShare)} of the ${work} (${times(d.topDecileRatio)} their share of hours).`,
  });
  if (d.palma !== null) {
    const top = d.palmaKind === 'palma' ? 'top 10%' : 'top 20%';
    out.push({
      key: `${dim}.palma`, label: d.palmaKind === 'palma' ? 'Palma ratio' : 'Palma-style ratio', figure: d.palma.toFixed(2), value: d.palma, format: 'ratio',
      text: `The ${top} of hours hold ${times(d.palma)} as much of the ${work} as the bottom 40%${d.palmaKind === 'palma-style' ? ' (top 20% used: fewer than 30 people)' : ''}.`,
    });
  }
  out.push({
    key: `${dim}.hoover`, label: 'Hoover index', figure: pct(d.hoover), value: d.hoover, format: 'share',
    text: `${pct(d.hoover)} of the ${work} would have to change hands for every hour to carry an equal share.`,
  });
  out.push({
    key: `${dim}.withinTolerance`, label: 'Within tolerance', figure: pct(d.withinTolerance), value: d.withinTolerance, format: 'share',
    text: `${pct(d.withinTolerance)} of hours are in jobs within ±${pts(tolerance)} point${tolerance === 1 ? '' : 's'} of the average ${dim} (${mean1(d.mean)}).`,
  });
  const t = d.theil.department;
  if (t.total > 0) {
    out.push({
      key: `${dim}.theilDepartment`, label: 'Between departments', figure: pct(t.between / t.total), value: t.between / t.total, format: 'share',
      text: `${pct(t.between / t.total)} of the inequality in ${dim} lies between departments rather than within them${dim === 'empowerment' && t.between / t.total > 0.5 ? ' — a sign of a coordinator layer' : ''}.`,
    });
  }
  return out;
}

export function readMetrics(m: Metrics, scale: Scale): Reading[] {
  const out = [...dimensionReadings(m.empowerment, 'empowerment', m.tolerance, scale)];
  const c = m.coordinator;
  if (c.members.length === 0) {
    out.push({ key: 'coordinator', label: 'Coordinator cluster', figure: 'none', value: 0, format: 'integer', text: `No job is more than ${pts(c.threshold)} points above the average empowerment: there is no coordinator cluster.` });
  } else {
    const roles = list(c.roles.map((r) => (r.people > 1 ? `${r.name} (${r.people})` : r.name)));
    out.push({
      key: 'coordinator', label: 'Coordinator cluster', figure: `${c.members.length} ${c.members.length === 1 ? 'person' : 'people'}`, value: c.members.length, format: 'integer',
      text: `${c.members.length} ${c.members.length === 1 ? 'person' : 'people'} (${pct(c.hoursShare)} of hours) — ${roles} — hold ${pct(c.massShare)} of the empowering work; each is more than ${pts(c.threshold)} points above average: a coordinator cluster.`,
    });
  }
  const low = m.lowDesirability;
  if (low.totalHours > 0) {
    const bottom = low.byEmpowermentTercile.find((t) => t.tercile === 'bottom')!;
    out.push({
      key: 'lowDesirability', label: 'Onerous work', figure: pct(bottom.shareOfAll), value: bottom.shareOfAll, format: 'share',
      text: `The least-empowered third of hours carry ${pct(bottom.shareOfAll)} of the ${Math.round(low.totalHours)} low-desirability hours a week (a third would be an even share).`,
    });
  }
  const j = m.jointAdvantage;
  if (j.spearman !== null) {
    const dir = j.spearman > 0.2 ? 'the more empowering jobs are also the more desirable ones' : j.spearman < -0.2 ? 'the more empowering jobs are the less desirable ones' : 'empowerment and desirability are not strongly linked';
    out.push({
      key: 'jointAdvantage', label: 'Joint advantage', figure: j.spearman.toFixed(2), value: j.spearman, format: 'ratio',
      text: `Across people, ${dir} (Spearman ${j.spearman.toFixed(2)})${j.topTercileOverlap !== null ? `; ${pct(j.topTercileOverlap)} of the most-empowered third's hours are also in the most-desirable third` : ''}.`,
    });
  }
  const p = m.pay;
  if (p && p.maxMinRatio !== null) {
    const rho = p.spearmanEmpowerment;
    const flag = p.redFlag ? ' — a red flag: participatory economics pays for effort and sacrifice, not for power' : '';
    out.push({
      key: 'pay', label: 'Pay audit', figure: rho === null ? times(p.maxMinRatio) : rho.toFixed(2), value: rho ?? p.maxMinRatio, format: 'ratio',
      text: `The best-paid hour earns ${times(p.maxMinRatio)} the lowest${p.topMedianRatio !== null ? ` and ${times(p.topMedianRatio)} the median` : ''}${rho !== null ? `; hourly pay ${rho > 0 ? 'rises' : 'falls'} with empowerment (Spearman ${rho.toFixed(2)})${flag}` : ''}.`,
    });
  }
  out.push(...dimensionReadings(m.desirability, 'desirability', m.tolerance, scale));
  return out;
}
