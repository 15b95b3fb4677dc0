// Who does the low-desirability hours: the share of all low-desirability hours carried by each third
// of hours ranked by empowerment, against the even third.
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuditReport } from '../../engine/analysis/auditReport';
import type { LowDesirabilityTercile } from '../../engine/analysis/metrics';
import { ChartCard, TooltipBox } from './ChartCard';
import type { ChartTheme } from './chartTheme';
import { fmtHoursUnit, fmtPct } from './chartData';
import { fmtHours } from '../../ui/figure-format';
import { axisStyle, CHART_HEIGHT, MARGIN, xLabel, yLabel } from './common';
import type { LegendEntry } from './exportChart';

const NAMES: Record<LowDesirabilityTercile['tercile'], string> = {
  bottom: 'Least empowering third',
  middle: 'Middle third',
  top: 'Most empowering third',
};

interface Row {
  name: string;
  share: number;
  label: string;
  t: LowDesirabilityTercile;
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
}

function TercileTip({ active, payload }: TooltipProps) {
  const r = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
  if (!r) return null;
  return <TooltipBox title={r.name} lines={[`${fmtPct(r.t.shareOfAll)} of all low-desirability hours`, `${fmtHoursUnit(r.t.lowDesirabilityHours)} a week of ${fmtHoursUnit(r.t.hours)}`, `${fmtPct(r.t.shareOfTercile)} of this third’s time`]} />;
}

export interface LowDesirabilityProps {
  report: AuditReport;
  theme: ChartTheme;
  exportStem: string;
}

function LowDesirabilityChartImpl({ report, theme, exportStem }: LowDesirabilityProps) {
  const low = report.metrics.lowDesirability;
  const order: LowDesirabilityTercile['tercile'][] = ['bottom', 'middle', 'top'];
  const rows: Row[] = order
    .map((k) => low.byEmpowermentTercile.find((t) => t.tercile === k))
    .filter((t): t is LowDesirabilityTercile => !!t)
    .map((t) => ({ name: NAMES[t.tercile], share: t.shareOfAll * 100, label: fmtPct(t.shareOfAll), t }));
  const bottom = rows.find((r) => r.t.tercile === 'bottom');
  const top = rows.find((r) => r.t.tercile === 'top');
  const none = !(low.totalHours > 0) || rows.length === 0;
  const caption = none
    ? 'No task is rated low in desirability, so there is no onerous work to share out.'
    : `The least empowering third of hours does ${fmtPct(bottom?.t.shareOfAll ?? 0)} of the low-desirability work and the most empowering third ${fmtPct(top?.t.shareOfAll ?? 0)}; an even split would be 33% each.`;
  const summary = none ? caption :
    `Share of the ${fmtHoursUnit(low.totalHours)} of low-desirability work a week by thirds of hours ranked by empowerment: ${rows.map((r) => `${r.name.toLowerCase()} ${r.label}`).join(', ')}. Even share 33%.`;
  const maxShare = Math.max(0, ...rows.map((r) => r.share));
  const yMax = Math.min(100, Math.max(50, Math.ceil((maxShare + 8) / 10) * 10));
  const ticks = Array.from({ length: yMax / 10 + 1 }, (_, i) => i * 10).filter((v) => yMax <= 50 || v % 20 === 0 || v === yMax);
  const ax = axisStyle(theme);
  const legend: LegendEntry[] = [
    { label: 'Share of all low-desirability hours', colour: theme.accent, symbol: 'rect' },
    { label: 'Even share: one third each', colour: theme.text, symbol: 'dashed' },
  ];
  const table = (
    <table>
      <caption>Low-desirability hours (tasks rated in the lowest third of the desirability scale) by empowerment third</caption>
      <thead><tr><th>Third of hours by empowerment</th><th className="num">Hours a week</th><th className="num">Low-desirability hours</th><th className="num">Share of all low-desirability hours</th><th className="num">Share of the third’s time</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}><td>{r.name}</td><td className="num">{fmtHours(r.t.hours)}</td><td className="num">{fmtHours(r.t.lowDesirabilityHours)}</td><td className="num">{fmtPct(r.t.shareOfAll, 1)}</td><td className="num">{fmtPct(r.t.shareOfTercile, 1)}</td></tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartCard id="low-desirability" title="Who does the low-desirability work" caption={caption} summary={summary} theme={theme} legend={legend} table={table}
      exportStem={`${exportStem} – low-desirability work`} mode="terciles" empty={none ? 'No task is rated low in desirability (the lowest third of the scale).' : undefined}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={{ width: 600, height: CHART_HEIGHT }}>
        <BarChart data={rows} margin={{ ...MARGIN, top: 20 }} barCategoryGap="30%" accessibilityLayer={false}>
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" type="category" {...ax} tick={{ fill: theme.text, fontSize: 12 }} label={xLabel(theme, 'Thirds of hours, ranked by empowerment')} interval={0} />
          <YAxis type="number" domain={[0, yMax]} ticks={ticks} {...ax} width={56} label={yLabel(theme, 'Share of low-desirability hours (%)')} />
          <ReferenceLine y={100 / 3} stroke={theme.text} strokeDasharray="5 4" zIndex={700} />
          <Bar dataKey="share" fill={theme.accent} isAnimationActive={false} name="Share of low-desirability hours">
            <LabelList dataKey="label" position="top" fill={theme.text} fontSize={12} fontWeight={600} />
          </Bar>
          <Tooltip content={<TercileTip />} isAnimationActive={false} cursor={{ fill: theme.band }} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export const LowDesirabilityChart = memo(LowDesirabilityChartImpl);
