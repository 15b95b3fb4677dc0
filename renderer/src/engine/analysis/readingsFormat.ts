/** How readings show numbers (shares as whole percents, measured gaps in points to one decimal like the ratings they come from, settings as given), shared with their tests. */

/**
 * `x` without the last bits of float noise (to 1e-9): two exact derivations of one limit (1.375
 * as 1.3750000000000002 or 1.3749999999999998) then round the same way.
 */
export function snap(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export function pct(x: number): string {
  return `${Math.round(snap(x) * 100)}%`;
}

/** An index or ratio (a Gini, a Palma) with two decimals. */
export function fix2(x: number): string {
  return snap(x).toFixed(2);
}

export function times(x: number): string {
  return `${x.toFixed(1)}×`;
}

/** A setting in points (the tolerance and its multiples) with up to two decimals, as the user gave it: 1, 0.95, 2.85. */
export function pts(x: number): string {
  return String(Math.round(snap(x) * 100) / 100);
}

/** Means read better with one decimal. */
export function mean1(x: number): string {
  return x.toFixed(1);
}

/** A p-value with three decimals, "< 0.001" below that. */
export function pval(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

export function people(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}

export function isAre(n: number): string {
  return n === 1 ? 'is' : 'are';
}

export function list(names: string[], max = 4): string {
  if (names.length <= max) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0] ?? '';
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** A measured distance in points (absolute Gini, gaps above the mean) to one decimal, the precision of the ratings. */
export function gap1(x: number): string {
  return x.toFixed(1);
}
