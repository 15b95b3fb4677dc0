// Pure data preparation for the charts: department colours, 2-D bins, ranked series, percentiles,
// Lorenz downsampling and number formats. No React here, so it is cheap to test at 10,000 people.
import type { AuditPerson, AuditReport } from '../../engine/analysis/auditReport';
import type { ChartTheme, MarkerShape } from './chartTheme';
import { MARKER_SHAPES } from './chartTheme';
import { fmtHours, snap } from '../../ui/figure-format';

/** Above this many people, scatter plots become 2-D bins and the ranked chart becomes percentiles. */
export const AGGREGATE_ABOVE = 2000;
/** Up to this many people, the ranked chart draws one bar per person; above it a line. */
export const BARS_UP_TO = 150;
/** Lists of people in the hidden data tables stop here (a summary follows). */
export const TABLE_ROWS = 200;
/** Lorenz curves are drawn with at most this many points. */
export const LORENZ_POINTS = 400;
/** Grid of the binned scatter plots (cells per axis). */
export const GRID = 20;

const nf1 = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const nf2 = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const nf0 = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

// Snapped first: a score of exactly 10.75 shows 10.8 here as in the tables (see figure-format's snap).
export const fmt1 = (n: number): string => nf1.format(snap(n));
const nfUpTo2 = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
/** Up to two decimals, no trailing zeros (tolerances such as 0.95 or 1). */
export const fmtNum = (n: number): string => nfUpTo2.format(n);
export const fmt2 = (n: number): string => nf2.format(n);
export const fmtInt = (n: number): string => nf0.format(n);
/** Hours with their unit for tooltips and summaries ("37.25 h"): figure-format's fmtHours, so a chart shows what the tables do. */
export const fmtHoursUnit = (n: number): string => `${fmtHours(n)} h`;
export const fmtPct = (share: number, digits = 0): string => `${(share * 100).toFixed(digits)}%`;

/** Round ticks for an axis from min to max (ends included when not crowded). */
export function niceTicks(min: number, max: number, target = 5): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  if (ticks[0] - min >= step * 0.5) ticks.unshift(min);
  else if (ticks[0] !== min && ticks[0] - min > 1e-9) ticks[0] = min;
  const last = ticks[ticks.length - 1];
  if (max - last >= step * 0.5) ticks.push(max);
  return ticks;
}

// ——— departments ————————————————————————————————————————————————

export interface DepartmentKey {
  /** Lower-case key people are matched by. */
  key: string;
  label: string;
  colour: string;
  shape: MarkerShape;
  people: number;
}

export const NO_DEPARTMENT = 'No department';
export const OTHER_DEPARTMENTS = 'Other departments';

export function departmentKeyOf(p: Pick<AuditPerson, 'department'>): string {
  return (p.department ?? '').trim().toLowerCase();
}

/**
 * Colours and shapes for departments: the seven largest get their own colour and marker (colour
 * is never the only cue); the rest share a grey "Other departments".
 */
export function departmentKeys(report: Pick<AuditReport, 'people'>, theme: Pick<ChartTheme, 'categorical' | 'other'>): { keys: DepartmentKey[]; of: (p: AuditPerson) => DepartmentKey } {
  const counts = new Map<string, { label: string; people: number; first: number }>();
  report.people.forEach((p, i) => {
    const key = departmentKeyOf(p);
    const e = counts.get(key);
    if (e) e.people++;
    else counts.set(key, { label: p.department?.trim() || NO_DEPARTMENT, people: 1, first: i });
  });
  const all = [...counts.entries()].map(([key, v]) => ({ key, ...v }));
  const slots = theme.categorical.length;
  const coloured = all.length <= slots ? all : [...all].sort((a, b) => b.people - a.people || a.first - b.first).slice(0, slots);
  const ranked = [...coloured].sort((a, b) => a.first - b.first);
  const keys: DepartmentKey[] = ranked.map((d, i) => ({ key: d.key, label: d.label, colour: theme.categorical[i], shape: MARKER_SHAPES[i % MARKER_SHAPES.length], people: d.people }));
  const byKey = new Map(keys.map((k) => [k.key, k]));
  const rest = all.filter((d) => !byKey.has(d.key));
  const other: DepartmentKey = { key: '\u0000other', label: OTHER_DEPARTMENTS, colour: theme.other, shape: 'circle', people: rest.reduce((a, d) => a + d.people, 0) };
  if (rest.length) keys.push(other);
  return { keys, of: (p) => byKey.get(departmentKeyOf(p)) ?? other };
}

// ——— people with scores ——————————————————————————————————————————

export interface ScoredPerson extends AuditPerson {
  empowerment: number;
}

export function withEmpowerment(people: readonly AuditPerson[]): ScoredPerson[] {
  return people.filter((p): p is ScoredPerson => p.empowerment !== null && Number.isFinite(p.empowerment) && p.hours > 0);
}

export function hoursWeightedMean(values: readonly { v: number; w: number }[]): number | null {
  let sw = 0;
  let s = 0;
  for (const { v, w } of values) {
    sw += w;
    s += v * w;
  }
  return sw > 0 ? s / sw : null;
}

// ——— coincident points ————————————————————————————————————————————

export interface PointGroup<T> {
  /** The members' mean position (they differ by less than the precision shown). */
  x: number;
  y: number;
  /** In input order. */
  members: T[];
}

/**
 * Items whose two scores are the same at the precision the charts show (`digits` decimals, one for
 * ratings), as one group each, so a chart draws one mark with a count instead of hiding people under
 * each other. Groups come in the order of their first member.
 */
export function coincidentGroups<T>(items: readonly T[], x: (t: T) => number, y: (t: T) => number, digits = 1): PointGroup<T>[] {
  const k = 10 ** digits;
  const groups = new Map<string, PointGroup<T>>();
  for (const t of items) {
    // Math.round(−0.04 × 10) is −0, which the template writes as "0": one key either side of zero.
    const key = `${Math.round(x(t) * k)}|${Math.round(y(t) * k)}`;
    const g = groups.get(key);
    if (g) g.members.push(t);
    else groups.set(key, { x: 0, y: 0, members: [t] });
  }
  const out = [...groups.values()];
  for (const g of out) {
    g.x = g.members.reduce((a, t) => a + x(t), 0) / g.members.length;
    g.y = g.members.reduce((a, t) => a + y(t), 0) / g.members.length;
  }
  return out;
}

/** "A, B and C", or the first `max` and "N more". */
export function nameList(names: readonly string[], max = 5): string {
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${fmtInt(names.length - max)} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0] ?? '';
}

// ——— 2-D bins ——————————————————————————————————————————————————

export interface Bin {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Centre, where the tooltip anchors. */
  x: number;
  y: number;
  count: number;
  hours: number;
  /** 0–4: the step of the sequential colour scale. */
  level: number;
}

export interface BinGrid {
  bins: Bin[];
  /** Upper hour bounds of the colour steps 0–3 (step 4 is everything above). */
  thresholds: number[];
  maxHours: number;
}

/**
 * Counts people and sums hours per cell of an nx × ny grid over the domains (values outside are
 * clamped onto the edge cells). Empty cells are left out. Colour steps are by hours on a square-root
 * scale, so a few busy cells do not wash out the rest.
 */
export function binGrid(points: readonly { x: number; y: number; w: number }[], xDomain: [number, number], yDomain: [number, number], nx = GRID, ny = GRID): BinGrid {
  const [xa, xb] = xDomain;
  const [ya, yb] = yDomain;
  const dx = (xb - xa) / nx || 1;
  const dy = (yb - ya) / ny || 1;
  const count = new Float64Array(nx * ny);
  const hours = new Float64Array(nx * ny);
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const i = Math.min(nx - 1, Math.max(0, Math.floor((p.x - xa) / dx)));
    const j = Math.min(ny - 1, Math.max(0, Math.floor((p.y - ya) / dy)));
    count[j * nx + i] += 1;
    hours[j * nx + i] += p.w;
  }
  let maxHours = 0;
  for (const h of hours) maxHours = Math.max(maxHours, h);
  const thresholds = [1, 2, 3, 4].map((k) => maxHours * (k / 5) ** 2);
  const bins: Bin[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const c = count[j * nx + i];
      if (c === 0) continue;
      const h = hours[j * nx + i];
      const x0 = xa + i * dx;
      const y0 = ya + j * dy;
      const level = maxHours > 0 ? Math.min(4, Math.floor(5 * Math.sqrt(h / maxHours) - 1e-9)) : 0;
      bins.push({ x0, x1: x0 + dx, y0, y1: y0 + dy, x: x0 + dx / 2, y: y0 + dy / 2, count: c, hours: h, level: Math.max(0, level) });
    }
  }
  return { bins, thresholds, maxHours };
}

// ——— ranked jobs —————————————————————————————————————————————————

export interface RankedPoint {
  /** Share of hours before this point (0–100), most empowering job first. */
  x: number;
  e: number;
  name?: string;
  role?: string | null;
  department?: string | null;
  hours?: number;
  colour?: string;
}

/** People by E, highest first (ties by name so the order is stable). */
export function rankByEmpowerment<T extends ScoredPerson>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => b.empowerment - a.empowerment || a.name.localeCompare(b.name));
}

/** One point per person at the share of hours before them, plus a closing point at 100%. */
export function rankedLine(ranked: readonly ScoredPerson[]): RankedPoint[] {
  const H = ranked.reduce((a, p) => a + p.hours, 0);
  if (!(H > 0)) return [];
  let cum = 0;
  const pts: RankedPoint[] = ranked.map((p) => {
    const pt = { x: (cum / H) * 100, e: p.empowerment, name: p.name, role: p.role, department: p.department, hours: p.hours };
    cum += p.hours;
    return pt;
  });
  pts.push({ ...pts[pts.length - 1], x: 100 });
  return pts;
}

/**
 * Hours-weighted percentiles of E, highest first: the E of the job at each `step`% of hours.
 * For large organizations instead of one point per person.
 */
export function rankedPercentiles(ranked: readonly ScoredPerson[], steps = 200): RankedPoint[] {
  const H = ranked.reduce((a, p) => a + p.hours, 0);
  if (!(H > 0) || !ranked.length) return [];
  const pts: RankedPoint[] = [];
  let i = 0;
  let cumEnd = ranked[0].hours;
  for (let k = 0; k <= steps; k++) {
    const at = (k / steps) * H;
    while (i < ranked.length - 1 && cumEnd <= at) {
      i++;
      cumEnd += ranked[i].hours;
    }
    pts.push({ x: (k / steps) * 100, e: ranked[i].empowerment });
  }
  return pts;
}

// ——— Lorenz ——————————————————————————————————————————————————————

export interface LorenzPoint {
  hours: number;
  mass: number;
}

/**
 * At most `max` points of a Lorenz curve (shares 0–1), keeping both ends and, between them, the
 * points nearest to evenly spaced hour shares. The curve is convex, so this keeps its shape.
 */
export function downsampleLorenz(points: readonly LorenzPoint[], max = LORENZ_POINTS): LorenzPoint[] {
  if (points.length <= max) return [...points];
  const out: LorenzPoint[] = [points[0]];
  let j = 1;
  for (let k = 1; k < max - 1; k++) {
    const target = k / (max - 1);
    while (j < points.length - 2 && points[j].hours < target) j++;
    if (out[out.length - 1] !== points[j]) out.push(points[j]);
  }
  out.push(points[points.length - 1]);
  return out;
}

/** The Lorenz curve's mass share at an hours share (linear between points). */
export function lorenzAt(points: readonly LorenzPoint[], hours: number): number {
  if (!points.length) return hours;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (b.hours >= hours) {
      const t = b.hours > a.hours ? (hours - a.hours) / (b.hours - a.hours) : 1;
      return a.mass + t * (b.mass - a.mass);
    }
  }
  return points[points.length - 1].mass;
}

// ——— summaries ———————————————————————————————————————————————————

export interface DepartmentSummary {
  label: string;
  people: number;
  hours: number;
  empowerment: number | null;
  desirability: number | null;
  medianHourlyPay: number | null;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Per department: people, hours, hours-weighted E and D, median hourly pay (for the data tables). */
export function summarizeDepartments(people: readonly AuditPerson[]): DepartmentSummary[] {
  const groups = new Map<string, { label: string; ps: AuditPerson[] }>();
  for (const p of people) {
    const k = departmentKeyOf(p);
    const g = groups.get(k) ?? { label: p.department?.trim() || NO_DEPARTMENT, ps: [] };
    g.ps.push(p);
    groups.set(k, g);
  }
  return [...groups.values()].map(({ label, ps }) => ({
    label,
    people: ps.length,
    hours: ps.reduce((a, p) => a + p.hours, 0),
    empowerment: hoursWeightedMean(ps.filter((p) => p.empowerment !== null).map((p) => ({ v: p.empowerment!, w: p.hours }))),
    desirability: hoursWeightedMean(ps.filter((p) => p.desirability !== null).map((p) => ({ v: p.desirability!, w: p.hours }))),
    medianHourlyPay: median(ps.filter((p) => p.hourlyPay !== null).map((p) => p.hourlyPay!)),
  }));
}

/** A 0-based axis up to the first round tick at or above `max`, with its ticks. */
export function niceAxisFromZero(max: number, target = 4): { max: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, ticks: [0, 1] };
  const t = niceTicks(0, max, target);
  const step = t.length > 1 ? t[1] - t[0] : max;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
  return { max: ticks[ticks.length - 1], ticks };
}

/** Ends of a "nice" axis domain for values (e.g. hourly pay), starting at 0 when close to it. */
export function niceDomain(values: readonly number[]): [number, number] {
  if (!values.length) return [0, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === hi) return [Math.max(0, lo - 1), hi + 1];
  const ticks = niceTicks(0, hi, 5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : hi;
  const top = Math.ceil(hi / step) * step;
  const bottom = lo < (hi - lo) ? 0 : Math.floor(lo / step) * step;
  return [bottom, top];
}
