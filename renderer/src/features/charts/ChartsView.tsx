// The Charts view: job map, ranked jobs, Lorenz curve, Theil split, low-desirability work and pay
// against empowerment, each in a card with a caption, a data table and PNG/SVG export. Large
// organizations get aggregated views (bins, percentiles) so drawing stays quick.
import './charts.css';
import { useWorkspace } from '../../state/workspace';
import { useChartTheme } from './chartTheme';
import { JobMapChart } from './JobMapChart';
import { RankedJobsChart } from './RankedJobsChart';
import { LorenzChart } from './LorenzChart';
import { TheilChart } from './TheilChart';
import { LowDesirabilityChart } from './LowDesirabilityChart';
import { PayChart } from './PayChart';
import { CategoryMixChart } from '../categories/CategoryMixChart';
import { fmtInt } from './chartData';
import { fmtHours } from '../../ui/figure-format';

export function ChartsView() {
  const report = useWorkspace((s) => s.report);
  const name = useWorkspace((s) => s.project?.name ?? null);
  const stale = useWorkspace((s) => s.reportRevision !== s.revision);
  const theme = useChartTheme();
  if (!report) {
    return (
      <section aria-label="Charts" className="charts-view">
        <h2>Charts</h2>
        <p className="muted">{name ? 'Computing the audit…' : 'Open or import an organization to see its charts.'}</p>
      </section>
    );
  }
  const stem = name ?? report.file.replace(/\.[^.]+$/, '');
  const unrated = report.people.filter((p) => p.empowerment === null).length;
  return (
    <section aria-label="Charts" className="charts-view" aria-busy={stale}>
      <div className="charts-head">
        <h2>Charts</h2>
        <p className="muted">
          {fmtInt(report.people.length)} people · {fmtHours(report.totals.hours)} hours a week · ratings on a {report.scale.min}–{report.scale.max} scale
          {unrated > 0 ? ` · ${fmtInt(unrated)} without rated hours are left out` : ''}
        </p>
      </div>
      <div className="charts-grid">
        <JobMapChart report={report} theme={theme} exportStem={stem} />
        <RankedJobsChart report={report} theme={theme} exportStem={stem} />
        <LorenzChart report={report} theme={theme} exportStem={stem} />
        <TheilChart report={report} theme={theme} exportStem={stem} />
        <LowDesirabilityChart report={report} theme={theme} exportStem={stem} />
        <PayChart report={report} theme={theme} exportStem={stem} />
        <CategoryMixChart theme={theme} exportStem={stem} />
      </div>
    </section>
  );
}
