/** The key figures: a few headline cards, then every reading of the audit in the engine's own words. */
import type { AuditReport } from '../../analysis/auditReport';
import { esc, hours, count, table, type Section } from '../html';
import { toleranceText } from '../input';

/** The headline cards, by reading key: the figures that depend only on differences between jobs come first. */
const CARDS = ['empowerment.absoluteGini', 'empowerment.withinTolerance', 'coordinator', 'empowerment.mean', 'desirability.absoluteGini', 'lowDesirability'];

export function figuresSection(audit: AuditReport): Section | null {
  if (audit.readings.length === 0) return null;
  const byKey = new Map(audit.readings.map((r) => [r.key, r]));
  const cards = CARDS.flatMap((k) => {
    const r = byKey.get(k);
    return r ? [`<div class="card"><div class="figure">${esc(r.figure)}</div><div class="label">${esc(r.label)}</div></div>`] : [];
  });
  const t = audit.totals;
  const lead = `${count(t.people, 'person', 'people')}, ${hours(t.hours)} hours a week, ${count(t.tasks, 'task')}${t.unratedTasks ? ` (${t.unratedTasks} unrated)` : ''}. Scores are hours-weighted averages of task ratings on the ${audit.scale.min}–${audit.scale.max} scale; the tolerance is ${toleranceText(audit.metrics.tolerance)}.`;
  const rows = audit.readings.map((r) => [esc(r.label), esc(r.figure), esc(r.text)]);
  return {
    id: 'key-figures',
    title: 'Key figures',
    html: `<p class="lead">${esc(lead)}</p>${cards.length ? `<div class="cards">${cards.join('')}</div>` : ''}`
      + `<h3>What the figures say</h3>${table([{ label: 'Figure', width: '22%' }, { label: 'Value', num: true, width: '10%' }, { label: 'Reading' }], rows, { className: 'readings', cap: Infinity })}`,
  };
}
