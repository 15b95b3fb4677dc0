// What the two scatter charts (job map, pay) share: their marks — heat-map cells with a tooltip when
// the organization is binned, else one mark per person (or per group of people with the same scores,
// with a count badge) — with the matching legend and note.
import { useMemo, type ReactElement } from 'react';
import { Scatter, Tooltip } from 'recharts';
import { fmtInt, type BinGrid, type DepartmentKey } from './chartData';
import { outline, type ChartTheme } from './chartTheme';
import { BinCell, heatLegend } from './common';
import type { LegendEntry } from './exportChart';
import { density, PointsLayer, type CloudPoint, type Positions } from './PointCloud';

/** Must be rendered inside a recharts ScatterChart; `binTip` is the tooltip content of a cell. */
export function ScatterMarks({ grid, points, positions, theme, binTip }: {
  grid: BinGrid | null;
  points: readonly CloudPoint[];
  positions: Positions;
  theme: ChartTheme;
  binTip: ReactElement;
}) {
  // Stable between hovers, so the memoized layer does not redraw every mark.
  const badge = useMemo(() => ({ fill: theme.surface, text: theme.text }), [theme.surface, theme.text]);
  if (!grid) return <PointsLayer points={points} positions={positions} fillOpacity={density(points.length).opacity} badge={badge} />;
  return (
    <>
      <Scatter name="Jobs" data={grid.bins} isAnimationActive={false} shape={<BinCell colours={theme.sequential} stroke={theme.surface} />} />
      <Tooltip content={binTip} isAnimationActive={false} cursor={false} />
    </>
  );
}

/** Hour steps of the heat map when binned, else the departments' colours and shapes. */
export function scatterLegend(grid: BinGrid | null, departments: readonly DepartmentKey[], theme: ChartTheme): LegendEntry[] {
  if (grid) return heatLegend(grid, theme);
  return departments.map((k) => ({ label: k.label, colour: k.colour, symbol: k.shape, stroke: outline(k.colour, theme.dark) }));
}

/** The note under a binned chart (none for points). */
export function binnedNote(grid: BinGrid | null, people: number, theme: ChartTheme): string | undefined {
  if (!grid) return undefined;
  return `${fmtInt(people)} people, grouped into squares so the chart stays quick; the ${theme.dark ? 'lighter' : 'darker'} the square, the more hours it holds.`;
}
