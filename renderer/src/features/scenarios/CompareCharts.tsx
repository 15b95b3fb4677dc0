// Small multiples of the compared scenarios, scenario zero first: a job map (E × D) and the ranked
// jobs for each, every panel on the same axes (the whole rating scale; 0–100% of hours) and the band
// of the project's tolerance around the mean, which no plan moves. Marks are the Charts view's plain
// SVG layer, binned above AGGREGATE_ABOVE people.
import '../charts/charts.css';
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, ScatterChart, XAxis, YAxis } from 'recharts';
import type { AuditPerson } from '../../engine/analysis/auditReport';
import { ChartCard, TooltipBox } from '../charts/ChartCard';
import { outline, useChartTheme, type ChartTheme } from '../charts/chartTheme';
import { AGGREGATE_ABOVE, binGrid, coincidentGroups, departmentKeys, fmt1, fmtHoursUnit, fmtInt, fmtNum, fmtPct, GRID, niceTicks, TABLE_ROWS, type Bin, type DepartmentKey } from '../charts/chartData';
import { axisStyle, MARGIN, scaleLabel, xLabel, yLabel } from '../charts/common';
import type { LegendEntry } from '../charts/exportChart';
import { density, PointCloudFrame, type CloudPoint } from '../charts/PointCloud';
import { binnedNote, ScatterMarks, scatterLegend } from '../charts/ScatterMarks';
import { hoursInBand, mapJobs, rankedSeries } from '../proposal/proposalCharts';
import { fmtHours } from '../../ui/figure-format';
import type { CompareColumn } from './compareData';

const SMALL_HEIGHT = 260;
const AREA = [10, 110] as const;

interface Shared {
  scale: { min: number; max: number };
  tol: number;
  theme: ChartTheme;
  depts: { keys: DepartmentKey[]; of: (p: AuditPerson) => DepartmentKey };
  eMean: number | null;
  stem: string;
}

function BinTip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const b = active ? (payload?.[0]?.payload as Bin | undefined) : undefined;
  if (!b) return null;
  return <TooltipBox title={`${fmtInt(b.count)} ${b.count === 1 ? 'person' : 'people'}`} lines={[`Empowerment ${fmt1(b.x0)}–${fmt1(b.x1)}`, `Desirability ${fmt1(b.y0)}–${fmt1(b.y1)}`, `${fmtHoursUnit(b.hours)} a week in all`]} />;
}

function SmallJobMapImpl({ column, scale, tol, theme, depts, eMean, stem }: { column: CompareColumn } & Shared) {
  const side = column.scenario ? 'after' : 'before';
  const points = useMemo(() => mapJobs(column.jobs, side), [column.jobs, side]);
  const n = points.length;
  const marks = useMemo(() => {
    if (n > AGGREGATE_ABOVE) return { grid: binGrid(points.map((p) => ({ x: p.e, y: p.d, w: p.hours })), [scale.min, scale.max], [scale.min, scale.max], GRID, GRID), cloud: [] as CloudPoint[] };
    const { area } = density(n);
    const maxHours = points.reduce((a, p) => Math.max(a, p.hours), 0);
    const cloud = coincidentGroups(points, (p) => p.e, (p) => p.d).map((g): CloudPoint => {
      const keys = new Set(g.members.map((m) => depts.of(m.job as unknown as AuditPerson)));
      const k = keys.size === 1 ? [...keys][0] : null;
      const colour = k ? k.colour : theme.other;
      const hours = g.members.reduce((a, m) => Math.max(a, m.hours), 0);
      const j = g.members[0].job;
      const tip = g.members.length === 1
        ? { title: j.name, lines: [[j.role, j.department].filter(Boolean).join(' · '), `Empowerment ${fmt1(g.x)} · Desirability ${fmt1(g.y)}`, `${fmtHoursUnit(j.hours)} a week`] }
        : { title: `${fmtInt(g.members.length)} people with the same scores`, lines: [`Empowerment ${fmt1(g.x)} · Desirability ${fmt1(g.y)}`, ...g.members.slice(0, 8).map((m) => m.job.name)] };
      return { x: g.x, y: g.y, area: area * (AREA[0] + (AREA[1] - AREA[0]) * (maxHours > 0 ? hours / maxHours : 1)), shape: k ? k.shape : 'circle', fill: colour, stroke: outline(colour, theme.dark), count: g.members.length, tip };
    });
    return { grid: null, cloud };
  }, [points, n, scale.min, scale.max, depts, theme]);
  const H = points.reduce((a, p) => a + p.hours, 0);
  const inBand = H > 0 ? hoursInBand(points, tol, eMean, null) / H : 0;
  const ticks = niceTicks(scale.min, scale.max);
  const ax = axisStyle(theme);
  const legend: LegendEntry[] = scatterLegend(marks.grid, depts.keys, theme);
  if (eMean !== null) legend.push({ label: `Band (average ± ${fmtNum(tol)} points)`, colour: theme.band, symbol: 'band', stroke: theme.accent });
  const table = (
    <table>
      <caption>Job scores, {column.title} ({scale.min}–{scale.max}){n > TABLE_ROWS ? `: the first ${TABLE_ROWS} of ${fmtInt(n)}` : ''}</caption>
      <thead><tr><th>Name</th><th className="num">Empowerment</th><th className="num">Desirability</th><th className="num">Hours a week</th></tr></thead>
      <tbody>{points.slice(0, TABLE_ROWS).map((p, i) => <tr key={i}><td>{p.job.name}</td><td className="num">{fmt1(p.e)}</td><td className="num">{fmt1(p.d)}</td><td className="num">{fmtHours(p.hours)}</td></tr>)}</tbody>
    </table>
  );
  return (
    <ChartCard id={`scenario-job-map-${column.key}`} title={column.title} caption={`Job map ${column.scenario ? 'under this plan' : 'now'}: ${fmtPct(inBand)} of hours within the band.`} theme={theme} legend={legend} table={table}
      summary={`Job map of ${column.title}, ${fmtInt(n)} people; ${fmtPct(inBand)} of hours are within ±${fmtNum(tol)} points of the average empowerment.`}
      exportStem={`${stem} – job map – ${column.title}`} mode={marks.grid ? 'binned' : 'points'} empty={n === 0 ? 'No job has rated hours.' : undefined} note={binnedNote(marks.grid, n, theme)}>
      <PointCloudFrame points={marks.cloud} ring={theme.text}>
        {(positions) => (
          <ResponsiveContainer width="100%" height={SMALL_HEIGHT} initialDimension={{ width: 300, height: SMALL_HEIGHT }}>
            <ScatterChart margin={{ ...MARGIN, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
              <XAxis type="number" dataKey="x" domain={[scale.min, scale.max]} ticks={ticks} allowDataOverflow {...ax} label={xLabel(theme, scaleLabel('Empowerment', scale))} />
              <YAxis type="number" dataKey="y" domain={[scale.min, scale.max]} ticks={ticks} allowDataOverflow {...ax} width={48} label={yLabel(theme, scaleLabel('Desirability', scale))} />
              {eMean !== null && <ReferenceArea x1={eMean - tol} x2={eMean + tol} ifOverflow="hidden" strokeDasharray="4 3" fill={marks.grid ? 'none' : theme.band} fillOpacity={1} stroke={marks.grid ? theme.text : theme.accent} />}
              <ScatterMarks grid={marks.grid} points={marks.cloud} positions={positions} theme={theme} binTip={<BinTip />} />
            </ScatterChart>
          </ResponsiveContainer>
        )}
      </PointCloudFrame>
    </ChartCard>
  );
}

const SmallJobMap = memo(SmallJobMapImpl);

function SmallRankedImpl({ column, scale, tol, theme, eMean, stem }: { column: CompareColumn } & Omit<Shared, 'depts'>) {
  const series = useMemo(() => rankedSeries(column.jobs), [column.jobs]);
  const plan = column.scenario !== null;
  const ax = axisStyle(theme);
  const n = Math.max(series.people.before, series.people.after);
  const legend: LegendEntry[] = [{ label: 'Now', colour: theme.categorical[1], symbol: 'dashed' }];
  if (plan) legend.push({ label: 'Under this plan', colour: theme.accent, symbol: 'line' });
  if (eMean !== null) legend.push({ label: `Band (average ± ${fmtNum(tol)} points)`, colour: theme.band, symbol: 'band', stroke: theme.accent });
  const rows = series.rows.filter((r) => r.x < 100).slice(0, TABLE_ROWS);
  const table = (
    <table>
      <caption>Empowerment by share of hours, {column.title}{series.mode === 'percentiles' ? ' (every half-percent of hours)' : ''}</caption>
      <thead><tr><th className="num">From % of hours</th><th className="num">Now</th>{plan && <th className="num">Under this plan</th>}</tr></thead>
      <tbody>{rows.map((r, i) => <tr key={i}><td className="num">{r.x.toFixed(1)}</td><td className="num">{r.before === null ? '–' : fmt1(r.before)}</td>{plan && <td className="num">{r.after === null ? '–' : fmt1(r.after)}</td>}</tr>)}</tbody>
    </table>
  );
  return (
    <ChartCard id={`scenario-ranked-${column.key}`} title={column.title} caption={plan ? 'Ranked jobs, most empowering first: now (dashed) and under this plan.' : 'Ranked jobs, most empowering first, as they are now.'} theme={theme} legend={legend} table={table}
      summary={`Jobs of ${fmtInt(n)} people ranked by empowerment, ${column.title}.`} exportStem={`${stem} – ranked jobs – ${column.title}`} mode={series.mode} empty={n === 0 ? 'No job has rated hours.' : undefined}>
      <ResponsiveContainer width="100%" height={SMALL_HEIGHT} initialDimension={{ width: 300, height: SMALL_HEIGHT }}>
        <LineChart data={series.rows} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} {...ax} label={xLabel(theme, 'Share of hours (%)')} />
          <YAxis type="number" domain={[scale.min, scale.max]} ticks={niceTicks(scale.min, scale.max)} allowDataOverflow {...ax} width={48} label={yLabel(theme, scaleLabel('Empowerment', scale))} />
          {eMean !== null && <ReferenceArea y1={eMean - tol} y2={eMean + tol} fill={theme.band} fillOpacity={1} stroke={theme.accent} strokeOpacity={0.5} strokeDasharray="4 3" ifOverflow="hidden" />}
          {eMean !== null && <ReferenceLine y={eMean} stroke={theme.text} strokeDasharray="2 4" />}
          <Line type="stepAfter" dataKey="before" stroke={theme.categorical[1]} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} name="Now" connectNulls />
          {plan && <Line type="stepAfter" dataKey="after" stroke={theme.accent} strokeWidth={2.5} dot={false} isAnimationActive={false} name="Under this plan" connectNulls />}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

const SmallRanked = memo(SmallRankedImpl);

/** Job maps side by side, then ranked jobs side by side; `tolerance` is the project's, in points. */
export function CompareCharts({ columns, scale, tolerance, stem }: { columns: readonly CompareColumn[]; scale: { min: number; max: number }; tolerance: number; stem: string }) {
  const theme = useChartTheme();
  // Departments from scenario zero's jobs (only the department is read), so every panel colours them alike.
  const depts = useMemo(() => departmentKeys({ people: columns[0].jobs as unknown as AuditPerson[] }, theme), [columns, theme]);
  const shared = { scale, tol: tolerance, theme, eMean: columns[0].figures.empowermentMean, stem };
  return (
    <div className="scenario-multiples-wrap" data-testid="compare-charts">
      <h4>Job maps</h4>
      <div className="scenario-multiples">
        {columns.map((c) => <SmallJobMap key={c.key} column={c} depts={depts} {...shared} />)}
      </div>
      <h4>Ranked jobs</h4>
      <div className="scenario-multiples">
        {columns.map((c) => <SmallRanked key={c.key} column={c} {...shared} />)}
      </div>
    </div>
  );
}
