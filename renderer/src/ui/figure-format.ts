/** Number formats shared by the workspace views (figures, tables, the bundle editor). */
import { snap } from '../engine/analysis/readingsFormat';

// Float noise off before rounding (an exact 14.25 comes back from the 0–1 normalization as 14.249999999999998), as in the readings.
export { snap };

const grouped0 = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const grouped2 = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upTo2 = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A rating scale's ends, in points (engine/model Scale). */
export interface ScaleEnds {
  min: number;
  max: number;
}

/**
 * Decimals a rating on `scale` carries: people rate in whole points, so one decimal (a tenth of a
 * point, half a percent of 1–20) is already finer than any rating; on scales of 50 points or more a
 * whole point is.
 */
export function ratingDecimals(scale: ScaleEnds): number {
  return scale.max - scale.min >= 50 ? 0 : 1;
}

/** A rating in points with the precision its scale supports, trailing zeros dropped ("17.7", "6"); '' when there is none. */
export function fmtRating(x: number | null | undefined, scale: ScaleEnds): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const f = 10 ** ratingDecimals(scale);
  return String(Math.round(snap(x) * f) / f);
}

/** A score on the project scale: one decimal ("16.8"); an en dash when there is none. */
export function fmtScore(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : snap(x).toFixed(1);
}

/** Signed difference in points: "+9.5", "−2.1". */
export function fmtSigned(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const r = Math.round(snap(x) * 10) / 10;
  return r > 0 ? `+${r.toFixed(1)}` : r < 0 ? `−${Math.abs(r).toFixed(1)}` : '0.0';
}

/**
 * Weekly hours as the file gave them: the decimals present up to two (quarter hours), trailing zeros
 * dropped, grouped ("1,238.5", "37.25", "40"). Sums carry float noise (0.1 + 0.2), hence the cap.
 * The one format for hours in the wizard, the overview and the tables.
 */
export function fmtHours(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : upTo2.format(x);
}

/** A 0–1 share as a whole percentage ("41%"). */
export function fmtPct(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${Math.round(x * 100)}%`;
}

/** Annual pay, grouped, no currency (the roster's currency is not known). */
export function fmtMoney(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : grouped0.format(x);
}

/** Hourly pay with cents. */
export function fmtRate(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : grouped2.format(x);
}

export function fmtCount(x: number): string {
  return grouped0.format(x);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmtCount(n)} ${n === 1 ? one : many}`;
}
