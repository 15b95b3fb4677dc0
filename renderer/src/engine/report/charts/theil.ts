/**
 * The Theil index split into its part between groups (departments, roles, or organizations in a merger)
 * and within them, one stacked horizontal bar per split, the total and the between share printed.
 */
import type { ReportChart } from '../types';
import { ACCENT_DARK, axes, finite, hatch, INK, legend, linear, MUTED, num, safeId, svgDocument, text, textWidth, truncate, WIDTH, zeroTicks, type Frame } from './svg';
import { pct } from '../../analysis/readingsFormat';

/** Theil values are small (0.002 matters), so three decimals, as the app's chart shows them. */
function fix3(x: number): string {
  return (Math.round(x * 1e9) / 1e9).toFixed(3);
}

export function theilChart(rows: { label: string; between: number; within: number }[], o: { id: string; title: string }): ReportChart {
  const prefix = safeId(o.id);
  const data = rows.map((r) => ({ label: r.label, between: Math.max(0, finite(r.between) ?? 0), within: Math.max(0, finite(r.within) ?? 0) }));
  const betweenFill = `fill="${ACCENT_DARK}"`;
  const withinFill = `fill="url(#${prefix}-w)" stroke="${ACCENT_DARK}" stroke-width="0.8"`;
  const lg = legend([
    { swatch: `<rect x="-6" y="-5" width="12" height="10" ${betweenFill}/>`, label: 'Between groups (their averages differ)' },
    { swatch: `<rect x="-6" y="-5" width="12" height="10" ${withinFill}/>`, label: 'Within groups' },
  ], 12, 12, WIDTH - 24);
  const labelWidth = Math.min(170, Math.max(60, ...data.map((d) => textWidth(truncate(d.label, 28)) + 12)));
  const rowH = 30;
  const f: Frame = { left: labelWidth, top: 12 + lg.height + 6, width: WIDTH - labelWidth - 120, height: Math.max(1, data.length) * rowH };
  const ticks = zeroTicks(Math.max(0.01, ...data.map((d) => d.between + d.within)), 5);
  const xMax = ticks[ticks.length - 1];
  const sx = linear(0, xMax, f.left, f.left + f.width);
  const parts = [lg.svg, axes(f, { min: 0, max: xMax, ticks, label: 'Theil index (0 = every job alike)', format: (v) => String(v) }, null)];
  const between: string[] = [];
  const within: string[] = [];
  const labels: string[] = [];
  const values: string[] = [];
  data.forEach((d, i) => {
    const y = f.top + i * rowH + 7;
    const h = rowH - 14;
    const xb = sx(d.between);
    const xt = sx(d.between + d.within);
    between.push(`<rect x="${num(f.left)}" y="${num(y)}" width="${num(xb - f.left)}" height="${num(h)}"/>`);
    within.push(`<rect x="${num(xb)}" y="${num(y)}" width="${num(xt - xb)}" height="${num(h)}"/>`);
    labels.push(text(f.left - 6, y + h / 2 + 3.5, truncate(d.label, 28)));
    const total = d.between + d.within;
    values.push(text(xt + 6, y + h / 2 + 3.5, total > 0 ? `${fix3(total)} (${pct(d.between / total)} between)` : '0.000'));
  });
  parts.push(`<g data-series="between" ${betweenFill}>${between.join('')}</g><g data-series="within" ${withinFill}>${within.join('')}</g>`);
  parts.push(`<g text-anchor="end" fill="${INK}">${labels.join('')}</g><g fill="${MUTED}">${values.join('')}</g>`);

  const caption = data.length
    ? `The bar's length is the inequality between jobs (Theil index, scores counted from the bottom of the scale); its dark part is what the groups' different averages explain, the hatched part the differences inside each group. A mostly dark bar means the inequality follows the grouping.`
    : 'No split to show.';
  const desc = data.map((d) => `${d.label}: between ${fix3(d.between)}, within ${fix3(d.within)}`).join('; ');
  return {
    id: o.id, title: o.title, caption,
    svg: svgDocument({ title: o.title, desc, width: WIDTH, height: f.top + f.height + 44, defs: hatch(`${prefix}-w`, ACCENT_DARK, 4, '#dbe6f3'), body: parts.join('') }),
  };
}
