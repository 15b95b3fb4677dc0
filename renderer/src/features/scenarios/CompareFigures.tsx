/**
 * The compared scenarios' figures in one table, scenario zero (the organization now) first, every
 * figure at the project's tolerance so the columns compare. Test hooks: compare-figures, compare-row
 * (data-key), and data-value (raw) on each figure cell.
 */
import { fmtCount, fmtHours, fmtPct, fmtScore } from '../../ui/figure-format';
import { fmtTolerance } from '../proposal/proposalCharts';
import type { CompareColumn } from './compareData';

interface FigureColumn {
  key: keyof CompareColumn['figures'];
  title: string;
  unit: string;
  show: (x: number) => string;
}

const FIGURES: FigureColumn[] = [
  { key: 'movedHours', title: 'Hours moved', unit: 'h a week', show: fmtHours },
  { key: 'empowermentGini', title: 'Absolute Gini of empowerment', unit: 'points', show: fmtScore },
  { key: 'withinBand', title: 'Within the band', unit: '% of hours', show: fmtPct },
  { key: 'coordinatorPeople', title: 'Coordinator cluster', unit: 'people', show: fmtCount },
  { key: 'desirabilityGini', title: 'Absolute Gini of desirability', unit: 'points', show: fmtScore },
];

export function CompareFigures({ columns, tolerance }: { columns: readonly CompareColumn[]; tolerance: number }) {
  return (
    <div className="scenario-table-wrap" role="region" aria-label="Figures of the compared scenarios" tabIndex={0}>
      <table className="scenario-table compare-figures" data-testid="compare-figures">
        <caption>
          Figures at the project’s tolerance, ±{fmtTolerance(tolerance)} points: hours moved from the organization as it is now, the spread of jobs (absolute
          Gini: half the average gap between two hours of work), the hours in jobs within the band of the mean empowerment, and the people more than twice the
          tolerance above it.
        </caption>
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">Planned for</th>
            {FIGURES.map((f) => (
              <th key={f.key} scope="col" className="num">{f.title} <span className="compare-unit">({f.unit})</span></th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.key} data-testid="compare-row" data-key={c.key}>
              <th scope="row" className="scenario-name">
                {c.title}
                {c.misfit && <span className="scenario-misfit" title={c.misfit}> (made before later changes: cannot be applied)</span>}
              </th>
              <td>{c.scenario ? `±${fmtTolerance(c.scenario.settings.tolerance)} points` : '–'}</td>
              {FIGURES.map((f) => (
                <td key={f.key} className="num" data-value={c.figures[f.key] ?? ''}>{c.figures[f.key] === null ? '–' : f.show(c.figures[f.key] as number)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
