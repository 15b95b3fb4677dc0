// Ranked jobs: everyone's empowerment from highest to lowest, with the tolerance band around the
// average shaded. One bar per person for small organizations, a step line by share of hours for
// larger ones, and hours-weighted percentiles above AGGREGATE_ABOVE people.
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuditReport } from '../../engine/analysis/auditReport';
import { ChartCard, TooltipBox } from './ChartCard';
import type { ChartTheme } from './chartTheme';
import {
  fmtNum, AGGREGATE_ABOVE, BARS_UP_TO, departmentKeys, fmt1, fmtHoursUnit, fmtInt, fmtPct, niceTicks, rankByEmpowerment, rankedLine, rankedPercentiles, TABLE_ROWS, withEmpowerment, type RankedPoint,
} from './chartData';
import { axisStyle, CHART_HEIGHT, MARGIN, scaleLabel, xLabel, yLabel } from './common';
import { fmtHours } from '../../ui/figure-format';
import type { LegendEntry } from './exportChart';

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
}

function PointTip({ active, payload }: TooltipProps) {
  const p = active ? (payload?.[0]?.payload as RankedPoint | undefined) : undefined;
  if (!p) return null;
  if (p.name === undefined) return <TooltipBox title={`At ${p.x.toFixed(1)}% of hours`} lines={[`Empowerment ${fmt1(p.e)}`, 'Jobs to the left are more empowering']} />;
  return <TooltipBox title={p.name} lines={[[p.role, p.department].filter(Boolean).join(' · '), `Empowerment ${fmt1(p.e)}`, p.hours !== undefined && `${fmtHoursUnit(p.hours)} a week`]} />;
}

export interface RankedJobsProps {
  report: AuditReport;
  theme: ChartTheme;
  exportStem: string;
}

function RankedJobsChartImpl({ report, theme, exportStem }: RankedJobsProps) {
  const { scale } = report;
  const tol = report.metrics.tolerance;
  const mean = report.metrics.empowerment.mean;
  const within = report.metrics.empowerment.withinTolerance;
  const data = useMemo(() => {
    const people = withEmpowerment(report.people);
    const ranked = rankByEmpowerment(people);
    const mode: 'bars' | 'line' | 'percentiles' = ranked.length <= BARS_UP_TO ? 'bars' : ranked.length <= AGGREGATE_ABOVE ? 'line' : 'percentiles';
    const depts = departmentKeys({ people }, theme);
    const bars: RankedPoint[] = mode === 'bars' ? ranked.map((p, i) => ({ x: i, e: p.empowerment, name: p.name, role: p.role, department: p.department, hours: p.hours, colour: depts.of(p).colour })) : [];
    const line = mode === 'line' ? rankedLine(ranked) : mode === 'percentiles' ? rankedPercentiles(ranked) : [];
    return { ranked, mode, depts, bars, line };
  }, [report, theme]);

  const ax = axisStyle(theme);
  const ticks = niceTicks(scale.min, scale.max);
  const n = data.ranked.length;
  const top = data.ranked[0];
  const bottom = data.ranked[n - 1];
  const caption = mean === null
    ? 'Everyone’s job from most to least empowering.'
    : `Jobs from most to least empowering; the shaded band is the tolerance around the average (${fmt1(mean)} ± ${fmtNum(tol)}), holding ${fmtPct(within)} of hours.`;
  const summary = n === 0 ? 'No ranked jobs.' :
    `${fmtInt(n)} jobs ranked by empowerment${data.mode === 'percentiles' ? ' (shown as percentiles of hours)' : ''}, from ${fmt1(top.empowerment)} (${top.name}) down to ${fmt1(bottom.empowerment)} (${bottom.name}).` +
    (mean === null ? '' : ` Average ${fmt1(mean)}; ${fmtPct(within)} of hours are within ±${fmtNum(tol)} of it.`);

  const legend: LegendEntry[] = data.mode === 'bars'
    ? data.depts.keys.map((k) => ({ label: k.label, colour: k.colour, symbol: 'rect' as const }))
    : [{ label: data.mode === 'percentiles' ? 'Empowerment by percentile of hours' : 'Empowerment of each job', colour: theme.accent, symbol: 'line' }];
  if (mean !== null) {
    legend.push({ label: `Tolerance band (average ± ${fmtNum(tol)})`, colour: theme.band, symbol: 'band', stroke: theme.accent });
    legend.push({ label: 'Average', colour: theme.text, symbol: 'dashed' });
  }

  const refs = mean === null ? null : [
    <ReferenceArea key="band" y1={mean - tol} y2={mean + tol} fill={theme.band} fillOpacity={1} stroke={theme.accent} strokeOpacity={0.5} strokeDasharray="4 3" ifOverflow="hidden" />,
    <ReferenceLine key="mean" y={mean} stroke={theme.text} strokeDasharray="5 4" label={{ value: `average ${fmt1(mean)}`, position: 'insideTopRight', fill: theme.text, fontSize: 11 }} />,
  ];
  const yAxis = <YAxis type="number" domain={[scale.min, scale.max]} ticks={ticks} allowDataOverflow {...ax} width={56} label={yLabel(theme, scaleLabel('Empowerment', scale))} />;
  // Bars: a faint column behind the hovered bar (an outlined one read as a bar reaching the top); line: a vertical rule.
  const cursor = data.mode === 'bars' ? { fill: theme.dark ? 'rgba(255, 255, 255, 0.07)' : 'rgba(0, 0, 0, 0.05)', stroke: 'none' } : { stroke: theme.muted, strokeDasharray: '3 3' };
  const tooltip = <Tooltip content={<PointTip />} isAnimationActive={false} cursor={cursor} />;

  const shown = data.ranked.slice(0, TABLE_ROWS);
  const table = (
    <table>
      <caption>
        Jobs ranked by empowerment ({scale.min}–{scale.max}){n > TABLE_ROWS ? `: the ${TABLE_ROWS} most empowering of ${fmtInt(n)}` : ''}
      </caption>
      <thead><tr><th className="num">Rank</th><th>Name</th><th>Role</th><th>Department</th><th className="num">Empowerment</th><th className="num">Hours a week</th></tr></thead>
      <tbody>
        {shown.map((p, i) => (
          <tr key={i}><td className="num">{i + 1}</td><td>{p.name}</td><td>{p.role}</td><td>{p.department}</td><td className="num">{fmt1(p.empowerment)}</td><td className="num">{fmtHours(p.hours)}</td></tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartCard id="ranked-jobs" title="Ranked jobs" caption={caption} summary={summary} theme={theme} legend={legend} table={table} exportStem={`${exportStem} – ranked jobs`} mode={data.mode}
      barLabels={data.mode === 'bars' ? data.bars.map((b) => b.name ?? '') : undefined}
      note={data.mode === 'percentiles' ? `${fmtInt(n)} people, shown as the empowerment at each half-percent of hours.` : undefined}
      empty={n === 0 ? 'No one has rated hours yet: rate some tasks to rank the jobs.' : undefined}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 600, height: CHART_HEIGHT }}>
        {data.mode === 'bars' ? (
          <BarChart data={data.bars} margin={MARGIN} barCategoryGap={n > 60 ? 0 : 1} accessibilityLayer={false}>
            <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" type="category" {...ax} tick={false} label={xLabel(theme, `${fmtInt(n)} people, most empowering first`)} interval={0} height={30} />
            {yAxis}
            {refs}
            <Bar dataKey="e" isAnimationActive={false} name="Empowerment"
              shape={(b: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; payload?: RankedPoint }) => (
                <rect x={Number(b.x)} y={Number(b.y)} width={Math.max(0, Number(b.width))} height={Math.max(0, Number(b.height))} fill={b.payload?.colour ?? theme.accent} />
              )} />
            {tooltip}
          </BarChart>
        ) : (
          <LineChart data={data.line} margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
            <XAxis type="number" dataKey="x" domain={[0, 100]} ticks={[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]} {...ax} label={xLabel(theme, 'Share of hours, most empowering jobs first (%)')} />
            {yAxis}
            {refs}
            <Line type="stepAfter" dataKey="e" stroke={theme.accent} strokeWidth={2} dot={false} isAnimationActive={false} name="Empowerment" />
            {tooltip}
          </LineChart>
        )}
      </ResponsiveContainer>
    </ChartCard>
  );
}

export const RankedJobsChart = memo(RankedJobsChartImpl);
