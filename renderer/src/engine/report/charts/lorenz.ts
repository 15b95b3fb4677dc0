/**
 * The Lorenz curve of one dimension: cumulative share of hours (jobs from least to most empowering, or
 * desirable) against the cumulative share of that dimension's mass, with the equality diagonal. The
 * input is Metrics[dimension].lorenz: cumulative shares 0–1 from (0, 0) to (1, 1), one point per person.
 */
import type { ReportChart } from '../types';
import { ACCENT, ACCENT_DARK, axes, clamp, finite, INK, legend, linear, MUTED, num, svgDocument, text, WIDTH, type Frame } from './svg';
import { fix2 } from '../../analysis/readingsFormat';

type Point = { hours: number; mass: number };

/** The Gini coefficient as one minus twice the area under the curve (trapezoids between the given points). */
export function lorenzGini(points: readonly Point[]): number | null {
  const p = clean(points);
  if (p.length < 2) return null;
  let area = 0;
  for (let i = 1; i < p.length; i++) area += (p[i].hours - p[i - 1].hours) * (p[i].mass + p[i - 1].mass) / 2;
  return 1 - 2 * area;
}

/** Finite points clamped to 0–1, starting at (0, 0). */
function clean(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const h = finite(p.hours);
    const m = finite(p.mass);
    if (h !== null && m !== null) out.push({ hours: clamp(h, 0, 1), mass: clamp(m, 0, 1) });
  }
  if (out.length && (out[0].hours > 0 || out[0].mass > 0)) out.unshift({ hours: 0, mass: 0 });
  return out;
}

/** Points at least half a unit apart on the page (and the last one), so a curve of 10,000 people stays small. */
function thin(points: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i++) {
    const last = out[out.length - 1];
    const p = points[i];
    if (!last || i === points.length - 1 || Math.hypot(p[0] - last[0], p[1] - last[1]) >= 0.5) out.push(p);
  }
  return out;
}

export function lorenzChart(lorenz: { hours: number; mass: number }[], o: { id: string; title: string; dimension: 'empowerment' | 'desirability' }): ReportChart {
  const f: Frame = { left: 64, top: 16, width: 360, height: 360 };
  const sx = linear(0, 1, f.left, f.left + f.width);
  const sy = linear(0, 1, f.top + f.height, f.top);
  const pct = (v: number): string => `${Math.round(v * 100)}%`;
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const what = o.dimension === 'empowerment' ? 'empowering' : 'desirable';
  const parts = [axes(f, { min: 0, max: 1, ticks, label: `Share of hours, jobs from least to most ${what}`, format: pct }, { min: 0, max: 1, ticks, label: `Share of ${what} work`, format: pct })];
  parts.push(`<path data-equality="" d="M${num(sx(0))} ${num(sy(0))}L${num(sx(1))} ${num(sy(1))}" stroke="${INK}" stroke-width="1" stroke-dasharray="5 3" fill="none"/>`);

  const p = clean(lorenz);
  const gini = lorenzGini(lorenz);
  const people = Math.max(0, p.length - 1);
  if (p.length >= 2) {
    const xy = thin(p.map((q) => [sx(q.hours), sy(q.mass)]));
    const pointsAttr = xy.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
    parts.push(`<polygon data-gap="" points="${pointsAttr}" fill="${ACCENT}" fill-opacity="0.14"/>`);
    parts.push(`<polyline data-series="lorenz" points="${pointsAttr}" fill="none" stroke="${ACCENT_DARK}" stroke-width="2" stroke-linejoin="round"/>`);
  }

  const lg = legend([
    { swatch: `<path d="M-7 0H7" stroke="${ACCENT_DARK}" stroke-width="2"/>`, label: 'Lorenz curve' },
    { swatch: `<path d="M-7 0H7" stroke="${INK}" stroke-dasharray="4 2"/>`, label: 'Equality line' },
    { swatch: `<rect x="-6" y="-5" width="12" height="10" fill="${ACCENT}" fill-opacity="0.14"/>`, label: 'Gap from equality' },
  ], f.left + f.width + 20, f.top + 8, WIDTH - f.left - f.width - 28);
  parts.push(lg.svg);
  if (gini !== null) {
    const gx = f.left + f.width + 20;
    parts.push(text(gx, f.top + lg.height + 30, `Gini ${fix2(gini)}`, 'font-size="13" font-weight="600"'));
    parts.push(text(gx, f.top + lg.height + 46, '0 = shared evenly,', `fill="${MUTED}"`), text(gx, f.top + lg.height + 59, '1 = all in one job', `fill="${MUTED}"`));
  }

  const caption = p.length >= 2
    ? `Read along the curve: the least ${what} x% of hours hold y% of the ${what} work (scores counted from the bottom of the scale). The further the curve sags below the dashed equality line, the more that work sits with a few jobs; Gini ${fix2(gini!)} over ${people} ${people === 1 ? 'person' : 'people'}.`
    : `No job is rated for ${o.dimension}, so there is no curve.`;
  const desc = gini !== null ? `Lorenz curve of ${o.dimension}, Gini ${fix2(gini)}.` : `No rated jobs.`;
  return { id: o.id, title: o.title, caption, svg: svgDocument({ title: o.title, desc, width: WIDTH, height: f.top + f.height + 46, body: parts.join('') }) };
}
