// Job map: every job by empowerment (x) and desirability (y), dot area = hours, colour and shape =
// department, the tolerance box around the two means. Jobs with the same scores (to the one decimal
// shown) are one mark with a count, named in its tooltip and in the note under the chart. Above
// AGGREGATE_ABOVE people the dots become a heat map of 2-D bins (people and hours per cell).
import { memo, useMemo } from 'react';
import { CartesianGrid, ReferenceArea, ReferenceLine, ResponsiveContainer, ScatterChart, XAxis, YAxis } from 'recharts';
import type { AuditPerson, AuditReport } from '../../engine/analysis/auditReport';
import { ChartCard, TooltipBox } from './ChartCard';
import { outline, type ChartTheme } from './chartTheme';
import { fmtNum, AGGREGATE_ABOVE, binGrid, coincidentGroups, departmentKeys, fmt1, fmtHoursUnit, fmtInt, fmtPct, GRID, nameList, niceTicks, summarizeDepartments, TABLE_ROWS, type Bin, type PointGroup } from './chartData';
import { axisStyle, CHART_HEIGHT, MARGIN, scaleLabel, xLabel, yLabel } from './common';
import { fmtHours } from '../../ui/figure-format';
import type { LegendEntry } from './exportChart';
import { density, PointCloudFrame, type CloudPoint } from './PointCloud';
import { binnedNote, ScatterMarks, scatterLegend } from './ScatterMarks';

const MIN_AREA = 14;
const MAX_AREA = 170;
/** People named one by one in a shared mark's tooltip before "and N more". */
const TIP_NAMES = 8;

/** The tooltip of a mark: one person, or everyone sharing its scores with their role and hours. */
function markTip(g: PointGroup<AuditPerson>): CloudPoint['tip'] {
  const [p] = g.members;
  const scores = [`Empowerment ${fmt1(p.empowerment!)}`, `Desirability ${fmt1(p.desirability!)}`];
  if (g.members.length === 1) return { title: p.name, lines: [[p.role, p.department].filter(Boolean).join(' · '), ...scores, `${fmtHoursUnit(p.hours)} a week`] };
  const shown = g.members.slice(0, TIP_NAMES).map((m) => `${m.name} — ${[m.role, fmtHoursUnit(m.hours)].filter(Boolean).join(', ')}`);
  const more = g.members.length > TIP_NAMES ? [`and ${fmtInt(g.members.length - TIP_NAMES)} more (Data lists everyone)`] : [];
  return { title: `${fmtInt(g.members.length)} people with the same scores`, lines: [scores.join(' · '), ...shown, ...more] };
}

/** The note under the chart naming who shares a mark, so the groups are readable without a pointer. */
function sharedNote(groups: readonly PointGroup<AuditPerson>[]): string | undefined {
  const shared = groups.filter((g) => g.members.length > 1).sort((a, b) => b.members.length - a.members.length);
  if (!shared.length) return undefined;
  const each = shared.map((g) => `${nameList(g.members.map((m) => m.name))} (empowerment ${fmt1(g.members[0].empowerment!)}, desirability ${fmt1(g.members[0].desirability!)})`);
  const marks = shared.length === 1 ? 'One mark stands' : `${fmtInt(shared.length)} marks stand`;
  return `${marks} for several people with the same scores (the number on a mark is how many): ${each.join('; ')}.`;
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
}

function BinTip({ active, payload }: TooltipProps) {
  const b = active ? (payload?.[0]?.payload as Bin | undefined) : undefined;
  if (!b) return null;
  return <TooltipBox title={`${fmtInt(b.count)} ${b.count === 1 ? 'person' : 'people'}`} lines={[`Empowerment ${fmt1(b.x0)}–${fmt1(b.x1)}`, `Desirability ${fmt1(b.y0)}–${fmt1(b.y1)}`, `${fmtHoursUnit(b.hours)} a week in all`]} />;
}

export interface JobMapProps {
  report: AuditReport;
  theme: ChartTheme;
  exportStem: string;
}

function JobMapChartImpl({ report, theme, exportStem }: JobMapProps) {
  const { scale } = report;
  const tol = report.metrics.tolerance;
  const meanE = report.metrics.empowerment.mean;
  const meanD = report.metrics.desirability.mean;
  const data = useMemo(() => {
    const people = report.people.filter((p) => p.empowerment !== null && p.desirability !== null && p.hours > 0);
    const aggregate = people.length > AGGREGATE_ABOVE;
    const depts = departmentKeys({ people }, theme);
    const maxHours = people.reduce((a, p) => Math.max(a, p.hours), 0);
    let grid = null;
    let points: CloudPoint[] = [];
    let groups: PointGroup<AuditPerson>[] = [];
    if (aggregate) {
      grid = binGrid(people.map((p) => ({ x: p.empowerment!, y: p.desirability!, w: p.hours })), [scale.min, scale.max], [scale.min, scale.max], GRID, GRID);
    } else {
      // Area proportional to hours: the longest week gets MAX_AREA (less in a crowd). A shared mark takes
      // its longest week, its department's colour and shape, or the "other" grey circle when they differ.
      const { area: scaleArea } = density(people.length);
      groups = coincidentGroups(people, (p) => p.empowerment!, (p) => p.desirability!);
      points = groups.map((g) => {
        const keys = new Set(g.members.map((m) => depts.of(m)));
        const k = keys.size === 1 ? depts.of(g.members[0]) : null;
        const colour = k ? k.colour : theme.other;
        const hours = g.members.reduce((a, m) => Math.max(a, m.hours), 0);
        return {
          x: g.x, y: g.y, area: scaleArea * (MIN_AREA + (MAX_AREA - MIN_AREA) * (maxHours > 0 ? hours / maxHours : 1)),
          shape: k ? k.shape : 'circle', fill: colour, stroke: outline(colour, theme.dark), count: g.members.length, tip: markTip(g),
        };
      });
    }
    let inBox = 0;
    let inBoxHours = 0;
    const H = people.reduce((a, p) => a + p.hours, 0);
    if (meanE !== null && meanD !== null) {
      for (const p of people) {
        if (Math.abs(p.empowerment! - meanE) <= tol + 1e-9 && Math.abs(p.desirability! - meanD) <= tol + 1e-9) {
          inBox++;
          inBoxHours += p.hours;
        }
      }
    }
    return { people, aggregate, depts, points, grid, inBox, inBoxShare: H > 0 ? inBoxHours / H : 0, shared: sharedNote(groups), sharedMarks: groups.filter((g) => g.members.length > 1).length };
  }, [report, theme, scale.min, scale.max, meanE, meanD, tol]);

  const ticks = niceTicks(scale.min, scale.max);
  const ax = axisStyle(theme);
  const n = data.people.length;
  const box = meanE !== null && meanD !== null;
  const caption = `Each ${data.aggregate ? 'square counts the jobs' : `mark is a job${data.sharedMarks ? ' (a number on a mark: that many jobs with the same scores)' : ''}`}: further right is more empowering, higher is more desirable. Balanced jobs sit in the box around the averages${box ? ` — ${fmtInt(data.inBox)} of ${fmtInt(n)} do` : ''}.`;
  const summary =
    `Job map of ${fmtInt(n)} people${data.aggregate ? `, grouped into a ${GRID} by ${GRID} grid` : ''}: empowerment across, desirability up.` +
    (box ? ` Averages: empowerment ${fmt1(meanE)}, desirability ${fmt1(meanD)}. ${fmtInt(data.inBox)} people (${fmtPct(data.inBoxShare)} of hours) are within ±${fmtNum(tol)} of both.` : '') +
    (data.sharedMarks ? ` ${fmtInt(data.sharedMarks)} ${data.sharedMarks === 1 ? 'mark stands' : 'marks stand'} for several people with the same scores (named under the chart).` : '');

  const legend: LegendEntry[] = scatterLegend(data.grid, data.depts.keys, theme);
  if (box) legend.push({ label: `Tolerance box (±${fmtNum(tol)} around both averages)`, colour: data.aggregate ? 'none' : theme.band, symbol: 'band', stroke: data.aggregate ? theme.text : theme.accent });
  if (!data.aggregate) legend.push({ label: 'Size = hours a week', colour: theme.muted, symbol: 'circle', stroke: theme.muted });

  const table = n <= TABLE_ROWS ? (
    <table>
      <caption>Empowerment and desirability of each job ({scale.min}–{scale.max})</caption>
      <thead><tr><th>Name</th><th>Role</th><th>Department</th><th className="num">Empowerment</th><th className="num">Desirability</th><th className="num">Hours a week</th></tr></thead>
      <tbody>
        {data.people.map((p, i) => (
          <tr key={i}><td>{p.name}</td><td>{p.role}</td><td>{p.department}</td><td className="num">{fmt1(p.empowerment!)}</td><td className="num">{fmt1(p.desirability!)}</td><td className="num">{fmtHours(p.hours)}</td></tr>
        ))}
      </tbody>
    </table>
  ) : (
    <DepartmentTable people={data.people} caption={`Averages by department (${fmtInt(n)} people; too many to list one by one)`} />
  );

  return (
    <ChartCard id="job-map" title="Job map" caption={caption} summary={summary} theme={theme} legend={legend} table={table} exportStem={`${exportStem} – job map`} mode={data.aggregate ? 'binned' : 'points'}
      note={binnedNote(data.grid, n, theme) ?? data.shared}
      empty={n === 0 ? 'No one has rated hours yet: rate some tasks to see the job map.' : undefined}>
      <PointCloudFrame points={data.points} ring={theme.text}>
        {(positions) => (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40} initialDimension={{ width: 800, height: CHART_HEIGHT + 40 }}>
            <ScatterChart margin={{ ...MARGIN, left: 16 }} accessibilityLayer={false}>
              <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
              <XAxis type="number" dataKey="x" domain={[scale.min, scale.max]} ticks={ticks} allowDataOverflow {...ax} label={xLabel(theme, `${scaleLabel('Empowerment', scale)} →`)} name="Empowerment" />
              <YAxis type="number" dataKey="y" domain={[scale.min, scale.max]} ticks={ticks} allowDataOverflow {...ax} label={yLabel(theme, `${scaleLabel('Desirability', scale)} →`)} name="Desirability" width={56} />
              {/* Over a heat map the box and the average lines go on top (outline only); under dots, below them. */}
              {box && (
                <ReferenceArea x1={meanE - tol} x2={meanE + tol} y1={meanD - tol} y2={meanD + tol} ifOverflow="hidden" strokeDasharray="4 3"
                  {...(data.aggregate ? { fill: 'none', stroke: theme.text, strokeWidth: 1.5, zIndex: 700 } : { fill: theme.band, fillOpacity: 1, stroke: theme.accent })} />
              )}
              {box && <ReferenceLine x={meanE} stroke={data.aggregate ? theme.text : theme.muted} strokeDasharray="2 4" zIndex={data.aggregate ? 700 : undefined} label={{ value: 'average', position: 'top', fill: theme.muted, fontSize: 11 }} />}
              {box && <ReferenceLine y={meanD} stroke={data.aggregate ? theme.text : theme.muted} strokeDasharray="2 4" zIndex={data.aggregate ? 700 : undefined} label={{ value: 'average', position: 'insideTopRight', fill: theme.muted, fontSize: 11 }} />}
              <ScatterMarks grid={data.grid} points={data.points} positions={positions} theme={theme} binTip={<BinTip />} />
            </ScatterChart>
          </ResponsiveContainer>
        )}
      </PointCloudFrame>
    </ChartCard>
  );
}

export const JobMapChart = memo(JobMapChartImpl);

export function DepartmentTable({ people, caption, pay = false }: { people: readonly AuditPerson[]; caption: string; pay?: boolean }) {
  const rows = summarizeDepartments(people);
  return (
    <table>
      <caption>{caption}</caption>
      <thead><tr><th>Department</th><th className="num">People</th><th className="num">Hours a week</th><th className="num">Empowerment</th><th className="num">Desirability</th>{pay && <th className="num">Median hourly pay</th>}</tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <td>{r.label}</td><td className="num">{fmtInt(r.people)}</td><td className="num">{fmtHours(r.hours)}</td>
            <td className="num">{r.empowerment === null ? '—' : fmt1(r.empowerment)}</td><td className="num">{r.desirability === null ? '—' : fmt1(r.desirability)}</td>
            {pay && <td className="num">{r.medianHourlyPay === null ? '—' : r.medianHourlyPay.toFixed(2)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
