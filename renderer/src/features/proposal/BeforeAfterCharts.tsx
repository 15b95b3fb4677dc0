// The proposal's before and after: the job map as two panels on the same axes (each job a mark, the
// band mean ± tolerance shaded) and the ranked jobs before and after as two step lines on one chart.
// Marks are the Charts view's plain SVG layer (PointCloud), binned above AGGREGATE_ABOVE people.
import './proposalCharts.css';
import '../charts/charts.css';
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuditPerson } from '../../engine/analysis/auditReport';
import type { FullProposal } from '../../engine/balance/fullProposal';
import { ChartCard, TooltipBox } from '../charts/ChartCard';
import { outline, useChartTheme, type ChartTheme } from '../charts/chartTheme';
import { AGGREGATE_ABOVE, binGrid, coincidentGroups, departmentKeys, fmt1, fmtHoursUnit, fmtInt, fmtNum, fmtPct, GRID, nameList, niceTicks, TABLE_ROWS, type Bin, type DepartmentKey, type PointGroup } from '../charts/chartData';
import { axisStyle, CHART_HEIGHT, MARGIN, scaleLabel, xLabel, yLabel } from '../charts/common';
import type { LegendEntry } from '../charts/exportChart';
import { density, PointCloudFrame, type CloudPoint } from '../charts/PointCloud';
import { binnedNote, ScatterMarks, scatterLegend } from '../charts/ScatterMarks';
import { fmtHours } from '../../ui/figure-format';
import { desirabilityOf, hoursInBand, mapJobs, rankedSeries, weightedMean, type MapJob, type RankedRow, type Side } from './proposalCharts';

const MIN_AREA = 14;
const MAX_AREA = 170;
const TIP_NAMES = 8;
const arrow = (a: number | null, b: number | null) => `${a === null ? '–' : fmt1(a)} → ${b === null ? '–' : fmt1(b)}`;

function markTip(g: PointGroup<MapJob>): CloudPoint['tip'] {
  const j = g.members[0].job;
  if (g.members.length === 1) {
    return { title: j.name, lines: [[j.role, j.department].filter(Boolean).join(' · '), `Empowerment ${arrow(j.empowermentBefore, j.empowermentAfter)}`, `Desirability ${arrow(j.desirabilityBefore, j.desirabilityAfter)}`, `${fmtHoursUnit(j.hours)} a week`] };
  }
  const shown = g.members.slice(0, TIP_NAMES).map((m) => `${m.job.name} — ${[m.job.role, fmtHoursUnit(m.hours)].filter(Boolean).join(', ')}`);
  const more = g.members.length > TIP_NAMES ? [`and ${fmtInt(g.members.length - TIP_NAMES)} more`] : [];
  return { title: `${fmtInt(g.members.length)} people with the same scores`, lines: [`Empowerment ${fmt1(g.x)} · Desirability ${fmt1(g.y)}`, ...shown, ...more] };
}

function BinTip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const b = active ? (payload?.[0]?.payload as Bin | undefined) : undefined;
  if (!b) return null;
  return <TooltipBox title={`${fmtInt(b.count)} ${b.count === 1 ? 'person' : 'people'}`} lines={[`Empowerment ${fmt1(b.x0)}–${fmt1(b.x1)}`, `Desirability ${fmt1(b.y0)}–${fmt1(b.y1)}`, `${fmtHoursUnit(b.hours)} a week in all`]} />;
}

interface PanelProps {
  side: Side;
  points: MapJob[];
  eMean: number | null;
  /** The D mean, and whether D was balanced (the band is then a box, else a strip on E). */
  dMean: number | null;
  boxD: boolean;
  tol: number;
  scale: { min: number; max: number };
  theme: ChartTheme;
  depts: { keys: DepartmentKey[]; of: (p: AuditPerson) => DepartmentKey };
  stem: string;
}

function JobMapPanelImpl({ side, points, eMean, dMean, boxD, tol, scale, theme, depts, stem }: PanelProps) {
  const n = points.length;
  const aggregate = n > AGGREGATE_ABOVE;
  const marks = useMemo(() => {
    if (aggregate) return { grid: binGrid(points.map((p) => ({ x: p.e, y: p.d, w: p.hours })), [scale.min, scale.max], [scale.min, scale.max], GRID, GRID), cloud: [] as CloudPoint[], shared: 0 };
    const { area } = density(n);
    const maxHours = points.reduce((a, p) => Math.max(a, p.hours), 0);
    const groups = coincidentGroups(points, (p) => p.e, (p) => p.d);
    const cloud = groups.map((g): CloudPoint => {
      const keys = new Set(g.members.map((m) => depts.of(m.job as unknown as AuditPerson)));
      const k = keys.size === 1 ? [...keys][0] : null;
      const colour = k ? k.colour : theme.other;
      const hours = g.members.reduce((a, m) => Math.max(a, m.hours), 0);
      return { x: g.x, y: g.y, area: area * (MIN_AREA + (MAX_AREA - MIN_AREA) * (maxHours > 0 ? hours / maxHours : 1)), shape: k ? k.shape : 'circle', fill: colour, stroke: outline(colour, theme.dark), count: g.members.length, tip: markTip(g) };
    });
    return { grid: null, cloud, shared: groups.filter((g) => g.members.length > 1).length };
  }, [points, aggregate, n, scale.min, scale.max, depts, theme]);

  const H = points.reduce((a, p) => a + p.hours, 0);
  const inBand = hoursInBand(points, tol, eMean, boxD ? dMean : null);
  const inJobs = eMean === null ? 0 : points.filter((p) => Math.abs(p.e - eMean) <= tol + 1e-9 && (!boxD || dMean === null || Math.abs(p.d - dMean) <= tol + 1e-9)).length;
  const when = side === 'before' ? 'now' : 'after the proposal';
  const band = boxD ? `box of ±${fmtNum(tol)} points around both averages` : `band of ±${fmtNum(tol)} points around the average empowerment`;
  const caption = `Each ${aggregate ? 'square counts the jobs' : 'mark is a job'} ${when}: right is more empowering, up is more desirable. ${fmtInt(inJobs)} of ${fmtInt(n)} jobs sit in the ${band}.`;
  const share = (h: number) => fmtPct(H > 0 ? h / H : 0);
  const summary = `Job map ${when}, ${fmtInt(n)} people. Averages: empowerment ${eMean === null ? '–' : fmt1(eMean)}, desirability ${dMean === null ? '–' : fmt1(dMean)}. ` +
    `${share(hoursInBand(points, tol, eMean, null))} of hours are within ±${fmtNum(tol)} points of the average empowerment${boxD ? `, ${share(inBand)} within the box on both` : ''}.`;
  const ticks = niceTicks(scale.min, scale.max);
  const ax = axisStyle(theme);
  const legend: LegendEntry[] = scatterLegend(marks.grid, depts.keys, theme);
  if (eMean !== null) legend.push({ label: `Band (average ± ${fmtNum(tol)} points)`, colour: aggregate ? 'none' : theme.band, symbol: 'band', stroke: aggregate ? theme.text : theme.accent });
  const shown = points.slice(0, TABLE_ROWS);
  const table = (
    <table>
      <caption>Job scores {when} ({scale.min}–{scale.max}){n > TABLE_ROWS ? `: the first ${TABLE_ROWS} of ${fmtInt(n)}` : ''}</caption>
      <thead><tr><th>Name</th><th>Role</th><th>Department</th><th className="num">Empowerment</th><th className="num">Desirability</th><th className="num">Hours a week</th></tr></thead>
      <tbody>{shown.map((p, i) => <tr key={i}><td>{p.job.name}</td><td>{p.job.role}</td><td>{p.job.department}</td><td className="num">{fmt1(p.e)}</td><td className="num">{fmt1(p.d)}</td><td className="num">{fmtHours(p.hours)}</td></tr>)}</tbody>
    </table>
  );
  const refStroke = aggregate ? theme.text : theme.muted;
  return (
    <ChartCard id={`proposal-job-map-${side}`} title={side === 'before' ? 'Job map now' : 'Job map after'} caption={caption} summary={summary} theme={theme} legend={legend} table={table}
      exportStem={`${stem} – job map ${side}`} mode={aggregate ? 'binned' : 'points'} empty={n === 0 ? 'No job has rated hours.' : undefined}
      note={binnedNote(marks.grid, n, theme) ?? (marks.shared ? `A number on a mark: that many people with the same scores (${fmtInt(marks.shared)} ${marks.shared === 1 ? 'mark' : 'marks'}).` : undefined)}>
      <PointCloudFrame points={marks.cloud} ring={theme.text}>
        {(positions) => (
          <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40} initialDimension={{ width: 560, height: CHART_HEIGHT + 40 }}>
            <ScatterChart margin={{ ...MARGIN, left: 16 }} accessibilityLayer={false}>
              <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
              <XAxis type="number" dataKey="x" domain={[scale.min, scale.max]} ticks={ticks} allowDataOverflow {...ax} label={xLabel(theme, `${scaleLabel('Empowerment', scale)} →`)} />
              <YAxis type="number" dataKey="y" domain={[scale.min, scale.max]} ticks={ticks} allowDataOverflow {...ax} width={56} label={yLabel(theme, `${scaleLabel('Desirability', scale)} →`)} />
              {eMean !== null && (
                <ReferenceArea x1={eMean - tol} x2={eMean + tol} {...(boxD && dMean !== null ? { y1: dMean - tol, y2: dMean + tol } : {})} ifOverflow="hidden" strokeDasharray="4 3"
                  {...(aggregate ? { fill: 'none', stroke: theme.text, strokeWidth: 1.5, zIndex: 700 } : { fill: theme.band, fillOpacity: 1, stroke: theme.accent })} />
              )}
              {eMean !== null && <ReferenceLine x={eMean} stroke={refStroke} strokeDasharray="2 4" label={{ value: 'average', position: 'top', fill: theme.muted, fontSize: 11 }} />}
              {dMean !== null && <ReferenceLine y={dMean} stroke={refStroke} strokeDasharray="2 4" label={{ value: 'average', position: 'insideTopRight', fill: theme.muted, fontSize: 11 }} />}
              <ScatterMarks grid={marks.grid} points={marks.cloud} positions={positions} theme={theme} binTip={<BinTip />} />
            </ScatterChart>
          </ResponsiveContainer>
        )}
      </PointCloudFrame>
    </ChartCard>
  );
}

const JobMapPanel = memo(JobMapPanelImpl);

function RankedTip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const r = active ? (payload?.[0]?.payload as RankedRow | undefined) : undefined;
  if (!r) return null;
  const line = (what: string, e: number | null, name?: string) => `${what}: ${e === null ? '–' : fmt1(e)}${name ? ` (${name})` : ''}`;
  return <TooltipBox title={`At ${r.x.toFixed(1)}% of hours`} lines={[line('Now', r.before, r.beforeName), line('After', r.after, r.afterName)]} />;
}

function RankedPanelImpl({ proposal, theme, stem }: { proposal: FullProposal; theme: ChartTheme; stem: string }) {
  const { report } = proposal;
  const { scale, tolerance: tol } = report;
  const series = useMemo(() => rankedSeries(report.jobs), [report.jobs]);
  const before = report.before.mean;
  const after = report.after.mean;
  const mean = after ?? before;
  const ax = axisStyle(theme);
  const n = Math.max(series.people.before, series.people.after);
  const caption = `Jobs from most to least empowering, now (dashed) and after the proposal (solid)${mean === null ? '' : `; the shaded band is the average ${fmt1(mean)} ± ${fmtNum(tol)} points`}.`;
  const summary = `Ranked jobs of ${fmtInt(n)} people by empowerment, now and after. Within the band: ${fmtPct(report.before.withinTolerance)} of hours now, ${fmtPct(report.after.withinTolerance)} after.`;
  const legend: LegendEntry[] = [
    { label: 'Now', colour: theme.categorical[1], symbol: 'dashed' },
    { label: 'After the proposal', colour: theme.accent, symbol: 'line' },
  ];
  if (mean !== null) legend.push({ label: `Band (average ± ${fmtNum(tol)} points)`, colour: theme.band, symbol: 'band', stroke: theme.accent });
  if (mean !== null) legend.push({ label: 'Average', colour: theme.text, symbol: 'dashed' });
  const ranks = { before: [...report.jobs].filter((j) => j.empowermentBefore !== null).sort((a, b) => b.empowermentBefore! - a.empowermentBefore!), after: [...report.jobs].filter((j) => j.empowermentAfter !== null).sort((a, b) => b.empowermentAfter! - a.empowermentAfter!) };
  const rows = Math.min(TABLE_ROWS, Math.max(ranks.before.length, ranks.after.length));
  const table = (
    <table>
      <caption>Jobs ranked by empowerment ({scale.min}–{scale.max}), now and after{n > TABLE_ROWS ? `: the ${TABLE_ROWS} most empowering of ${fmtInt(n)}` : ''}</caption>
      <thead><tr><th className="num">Rank</th><th>Now</th><th className="num">Empowerment</th><th>After</th><th className="num">Empowerment</th></tr></thead>
      <tbody>
        {Array.from({ length: rows }, (_, i) => {
          const b = ranks.before[i];
          const a = ranks.after[i];
          return <tr key={i}><td className="num">{i + 1}</td><td>{b?.name}</td><td className="num">{b ? fmt1(b.empowermentBefore!) : ''}</td><td>{a?.name}</td><td className="num">{a ? fmt1(a.empowermentAfter!) : ''}</td></tr>;
        })}
      </tbody>
    </table>
  );
  return (
    <ChartCard id="proposal-ranked-jobs" title="Ranked jobs, now and after" caption={caption} summary={summary} theme={theme} legend={legend} table={table} wide
      exportStem={`${stem} – ranked jobs before and after`} mode={series.mode} empty={n === 0 ? 'No job has rated hours.' : undefined}
      note={series.mode === 'percentiles' ? `${fmtInt(n)} people, shown as the empowerment at each half-percent of hours.` : undefined}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 900, height: CHART_HEIGHT }}>
        <LineChart data={series.rows} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" domain={[0, 100]} ticks={[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]} {...ax} label={xLabel(theme, 'Share of hours, most empowering jobs first (%)')} />
          <YAxis type="number" domain={[scale.min, scale.max]} ticks={niceTicks(scale.min, scale.max)} allowDataOverflow {...ax} width={56} label={yLabel(theme, scaleLabel('Empowerment', scale))} />
          {mean !== null && <ReferenceArea y1={mean - tol} y2={mean + tol} fill={theme.band} fillOpacity={1} stroke={theme.accent} strokeOpacity={0.5} strokeDasharray="4 3" ifOverflow="hidden" />}
          {mean !== null && <ReferenceLine y={mean} stroke={theme.text} strokeDasharray="2 4" label={{ value: `average ${fmt1(mean)}`, position: 'insideTopLeft', fill: theme.text, fontSize: 11 }} />}
          <Line type="stepAfter" dataKey="before" stroke={theme.categorical[1]} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} name="Now" connectNulls />
          <Line type="stepAfter" dataKey="after" stroke={theme.accent} strokeWidth={2.5} dot={false} isAnimationActive={false} name="After" connectNulls />
          <Tooltip content={<RankedTip />} isAnimationActive={false} cursor={{ stroke: theme.muted, strokeDasharray: '3 3' }} />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

const RankedPanel = memo(RankedPanelImpl);

export function BeforeAfterCharts({ proposal }: { proposal: FullProposal }) {
  const theme = useChartTheme();
  const { report } = proposal;
  const stem = `${report.file.replace(/\.[^.]+$/, '')} – proposal`;
  const data = useMemo(() => ({
    before: mapJobs(report.jobs, 'before'),
    after: mapJobs(report.jobs, 'after'),
    dBefore: weightedMean(report.jobs, desirabilityOf('before')),
    dAfter: weightedMean(report.jobs, desirabilityOf('after')),
    // Only the department is read (departmentKeys keys people by it), so the jobs stand in for audit people.
    depts: departmentKeys({ people: report.jobs as unknown as AuditPerson[] }, theme),
  }), [report.jobs, theme]);
  const common = { tol: report.tolerance, scale: report.scale, theme, depts: data.depts, stem, boxD: report.desirability };
  return (
    <div className="before-after-charts" data-testid="before-after-charts">
      <div className="before-after-maps">
        <JobMapPanel side="before" points={data.before} eMean={report.before.mean} dMean={data.dBefore} {...common} />
        <JobMapPanel side="after" points={data.after} eMean={report.after.mean} dMean={data.dAfter} {...common} />
      </div>
      <RankedPanel proposal={proposal} theme={theme} stem={stem} />
    </div>
  );
}
