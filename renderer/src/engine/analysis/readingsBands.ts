/**
 * "Is this high?" for the headline figures: a plain band (low, noticeable, high) with where it comes
 * from. There are no published norms for how unequal empowerment ratings may be, so every band is
 * derived from the method's own tolerance τ (DESIGN.md §1, "balanced" = every job within ±τ of the
 * average): a figure is "low" when jobs all within ±τ could give it, "noticeable" when jobs all within
 * ±2τ could, and "high" beyond that — then at least one job is more than 2τ from the average. The
 * limits are exact maxima (each reached by some set of jobs), derived in the comments below.
 */
import type { Scale } from '../model/types';
import type { DimensionMetrics, Metrics } from './metrics';
import { fix2, pct, pts } from './readingsFormat';

/** How much concern the figure calls for: for the share within tolerance, "low" is all of it balanced. */
export type BandLevel = 'low' | 'noticeable' | 'high';

export interface Band {
  level: BandLevel;
  /** Short text for a tag on a card: "Low", "Noticeable", "High" (within tolerance: "All balanced", …). */
  label: string;
  /** The one phrase a reading carries, starting with the question it answers ("Is this high?", "Is this enough?"). */
  phrase: string;
  /** Where the band comes from, in full, for a note or tooltip. */
  source: string;
  /** The figure's largest possible value when every job is within ±τ and within ±2τ of the average; null for bands not set by such limits. */
  limits: { tolerance: number; twice: number } | null;
}

/** Reading keys (after "empowerment." or "desirability.") whose band comes from the τ and 2τ limits. */
export const LIMITED_FIGURES = ['absoluteGini', 'top20Gap', 'gini', 'top20Share', 'topDecileShare', 'palma', 'hoover'] as const;
type Limited = (typeof LIMITED_FIGURES)[number];

const LABELS: Record<BandLevel, string> = { low: 'Low', noticeable: 'Noticeable', high: 'High' };

/** OECD, Society at a Glance 2019, for 2016: quoted only as a comparison on the relative Gini's note. */
const INCOME_GINI = 'For comparison only, and about money, not work: the Gini of household disposable income in OECD countries ran from about 0.25 (Czech Republic, Slovak Republic, Slovenia) to almost 0.5 (Chile, Mexico) in 2016 (OECD, Society at a Glance 2019). Income has a true zero; ratings do not, so this Gini moves with where the scale starts.';

/**
 * The largest value the figure can take when every job's score is within ±`spread` points of the
 * average `d.mean`. With Ē the average and m = Ē − scale.min the average measured from the bottom of the
 * scale, x = spread ÷ m:
 * - absolute Gini = E|Eᵢ − Eⱼ| / 2 ≤ (2·spread)/4: a mean difference on an interval of width w is at most w/2
 *   (all hours at its two ends, half each);
 * - top fifth above the mean ≤ spread; relative Gini = absolute Gini ÷ m ≤ x/2;
 * - top 20% (10%) share of the mass ≤ 0.2 (0.1) × (1 + x): each of its hours carries at most Ē + spread;
 * - Hoover = the mass above the even share ≤ x × (hours above the mean, at most half) ≤ x/2;
 * - Palma = top share ÷ bottom 40% share ≤ top·(1 + x) ÷ (0.4·(1 − x)), reached with the top at +spread,
 *   the bottom 40% at −spread and the middle between; unbounded when x ≥ 1 (the bottom could hold nothing).
 * Infinity when no limit holds (the average is within `spread` of the bottom for Palma, or on the bottom), up to
 * a billionth: a difference of nearly equal numbers carries no exact digits.
 */
export function limitAt(figure: Limited, d: DimensionMetrics, spread: number, scale: Scale): number {
  if (d.mean === null) return Infinity;
  if (figure === 'absoluteGini') return spread / 2;
  if (figure === 'top20Gap') return spread;
  const m = d.mean - scale.min;
  // An average within a billionth of the scale's range of the bottom is on it: the shares are float noise there.
  if (!(m > 1e-9 * (scale.max - scale.min))) return Infinity;
  const x = spread / m;
  switch (figure) {
    case 'gini':
      return Math.min(1, x / 2);
    case 'top20Share':
      return Math.min(1, 0.2 * (1 + x));
    case 'topDecileShare':
      return Math.min(1, 0.1 * (1 + x));
    case 'hoover':
      return Math.min(1, x / 2);
    case 'palma': {
      const top = d.palmaKind === 'palma' ? 0.1 : 0.2;
      // x within a billionth of 1 is 1: the bottom could hold (all but) nothing (the limit read 4503599627370495.50).
      return x < 1 - 1e-9 ? (top * (1 + x)) / (0.4 * (1 - x)) : Infinity;
    }
  }
}

/** A limit in the figure's own format: points as the tolerance is written, shares as whole percents, indices with two decimals. */
export function formatLimit(figure: Limited, x: number): string {
  if (figure === 'absoluteGini' || figure === 'top20Gap') return pts(x);
  if (figure === 'gini' || figure === 'palma') return fix2(x);
  return pct(x);
}

function limitedBand(figure: Limited, dim: 'empowerment' | 'desirability', d: DimensionMetrics, value: number, tolerance: number, scale: Scale): Band | null {
  const one = limitAt(figure, d, tolerance, scale);
  const two = limitAt(figure, d, 2 * tolerance, scale);
  // No finite limit even at ±τ: balanced jobs could give any value, so there is nothing to say.
  if (!Number.isFinite(one)) return null;
  const L1 = formatLimit(figure, one);
  const t1 = pts(tolerance);
  const t2 = pts(2 * tolerance);
  const level: BandLevel = value <= one + 1e-12 ? 'low' : value <= two + 1e-12 ? 'noticeable' : 'high';
  const L2 = Number.isFinite(two) ? formatLimit(figure, two) : null;
  const phrase = level === 'low'
    ? `Is this high? No: jobs all within the tolerance of the average (±${t1} points) could give up to ${L1}.`
    : level === 'noticeable'
    ? `Is this high? Noticeable: more than the ${L1} that jobs all within the tolerance (±${t1} points) could give${L2 ? `, but no more than the ${L2} of jobs within twice it (±${t2})` : ''}.`
    : `Is this high? Yes: jobs all within twice the tolerance (±${t2} points) could give at most ${L2}.`;
  const twice = L2 ? `; within ±2τ (±${t2}), at most ${L2}` : '; within ±2τ, any value';
  const source =
    `There are no published norms for how unequal jobs' ${dim} ratings may be, so this band comes from the method's own tolerance τ = ±${t1} points, its "close enough": ` +
    `if every job were within ±τ of the average, this figure could be at most ${L1}${twice}. Up to the first: low; up to the second: noticeable; above it: high, and at least one job is more than 2τ from the average.` +
    (figure === 'gini' ? ` ${INCOME_GINI}` : '');
  return { level, label: LABELS[level], phrase, source, limits: { tolerance: one, twice: two } };
}

/** Share of hours within ±τ: the method's goal is all of it; below half, most hours are in jobs outside. */
function toleranceBand(share: number, tolerance: number): Band {
  const t = pts(tolerance);
  // Shares come from sums of hours: 1 − 1e-9 is all of them.
  const level: BandLevel = share >= 1 - 1e-9 ? 'low' : share >= 0.5 ? 'noticeable' : 'high';
  const label = level === 'low' ? 'All balanced' : level === 'noticeable' ? 'Mostly balanced' : 'Mostly unbalanced';
  // Whole percents that add up to 100 with the figure as the reading shows it.
  const outside = `${100 - Math.round(share * 100)}%`;
  const phrase = level === 'low'
    ? 'Is this enough? Yes: every job is balanced, the method\'s goal.'
    : level === 'noticeable'
    ? `Is this enough? Not quite: most hours are balanced, but ${outside} are not; the method's goal is all of them.`
    : `Is this enough? No: most hours (${outside}) are in jobs outside the tolerance; the method's goal is all of them within it.`;
  const source = `The method calls a job balanced when it is within the tolerance τ = ±${t} points of the average, and its goal is every job balanced: all hours is the goal; half or more: mostly balanced; under half: mostly unbalanced. There are no published norms to compare with.`;
  return { level, label, phrase, source, limits: null };
}

/** The coordinator cluster is the method's own line at 2τ; someone above τ is noticeable. */
function clusterBand(m: Metrics): Band | null {
  if (m.empowerment.people === 0) return null;
  const c = m.coordinator;
  const t1 = pts(m.tolerance);
  const t2 = pts(2 * m.tolerance);
  const aboveTau = c.levels.find((l) => l.multiple === 1)?.names.length ?? 0;
  const level: BandLevel = c.members.length > 0 ? 'high' : aboveTau > 0 ? 'noticeable' : 'low';
  const phrase = level === 'high'
    ? `Is this high? Yes, by the method's own line: twice the tolerance (${t2} points) above the average.`
    : level === 'noticeable'
    ? `Is this high? Noticeable: no one is past the line at ${t2} points, but someone is more than the tolerance (${t1}) above the average.`
    : `Is this high? No: every job is within the tolerance (${t1} points) of the average or below it.`;
  const source = `The method's own line: a coordinator cluster is the people more than 2τ (${t2} points) above the average; τ = ${t1} points is its "close enough". No one above τ: low; someone above τ but no one above 2τ: noticeable; anyone above 2τ: high. There are no published norms to compare with.`;
  return { level, label: LABELS[level], phrase, source, limits: null };
}

/** The band of a reading by its key, or null when the figure has none (or nothing is rated). */
export function bandFor(key: string, value: number | null, m: Metrics, scale: Scale): Band | null {
  if (key === 'coordinator') return clusterBand(m);
  const [dim, figure] = key.split('.');
  if ((dim !== 'empowerment' && dim !== 'desirability') || value === null) return null;
  const d = m[dim];
  if (d.people === 0 || d.mean === null) return null;
  if (figure === 'withinTolerance') return toleranceBand(value, m.tolerance);
  if ((LIMITED_FIGURES as readonly string[]).includes(figure)) return limitedBand(figure as Limited, dim, d, value, m.tolerance, scale);
  return null;
}
