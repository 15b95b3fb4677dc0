/**
 * One plain-language sentence per key figure, for people who do not read Gini coefficients. The
 * figures that depend only on differences between jobs (absolute Gini, within tolerance, the top fifth's
 * points above the mean, the coordinator cluster) come first; the relative ones (Gini, shares, Palma,
 * Hoover, Theil) say that they are measured from the bottom of the scale. When more than half the rated
 * hours rest on suggested ratings, the first reading says so; when a rating round found tasks contested,
 * a reading says how many hours rest on them. Nothing is said about data that is not
 * there: no department split with fewer than two departments, no shift remark on a Gini of 0, no
 * cluster verdict when no task is rated for empowerment. The headline figures end with "Is this high?" and a
 * band derived from the tolerance (readingsBands.ts); Palma states its even-share value, and every
 * Spearman correlation says in words what it measures.
 */
import type { Scale } from '../model/types';
import type { DimensionMetrics, Metrics } from './metrics';
import { bandFor, type Band } from './readingsBands';
import { clusterReading } from './readingsCluster';
import { gap1, mean1, pct, pts, pval, times } from './readingsFormat';

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
  /** "Is this high?" and where the answer comes from (readingsBands.ts); its phrase ends `text`. */
  band?: Band;
}

type Dim = 'empowerment' | 'desirability';

const FROM_BOTTOM = 'Measured from the bottom of the scale';

function adjective(dim: Dim): string {
  return dim === 'empowerment' ? 'empowering' : 'desirable';
}

/** Mean, absolute Gini, within tolerance and the top fifth's points above the mean: shift-free figures. */
function intervalReadings(d: DimensionMetrics, dim: Dim, tolerance: number, scale: Scale): Reading[] {
  if (d.people === 0 || d.mean === null) {
    return [{ key: `${dim}.mean`, label: `Mean ${dim}`, figure: '—', value: null, format: null, text: `No task has a ${dim} rating yet, so jobs cannot be compared on ${dim}.` }];
  }
  return [
    { key: `${dim}.mean`, label: `Mean ${dim}`, figure: mean1(d.mean), value: d.mean, format: 'score', text: `The average hour of work rates ${mean1(d.mean)} for ${dim} on the ${scale.min}–${scale.max} scale.` },
    {
      key: `${dim}.absoluteGini`, label: `Absolute Gini (${dim}, points)`, figure: gap1(d.absoluteGini), value: d.absoluteGini, format: 'score',
      text: `The absolute Gini is ${gap1(d.absoluteGini)} points: two hours of work picked at random differ by ${gap1(2 * d.absoluteGini)} points of ${dim} on average (0 would mean every job alike). It depends only on differences between jobs, not on where the scale starts.`,
    },
    {
      key: `${dim}.withinTolerance`, label: 'Within tolerance', figure: pct(d.withinTolerance), value: d.withinTolerance, format: 'share',
      text: `${pct(d.withinTolerance)} of hours are in jobs within ±${pts(tolerance)} point${pts(tolerance) === '1' ? '' : 's'} of the average ${dim} (${mean1(d.mean)}).`,
    },
    {
      key: `${dim}.top20Gap`, label: 'Top fifth above the mean', figure: gap1(d.top20Gap), value: d.top20Gap, format: 'score',
      text: `The top fifth of hours by ${dim} average ${gap1(d.top20Gap)} points above the mean (${mean1(d.mean + d.top20Gap)} against ${mean1(d.mean)}).`,
    },
  ];
}

/** Gini, shares, Palma, Hoover and the Theil split: each states that it measures from the bottom of the scale. */
function relativeReadings(d: DimensionMetrics, dim: Dim, scale: Scale, hasCluster: boolean): Reading[] {
  if (d.people === 0 || d.mean === null) return [];
  const work = `${adjective(dim)} work`;
  const out: Reading[] = [
    {
      key: `${dim}.gini`, label: `Gini (${dim})`, figure: d.gini.toFixed(2), value: d.gini, format: 'index',
      text: `The ${dim} Gini is ${d.gini.toFixed(2)}, measured from the bottom of the scale (a rating of ${scale.min} counts as none at all): 0 would mean every job is equally ${adjective(dim)} per hour, 1 that one job has it all.${d.gini > 0 ? ' Adding the same amount to every rating would lower it without changing any job.' : ''}`,
    },
    {
      key: `${dim}.top20Share`, label: 'Top 20% share', figure: pct(d.top20Share), value: d.top20Share, format: 'share',
      text: `${FROM_BOTTOM}, the top fifth of staff by hours hold ${pct(d.top20Share)} of the ${work} (${times(d.concentrationRatio)} their share of hours).`,
    },
    {
      key: `${dim}.topDecileShare`, label: 'Top 10% share', figure: pct(d.topDecileShare), value: d.topDecileShare, format: 'share',
      text: `${FROM_BOTTOM}, the top tenth of staff by hours hold ${pct(d.topDecileShare)} of the ${work} (${times(d.topDecileRatio)} their share of hours).`,
    },
  ];
  if (d.palma !== null) {
    const top = d.palmaKind === 'palma' ? 'top 10%' : 'top 20%';
    // Every hour equally empowering: each group's share of the work is its share of hours.
    const even = (d.palmaKind === 'palma' ? 0.1 : 0.2) / 0.4;
    out.push({
      key: `${dim}.palma`, label: d.palmaKind === 'palma' ? 'Palma ratio' : 'Palma-style ratio', figure: d.palma.toFixed(2), value: d.palma, format: 'ratio',
      text: `${FROM_BOTTOM}, the ${top} of hours hold ${d.palma.toFixed(2)} times as much of the ${work} as the bottom 40%${d.palmaKind === 'palma-style' ? ' (top 20% used: fewer than 30 people)' : ''}; if every hour were equally ${adjective(dim)} it would be ${even.toFixed(2)} (${top.slice(4)} ÷ 40%).`,
    });
  }
  out.push({
    key: `${dim}.hoover`, label: 'Hoover index', figure: pct(d.hoover), value: d.hoover, format: 'share',
    text: `${FROM_BOTTOM}, ${pct(d.hoover)} of the ${work} would have to move for every hour to carry an equal share.`,
  });
  const t = d.theil.department;
  // With one department (or none named) there is no "between" to speak of.
  if (t.total > 0 && t.groups >= 2) {
    const share = t.between / t.total;
    const meaning = share > 0.5
      ? `: departments differ in how ${adjective(dim)} their work is${dim === 'empowerment' && hasCluster ? '; with the coordinator cluster above, a sign of a coordinator layer' : ''}`
      : ': most of it is between people in the same department';
    out.push({
      key: `${dim}.theilDepartment`, label: 'Between departments', figure: pct(share), value: share, format: 'share',
      text: `${pct(share)} of the inequality in ${dim} (Theil index, measured from the bottom of the scale) lies between departments rather than within them${meaning}.`,
    });
  }
  return out;
}

/** The share of rated hours resting on suggested ratings; null when none do. */
function suggestedReading(m: Metrics): Reading | null {
  const { empowermentHoursShare: e, desirabilityHoursShare: d } = m.suggested;
  if (e <= 0 && d <= 0) return null;
  const shares = `${pct(e)} of the hours rated for empowerment and ${pct(d)} of those rated for desirability`;
  const text = Math.max(e, d) > 0.5
    ? `More than half of the rated hours rest on suggested ratings: ${shares} use the keyword library's suggestions, not ratings by the members or the file. Every figure in this audit is provisional until the members rate those tasks.`
    : `${shares[0].toUpperCase()}${shares.slice(1)} rest on suggested ratings (the keyword library's, not the members' own).`;
  return { key: 'suggested', label: 'Rated by suggestion', figure: pct(e), value: e, format: 'share', text };
}

/** The share of rated hours on tasks a rating round found contested; null when no task is contested. */
function contestedReading(m: Metrics): Reading | null {
  const { tasks, empowermentHoursShare: e, desirabilityHoursShare: d } = m.contested;
  if (tasks === 0) return null;
  return {
    key: 'contested', label: 'Rests on contested ratings', figure: pct(e), value: e, format: 'share',
    text: `${pct(e)} of the hours rated for empowerment and ${pct(d)} of those rated for desirability rest on contested ratings (the members disagree; see the rating round).`,
  };
}

/** True when the audit should open with the suggested-ratings warning (more than half the rated hours of either dimension). */
export function mostlySuggested(m: Metrics): boolean {
  return Math.max(m.suggested.empowermentHoursShare, m.suggested.desirabilityHoursShare) > 0.5;
}

function payReading(m: Metrics): Reading | null {
  const p = m.pay;
  if (!p || p.maxMinRatio === null) return null;
  const rho = p.spearmanEmpowerment;
  let link = '';
  if (rho !== null) {
    const dir = rho > 0 ? 'rises' : rho < 0 ? 'falls' : 'does not move';
    const chance = p.pValue !== null ? `; one-sided p ${p.pValue < 0.001 ? '' : '= '}${pval(p.pValue)}, the chance of a rise this strong if pay and empowerment were unrelated` : '';
    const stat = `(Spearman rank correlation ${rho.toFixed(2)}: 1 would mean pay in exactly the order of empowerment, 0 no link${chance})`;
    const verdict = p.redFlag
      ? ' — a red flag: participatory economics pays for effort and sacrifice, not for power'
      : rho > 0 ? ': a positive tendency, too few people to be sure' : '';
    link = `; hourly pay ${dir} with empowerment ${stat}${verdict}`;
  }
  return {
    key: 'pay', label: 'Pay audit', figure: rho === null ? times(p.maxMinRatio) : rho.toFixed(2), value: rho ?? p.maxMinRatio, format: 'ratio',
    text: `The best-paid hour earns ${times(p.maxMinRatio)} the lowest${p.topMedianRatio !== null ? ` and ${times(p.topMedianRatio)} the median` : ''}${link}.`,
  };
}

/** Each reading with a band gets it, and its phrase at the end of its text. */
function withBands(readings: Reading[], m: Metrics, scale: Scale): Reading[] {
  return readings.map((r) => {
    const band = bandFor(r.key, r.value, m, scale);
    return band ? { ...r, text: `${r.text} ${band.phrase}`, band } : r;
  });
}

export function readMetrics(m: Metrics, scale: Scale): Reading[] {
  return withBands(readingsOf(m, scale), m, scale);
}

function readingsOf(m: Metrics, scale: Scale): Reading[] {
  const suggested = suggestedReading(m);
  const first = suggested && mostlySuggested(m) ? [suggested] : [];
  const hasCluster = m.coordinator.members.length > 0;
  const out: Reading[] = [...first, ...intervalReadings(m.empowerment, 'empowerment', m.tolerance, scale), clusterReading(m.coordinator, m.tolerance, m.empowerment.people)];
  if (suggested && first.length === 0) out.push(suggested);
  const contested = contestedReading(m);
  if (contested) out.push(contested);
  out.push(...relativeReadings(m.empowerment, 'empowerment', scale, hasCluster));
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
      text: `Across people, ${dir} (joint advantage, people high on both: Spearman rank correlation ${j.spearman.toFixed(2)}, where 1 means the same order on both and 0 no link)${j.topTercileOverlap !== null ? `; ${pct(j.topTercileOverlap)} of the most-empowered third's hours are also in the most-desirable third` : ''}.`,
    });
  }
  const pay = payReading(m);
  if (pay) out.push(pay);
  out.push(...intervalReadings(m.desirability, 'desirability', m.tolerance, scale), ...relativeReadings(m.desirability, 'desirability', scale, hasCluster));
  return out;
}
