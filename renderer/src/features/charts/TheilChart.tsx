// Theil index split into "between departments" and "within departments" for empowerment and
// desirability (or by role), measured from the bottom of the scale like the Gini. A large between
// share means the departments themselves are ranked by how empowering their work is.
import { memo, useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuditReport } from '../../engine/analysis/auditReport';
import { ChartCard, TooltipBox } from './ChartCard';
import type { ChartTheme } from './chartTheme';
import { fmtPct, niceAxisFromZero } from './chartData';
import { axisStyle, MARGIN, xLabel } from './common';
import type { LegendEntry } from './exportChart';
import { fromBottom } from '../overview/scaleZero';

type GroupBy = 'department' | 'role';

interface Row {
  name: string;
  between: number;
  within: number;
  total: number;
  label: string;
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
}

const fmt3 = (n: number) => n.toFixed(3);
const THEIL_HEIGHT = 240;

/** Exported for its test. */
export function TheilTip({ active, payload, groupBy, zero }: TooltipProps & { groupBy: GroupBy; zero: string }) {
  const r = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
  if (!r) return null;
  const share = r.total > 0 ? r.between / r.total : 0;
  return <TooltipBox title={r.name} lines={[`Theil index ${fmt3(r.total)}, ${zero}`, `Between ${groupBy}s ${fmt3(r.between)} (${fmtPct(share)})`, `Within ${groupBy}s ${fmt3(r.within)} (${fmtPct(r.total > 0 ? 1 - share : 0)})`]} />;
}

export interface TheilProps {
  report: AuditReport;
  theme: ChartTheme;
  exportStem: string;
}

function clampSplit(s: { total: number; between: number; within: number }) {
  // Rounding can leave a tiny negative part; draw it as zero.
  return { total: Math.max(0, s.total), between: Math.max(0, s.between), within: Math.max(0, s.within) };
}

function TheilChartImpl({ report, theme, exportStem }: TheilProps) {
  const [groupBy, setGroupBy] = useState<GroupBy>('department');
  const selectId = useId();
  const rows: Row[] = (['empowerment', 'desirability'] as const).map((dim) => {
    const s = clampSplit(report.metrics[dim].theil[groupBy]);
    const share = s.total > 0 ? s.between / s.total : 0;
    return { name: dim === 'empowerment' ? 'Empowerment' : 'Desirability', ...s, label: s.total > 0 ? `${fmt3(s.total)} (${fmtPct(share)} between)` : '0' };
  });
  const [e, d] = rows;
  const shareE = e.total > 0 ? e.between / e.total : 0;
  const plural = `${groupBy}s`;
  // Theil, like the Gini, counts a rating at the bottom of the scale as none.
  const zero = fromBottom(report.scale);
  const caption = e.total > 0
    ? `${fmtPct(shareE)} of the unevenness in empowerment (Theil index, ${zero}) is between ${plural} rather than within them; a large “between” share means some ${plural} hold more of the empowering work than others.`
    : `Empowerment is spread evenly: there is no unevenness between or within ${plural}.`;
  const summary = `Theil index split by ${groupBy}, ${zero}. Empowerment: total ${fmt3(e.total)}, between ${plural} ${fmt3(e.between)}, within ${fmt3(e.within)}. Desirability: total ${fmt3(d.total)}, between ${fmt3(d.between)}, within ${fmt3(d.within)}.`;
  const legend: LegendEntry[] = [
    { label: `Between ${plural}`, colour: theme.between, symbol: 'rect' },
    { label: `Within ${plural}`, colour: theme.within, symbol: 'rect' },
  ];
  const { max: domainMax, ticks } = niceAxisFromZero(Math.max(e.total, d.total), 4);
  const ax = axisStyle(theme);
  const table = (
    <table>
      <caption>Theil index (0 = even, {zero}) split between and within {plural}</caption>
      <thead><tr><th>Rating</th><th className="num">Total</th><th className="num">Between {plural}</th><th className="num">Within {plural}</th><th className="num">Between share</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}><td>{r.name}</td><td className="num">{fmt3(r.total)}</td><td className="num">{fmt3(r.between)}</td><td className="num">{fmt3(r.within)}</td><td className="num">{fmtPct(r.total > 0 ? r.between / r.total : 0)}</td></tr>
        ))}
      </tbody>
    </table>
  );
  const controls = (
    <label className="chart-control" htmlFor={selectId}>
      <span>Split by</span>
      <select id={selectId} value={groupBy} onChange={(ev) => setGroupBy(ev.target.value as GroupBy)}>
        <option value="department">Department</option>
        <option value="role">Role</option>
      </select>
    </label>
  );
  return (
    <ChartCard id="theil" title={`Inequality between and within ${plural} (Theil)`} caption={caption} summary={summary} theme={theme} legend={legend} table={table}
      exportStem={`${exportStem} – Theil by ${groupBy}`} controls={controls} mode={groupBy}>
      <ResponsiveContainer width="100%" height={THEIL_HEIGHT} initialDimension={{ width: 600, height: THEIL_HEIGHT }}>
        <BarChart data={rows} layout="vertical" margin={{ ...MARGIN, right: 150, left: 8 }} barCategoryGap="30%" accessibilityLayer={false}>
          <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, domainMax]} ticks={ticks} {...ax} tickFormatter={(v: number) => (v === 0 ? '0' : v.toFixed(2))} label={xLabel(theme, 'Theil index (0 = even; from the bottom of the scale)')} />
          <YAxis type="category" dataKey="name" {...ax} tick={{ fill: theme.text, fontSize: 12 }} width={92} />
          <Bar dataKey="between" stackId="t" fill={theme.between} isAnimationActive={false} name={`Between ${plural}`} />
          <Bar dataKey="within" stackId="t" fill={theme.within} isAnimationActive={false} name={`Within ${plural}`}>
            <LabelList dataKey="label" content={(p: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown }) => (
              <text x={Number(p.x) + Number(p.width) + 8} y={Number(p.y) + Number(p.height) / 2} dominantBaseline="central" fill={theme.text} fontSize={12}>{String(p.value)}</text>
            )} />
          </Bar>
          <Tooltip content={<TheilTip groupBy={groupBy} zero={zero} />} isAnimationActive={false} cursor={{ fill: theme.band }} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export const TheilChart = memo(TheilChartImpl);
