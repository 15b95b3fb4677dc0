/**
 * Ranked jobs: every rated job as a horizontal bar from the bottom of the scale to its score, highest
 * first, with the band mean ± τ; with a plan, each person's score after it beside the bar. Stays readable
 * at thousands of jobs: thin bars, names only up to NAMES_UP_TO, at most one element per job per series.
 */
import type { ReportChart } from '../types';
import type { ChartJob, RankedJobsOptions } from './api';
import { leftOutSentence } from './jobMap';
import {
  ACCENT, ACCENT_DARK, axes, bandRange, bandRect, clamp, finite, fmt1, hatch, INK, LIGHT, legend, type LegendItem, linear, MARK, MARK_DARK,
  meanLine, MUTED, num, safeId, scaleTicks, scoreLabel, svgDocument, text, truncate, WIDTH, type Frame,
} from './svg';
import { pts } from '../../analysis/readingsFormat';

/** Names and values are printed beside the bars up to this many jobs. */
export const NAMES_UP_TO = 40;
/** The plot's height never exceeds this (viewBox units), whatever the number of jobs (40 named rows of 14 take 560): the chart stays under the report's 200 mm figure height at A4 width. */
export const MAX_PLOT_HEIGHT = 560;
/** Below this row height the after values become one line instead of a bar each. */
const BAR_ROWS_FROM = 3;

interface Row {
  job: ChartJob;
  value: number;
  after: number | null;
  index: number;
}

/** Rated jobs, highest first (ties by name, then input order), with each person's after value matched by name. */
export function rankRows(jobs: readonly ChartJob[], o: Pick<RankedJobsOptions, 'dimension' | 'scale' | 'after'>): { rows: Row[]; unrated: number; unmatched: number } {
  const afterByName = new Map<string, number | null>();
  for (const a of o.after ?? []) if (!afterByName.has(a.name)) afterByName.set(a.name, finite(a[o.dimension]));
  const rows: Row[] = [];
  let unmatched = 0;
  jobs.forEach((job, index) => {
    const v = finite(job[o.dimension]);
    if (v === null) return;
    const a = o.after ? afterByName.get(job.name) ?? null : null;
    if (o.after && a === null) unmatched++;
    rows.push({ job, value: clamp(v, o.scale.min, o.scale.max), after: a === null ? null : clamp(a, o.scale.min, o.scale.max), index });
  });
  rows.sort((x, y) => y.value - x.value || (x.job.name < y.job.name ? -1 : x.job.name > y.job.name ? 1 : 0) || x.index - y.index);
  return { rows, unrated: jobs.length - rows.length, unmatched };
}

export function rankedJobsChart(jobs: ChartJob[], o: RankedJobsOptions): ReportChart {
  const prefix = safeId(o.id);
  const markedLabel = o.markedLabel ?? 'Coordinator cluster';
  const { rows, unrated, unmatched } = rankRows(jobs, o);
  const n = rows.length;
  const named = n <= NAMES_UP_TO;
  const hasAfter = o.after !== undefined;
  const anyMarked = rows.some((r) => r.job.marked);

  const before = hasAfter ? `fill="${LIGHT}"` : `fill="${ACCENT}" fill-opacity="0.8"`;
  const items: LegendItem[] = [{ swatch: `<rect x="-6" y="-4" width="12" height="8" ${before}/>`, label: hasAfter ? 'Before' : 'Job' }];
  if (hasAfter) items.push({ swatch: `<rect x="-6" y="-2.5" width="12" height="5" fill="${ACCENT_DARK}"/>`, label: 'After' });
  if (anyMarked) items.push({ swatch: `<rect x="-6" y="-4" width="12" height="8" fill="url(#${prefix}-m)" stroke="${MARK_DARK}" stroke-width="0.6"/>`, label: markedLabel });
  if (o.band) items.push({ swatch: `<rect x="-6" y="-5" width="12" height="10" fill="${ACCENT}" fill-opacity="0.12" stroke="${ACCENT}" stroke-width="0.8" stroke-dasharray="3 2"/>`, label: 'Band: mean ± tolerance' });
  const lg = legend(items, 12, 12, WIDTH - 24);

  const plotHeight = named ? Math.max(n, 1) * 14 : Math.min(MAX_PLOT_HEIGHT, Math.max(160, n * 8));
  const row = plotHeight / Math.max(n, 1);
  const f: Frame = { left: named ? 150 : 56, top: 12 + lg.height + 18, width: WIDTH - (named ? 150 : 56) - (named ? 66 : 16), height: plotHeight };
  const sx = linear(o.scale.min, o.scale.max, f.left, f.left + f.width);
  const x = { min: o.scale.min, max: o.scale.max, ticks: scaleTicks(o.scale.min, o.scale.max, Math.floor(f.width / 24) + 1), label: scoreLabel(o.dimension, o.scale) };

  const parts: string[] = [lg.svg, axes(f, x, null)];
  if (!named) {
    const cy = f.top + f.height / 2;
    parts.push(text(f.left - 12, cy, `${n} jobs, highest first`, `text-anchor="middle" font-size="11" transform="rotate(-90 ${num(f.left - 12)} ${num(cy)})"`));
  }

  // Bars touch when rows are thin (a gap under a pixel would only grey the area).
  const gap = row >= 6 ? 0.2 : 0;
  const beforeBars: string[] = [];
  const markedBars: string[] = [];
  const afterBars: string[] = [];
  const afterLine: string[] = [];
  rows.forEach((r, i) => {
    const y = f.top + i * row;
    const rect = `<rect y="${num(y + row * gap / 2)}" width="${num(sx(r.value) - f.left)}" height="${num(row * (1 - gap))}"/>`;
    (r.job.marked ? markedBars : beforeBars).push(rect);
    if (r.after === null) return;
    if (row >= BAR_ROWS_FROM) afterBars.push(`<rect y="${num(y + row * 0.3)}" width="${num(sx(r.after) - f.left)}" height="${num(row * 0.4)}"/>`);
    else afterLine.push(`${num(sx(r.after))},${num(y + row / 2)}`);
  });
  // Bars start at the frame's left edge: the groups are shifted there, so no bar repeats its x.
  const at = `transform="translate(${num(f.left)} 0)"`;
  parts.push(`<g data-series="before" ${at} ${before}>${beforeBars.join('')}</g>`);
  if (markedBars.length) parts.push(`<g data-series="marked" ${at} fill="url(#${prefix}-m)" stroke="${MARK_DARK}" stroke-width="${row >= 6 ? 0.6 : 0}">${markedBars.join('')}</g>`);
  if (afterBars.length) parts.push(`<g data-series="after" ${at} fill="${ACCENT_DARK}">${afterBars.join('')}</g>`);
  if (afterLine.length) parts.push(`<polyline data-series="after" points="${afterLine.join(' ')}" fill="none" stroke="${ACCENT_DARK}" stroke-width="1.2"/>`);

  // The band over the bars (translucent), so it shows where each bar ends against it.
  const range = o.band ? bandRange(o.band, o.scale) : null;
  if (o.band && range) {
    parts.push(bandRect(sx(range[0]), f.top, sx(range[1]), f.top + f.height, o.dimension));
    const mx = sx(clamp(o.band.mean, o.scale.min, o.scale.max));
    parts.push(meanLine(mx, f.top - 4, mx, f.top + f.height, o.dimension));
    parts.push(text(mx, f.top - 7, `mean ${fmt1(o.band.mean)} ± ${pts(o.band.tolerance)}`, `text-anchor="middle" fill="${MUTED}"`));
  }

  if (named) {
    const names = rows.map((r, i) => text(f.left - 6, f.top + i * row + row / 2 + 3.5, truncate(r.job.name, 26)));
    const values = rows.map((r, i) => text(f.left + f.width + 6, f.top + i * row + row / 2 + 3.5, r.after === null ? fmt1(r.value) : `${fmt1(r.value)} → ${fmt1(r.after)}`));
    parts.push(`<g data-labels="" text-anchor="end" fill="${INK}">${names.join('')}</g><g data-values="" fill="${MUTED}">${values.join('')}</g>`);
  }

  const what = o.dimension === 'empowerment' ? 'empowering' : 'desirable';
  const height = f.top + f.height + 44;
  const caption = `Jobs from most to least ${what}, one bar per job from the bottom of the scale (${o.scale.min}) to its score${o.band ? `; the shaded band is the average ± ${pts(o.band.tolerance)} points` : ''}.`
    + (hasAfter ? ` The ${row >= BAR_ROWS_FROM ? 'dark inner bar' : 'dark line'} is the same person's score after the plan${unmatched ? ` (${unmatched} without one)` : ''}.` : '')
    + (anyMarked ? ` Hatched bars are the ${markedLabel.toLowerCase()}.` : '')
    + (!named && n > 0 ? ` With ${n} jobs, names are left out.` : '')
    + leftOutSentence(unrated);
  const desc = n ? `${n} jobs ranked by ${o.dimension}, from ${fmt1(rows[0].value)} down to ${fmt1(rows[n - 1].value)}.` : `No job is rated for ${o.dimension}.`;
  const defs = anyMarked ? hatch(`${prefix}-m`, MARK, 3.5, '#fbe3d3') : '';
  return { id: o.id, title: o.title, caption, svg: svgDocument({ title: o.title, desc, width: WIDTH, height, defs, body: parts.join('') }) };
}
