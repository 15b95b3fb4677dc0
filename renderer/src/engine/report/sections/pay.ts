/** The pay audit: hourly pay ratios and whether pay rises with empowerment (a red flag in participatory economics). */
import type { AuditReport } from '../../analysis/auditReport';
import { pval } from '../../analysis/readingsFormat';
import { payChart } from '../charts';
import { esc, figure, index, table, type Section } from '../html';

const times = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}×`);

export function paySection(audit: AuditReport): Section | null {
  const p = audit.metrics.pay;
  const people = audit.people.filter((x) => x.hourlyPay !== null && Number.isFinite(x.hourlyPay));
  if (!p || people.length === 0) return null;
  const parts: string[] = [];
  const reading = audit.readings.find((r) => r.key === 'pay');
  if (reading) parts.push(`<p class="lead">${esc(reading.text)}</p>`);
  const rows = [
    ['People with pay', String(p.people)],
    ['Highest ÷ lowest hourly pay', times(p.maxMinRatio)],
    ['Highest ÷ median hourly pay', times(p.topMedianRatio)],
    ['Spearman (hourly pay, empowerment)', index(p.spearmanEmpowerment)],
    ['Spearman (hourly pay, desirability)', index(p.spearmanDesirability)],
    ['One-sided p (pay rising with empowerment)', p.pValue === null ? '—' : pval(p.pValue)],
    ['Red flag', p.redFlag ? '<span class="flag">Yes: pay rises with empowerment</span>' : 'No'],
  ];
  parts.push(table([{ label: 'Figure' }, { label: 'Value', num: true }], rows, { className: 'compact' }));
  const members = new Set(audit.metrics.coordinator.members.map((m) => m.name));
  // Pay against empowerment needs both; the ratios above need only pay.
  if (people.some((x) => x.empowerment !== null)) parts.push(figure(payChart(people.map((x) => ({ name: x.name, empowerment: x.empowerment, hourlyPay: x.hourlyPay!, marked: members.has(x.name) })), { id: 'pay', title: 'Hourly pay against empowerment', scale: audit.scale })));
  return { id: 'pay-audit', title: 'The pay audit', html: parts.join('') };
}
