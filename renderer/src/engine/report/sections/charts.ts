/** The audit's charts: the job map, jobs ranked by E and by D, the Lorenz curve and the Theil split. */
import type { AuditReport } from '../../analysis/auditReport';
import { jobMapChart, lorenzChart, rankedJobsChart, theilChart } from '../charts';
import type { Band, ChartJob } from '../charts/api';
import { figure, type Section } from '../html';

/** Each person's job as the charts draw it, the coordinator cluster's members marked. */
export function auditJobs(audit: AuditReport): ChartJob[] {
  const members = new Set(audit.metrics.coordinator.members.map((m) => m.name));
  return audit.people.map((p) => ({ name: p.name, hours: p.hours, empowerment: p.empowerment, desirability: p.desirability, marked: members.has(p.name) }));
}

/** The band mean ± τ of a dimension, null when nothing is rated in it. */
export function auditBand(audit: AuditReport, dimension: 'empowerment' | 'desirability'): Band | null {
  const mean = audit.metrics[dimension].mean;
  return mean === null ? null : { mean, tolerance: audit.metrics.tolerance };
}

/** The Theil index split between and within departments and roles, for the splits with two groups or more. */
export function theilRows(audit: AuditReport): { label: string; between: number; within: number }[] {
  const rows: { label: string; between: number; within: number }[] = [];
  for (const dim of ['empowerment', 'desirability'] as const) {
    for (const by of ['department', 'role'] as const) {
      const t = audit.metrics[dim].theil[by];
      if (t.groups >= 2 && t.total > 0) rows.push({ label: `${dim === 'empowerment' ? 'Empowerment' : 'Desirability'} by ${by}`, between: t.between, within: t.within });
    }
  }
  return rows;
}

export function chartsSection(audit: AuditReport): Section | null {
  const m = audit.metrics;
  if (m.empowerment.people === 0 && m.desirability.people === 0) return null;
  const jobs = auditJobs(audit);
  const e = auditBand(audit, 'empowerment');
  const d = auditBand(audit, 'desirability');
  const charts: string[] = [figure(jobMapChart(jobs, { id: 'job-map', title: 'The job map: every job by empowerment and desirability', scale: audit.scale, empowerment: e, desirability: d }))];
  if (m.empowerment.people > 0) charts.push(figure(rankedJobsChart(jobs, { id: 'ranked-empowerment', title: 'Jobs ranked by empowerment', scale: audit.scale, dimension: 'empowerment', band: e })));
  if (m.desirability.people > 0) charts.push(figure(rankedJobsChart(jobs, { id: 'ranked-desirability', title: 'Jobs ranked by desirability', scale: audit.scale, dimension: 'desirability', band: d })));
  if (m.empowerment.people > 0) charts.push(figure(lorenzChart(m.empowerment.lorenz, { id: 'lorenz', title: 'Who holds the empowering work: the Lorenz curve', dimension: 'empowerment' })));
  const theil = theilRows(audit);
  if (theil.length) charts.push(figure(theilChart(theil, { id: 'theil', title: 'Inequality between and within groups (Theil index)' })));
  return { id: 'charts', title: 'Jobs and concentration', html: charts.join('') };
}
