/**
 * Each group's (a merger's organizations') hours-weighted mean score, with its lowest-to-highest job
 * range when given, against the band mean ± τ over the whole project scale: the federated view.
 */
import type { Scale } from '../../model/types';
import type { ReportChart } from '../types';
import type { Band } from './api';
import {
  ACCENT_DARK, axes, bandRange, bandRect, clamp, finite, fmt1, fmtHours, INK, legend, type LegendItem, linear, meanLine, MUTED, num, scaleTicks,
  scoreLabel, svgDocument, text, textWidth, truncate, WIDTH, type Frame,
} from './svg';
import { pts } from '../../analysis/readingsFormat';

export function groupMeansChart(
  groups: { name: string; mean: number | null; hours: number; spread?: { min: number; max: number } }[],
  o: { id: string; title: string; scale: Scale; band: Band | null; dimension: 'empowerment' | 'desirability' },
): ReportChart {
  const lo = o.scale.min;
  const hi = o.scale.max;
  const rows = groups
    .map((g) => ({ g, mean: finite(g.mean) }))
    .filter((r): r is { g: typeof r.g; mean: number } => r.mean !== null);
  const unrated = groups.length - rows.length;
  const anySpread = rows.some((r) => r.g.spread && finite(r.g.spread.min) !== null && finite(r.g.spread.max) !== null);

  const items: LegendItem[] = [{ swatch: `<circle r="5" fill="${ACCENT_DARK}"/>`, label: 'Hours-weighted average' }];
  if (anySpread) items.push({ swatch: `<path d="M-7 0H7M-7 -4V4M7 -4V4" stroke="${INK}" stroke-width="1.2"/>`, label: 'Lowest to highest job' });
  if (o.band) items.push({ swatch: `<rect x="-6" y="-5" width="12" height="10" fill="${ACCENT_DARK}" fill-opacity="0.12" stroke="${ACCENT_DARK}" stroke-width="0.8" stroke-dasharray="3 2"/>`, label: 'Band: mean ± tolerance' });
  const lg = legend(items, 12, 12, WIDTH - 24);

  const labelWidth = Math.min(170, Math.max(60, ...rows.map((r) => textWidth(truncate(r.g.name, 28)) + 12)));
  const rowH = 30;
  const f: Frame = { left: labelWidth, top: 12 + lg.height + 20, width: WIDTH - labelWidth - 70, height: Math.max(1, rows.length) * rowH };
  const sx = linear(lo, hi, f.left, f.left + f.width);
  const parts = [lg.svg, axes(f, { min: lo, max: hi, ticks: scaleTicks(lo, hi, Math.floor(f.width / 24) + 1), label: scoreLabel(o.dimension, o.scale) }, null)];
  const range = o.band ? bandRange(o.band, o.scale) : null;
  if (o.band && range) {
    parts.push(bandRect(sx(range[0]), f.top, sx(range[1]), f.top + f.height, o.dimension));
    const mx = sx(clamp(o.band.mean, lo, hi));
    parts.push(meanLine(mx, f.top - 4, mx, f.top + f.height, o.dimension));
    parts.push(text(mx, f.top - 7, `mean ${fmt1(o.band.mean)} ± ${pts(o.band.tolerance)}`, `text-anchor="middle" fill="${MUTED}"`));
  }

  const spreads: string[] = [];
  const dots: string[] = [];
  const labels: string[] = [];
  const values: string[] = [];
  rows.forEach((r, i) => {
    const cy = f.top + i * rowH + rowH / 2;
    const s = r.g.spread;
    if (s && finite(s.min) !== null && finite(s.max) !== null) {
      const a = sx(clamp(Math.min(s.min, s.max), lo, hi));
      const b = sx(clamp(Math.max(s.min, s.max), lo, hi));
      spreads.push(`M${num(a)} ${num(cy)}H${num(b)}M${num(a)} ${num(cy - 5)}V${num(cy + 5)}M${num(b)} ${num(cy - 5)}V${num(cy + 5)}`);
    }
    dots.push(`<circle cx="${num(sx(clamp(r.mean, lo, hi)))}" cy="${num(cy)}" r="5"/>`);
    labels.push(text(f.left - 6, cy + 3.5, truncate(r.g.name, 28)));
    const h = finite(r.g.hours);
    values.push(text(f.left + f.width + 6, cy + 3.5, `${fmt1(r.mean)}${h !== null ? ` · ${fmtHours(h)} h` : ''}`));
  });
  if (spreads.length) parts.push(`<path data-series="spread" d="${spreads.join('')}" stroke="${INK}" stroke-width="1.2" fill="none"/>`);
  parts.push(`<g data-series="means" fill="${ACCENT_DARK}" stroke="#ffffff" stroke-width="1">${dots.join('')}</g>`);
  parts.push(`<g text-anchor="end" fill="${INK}">${labels.join('')}</g><g fill="${MUTED}">${values.join('')}</g>`);

  const what = o.dimension === 'empowerment' ? 'empowerment' : 'desirability';
  const caption = `Each dot is a group's average ${what} weighted by hours (its score and weekly hours at the right)${anySpread ? ', the line its lowest to highest job' : ''}`
    + (o.band ? `; a group whose dot sits in the shaded band (the pooled average ± ${pts(o.band.tolerance)} points) already averages within tolerance.` : '.')
    + (unrated ? ` ${unrated} ${unrated === 1 ? 'group with no rated job is' : 'groups with no rated job are'} left out.` : '');
  const desc = rows.map((r) => `${r.g.name}: ${fmt1(r.mean)}`).join('; ');
  return { id: o.id, title: o.title, caption, svg: svgDocument({ title: o.title, desc, width: WIDTH, height: f.top + f.height + 44, body: parts.join('') }) };
}
