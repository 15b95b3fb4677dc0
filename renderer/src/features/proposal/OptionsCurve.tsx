// The options curve: each tolerance tried (points, across) against the hours that would change hands
// each week (up), the tolerances that cannot be met shaded at the left, the current one marked; a
// click on a point, or on its button in the list under the chart, picks that tolerance.
import './proposalCharts.css';
import { useId, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, useXAxisScale, useYAxisScale, XAxis, YAxis, ZIndexLayer } from 'recharts';
import type { OptionPoint } from '../../engine/balance/types';
import { TooltipBox } from '../charts/ChartCard';
import { useChartTheme, type ChartTheme } from '../charts/chartTheme';
import { fmtPct } from '../charts/chartData';
import { axisStyle, MARGIN, xLabel, yLabel } from '../charts/common';
import { fmtHours } from '../../ui/figure-format';
import { fmtTolerance, optionLabel, optionOutcome, optionsCurveData, type CurvePoint } from './proposalCharts';

export interface OptionsCurveProps {
  options: OptionPoint[];
  /** The tolerance of the proposal shown, in points. */
  current: number;
  scale: { min: number; max: number };
  onPick: (tolerance: number) => void;
  disabled?: boolean;
}

const HEIGHT = 280;

function optionTip(o: OptionPoint): { title: string; lines: string[] } {
  const lines = [o.status === 'optimal' ? `${optionOutcome(o)} change hands` : `This tolerance ${optionOutcome(o)}`];
  if (o.absoluteGini !== null) lines.push(`Absolute Gini after: ${o.absoluteGini.toFixed(2)} points`);
  if (o.withinTolerance !== null) lines.push(`Within ±${fmtTolerance(o.tolerance)} points: ${fmtPct(o.withinTolerance)} of hours`);
  return { title: `Tolerance ±${fmtTolerance(o.tolerance)} points`, lines };
}

function CurveTip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const p = active ? (payload?.[0]?.payload as CurvePoint | undefined) : undefined;
  if (!p) return null;
  const t = optionTip(p.option);
  return <TooltipBox title={t.title} lines={t.lines} />;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** The clickable marks (inside the chart): a dot per solved option, a cross on the x axis per unmet one. */
function PointMarks({ solved, unmet, current, theme, onPick, disabled }: {
  solved: CurvePoint[]; unmet: OptionPoint[]; current: number; theme: ChartTheme; onPick: (t: number) => void; disabled: boolean;
}) {
  const xs = useXAxisScale();
  const ys = useYAxisScale();
  if (!xs || !ys) return null;
  const y0 = ys(0) ?? 0;
  const pick = (t: number) => (disabled ? undefined : () => onPick(t));
  return (
    <ZIndexLayer zIndex={600}>
      <g className={`option-marks${disabled ? ' disabled' : ''}`}>
        {solved.map((p) => {
          const cx = xs(p.x) ?? NaN;
          const cy = ys(p.y) ?? NaN;
          if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
          const here = near(p.x, current);
          return (
            <g key={p.x} className="option-dot" data-tolerance={p.x} onClick={pick(p.x)}>
              <circle cx={cx} cy={cy} r={12} fill="transparent" />
              <circle cx={cx} cy={cy} r={here ? 7 : 5} fill={here ? theme.accent : theme.surface} stroke={theme.accent} strokeWidth={2} />
            </g>
          );
        })}
        {unmet.map((o) => {
          const cx = xs(o.tolerance) ?? NaN;
          if (!Number.isFinite(cx)) return null;
          return (
            <g key={o.tolerance} className="option-dot unmet" data-tolerance={o.tolerance} onClick={pick(o.tolerance)}>
              <circle cx={cx} cy={y0} r={12} fill="transparent" />
              <path d={`M${cx - 5},${y0 - 5}L${cx + 5},${y0 + 5}M${cx - 5},${y0 + 5}L${cx + 5},${y0 - 5}`} stroke={theme.muted} strokeWidth={2} />
            </g>
          );
        })}
      </g>
    </ZIndexLayer>
  );
}

export function OptionsCurve({ options, current, scale, onPick, disabled = false }: OptionsCurveProps) {
  const theme = useChartTheme();
  const titleId = useId();
  const data = useMemo(() => optionsCurveData(options, current), [options, current]);
  const ax = axisStyle(theme);
  const unit = `points on the ${scale.min}–${scale.max} scale`;
  const first = data.solved[0];
  const last = data.solved[data.solved.length - 1];
  const summary = data.solved.length === 0
    ? `No tolerance tried could be met; the current one is ±${fmtTolerance(current)} points.`
    : `Options curve: a tighter tolerance moves more hours — from ${fmtHours(first.y)} h a week at ±${fmtTolerance(first.x)} points to ${fmtHours(last.y)} h at ±${fmtTolerance(last.x)} points.` +
      (data.unmetUpTo !== null ? ` ±${fmtTolerance(data.unmetUpTo)} points or tighter cannot be met.` : '') +
      ` The proposal shown uses ±${fmtTolerance(current)} points.`;

  return (
    <section className="card chart-card options-curve" data-testid="options-curve" aria-labelledby={titleId} data-disabled={disabled || undefined}>
      <header className="chart-head">
        <h3 id={titleId}>Options: tolerance against hours moved</h3>
      </header>
      <p className="chart-caption">
        A tighter band (left) brings every job closer to the average but moves more hours between people. Click a point, or choose it below, to make the proposal at that tolerance.
      </p>
      {options.length === 0 ? (
        <div className="chart-empty">No options were traced for this proposal.</div>
      ) : (
        <div className="chart-frame" role="img" aria-label={summary}>
          <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 600, height: HEIGHT }}>
            <LineChart data={data.solved} margin={{ ...MARGIN, top: 20, left: 16 }} accessibilityLayer={false}>
              <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
              <XAxis type="number" dataKey="x" domain={[0, data.x.max]} ticks={data.x.ticks} allowDataOverflow {...ax} label={xLabel(theme, `Tolerance (± ${unit})`)} />
              <YAxis type="number" dataKey="y" domain={[0, data.y.max]} ticks={data.y.ticks} allowDataOverflow {...ax} width={64} label={yLabel(theme, 'Hours moved a week (h)')} />
              {data.unmetUpTo !== null && (
                <ReferenceArea x1={0} x2={data.unmetUpTo} fill={theme.surface2} fillOpacity={1} stroke={theme.grid} ifOverflow="hidden"
                  label={{ value: 'cannot be met', position: 'insideBottomLeft', offset: 14, fill: theme.muted, fontSize: 11 }} />
              )}
              <ReferenceLine x={current} stroke={theme.text} strokeDasharray="5 4" ifOverflow="extendDomain"
                label={{ value: `now ±${fmtTolerance(current)}`, position: 'top', fill: theme.text, fontSize: 11 }} />
              <Line type="linear" dataKey="y" stroke={theme.accent} strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} name="Hours moved a week" />
              <Tooltip content={<CurveTip />} isAnimationActive={false} cursor={{ stroke: theme.muted, strokeDasharray: '3 3' }} />
              <PointMarks solved={data.solved} unmet={data.unmet} current={current} theme={theme} onPick={onPick} disabled={disabled} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      {data.sorted.length > 0 && (
        <ul className="option-points" aria-label="Pick a tolerance">
          {data.sorted.map((o) => {
            const here = near(o.tolerance, current);
            return (
              <li key={o.tolerance}>
                <button type="button" data-testid="option-point" data-tolerance={o.tolerance} disabled={disabled}
                  className={`${here ? 'current' : ''}${o.status === 'optimal' ? '' : ' unmet'}`.trim() || undefined}
                  aria-current={here ? 'true' : undefined} onClick={() => onPick(o.tolerance)}>
                  {optionLabel(o)}{here ? ' (shown)' : ''}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
