/**
 * What the job map and the before/after map share: the layout over the whole project scale (both axes),
 * the shaded bands and mean lines, marker size from hours, the marker styles of groups and marked jobs
 * (fill pattern for a group, a triangle for a marked job, so they read in greyscale) and their legend.
 */
import type { Scale } from '../../model/types';
import type { Band, ChartJob, JobMapOptions } from './api';
import {
  ACCENT, ACCENT_DARK, axes, bandRange, bandRect, clamp, finite, fmt1, hatch, INK, legend, type LegendItem, linear, MARK, MARK_DARK, marker,
  meanLine, MUTED, num, safeId, scaleTicks, scoreLabel, text, WIDTH, type Frame, type Shape,
} from './svg';
import { pts } from '../../analysis/readingsFormat';

/** A job with both scores (points, clamped to the scale) and its hours. */
export interface MapJob {
  job: ChartJob;
  e: number;
  d: number;
  hours: number;
  index: number;
}

/** Jobs with both scores finite, and how many were left out for lack of one. */
export function mapJobs(jobs: readonly ChartJob[], scale: Scale): { rated: MapJob[]; unrated: number } {
  const rated: MapJob[] = [];
  jobs.forEach((job, index) => {
    const e = finite(job.empowerment);
    const d = finite(job.desirability);
    if (e === null || d === null) return;
    const h = finite(job.hours);
    rated.push({ job, e: clamp(e, scale.min, scale.max), d: clamp(d, scale.min, scale.max), hours: h !== null && h > 0 ? h : 0, index });
  });
  return { rated, unrated: jobs.length - rated.length };
}

export interface MapLayout {
  width: number;
  height: number;
  frame: Frame;
  sx: (v: number) => number;
  sy: (v: number) => number;
  compact: boolean;
}

/** The plot under a legend of `legendHeight`; compact maps are half as wide so their text prints the same size at half the width. */
export function mapLayout(scale: Scale, compact: boolean, legendHeight: number): MapLayout {
  const width = compact ? WIDTH / 2 : WIDTH;
  const plot = compact ? 230 : 430;
  const frame: Frame = { left: 56, top: 12 + legendHeight, width: width - 56 - 14, height: plot };
  return {
    width, height: frame.top + plot + 44, frame, compact,
    sx: linear(scale.min, scale.max, frame.left, frame.left + frame.width),
    sy: linear(scale.min, scale.max, frame.top + frame.height, frame.top),
  };
}

/** Axes over the whole scale, the band(s) mean ± τ and the mean lines with their values. */
export function mapBackground(l: MapLayout, scale: Scale, eBand: Band | null, dBand: Band | null): string {
  const f = l.frame;
  const maxTicks = Math.floor(f.width / (l.compact ? 26 : 24)) + 1;
  const x = { min: scale.min, max: scale.max, ticks: scaleTicks(scale.min, scale.max, maxTicks), label: scoreLabel('empowerment', scale) };
  const y = { min: scale.min, max: scale.max, ticks: scaleTicks(scale.min, scale.max, Math.floor(f.height / 18) + 1), label: scoreLabel('desirability', scale) };
  const out = [axes(f, x, y)];
  const bottom = f.top + f.height;
  const right = f.left + f.width;
  const eR = eBand ? bandRange(eBand, scale) : null;
  const dR = dBand ? bandRange(dBand, scale) : null;
  if (eR) out.push(bandRect(l.sx(eR[0]), f.top, l.sx(eR[1]), bottom, 'empowerment'));
  if (dR) out.push(bandRect(f.left, l.sy(dR[0]), right, l.sy(dR[1]), 'desirability'));
  if (eBand && eR) {
    const x0 = l.sx(clamp(eBand.mean, scale.min, scale.max));
    out.push(meanLine(x0, f.top, x0, bottom, 'empowerment'));
    if (!l.compact) out.push(text(x0 + 4, f.top + 11, `mean ${fmt1(eBand.mean)} ± ${pts(eBand.tolerance)}`, `fill="${MUTED}"`));
  }
  if (dBand && dR) {
    const y0 = l.sy(clamp(dBand.mean, scale.min, scale.max));
    out.push(meanLine(f.left, y0, right, y0, 'desirability'));
    if (!l.compact) out.push(text(right - 4, y0 - 4, `mean ${fmt1(dBand.mean)} ± ${pts(dBand.tolerance)}`, `fill="${MUTED}" text-anchor="end"`));
  }
  return out.join('');
}

/** Marker radius: area proportional to hours, the longest week at rMax, never smaller than a visible dot. */
export function radiusFor(hours: number, maxHours: number, n: number, compact: boolean): number {
  const rMax = compact ? 4.5 : n <= 50 ? 9 : n <= 200 ? 6.5 : n <= 600 ? 4.5 : 3.2;
  const rMin = compact ? 1.2 : 1.6;
  return maxHours > 0 ? Math.max(rMin, rMax * Math.sqrt(hours / maxHours)) : rMin;
}

const GROUP_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#e69f00', '#cc79a7', '#56b4e9', '#1d1d1b'];
type FillKind = 'solid' | 'hollow' | 'hatched' | 'pale';
const FILLS: FillKind[] = ['solid', 'hollow', 'hatched', 'pale'];

export interface MarkerStyles {
  defs: string;
  /** Shape and SVG attributes (fill, stroke) of a job's marker; `key` names the style, for grouping marks. */
  of: (job: ChartJob) => { shape: Shape; attrs: string; key: string };
  legend: LegendItem[];
}

/** Distinct fills per group (first-seen order) and a triangle for marked jobs; without groups, blue circles and vermillion triangles. */
export function markerStyles(jobs: readonly ChartJob[], chartId: string, markedLabel: string, compact = false): MarkerStyles {
  const prefix = safeId(chartId);
  const groups: string[] = [];
  for (const j of jobs) if (j.group !== undefined && !groups.includes(j.group)) groups.push(j.group);
  const anyMarked = jobs.some((j) => j.marked);
  const defs: string[] = [];
  // Attributes without stroke-width, which the plain and the marked variants each add once.
  const groupBase = groups.map((g, i) => {
    const colour = GROUP_COLOURS[i % GROUP_COLOURS.length];
    const kind = FILLS[i % FILLS.length];
    if (kind === 'hatched') defs.push(hatch(`${prefix}-g${i}`, colour, 3.5, '#ffffff'));
    return kind === 'solid' ? { attrs: `fill="${colour}" fill-opacity="0.65" stroke="${colour}"`, width: 1 }
      : kind === 'hollow' ? { attrs: `fill="#ffffff" fill-opacity="0.6" stroke="${colour}"`, width: 1.6 }
      : kind === 'hatched' ? { attrs: `fill="url(#${prefix}-g${i})" stroke="${colour}"`, width: 1 }
      : { attrs: `fill="${colour}" fill-opacity="0.25" stroke="${colour}" stroke-dasharray="2 1.5"`, width: 1 };
  });
  const groupAttrs = groupBase.map((g) => `${g.attrs} stroke-width="${g.width}"`);
  const plain = `fill="${ACCENT}" fill-opacity="0.5" stroke="${ACCENT_DARK}" stroke-width="0.8"`;
  const marked = `fill="${MARK}" fill-opacity="0.75" stroke="${MARK_DARK}" stroke-width="1"`;
  const of = (job: ChartJob): { shape: Shape; attrs: string; key: string } => {
    const gi = job.group === undefined ? -1 : groups.indexOf(job.group);
    const shape: Shape = job.marked ? 'triangle' : 'circle';
    const key = `${gi}${job.marked ? 'm' : ''}`;
    if (gi < 0) return { shape, key, attrs: job.marked ? marked : plain };
    return { shape, key, attrs: job.marked ? `${groupBase[gi].attrs} stroke-width="${groupBase[gi].width + 0.6}"` : groupAttrs[gi] };
  };
  const items: LegendItem[] = groups.length
    ? groups.map((g, i) => ({ swatch: marker('circle', 0, 0, 5, groupAttrs[i]), label: g }))
    : [{ swatch: marker('circle', 0, 0, 5, plain), label: compact ? 'Job' : 'Job (size: weekly hours)' }];
  if (anyMarked) items.push({ swatch: marker('triangle', 0, 0, 5, groups.length ? `fill="#ffffff" stroke="${INK}" stroke-width="1.4"` : marked), label: markedLabel });
  return { defs: defs.join(''), of, legend: items };
}

/**
 * Marks in the given order, bucketed by style (first-seen order, so marked jobs drawn last stay on top)
 * with the style on each bucket's <g>: one element per job, and no attributes repeated 2,000 times.
 */
export function drawMarks(marks: readonly { job: ChartJob; cx: number; cy: number; r: number }[], styles: MarkerStyles): string {
  const buckets = new Map<string, { attrs: string; items: string[] }>();
  for (const m of marks) {
    const s = styles.of(m.job);
    let b = buckets.get(s.key);
    if (!b) buckets.set(s.key, (b = { attrs: s.attrs, items: [] }));
    b.items.push(marker(s.shape, m.cx, m.cy, m.r, ''));
  }
  return [...buckets.values()].map((b) => `<g ${b.attrs}>${b.items.join('')}</g>`).join('');
}

/** The legend above the map, with the band's entry when there is one; returns its SVG at the top and its height. */
export function mapLegend(styles: MarkerStyles, o: Pick<JobMapOptions, 'empowerment' | 'desirability' | 'compact'>, extra: LegendItem[] = []): { svg: string; height: number } {
  const items = [...styles.legend, ...extra];
  if (o.empowerment || o.desirability) {
    items.push({ swatch: `<rect x="-6" y="-5" width="12" height="10" fill="${ACCENT}" fill-opacity="0.12" stroke="${ACCENT}" stroke-width="0.8" stroke-dasharray="3 2"/>`, label: o.compact ? 'Band' : 'Band: mean ± tolerance' });
  }
  const width = o.compact ? WIDTH / 2 : WIDTH;
  const lg = legend(items, 12, 12, width - 24);
  return { svg: lg.svg, height: lg.height + 6 };
}

type Box = [number, number, number, number];
export interface LabelSpot {
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  /** A leader line from the mark's edge to the label, when the label had to stand off. */
  leader: [number, number, number, number] | null;
}

/**
 * Label positions that overlap neither each other, nor the marks, nor the frame's edge: beside the mark
 * in eight directions, then further off with a leader line; null when nothing fits.
 */
export class LabelPlacer {
  private boxes: Box[] = [];
  constructor(private readonly f: Frame) {}

  /** A mark labels must keep clear of (its inner part: a circle's corners are empty). */
  avoid(cx: number, cy: number, r: number): void {
    const k = r * 0.8;
    this.boxes.push([cx - k, cy - k, cx + k, cy + k]);
  }

  place(cx: number, cy: number, r: number, width: number, height = 10): LabelSpot | null {
    for (const [ring, d] of [[0, r + 3], [1, r + 16]] as const) {
      const diag = d * Math.SQRT1_2;
      const spots: [number, number, 'start' | 'end' | 'middle'][] = [
        [cx + d, cy, 'start'], [cx - d, cy, 'end'], [cx, cy - d, 'middle'], [cx, cy + d, 'middle'],
        [cx + diag, cy - diag, 'start'], [cx + diag, cy + diag, 'start'], [cx - diag, cy - diag, 'end'], [cx - diag, cy + diag, 'end'],
      ];
      for (const [x, y, anchor] of spots) {
        // The box around the text; "above" and "below" spots put the text's near edge at the spot.
        const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
        const y0 = y === cy ? cy - height / 2 : y < cy ? y - height : y;
        const box: Box = [x0 - 1, y0, x0 + width + 1, y0 + height];
        const f = this.f;
        if (box[0] < f.left || box[2] > f.left + f.width || box[1] < f.top || box[3] > f.top + f.height) continue;
        if (this.boxes.some(([a, b, c, e]) => box[0] < c && box[2] > a && box[1] < e && box[3] > b)) continue;
        this.boxes.push(box);
        const baseline = y0 + height - 1.5;
        const len = Math.hypot(x - cx, y - cy);
        const leader: LabelSpot['leader'] = ring === 1 ? [cx + ((x - cx) / len) * (r + 1), cy + ((y - cy) / len) * (r + 1), x - ((x - cx) / len) * 2, y - ((y - cy) / len) * 2] : null;
        return { x, y: baseline, anchor, leader };
      }
    }
    return null;
  }
}

/** A placed label: its text (halo from the group) and its leader line. */
export function labelSvg(at: LabelSpot, label: string): string {
  const t = text(at.x, at.y, label, at.anchor === 'start' ? '' : `text-anchor="${at.anchor}"`);
  if (!at.leader) return t;
  const [a, b, c, d] = at.leader;
  return `<path d="M${num(a)} ${num(b)}L${num(c)} ${num(d)}" stroke="${MUTED}" stroke-width="0.6"/>${t}`;
}

/** The group attributes of labels: muted text with a white halo so they read over marks and grid. */
export const LABEL_GROUP = `fill="${MUTED}" stroke="#ffffff" stroke-width="2.5" stroke-linejoin="round" paint-order="stroke"`;

/** Names for one label of jobs at the same place: "Ana", "Ana, Ben", "Ana and 3 more". */
export function namesLabel(names: string[]): string {
  if (names.length <= 2) return names.join(', ');
  return `${names[0]} and ${names.length - 1} more`;
}

/** Jobs at the same place to the precision shown (one decimal), in input order, keyed by that place. */
export function coincident(jobs: readonly MapJob[]): Map<string, MapJob[]> {
  const out = new Map<string, MapJob[]>();
  for (const j of jobs) {
    const k = `${fmt1(j.e)},${fmt1(j.d)}`;
    const list = out.get(k);
    if (list) list.push(j);
    else out.set(k, [j]);
  }
  return out;
}
