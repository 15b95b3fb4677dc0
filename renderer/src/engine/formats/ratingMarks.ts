/**
 * The colour scales and band marks of exported sheets of jobs and tasks: which columns get a scale
 * on the project's rating scale, and the band mean ± τ as the engine counts a job within it.
 */
import type { AuditReport } from '../analysis/auditReport';
import type { SheetSpec } from './sheetBuilder';

/** One colour scale per dimension over the given columns, on the project scale. */
export function ratingScales(r: { scale: AuditReport['scale'] }, e: number[], d: number[]): NonNullable<SheetSpec['scales']> {
  return [{ columns: e, kind: 'empowerment', scale: r.scale }, { columns: d, kind: 'desirability', scale: r.scale }];
}

/**
 * The band mean ± τ (points) of each dimension, as the engine counts a job within it (|E − Ē| ≤ τ,
 * with its 1e-9 slack); null for a dimension nobody is rated on.
 */
export function bandOf(r: AuditReport, dimension: 'empowerment' | 'desirability'): { low: number; high: number } | null {
  const mean = r.metrics[dimension].mean;
  if (mean === null) return null;
  const tau = r.metrics.tolerance + 1e-9;
  return { low: mean - tau, high: mean + tau };
}

/** Band arrows on the E and D columns of a sheet of jobs. */
export function bandsOf(r: AuditReport, e: number, d: number): NonNullable<SheetSpec['bands']> {
  const out: NonNullable<SheetSpec['bands']> = [];
  const be = bandOf(r, 'empowerment');
  const bd = bandOf(r, 'desirability');
  if (be) out.push({ column: e, ...be });
  if (bd) out.push({ column: d, ...bd });
  return out;
}
