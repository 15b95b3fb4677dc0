/**
 * The Overview's figure cards: which readings lead (those that depend only on differences between
 * jobs), their titles, notes and bars, and the zero that every relative figure is measured from.
 */
import type { AuditReport } from '../../engine/analysis/auditReport';
import type { Reading } from '../../engine/analysis/readings';
import { FigureCard, type FigureCardProps } from '../../ui/figure-FigureCard';
import { formatNumber } from '../../ui/table-NumberInput';
import { fmtPct, fmtScore, fmtSigned } from '../../ui/figure-format';
import { fromBottom, fromBottomHint, isRelativeFigure } from './scaleZero';

type CardExtras = Omit<FigureCardProps, 'reading' | 'compact' | 'children'>;

/** The headline: figures in points of the scale, which do not move when every rating is shifted. */
export const HEADLINE_FIGURES = ['empowerment.absoluteGini', 'empowerment.withinTolerance', 'empowerment.top20Gap', 'coordinator'];
/** Who carries what: onerous work, joint advantage, pay. */
export const BURDEN_FIGURES = ['lowDesirability', 'jointAdvantage', 'pay'];
/** Relative figures, in the order shown, after the figures in points (their section title states their zero). */
export const RELATIVE_CARDS = ['empowerment.gini', 'empowerment.top20Share', 'empowerment.hoover', 'empowerment.topDecileShare', 'empowerment.palma', 'empowerment.theilDepartment'];

/** Points carry the precision of the ratings behind them: one decimal, signed where it is a distance from the mean. */
function shown(r: Reading): Reading {
  if (r.value === null) return r;
  if (r.key.endsWith('.absoluteGini')) return { ...r, figure: fmtScore(r.value) };
  if (r.key.endsWith('.top20Gap')) return { ...r, figure: fmtSigned(r.value) };
  return r;
}

/** Title, note and bar of a full card; null for a compact one. */
function extras(key: string, report: AuditReport): CardExtras | null {
  const m = report.metrics;
  const { scale } = report;
  const tau = formatNumber(m.tolerance);
  switch (key) {
    case 'empowerment.absoluteGini':
      return { title: 'Absolute Gini', note: `points of the ${scale.min}–${scale.max} scale; 0 = every job alike` };
    case 'empowerment.withinTolerance':
      return { title: 'Within tolerance', note: `share of hours within ±${tau} points of the mean`, meter: { value: m.empowerment.withinTolerance, mark: { at: 1, label: 'goal' } } };
    case 'empowerment.top20Gap':
      return { title: 'Top fifth above the mean', note: 'points: the most empowered fifth of hours against the mean' };
    case 'coordinator': {
      const c = m.coordinator;
      const b = c.largestBreak;
      const shape = c.kind === 'clear' && b ? `a clear break below the top ${b.above}` : 'a gradual slope, no clear break';
      return {
        title: 'Coordinator cluster',
        note: c.members.length ? `${fmtSigned(c.gap)} points above the mean on average; ${shape}` : `no job is ${formatNumber(c.threshold)}+ points above the mean`,
      };
    }
    case 'empowerment.gini':
      return { title: 'Gini of empowerment', meter: { value: m.empowerment.gini } };
    case 'empowerment.top20Share':
      return { title: 'Top 20% share', meter: { value: m.empowerment.top20Share, mark: { at: 0.2, label: 'even share 20%' } } };
    case 'empowerment.hoover':
      return { title: 'Work that would have to move', note: 'Hoover index of empowering work', meter: { value: m.empowerment.hoover } };
    case 'empowerment.topDecileShare':
      return { title: 'Top 10% share', meter: { value: m.empowerment.topDecileShare, mark: { at: 0.1, label: 'even share 10%' } } };
    case 'empowerment.palma': {
      const d = m.empowerment;
      const top = d.palmaKind === 'palma' ? 10 : 20;
      // Every hour equally empowering: each group's share of the work is its share of hours.
      return { title: d.palmaKind === 'palma' ? 'Palma ratio' : 'Palma-style ratio', note: `top ${top}% ÷ bottom 40% of hours; even share ${(top / 40).toFixed(2)} (every hour equally empowering)` };
    }
    case 'lowDesirability': {
      const bottom = m.lowDesirability.byEmpowermentTercile.find((t) => t.tercile === 'bottom');
      return { title: 'Onerous work', note: 'low-desirability hours on the least-empowered third', meter: bottom ? { value: bottom.shareOfAll, mark: { at: 1 / 3, label: 'even share 33%' } } : undefined };
    }
    case 'jointAdvantage':
      return { title: 'Joint advantage', note: 'people high on both empowerment and desirability: Spearman rank correlation of E and D (1 = same order, 0 = no link, −1 = opposite)' };
    case 'pay': {
      const p = m.pay;
      const test = p?.pValue !== null && p?.pValue !== undefined ? ` (p ${p.pValue < 0.001 ? '< 0.001' : `= ${p.pValue.toFixed(3)}`})` : '';
      return {
        title: 'Pay audit',
        note: p?.spearmanEmpowerment !== null ? `does pay rise with empowerment? Spearman rank correlation of hourly pay and E (1 = same order, 0 = no link)${test}` : 'best-paid hour ÷ lowest-paid hour',
        flag: p?.redFlag ? 'Red flag' : undefined,
      };
    }
    default:
      return null;
  }
}

/** A compact card's note: relative figures say where they measure from. */
function compactNote(key: string, report: AuditReport): string | undefined {
  return isRelativeFigure(key) ? fromBottom(report.scale) : undefined;
}

export function CardGrid({ readings, report, compact, label }: { readings: Reading[]; report: AuditReport; compact?: boolean; label: string }) {
  return (
    <div className={`overview-grid${compact ? ' compact' : ''}`} role="list" aria-label={label}>
      {readings.map((r) => (
        <div
          role="listitem"
          key={r.key}
          className="overview-grid-item"
          title={isRelativeFigure(r.key) ? fromBottomHint(report.scale, r.key.startsWith('desirability.') ? 'desirability' : 'empowerment') : undefined}
        >
          <FigureCard reading={shown(r)} compact={compact} {...(compact ? { note: compactNote(r.key, report) } : extras(r.key, report) ?? {})} />
        </div>
      ))}
    </div>
  );
}
