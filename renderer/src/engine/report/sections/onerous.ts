/** Onerous work: who does the low-desirability hours, by empowerment tercile, and whether advantages go together. */
import type { AuditReport } from '../../analysis/auditReport';
import { onerousChart } from '../charts';
import { esc, figure, hours, pct, table, type Section } from '../html';

const TERCILE: Record<string, string> = { bottom: 'Least empowered third', middle: 'Middle third', top: 'Most empowered third' };

export function onerousSection(audit: AuditReport): Section | null {
  const low = audit.metrics.lowDesirability;
  if (!(low.totalHours > 0)) return null;
  const parts: string[] = [];
  for (const key of ['lowDesirability', 'jointAdvantage']) {
    const r = audit.readings.find((x) => x.key === key);
    if (r) parts.push(`<p class="lead">${esc(r.text)}</p>`);
  }
  const threshold = audit.scale.min + low.threshold * (audit.scale.max - audit.scale.min);
  parts.push(`<p>Onerous (low-desirability) tasks are those rated in the bottom third of the scale for desirability (${hours(threshold)} or less on ${audit.scale.min}–${audit.scale.max}); people are split into thirds of the hours by their job's empowerment.</p>`);
  const rows = low.byEmpowermentTercile.map((t) => [esc(TERCILE[t.tercile] ?? t.tercile), hours(t.hours), hours(t.lowDesirabilityHours), pct(t.shareOfTercile), pct(t.shareOfAll)]);
  parts.push(table([{ label: 'Empowerment tercile' }, { label: 'Hours', num: true }, { label: 'Onerous hours', num: true }, { label: 'Share of its hours', num: true }, { label: 'Share of all onerous hours', num: true }], rows, {
    foot: [['All', hours(low.byEmpowermentTercile.reduce((s, t) => s + t.hours, 0)), hours(low.totalHours), '', '100%']],
  }));
  parts.push(figure(onerousChart(low.byEmpowermentTercile, { id: 'onerous', title: 'Who does the onerous work' })));
  return { id: 'onerous-work', title: 'Onerous work', html: parts.join('') };
}
