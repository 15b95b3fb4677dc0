// Lorenz curve of empowerment: cumulative share of empowering work against cumulative share of
// hours (least empowering jobs first), the equality diagonal, and the gap between them shaded.
import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceDot, ResponsiveContainer, Tooltip, usePlotArea, XAxis, YAxis } from 'recharts';
import type { AuditReport } from '../../engine/analysis/auditReport';
import { ChartCard, TooltipBox } from './ChartCard';
import type { ChartTheme } from './chartTheme';
import { downsampleLorenz, fmt2, fmtPct, LORENZ_POINTS, lorenzAt } from './chartData';
import { axisStyle, CHART_HEIGHT, MARGIN, xLabel, yLabel } from './common';
import type { LegendEntry } from './exportChart';
import { fromBottom } from '../overview/scaleZero';
import { fmtScore } from '../../ui/figure-format';

interface Row {
  x: number;
  y: number;
  gap: [number, number];
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
}

/** Exported for its test. */
export function LorenzTip({ active, payload, zero }: TooltipProps & { zero: string }) {
  const r = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
  if (!r) return null;
  return <TooltipBox title={`Least empowering ${r.x.toFixed(0)}% of hours`} lines={[`hold ${r.y.toFixed(1)}% of the empowering work`, `(${r.x.toFixed(0)}% if it were even),`, zero]} />;
}

/**
 * The note on the dot at 80% of hours: a leader line down from the dot to two lines of text set in
 * the plot's empty lower-right corner (under the curve).
 */
function LorenzNote({ viewBox, top20, theme }: { viewBox?: { x?: number; y?: number; width?: number; height?: number }; top20: number; theme: ChartTheme }) {
  const plot = usePlotArea();
  if (!plot || !viewBox) return null;
  const cx = (viewBox.x ?? 0) + (viewBox.width ?? 0) / 2;
  const cy = (viewBox.y ?? 0) + (viewBox.height ?? 0) / 2;
  const right = plot.x + plot.width - 4;
  const base = plot.y + plot.height - 12;
  const top = base - 16;
  if (top - 12 <= cy + 6) return null;
  return (
    <g className="lorenz-note">
      <line x1={cx} y1={cy + 6} x2={cx} y2={top - 12} stroke={theme.muted} strokeDasharray="2 2" />
      <text x={right} y={top} textAnchor="end" fill={theme.text} fontSize={11}>
        <tspan x={right}>Most empowering 20% of hours</tspan>
        <tspan x={right} dy={15}>hold {fmtPct(top20)} of the empowering work</tspan>
      </text>
    </g>
  );
}

export interface LorenzProps {
  report: AuditReport;
  theme: ChartTheme;
  exportStem: string;
}

const PCT_TICKS = [0, 20, 40, 60, 80, 100];

function LorenzChartImpl({ report, theme, exportStem }: LorenzProps) {
  const m = report.metrics.empowerment;
  const rows = useMemo<Row[]>(
    () => downsampleLorenz(m.lorenz, LORENZ_POINTS).map((p) => ({ x: p.hours * 100, y: p.mass * 100, gap: [p.mass * 100, p.hours * 100] })),
    [m.lorenz],
  );
  const ax = axisStyle(theme);
  const at80 = lorenzAt(m.lorenz, 0.8) * 100;
  const top20 = m.top20Share;
  // Shares of "empowering work" count a rating at the bottom of the scale as none: say so wherever they appear.
  const zero = fromBottom(report.scale);
  const caption = `Gini ${fmt2(m.gini)}, ${zero} (a rating of ${report.scale.min} counts as none): the further the curve sags below the diagonal, the more the empowering work sits with a few jobs (0 = shared evenly, 1 = all in one job). In points, the absolute Gini is ${fmtScore(m.absoluteGini)}.`;
  const summary = `Lorenz curve of empowerment over ${m.people} people, ${zero}. Gini ${fmt2(m.gini)}. The most empowering 20% of hours hold ${fmtPct(top20)} of the empowering work; the least empowering 40% hold ${fmtPct(m.bottom40Share)}.`;
  const legend: LegendEntry[] = [
    { label: 'Lorenz curve', colour: theme.accent, symbol: 'line' },
    { label: 'Equality (everyone the same)', colour: theme.muted, symbol: 'dashed' },
    { label: `Gap: inequality (Gini ${fmt2(m.gini)}, from the bottom of the scale)`, colour: theme.band, symbol: 'band', stroke: theme.accent },
  ];
  const deciles = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const table = (
    <table>
      <caption>Share of empowering work held by the least empowering share of hours, {zero} (Gini {fmt2(m.gini)})</caption>
      <thead><tr><th className="num">Least empowering share of hours</th><th className="num">Share of empowering work</th></tr></thead>
      <tbody>
        {deciles.map((d) => (
          <tr key={d}><td className="num">{d}%</td><td className="num">{(lorenzAt(m.lorenz, d / 100) * 100).toFixed(1)}%</td></tr>
        ))}
      </tbody>
    </table>
  );
  const empty = m.people === 0 || m.lorenz.length < 2;
  return (
    <ChartCard id="lorenz" title="Concentration of empowerment (Lorenz curve)" caption={caption} summary={summary} theme={theme} legend={legend} table={table} exportStem={`${exportStem} – Lorenz curve`}
      mode={m.lorenz.length > LORENZ_POINTS ? 'downsampled' : 'points'}
      empty={empty ? 'No one has rated hours yet: rate some tasks to see how empowerment is spread.' : undefined}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 600, height: CHART_HEIGHT }}>
        <ComposedChart data={rows} margin={{ ...MARGIN, right: 28 }} accessibilityLayer={false}>
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" domain={[0, 100]} ticks={PCT_TICKS} {...ax} label={xLabel(theme, 'Share of hours, least empowering jobs first (%)')} />
          <YAxis type="number" domain={[0, 100]} ticks={PCT_TICKS} {...ax} width={56} label={yLabel(theme, 'Share of empowering work (%)')} />
          <Area dataKey="gap" type="linear" fill={theme.band} fillOpacity={1} stroke="none" isAnimationActive={false} activeDot={false} name="Gap" />
          <Line dataKey="x" type="linear" stroke={theme.muted} strokeDasharray="5 4" dot={false} activeDot={false} isAnimationActive={false} name="Equality" />
          <Line dataKey="y" type="linear" stroke={theme.accent} strokeWidth={2.5} dot={false} isAnimationActive={false} name="Lorenz curve" />
          <ReferenceDot x={80} y={at80} r={4} fill={theme.accent} stroke={theme.surface} ifOverflow="visible"
            label={<LorenzNote top20={top20} theme={theme} />} />
          <Tooltip content={<LorenzTip zero={zero} />} isAnimationActive={false} cursor={{ stroke: theme.muted, strokeDasharray: '3 3' }} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export const LorenzChart = memo(LorenzChartImpl);
