/**
 * How the app says where a relative figure (Gini, shares, Palma, Hoover, Theil, the Lorenz curve)
 * puts its zero: the bottom of the rating scale, a convention, unlike the differences between jobs.
 */
import type { Scale } from '../../engine/model/types';

/** Reading keys (after "empowerment." or "desirability.") of the figures measured from the bottom of the scale. */
export const RELATIVE_FIGURES = ['gini', 'top20Share', 'topDecileShare', 'palma', 'hoover', 'theilDepartment'] as const;

export function isRelativeFigure(key: string): boolean {
  const [dim, figure] = key.split('.');
  return (dim === 'empowerment' || dim === 'desirability') && (RELATIVE_FIGURES as readonly string[]).includes(figure ?? '');
}

/** "measured from the bottom of the 1–20 scale" */
export function fromBottom(scale: Scale): string {
  return `measured from the bottom of the ${scale.min}–${scale.max} scale`;
}

/** The tooltip of a relative figure: what its zero is and why it matters. */
export function fromBottomHint(scale: Scale, dim: 'empowerment' | 'desirability' = 'empowerment'): string {
  return `Measured from the bottom of the ${scale.min}–${scale.max} scale: a rating of ${scale.min} counts as no ${dim} at all. ` +
    'Adding the same number to every rating would change this figure without changing any job; the figures in points (absolute Gini, within tolerance, points above the mean) would not move.';
}
