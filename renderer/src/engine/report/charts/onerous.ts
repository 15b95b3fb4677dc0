/**
 * Who does the onerous work: for each empowerment third of hours (least, middle, most empowered), the
 * share of its hours on low-desirability tasks, as bars with the hours printed.
 */
import type { ReportChart } from '../types';
import type { LowDesirabilityTercile } from '../../analysis/metrics';
import { ACCENT_DARK, axes, finite, hatch, INK, MUTED, num, safeId, svgDocument, text, WIDTH, zeroTicks, type Frame } from './svg';
import { pct } from '../../analysis/readingsFormat';

const NAMES: Record<LowDesirabilityTercile['tercile'], string> = { bottom: 'Least empowered third', middle: 'Middle third', top: 'Most empowered third' };
const ORDER: LowDesirabilityTercile['tercile'][] = ['bottom', 'middle', 'top'];

/** Computed hours: one decimal. */
function hours1(h: number): string {
  return (Math.round(h * 10) / 10).toFixed(1);
}

export function onerousChart(terciles: LowDesirabilityTercile[], o: { id: string; title: string }): ReportChart {
  const prefix = safeId(o.id);
  const rows = ORDER.map((k) => terciles.find((t) => t.tercile === k)).filter((t): t is LowDesirabilityTercile => t !== undefined);
  const share = (t: LowDesirabilityTercile): number => Math.min(1, Math.max(0, finite(t.shareOfTercile) ?? 0));
  const top = Math.max(0.1, ...rows.map(share));
  const ticks = zeroTicks(Math.min(1, top), 5);
  const yMax = ticks[ticks.length - 1];
  const f: Frame = { left: 64, top: 24, width: WIDTH - 64 - 20, height: 220 };
  const sy = (v: number): number => f.top + f.height - (v / yMax) * f.height;
  const parts = [axes(f, null, { min: 0, max: yMax, ticks, label: 'Share of the third’s hours', format: (v) => pct(v) })];
  const slot = f.width / 3;
  const bw = Math.min(110, slot * 0.55);
  const bars: string[] = [];
  const labels: string[] = [];
  rows.forEach((t, i) => {
    const cx = f.left + slot * (i + 0.5);
    const y = sy(share(t));
    bars.push(`<rect x="${num(cx - bw / 2)}" y="${num(y)}" width="${num(bw)}" height="${num(f.top + f.height - y)}"/>`);
    labels.push(text(cx, y - 5, pct(share(t)), 'font-size="12" font-weight="600"'));
    labels.push(text(cx, f.top + f.height + 15, NAMES[t.tercile], `fill="${INK}"`));
    labels.push(text(cx, f.top + f.height + 29, `${hours1(finite(t.lowDesirabilityHours) ?? 0)} of ${hours1(finite(t.hours) ?? 0)} h a week`, `fill="${MUTED}"`));
  });
  parts.push(`<g data-series="onerous" fill="url(#${prefix}-h)" stroke="${ACCENT_DARK}" stroke-width="1">${bars.join('')}</g>`);
  parts.push(`<g text-anchor="middle">${labels.join('')}</g>`);

  const bottom = rows.find((t) => t.tercile === 'bottom');
  const topT = rows.find((t) => t.tercile === 'top');
  const total = rows.reduce((a, t) => a + (finite(t.lowDesirabilityHours) ?? 0), 0);
  const caption = total > 0
    ? `Each bar is the share of a third of all hours (people ranked by empowerment) spent on onerous tasks, those rated in the bottom third of the desirability scale; under it, those hours and the third's hours.`
      + (bottom && topT ? ` The least empowered third spends ${pct(share(bottom))} of its time on them, the most empowered ${pct(share(topT))}.` : '')
    : 'No hours are on tasks rated in the bottom third of the desirability scale.';
  const desc = rows.map((t) => `${NAMES[t.tercile]}: ${pct(share(t))}`).join('; ');
  return {
    id: o.id, title: o.title, caption,
    svg: svgDocument({ title: o.title, desc, width: WIDTH, height: f.top + f.height + 40, defs: hatch(`${prefix}-h`, ACCENT_DARK, 4, '#dbe6f3'), body: parts.join('') }),
  };
}
