/** Number formats shared by the workspace views (figures, tables, the bundle editor). */

const grouped0 = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const grouped2 = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upTo1 = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A score on the project scale: one decimal ("16.8"); an en dash when there is none. */
export function fmtScore(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1);
}

/** Signed difference in points: "+9.5", "−2.1". */
export function fmtSigned(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const r = Math.round(x * 10) / 10;
  return r > 0 ? `+${r.toFixed(1)}` : r < 0 ? `−${Math.abs(r).toFixed(1)}` : '0.0';
}

/** Weekly hours: up to one decimal ("37.5"). */
export function fmtHours(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : upTo1.format(x);
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
