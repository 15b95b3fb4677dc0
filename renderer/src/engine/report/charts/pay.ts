/**
 * The pay audit's scatter: hourly pay (y, from zero) against empowerment (x, the whole project scale),
 * one mark per person with both, marked people as triangles; the others are counted in the caption.
 */
import type { Scale } from '../../model/types';
import type { ReportChart } from '../types';
import {
  ACCENT, ACCENT_DARK, axes, clamp, finite, legend, type LegendItem, linear, MARK, MARK_DARK, marker, scaleTicks, scoreLabel, svgDocument, WIDTH, zeroTicks, type Frame,
} from './svg';

export function payChart(people: { name: string; empowerment: number | null; hourlyPay: number | null; marked?: boolean }[], o: { id: string; title: string; scale: Scale; markedLabel?: string }): ReportChart {
  const shown = people
    .map((p, index) => ({ p, index, e: finite(p.empowerment), pay: finite(p.hourlyPay) }))
    .filter((q): q is { p: typeof q.p; index: number; e: number; pay: number } => q.e !== null && q.pay !== null && q.pay >= 0);
  const noPay = people.filter((p) => finite(p.hourlyPay) === null || p.hourlyPay! < 0).length;
  const unrated = people.length - shown.length - noPay;
  const anyMarked = shown.some((q) => q.p.marked);

  const plain = `fill="${ACCENT}" fill-opacity="0.55" stroke="${ACCENT_DARK}" stroke-width="0.8"`;
  const marked = `fill="${MARK}" fill-opacity="0.75" stroke="${MARK_DARK}" stroke-width="1"`;
  const items: LegendItem[] = [{ swatch: marker('circle', 0, 0, 4.5, plain), label: 'Person' }];
  if (anyMarked) items.push({ swatch: marker('triangle', 0, 0, 4.5, marked), label: o.markedLabel ?? 'Coordinator cluster' });
  const lg = legend(items, 12, 12, WIDTH - 24);

  const f: Frame = { left: 64, top: 12 + lg.height + 8, width: WIDTH - 64 - 16, height: 300 };
  // 5% headroom: the best-paid mark (everyone, when all earn the same) never sits on the frame's top edge.
  const ticksY = zeroTicks(Math.max(0, ...shown.map((q) => q.pay)) * 1.05, 6);
  const yMax = ticksY[ticksY.length - 1];
  const sx = linear(o.scale.min, o.scale.max, f.left, f.left + f.width);
  const sy = linear(0, yMax, f.top + f.height, f.top);
  const parts = [lg.svg, axes(f,
    { min: o.scale.min, max: o.scale.max, ticks: scaleTicks(o.scale.min, o.scale.max, Math.floor(f.width / 24) + 1), label: scoreLabel('empowerment', o.scale) },
    { min: 0, max: yMax, ticks: ticksY, label: 'Hourly pay' })];

  const r = shown.length <= 50 ? 5 : shown.length <= 300 ? 3.5 : 2.4;
  const marks = [...shown]
    .sort((a, b) => Number(!!a.p.marked) - Number(!!b.p.marked) || a.index - b.index)
    .map((q) => marker(q.p.marked ? 'triangle' : 'circle', sx(clamp(q.e, o.scale.min, o.scale.max)), sy(q.pay), r, q.p.marked ? marked : plain));
  parts.push(`<g data-series="pay">${marks.join('')}</g>`);

  const left: string[] = [];
  if (noPay) left.push(`${noPay} ${noPay === 1 ? 'person' : 'people'} without pay in the roster`);
  if (unrated) left.push(`${unrated} with pay but no empowerment score`);
  const caption = shown.length
    ? `Each mark is a person: further right is more empowering, higher is better paid per hour, so marks climbing to the right mean the most empowered jobs are also the best paid.${left.length ? ` Left out: ${left.join(' and ')}.` : ''}`
    : `No one has both an hourly pay and an empowerment score${left.length ? ` (${left.join(' and ')})` : ''}, so there is nothing to plot.`;
  const desc = `${shown.length} people with hourly pay and empowerment.`;
  return { id: o.id, title: o.title, caption, svg: svgDocument({ title: o.title, desc, width: WIDTH, height: f.top + f.height + 44, body: parts.join('') }) };
}
