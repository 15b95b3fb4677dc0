// Pieces shared by the charts: axis styling, the chart height, the heat-map cell of binned plots
// and the heat-map legend.
import { useXAxisScale, useYAxisScale } from 'recharts';
import type { ChartTheme } from './chartTheme';
import type { Bin, BinGrid } from './chartData';
import { fmtInt } from './chartData';
import type { LegendEntry } from './exportChart';

export const CHART_HEIGHT = 340;
export const MARGIN = { top: 12, right: 20, bottom: 28, left: 12 };

/** Tick, line and label styling for an axis in the theme. */
export function axisStyle(theme: ChartTheme) {
  return {
    tick: { fill: theme.muted, fontSize: 12 },
    axisLine: { stroke: theme.grid },
    tickLine: { stroke: theme.grid },
    stroke: theme.grid,
  };
}

export function xLabel(theme: ChartTheme, value: string) {
  return { value, position: 'insideBottom' as const, offset: -16, fill: theme.text, fontSize: 12 };
}

export function yLabel(theme: ChartTheme, value: string) {
  return { value, angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const }, offset: 14, fill: theme.text, fontSize: 12 };
}

/** Scale label, e.g. "Empowerment (1–20)". */
export function scaleLabel(what: string, scale: { min: number; max: number }): string {
  return `${what} (${scale.min}–${scale.max})`;
}

interface BinCellProps {
  payload?: Bin;
  colours: readonly string[];
  stroke: string;
}

/** One heat-map cell: the bin's rectangle in pixels, coloured by its hours step. */
export function BinCell({ payload, colours, stroke }: BinCellProps) {
  const xs = useXAxisScale();
  const ys = useYAxisScale();
  if (!payload || !xs || !ys) return null;
  const x0 = xs(payload.x0);
  const x1 = xs(payload.x1);
  const y0 = ys(payload.y0);
  const y1 = ys(payload.y1);
  if (x0 === undefined || x1 === undefined || y0 === undefined || y1 === undefined) return null;
  return (
    <rect
      x={Math.min(x0, x1)}
      y={Math.min(y0, y1)}
      width={Math.max(1, Math.abs(x1 - x0))}
      height={Math.max(1, Math.abs(y1 - y0))}
      fill={colours[payload.level]}
      stroke={stroke}
      strokeWidth={0.5}
    />
  );
}

/** Legend entries for the five hour steps of a heat map. */
export function heatLegend(grid: BinGrid, theme: ChartTheme): LegendEntry[] {
  const t = grid.thresholds;
  const labels = [`up to ${fmtInt(t[0])} h`, `${fmtInt(t[0])}–${fmtInt(t[1])} h`, `${fmtInt(t[1])}–${fmtInt(t[2])} h`, `${fmtInt(t[2])}–${fmtInt(t[3])} h`, `over ${fmtInt(t[3])} h`];
  return labels.map((label, i) => ({ label, colour: theme.sequential[i], symbol: 'rect' as const, stroke: theme.grid }));
}
