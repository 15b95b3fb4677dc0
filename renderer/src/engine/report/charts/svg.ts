/**
 * SVG primitives shared by the report's charts: the one escape function for text from the user's data
 * (the report's HTML writer imports it too), short numbers, the palette, ticks, axes, bands, markers and
 * legends. Every chart is a string built from these, so the same input always gives the same bytes.
 */
import type { Band } from './api';
import { snap } from '../../analysis/readingsFormat';
import { escapeXml } from '../../formats/xmlEscape';

/** The width of every full-size chart's viewBox; text sizes below assume it (10 units ≈ 8 pt on A4). */
export const WIDTH = 600;
export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const TEXT = 10;
export const TITLE_TEXT = 11;

// Greyscale-safe palette: ink and muted greys, one blue for ordinary marks, vermillion for marked ones
// (always paired with a different shape or fill pattern, so colour is never the only cue).
export const INK = '#1d1d1b';
export const MUTED = '#5b5b57';
export const GRID = '#e2e2dc';
export const AXIS = '#8c8c86';
export const ACCENT = '#1f5fa8';
export const ACCENT_DARK = '#163f70';
export const MARK = '#d55e00';
export const MARK_DARK = '#8a3d00';
export const LIGHT = '#c9c9c3';
export const BAND_FILL = '#1f5fa8';
export const BAND_OPACITY = 0.12;

// The report and the workbook chart share one escape (engine/formats/xmlEscape.ts).
export { escapeXml };

/** A coordinate with at most two decimals (keeps files small; 0.01 units is far below a printed dot). */
export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** A chart id made safe as an XML id prefix (patterns and markers of several inline charts share one HTML document). */
export function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^(?![A-Za-z_])/, 'c');
}

/** At most `max` characters, an ellipsis marking the cut (before escaping, so entities are never split). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Rough advance width of text in a system sans (0.58 em per character), for legends and label collisions. */
export function textWidth(text: string, size = TEXT): number {
  return Array.from(text).length * size * 0.58;
}

/** The finite number or null: NaN and infinities from a hostile file count as unrated. */
export function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** A linear map from data to viewBox units. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  return (v) => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0));
}

/**
 * Ticks from min to max: every integer of the scale when at most `maxCount` fit (and at least 5), else multiples of a
 * 1-2-5 step (with the ends added when not crowding a tick).
 */
export function scaleTicks(min: number, max: number, maxCount = 20): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  if (Number.isInteger(min) && Number.isInteger(max) && span >= 4 && span + 1 <= maxCount) return Array.from({ length: span + 1 }, (_, i) => min + i);
  // On a scale of whole points a step above one is whole too (no 2.5 between 1 and 20).
  const integral = Number.isInteger(min) && Number.isInteger(max);
  let step = niceStep(span, maxCount);
  if (integral && step > 1 && !Number.isInteger(step)) step = Math.ceil(step) === 3 ? 5 : Math.ceil(step);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6 + 0);
  // The scale's ends are labelled unless they would crowd the nearest tick.
  if (ticks.length === 0 || ticks[0] - min >= step * 0.6) ticks.unshift(min);
  if (max - ticks[ticks.length - 1] >= step * 0.6) ticks.push(max);
  return ticks;
}

/** The smallest 1-2-5 step giving at most maxCount − 1 intervals over span. */
export function niceStep(span: number, maxCount: number): number {
  const raw = span / Math.max(1, maxCount - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw - 1e-12) ?? 10 * mag;
}

/** 0 to a round number at or above max, for axes of hours, shares, pay and indices. */
export function zeroTicks(max: number, count = 5): number[] {
  const top = max > 0 ? max : 1;
  const step = niceStep(top, count);
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
}

/** The document around a chart's body: viewBox, role, title and description; no size (CSS sets it). */
export function svgDocument(o: { title: string; desc: string; width: number; height: number; defs?: string; body: string }): string {
  const t = escapeXml(o.title);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(o.width)} ${num(o.height)}" role="img" aria-label="${t}" font-family="${escapeXml(FONT_STACK)}" font-size="${TEXT}" fill="${INK}">`
    + `<title>${t}</title><desc>${escapeXml(o.desc)}</desc>${o.defs ? `<defs>${o.defs}</defs>` : ''}${o.body}</svg>`;
}

/** A text element; `content` is escaped here, attributes are the caller's (numbers and constants). */
export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${num(x)}" y="${num(y)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(content)}</text>`;
}

/** The plot area of a chart in viewBox units. */
export interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Axis {
  min: number;
  max: number;
  ticks: number[];
  label: string;
  format?: (v: number) => string;
}

/** Grid lines, tick labels and titles of both axes around a frame (either axis may be absent). */
export function axes(f: Frame, x: Axis | null, y: Axis | null): string {
  const out: string[] = [];
  const bottom = f.top + f.height;
  if (x) {
    const sx = linear(x.min, x.max, f.left, f.left + f.width);
    const grid = x.ticks.map((t) => `M${num(sx(t))} ${num(f.top)}V${num(bottom)}`).join('');
    out.push(`<path d="${grid}" stroke="${GRID}" stroke-width="0.8" fill="none"/>`);
    out.push(`<g data-axis="x" text-anchor="middle" fill="${MUTED}">${x.ticks.map((t) => text(sx(t), bottom + 13, (x.format ?? String)(t))).join('')}</g>`);
    out.push(text(f.left + f.width / 2, bottom + 30, x.label, `text-anchor="middle" font-size="${TITLE_TEXT}"`));
  }
  if (y) {
    const sy = linear(y.min, y.max, bottom, f.top);
    const grid = y.ticks.map((t) => `M${num(f.left)} ${num(sy(t))}H${num(f.left + f.width)}`).join('');
    out.push(`<path d="${grid}" stroke="${GRID}" stroke-width="0.8" fill="none"/>`);
    out.push(`<g data-axis="y" text-anchor="end" fill="${MUTED}">${y.ticks.map((t) => text(f.left - 5, sy(t) + 3.5, (y.format ?? String)(t))).join('')}</g>`);
    const cx = f.left - 40;
    const cy = f.top + f.height / 2;
    out.push(text(cx, cy, y.label, `text-anchor="middle" font-size="${TITLE_TEXT}" transform="rotate(-90 ${num(cx)} ${num(cy)})"`));
  }
  out.push(`<path d="M${num(f.left)} ${num(f.top)}V${num(bottom)}H${num(f.left + f.width)}" stroke="${AXIS}" fill="none"/>`);
  return out.join('');
}

/** The axis title of a score on the project scale. */
export function scoreLabel(dimension: 'empowerment' | 'desirability', scale: { min: number; max: number }): string {
  return `${dimension === 'empowerment' ? 'Empowerment' : 'Desirability'} (points, ${scale.min}–${scale.max})`;
}

/** The band's lower and upper edges clipped to the scale; null when it lies outside. */
export function bandRange(band: Band, scale: { min: number; max: number }): [number, number] | null {
  const lo = clamp(band.mean - band.tolerance, scale.min, scale.max);
  const hi = clamp(band.mean + band.tolerance, scale.min, scale.max);
  return hi >= lo && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}

/** A band rectangle (light fill and dashed edges, visible in greyscale) with a data attribute naming its dimension. */
export function bandRect(x0: number, y0: number, x1: number, y1: number, dimension: string): string {
  const x = Math.min(x0, x1);
  const y = Math.min(y0, y1);
  return `<rect data-band="${dimension}" x="${num(x)}" y="${num(y)}" width="${num(Math.abs(x1 - x0))}" height="${num(Math.abs(y1 - y0))}" fill="${BAND_FILL}" fill-opacity="${BAND_OPACITY}" stroke="${ACCENT}" stroke-width="0.8" stroke-dasharray="4 3"/>`;
}

/** A dashed mean line from (x0, y0) to (x1, y1). */
export function meanLine(x0: number, y0: number, x1: number, y1: number, dimension: string): string {
  return `<path data-mean="${dimension}" d="M${num(x0)} ${num(y0)}L${num(x1)} ${num(y1)}" stroke="${INK}" stroke-width="1" stroke-dasharray="5 3" fill="none"/>`;
}

/** A diagonal hatch pattern (for greyscale-safe fills), 45° lines `gap` units apart. */
export function hatch(id: string, colour: string, gap = 4, background = 'none'): string {
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${gap}" height="${gap}" patternTransform="rotate(45)">`
    + (background !== 'none' ? `<rect width="${gap}" height="${gap}" fill="${background}"/>` : '')
    + `<path d="M0 0V${gap}" stroke="${colour}" stroke-width="${num(gap / 2.5)}"/></pattern>`;
}

export type Shape = 'circle' | 'triangle';

/** A circle, or an upward triangle of the same area, centred at (cx, cy); `attrs` carries fill and stroke. */
export function marker(shape: Shape, cx: number, cy: number, r: number, attrs: string): string {
  const a = attrs ? ` ${attrs}` : '';
  if (shape === 'circle') return `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}"${a}/>`;
  // Equilateral, area πr²: side s = √(4πr²/√3); the centroid sits a third of the height above the base.
  const s = Math.sqrt((4 * Math.PI * r * r) / Math.sqrt(3));
  const h = (s * Math.sqrt(3)) / 2;
  const pts = [[cx, cy - (2 * h) / 3], [cx + s / 2, cy + h / 3], [cx - s / 2, cy + h / 3]];
  return `<polygon points="${pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}"${a}/>`;
}

export interface LegendItem {
  /** SVG drawn with its centre at (0, 0), about 12 units across. */
  swatch: string;
  label: string;
}

/** A legend in one or more rows from (x, y), wrapping at maxWidth; returns the SVG and the height used. */
export function legend(items: LegendItem[], x: number, y: number, maxWidth: number): { svg: string; height: number } {
  const rowHeight = 16;
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const it of items) {
    const w = 18 + textWidth(it.label) + 14;
    if (cx > x && cx + w > x + maxWidth) {
      cx = x;
      cy += rowHeight;
    }
    parts.push(`<g transform="translate(${num(cx + 6)} ${num(cy)})">${it.swatch}</g>`, text(cx + 16, cy + 3.5, it.label));
    cx += w;
  }
  return { svg: items.length ? `<g data-legend="">${parts.join('')}</g>` : '', height: items.length ? cy - y + rowHeight : 0 };
}

/** A score as the report shows it: one decimal, float noise snapped as the readings do. */
export function fmt1(x: number): string {
  return snap(x).toFixed(1);
}

/** Hours as given, at most two decimals ("40", "37.5", "503.33"). */
export function fmtHours(h: number): string {
  return num(h);
}
